// Plain text -> blocks: one block per line (or per paragraph when the text is hard-wrapped, or per piece of a line of glued
// paragraphs), with kinds.
import type { Block, BlockKind } from '../../core/doc.js';
import { countWords, endsLikeSentence } from '../../core/text.js';
import { isGluedLine, splitGlued } from './glued.js';

const BULLET = /^(?:[•*·▪●◦‣►■□✓➢-]|\d{1,3}[.)])\s+\S/u;

export const isListItem = (line: string): boolean => BULLET.test(line);

/**
 * A text is hard-wrapped when most of its lines sit inside multi-line paragraphs separated by blank lines,
 * and those lines are no longer than a terminal's width: then a paragraph's lines are one block.
 */
export const isHardWrapped = (paragraphs: string[][], width: number): boolean => {
  const lines = paragraphs.reduce((n, p) => n + p.length, 0);
  const wrapped = paragraphs.filter((p) => p.length >= 2);
  const wrappedLines = wrapped.reduce((n, p) => n + p.length, 0);
  if (wrapped.length === 0 || wrappedLines < lines * 0.5) return false;
  const inner = wrapped.flatMap((p) => p.slice(0, -1)); // a paragraph's last line may be short
  if (inner.length < 3) return false; // too little to tell
  const short = inner.filter((l) => l.length <= width).length;
  const long = inner.filter((l) => l.length >= width * 0.4).length;
  // Wrapping cuts sentences: many lines go on in lowercase (a list of short items does not).
  const continued = wrapped.reduce((n, p) => n + p.slice(1).filter((l) => /^\p{Ll}/u.test(l)).length, 0);
  return short >= inner.length * 0.9 && long >= inner.length * 0.6 && continued >= inner.length * 0.25;
};

/** Splits normalized text (lines trimmed, at most one blank line between paragraphs) into lines-of-blocks. */
const units = (text: string, width: number): string[] => {
  const paragraphs = text
    .split(/\n\n+/)
    .map((p) => p.split('\n').filter((l) => l !== ''))
    .filter((p) => p.length > 0);
  if (!isHardWrapped(paragraphs, width)) {
    // Paragraphs a reader tool glued into one long line ("agoThe", "quarter.Dow") become blocks again.
    const lines = paragraphs.flat();
    return lines.flatMap((line) => (isGluedLine(line, lines.length) ? splitGlued(line) : [line]));
  }
  const out: string[] = [];
  for (const para of paragraphs) {
    let current = '';
    for (const line of para) {
      // A bullet inside a wrapped paragraph starts a new item; its wrapped continuation joins it.
      if (current && isListItem(line)) {
        out.push(current);
        current = line;
      } else current = current ? `${current} ${line}` : line;
    }
    if (current) out.push(current);
  }
  return out;
};

const MAX_HEADING_WORDS = 12;

const isShortLine = (line: string): boolean => {
  const words = countWords(line);
  return words > 0 && words <= MAX_HEADING_WORDS && !endsLikeSentence(line) && !isListItem(line);
};

/**
 * A short, unpunctuated, capitalized line that introduces a longer paragraph, and does not end a run of
 * short lines (the last of a list of headlines is not a heading).
 */
export const looksLikeHeading = (line: string, next: string | undefined, prev?: string): boolean => {
  if (next === undefined || !isShortLine(line)) return false;
  if (prev !== undefined && isShortLine(prev)) return false;
  if (line === line.toLowerCase()) return false; // all lowercase, or no letters at all ("403")
  const words = countWords(line);
  // Followed by a paragraph, not by another short line (a list of headlines is not a run of headings).
  const nextWords = countWords(next);
  return nextWords > MAX_HEADING_WORDS && nextWords > words * 1.5 && !isListItem(next);
};

/** Blocks of a plain-text document; every line's text is kept exactly (a glued line's pieces concatenate to it). */
export const textBlocks = (text: string, opts: { hardWrapWidth: number }): Block[] => {
  const lines = units(text, opts.hardWrapWidth);
  return lines.map((line, i): Block => {
    const kind: BlockKind = isListItem(line) ? 'list_item' : looksLikeHeading(line, lines[i + 1], lines[i - 1]) ? 'heading' : 'paragraph';
    return { kind, text: line, removed: null };
  });
};
