// Main-content selection for text dumps: a scraper's whole-page text has the article as one run of prose lines,
// with menus, footers and link lists (short lines) above and below it.
import { z } from 'zod';
import type { Block } from '../../core/doc.js';
import { blockWords, proseRun, SHORT_LINE_COST, SHORT_LINE_WORDS } from '../../core/text.js';

export const TextOptions = z
  .object({
    /** Lines shorter than this that do not end a sentence are short lines: menu items, link labels. */
    shortLineWords: z.number().int().min(1).default(SHORT_LINE_WORDS),
    /** What a short line costs against a word of prose (at least this, or its word count). */
    shortLineCost: z.number().min(0).default(SHORT_LINE_COST),
    /** The text above or below the article goes only when it holds at least this many short lines. */
    minEdgeLines: z.number().int().min(1).default(4),
    /** ...and when at least this share of them are short lines without figures (a menu, not a table). */
    minMenuShare: z.number().min(0).max(1).default(0.6),
  })
  .strict();
export type TextOptions = z.infer<typeof TextOptions>;

/**
 * Keeps the run of lines with the most prose net of short lines (a maximum-sum segment); the lines above and
 * below it go as `outside_main_content` when there are enough of them to be a menu or a footer, so a lone
 * headline or sign-off line stays.
 */
export const selectTextContent = (blocks: Block[], opts: TextOptions, remove: (b: Block, code: string) => void): void => {
  const kept = blocks.filter((b) => !b.removed);
  const run = proseRun(kept, opts.shortLineWords, opts.shortLineCost);
  let bestStart = run.start;
  const bestEnd = run.end;
  if (bestEnd < 0) return;
  // The heading right above the article is its headline.
  if (bestStart > 0 && kept[bestStart - 1]!.kind === 'heading') bestStart--;
  // Lines earlier rules already took out (a cookie notice in the footer) still count towards the edge's size.
  const first = blocks.indexOf(kept[bestStart]!);
  const last = blocks.indexOf(kept[bestEnd]!);
  for (const edge of [blocks.slice(0, first), blocks.slice(last + 1)]) {
    // A menu is words without figures ("Home", "Sport"); a table or a list of dates and prices is data.
    const menuLike = edge.filter((b) => b.removed || (blockWords(b) <= opts.shortLineWords && !/\d/.test(b.text))).length;
    if (edge.length >= opts.minEdgeLines && menuLike >= opts.minMenuShare * edge.length) {
      for (const b of edge) remove(b, 'outside_main_content');
    }
  }
};
