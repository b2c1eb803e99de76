// The article-extraction-benchmark body metric (scrapinghub/article-extraction-benchmark, evaluate.py):
// token 4-gram shingles compared as multisets, each page normalized so every page weighs the same.
import { mean } from './mean.js';

/**
 * Python's `\w+` under re.UNICODE: letters, digits and `_`. Marks (Mn/Mc) are not `\w` in Python,
 * so a combining accent splits a token there, and must here too.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

const SHINGLE = 4;

/** Every run of 4 consecutive tokens; a text of 1-3 tokens is one shingle, no tokens none. */
export const shingles = (tokens: string[], n = SHINGLE): Map<string, number> => {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    // \u0001 cannot occur inside a token, so joined keys are unambiguous.
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

export interface PageBodyScore {
  /** Shares of tp, fp, fn in tp+fp+fn (all 0 when both sides have no token). */
  tp: number;
  fp: number;
  fn: number;
  /** The two sides have identical token lists. */
  exact: boolean;
  predictedEmpty: boolean;
  truthEmpty: boolean;
}

export const scorePage = (truth: string, predicted: string): PageBodyScore => {
  const trueTokens = tokenize(truth);
  const predTokens = tokenize(predicted);
  const t = shingles(trueTokens);
  const p = shingles(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  return {
    tp,
    fp,
    fn,
    exact: trueTokens.length === predTokens.length && trueTokens.every((tok, i) => tok === predTokens[i]),
    predictedEmpty: predTokens.length === 0,
    truthEmpty: trueTokens.length === 0,
  };
};

/** Precision and recall of one page, null where undefined (empty prediction / empty truth). */
export const pagePrecision = (s: PageBodyScore): number | null => (s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : null);
export const pageRecall = (s: PageBodyScore): number | null => (s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : null);

export const f1 = (precision: number, recall: number): number =>
  precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;

export interface BodyScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Pages whose prediction has no token (rejected or emptied documents). */
  empty: number;
}

/** Precision averages the pages with a prediction, recall those with a truth; F1 is of the two means. */
export const aggregateBody = (scores: PageBodyScore[]): BodyScore => {
  const precision = mean(scores.map(pagePrecision).filter((x): x is number => x !== null));
  const recall = mean(scores.map(pageRecall).filter((x): x is number => x !== null));
  return {
    pages: scores.length,
    precision,
    recall,
    f1: f1(precision, recall),
    accuracy: scores.length ? scores.filter((s) => s.exact).length / scores.length : 0,
    empty: scores.filter((s) => s.predictedEmpty).length,
  };
};
