// Error pages: a "403 / Sorry!! / page not found" header glued on top of an article is cut off;
// a document that is nothing but such lines (or that keeps nothing but had such lines) is rejected.
import { z } from 'zod';
import { PatternSet } from '../../core/pattern-set.js';
import { RegexSource } from '../../core/regex.js';
import type { Block } from '../../core/doc.js';
import { blockWords } from '../../core/text.js';
import { caseBlind } from './rules.js';

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

export interface ErrorPatterns {
  list: RegExp[];
  /** Per pattern: tested without the `i` flag on the lowercased text (as the phrase rules are), else with `i` on the text. */
  lower: boolean[];
  literals: PatternSet;
}

export const compileErrorPatterns = (patterns: string[]): ErrorPatterns => {
  const lower = patterns.map(caseBlind);
  const list = patterns.map((p, i) => new RegExp(p, lower[i] ? 'u' : 'iu'));
  let literals: PatternSet | null = null;
  return {
    list,
    lower,
    // Built at the first document (see compileRules).
    get literals() {
      return (literals ??= PatternSet.of(list));
    },
  };
};

/** Looks at the kept blocks: which leading/trailing ones are error lines, and is there an article beside them? */
export const findErrorPage = (blocks: Block[], patterns: ErrorPatterns, opts: ErrorPageOptions): ErrorPageVerdict => {
  const kept = blocks.filter((b) => !b.removed);
  // Each block is judged once: the edges, the middle and the article's words all ask.
  const judged = new Map<Block, boolean>();
  const isError = (b: Block): boolean => {
    let yes = judged.get(b);
    if (yes === undefined) {
      yes = false;
      if (blockWords(b) <= opts.maxWords) {
        const lower = b.text.toLowerCase();
        yes = patterns.literals.candidates(lower).some((k) => patterns.list[k]!.test(patterns.lower[k] ? lower : b.text));
      }
      judged.set(b, yes);
    }
    return yes;
  };
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
