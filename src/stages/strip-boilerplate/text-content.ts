// Main-content selection for text dumps: a scraper's whole-page text has the article as one run of prose lines,
// with menus, teaser lists, comments and footers around it, and section breaks (a share bar, "Related articles",
// "Comments") between the article and what follows it.
import { z } from 'zod';
import type { Block } from '../../core/doc.js';
import { blockWords, endsLikeSentence, SHORT_LINE_COST, SHORT_LINE_WORDS } from '../../core/text.js';

export const TextOptions = z
  .object({
    /** Lines shorter than this that do not end a sentence are short lines: menu items, link labels. */
    shortLineWords: z.number().int().min(1).default(SHORT_LINE_WORDS),
    /** What a short line costs against a word of prose (at least this, or its word count). */
    shortLineCost: z.number().min(0).default(SHORT_LINE_COST),
    /**
     * A longer line that does not end a sentence (a teaser headline, a list of tags) adds nothing to the run unless
     * it has this many words (a paragraph whose last period the scraper lost).
     */
    unpunctuatedWords: z.number().int().min(1).default(40),
    /**
     * Rule codes whose lines open a section that is not the article (share bars, related and most-read lists,
     * comments, newsletter and follow prompts, tags, legal notices): the article's run stops at them.
     */
    sectionBreaks: z
      .array(z.string())
      .default([
        'share_widget', 'share_prompt_i18n', 'trailing_headlines', 'read_more_list', 'related_heading_i18n',
        'newsletter_prompt', 'newsletter_prompt_i18n', 'comments_widget', 'comment_prompt_i18n', 'tags_line_i18n',
        'legal_disclaimer', 'disclaimer_text', 'rights_notice_i18n', 'social_follow_i18n', 'subscribe_donate_i18n',
        'promo_line', 'contact_line', 'app_promo_i18n', 'cookie_notice', 'cookie_notice_i18n',
      ]),
    /**
     * The article resumes past a section break (an inline "Read more" teaser, a mid-article newsletter box) when, after
     * at most `resumeGap` short lines, a sentence of at least `resumeWords` words follows.
     */
    resumeWords: z.number().int().min(1).default(10),
    resumeGap: z.number().int().min(0).default(3),
    /** ...and goes on for this many words of prose (one teaser's summary under "Related" is not the article resuming). */
    resumeRunWords: z.number().int().min(0).default(40),
    /**
     * The run opening under the headline anatomy found is the article's when it holds at least this share of the
     * prose of the text's best run (a menu repeating the title does not move the article there).
     */
    headlineRunShare: z.number().min(0).max(1).default(0.3),
    /** The text above or below the article goes only when it holds at least this many short lines. */
    minEdgeLines: z.number().int().min(1).default(4),
    /** ...and when at least this share of them are short lines without figures (a menu, not a table). */
    minMenuShare: z.number().min(0).max(1).default(0.6),
  })
  .strict();
export type TextOptions = z.infer<typeof TextOptions>;

/** What a line adds to the article's run: its words for prose, a cost for a short line or a section break, null to skip it. */
const weigher = (opts: TextOptions, isBreak: (b: Block) => boolean) => {
  return (b: Block): number | null => {
    if (b.removed) return isBreak(b) ? -BREAK : null;
    const words = blockWords(b);
    const sentence = endsLikeSentence(b.text);
    if (words < opts.shortLineWords && !(words >= 3 && sentence)) return -Math.max(opts.shortLineCost, words);
    return sentence || words >= opts.unpunctuatedWords ? words : 0;
  };
};

/** A section break costs as much as this many words of prose: the run crosses one only for a longer article after it. */
const BREAK = 200;
const proseBefore = (weights: Array<number | null>, end: number): number => weights.slice(0, end).reduce<number>((sum, w) => sum + Math.max(0, w ?? 0), 0);

