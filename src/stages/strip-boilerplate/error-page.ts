// Error pages: a "403 / Sorry!! / page not found" header glued on top of an article is cut off;
// a document that is nothing but such lines (or that keeps nothing but had such lines) is rejected.
import { z } from 'zod';
import { RegexSource } from '../../core/regex.js';
import type { Block } from '../../core/doc.js';
import { blockWords } from '../../core/text.js';

export const ErrorPageOptions = z
  .object({
    /** Regular expressions (case-insensitive) for lines that belong to an error page. */
    patterns: z.array(RegexSource('iu')).default([]),
    /** Longer blocks are never taken for error-page lines. */
    maxWords: z.number().int().positive().default(30),
    /** With error lines present, a body shorter than this is taken for the error page itself. */
    minArticleWords: z.number().int().min(0).default(40),
  })
  .strict();
export type ErrorPageOptions = z.infer<typeof ErrorPageOptions>;

export interface ErrorPageVerdict {
  /** Blocks at the edges of the document that are error-page lines. */
  edges: Block[];
  /** True when nothing article-like is left once they are gone. */
  wholePage: boolean;
  /** The first error line seen, for the rejection message. */
  evidence: string | null;
}

export const compileErrorPatterns = (patterns: string[]): RegExp[] => patterns.map((p) => new RegExp(p, 'iu'));

/** Looks at the kept blocks: which leading/trailing ones are error lines, and is there an article beside them? */
export const findErrorPage = (blocks: Block[], patterns: RegExp[], opts: ErrorPageOptions): ErrorPageVerdict => {
  const kept = blocks.filter((b) => !b.removed);
  const isError = (b: Block) => blockWords(b) <= opts.maxWords && patterns.some((re) => re.test(b.text));
  let start = 0;
  while (start < kept.length && isError(kept[start]!)) start++;
  let end = kept.length;
  while (end > start && isError(kept[end - 1]!)) end--;
  const edges = [...kept.slice(0, start), ...kept.slice(end)];
  const middle = kept.slice(start, end);
  const anyError = edges.length > 0 || middle.some(isError);
  const articleWords = middle.filter((b) => !isError(b)).reduce((n, b) => n + blockWords(b), 0);
  // Nothing kept at all: main-content selection may have taken the error page's own lines for boilerplate (a
  // server's bare 404 page); they still say what the page was.
  const removedError = !anyError && articleWords === 0 ? blocks.find((b) => b.removed && isError(b)) : undefined;
  const wholePage = (anyError || removedError !== undefined) && articleWords < opts.minArticleWords;
  const evidence = (edges[0] ?? middle.find(isError) ?? removedError)?.text ?? null;
  return { edges, wholePage, evidence };
};