/** The best run of blocks[from..to]: anywhere (maximum-sum segment) or opening at `from` (best prefix). */
const bestRun = (weights: Array<number | null>, from: number, to: number, anywhere: boolean): { first: number; last: number; sum: number } => {
  let [best, first, last, sum, start] = [0, -1, -1, 0, from];
  for (let i = from; i <= to; i++) {
    const w = weights[i];
    if (w === null || w === undefined) continue;
    if (anywhere && sum <= 0) [sum, start] = [0, i];
    sum += w;
    if (sum > best) [best, first, last] = [sum, start, i];
  }
  return { first, last, sum: best };
};

/**
 * Keeps the article's run: the lines under the headline anatomy found, else the run with the most prose net of
 * short lines, up to a section break, and on past breaks the article resumes after. Beyond a section break
 * outside the run everything goes as `outside_main_content`; nearer lines go when their side reads as a menu or a
 * footer (enough short lines without figures), so a lone sign-off line stays.
 */
export const selectTextContent = (blocks: Block[], opts: TextOptions, remove: (b: Block, code: string) => void): void => {
  const breaks = new Set(opts.sectionBreaks);
  const isBreak = (b: Block) => b.removed !== null && breaks.has(b.removed.code);
  const weights = blocks.map(weigher(opts, isBreak));
  // A comment thread under an article (its first comment header after some prose) is never the article's text.
  const thread = blocks.findIndex((b, i) => b.role?.name === 'comment_header' && proseBefore(weights, i) >= opts.resumeRunWords);
  const n = thread >= 0 ? thread : blocks.length;
  // Lines the article's text may skip: removed ones and short lines.
  const between = (i: number) => weights[i] === null || weights[i]! < 0;
  const top = bestRun(weights, 0, n - 1, true);
  if (top.last < 0) return;
  let { first, last } = top;
  const headline = blocks.findIndex((b) => b.role?.name === 'headline');
  if (headline >= 0) {
    let open = headline + 1;
    while (open < n && between(open)) open++;
    const under = bestRun(weights, open, n - 1, false);
    if (under.last >= 0 && under.sum >= opts.headlineRunShare * top.sum) [first, last] = [headline, under.last];
  }
  // The article resumes past a break when a sentence follows it closely.
  const resumes = (i: number): boolean => {
    const b = blocks[i];
    return b !== undefined && !b.removed && blockWords(b) >= opts.resumeWords && endsLikeSentence(b.text);
  };
  const gapTo = (from: number, step: 1 | -1): number => {
    let [i, short] = [from, 0];
    for (; i >= 0 && i < n && between(i); i += step) if (!blocks[i]!.removed && ++short > opts.resumeGap) return -1;
    return i >= 0 && i < n && resumes(i) ? i : -1;
  };
  for (let next = gapTo(last + 1, 1); next >= 0; next = gapTo(last + 1, 1)) {
    const more = bestRun(weights, next, n - 1, false);
    if (more.last < 0 || more.sum < opts.resumeRunWords) break;
    last = more.last;
  }
  for (let prev = gapTo(first - 1, -1); prev >= 0; prev = gapTo(first - 1, -1)) {
    const reversed = weights.slice(0, prev + 1).reverse();
    const more = bestRun(reversed, 0, prev, false);
    if (more.last < 0 || more.sum < opts.resumeRunWords) break;
    first = prev - more.last;
  }
  while (first < last && blocks[first]!.removed) first++;
  // The heading right above the article is its headline.
  let above = first - 1;
  while (above >= 0 && blocks[above]!.removed) above--;
  if (above >= 0 && blocks[above]!.kind === 'heading') first = above;

  for (const side of [blocks.slice(0, first).reverse(), blocks.slice(last + 1)]) {
    // Past a section break nothing is the article's.
    const cut = side.findIndex((b) => isBreak(b) || b === blocks[thread]);
    const near = cut >= 0 ? side.slice(0, cut) : side;
    if (cut >= 0) for (const b of side.slice(cut)) remove(b, 'outside_main_content');
    // A menu is words without figures ("Home", "Sport"); a table or a list of dates and prices is data.
    const menuLike = side.filter((b) => b.removed || (blockWords(b) <= opts.shortLineWords && !/\d/.test(b.text))).length;
    if (side.length >= opts.minEdgeLines && menuLike >= opts.minMenuShare * side.length) for (const b of near) remove(b, 'outside_main_content');
  }
};
