// Repetition checks on the clean body, with the thresholds Gopher published (Rae et al. 2021, "Scaling Language
// Models", appendix A.1.1) and as DataTrove's GopherRepetitionFilter computes them: a body that repeats its lines,
// its paragraphs or its n-grams this much is spam, a scraper loop or a template, not an article.
import { z } from 'zod';

const Share = z.number().min(0).max(1);

export const RepetitionOptions = z
  .object({
    /** Share of lines that repeat an earlier line. */
    duplicateLines: Share.default(0.3),
    /** Share of paragraphs that repeat an earlier paragraph. */
    duplicateParagraphs: Share.default(0.3),
    /** Share of the characters in lines that repeat an earlier one. */
    duplicateLineChars: Share.default(0.2),
    /** Share of the characters in paragraphs that repeat an earlier one. */
    duplicateParagraphChars: Share.default(0.2),
    /** n -> share of the characters covered by the most frequent n-gram. */
    topNgramChars: z.record(z.string().regex(/^\d+$/), Share).default({ 2: 0.2, 3: 0.18, 4: 0.16 }),
    /** n -> share of the characters in n-grams that repeat an earlier one. */
    duplicateNgramChars: z.record(z.string().regex(/^\d+$/), Share).default({ 5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.1 }),
  })
  .strict();
export type RepetitionOptions = z.infer<typeof RepetitionOptions>;

export interface RepetitionFailure {
  code: 'repeated_lines' | 'repeated_paragraphs' | 'repeated_line_chars' | 'repeated_paragraph_chars' | 'repeated_top_ngram' | 'repeated_ngrams';
  detail: string;
}

/** How many elements repeat an earlier one, and their characters. */
const duplicates = (items: string[]): { count: number; chars: number } => {
  const seen = new Set<string>();
  let count = 0;
  let chars = 0;
  for (const x of items) {
    if (seen.has(x)) {
      count++;
      chars += x.length;
    } else seen.add(x);
  }
  return { count, chars };
};

/** Characters covered by the most frequent n-gram (its length times its count). */
const topNgram = (words: string[], n: number): { gram: string; chars: number } => {
  const counts = new Map<string, number>();
  let best = '';
  let bestChars = 0;
  for (let i = 0; i + n <= words.length; i++) {
    const gram = words.slice(i, i + n).join(' ');
    const c = (counts.get(gram) ?? 0) + 1;
    counts.set(gram, c);
    if (c * gram.length > bestChars) {
      bestChars = c * gram.length;
      best = gram;
    }
  }
  return { gram: best, chars: counts.get(best) && counts.get(best)! > 1 ? bestChars : 0 };
};

/** Characters of n-grams that repeat an earlier one, a repeat skipping its n words (DataTrove's find_all_duplicate). */
const repeatedNgramChars = (words: string[], n: number): number => {
  const seen = new Set<string>();
  let chars = 0;
  for (let i = 0; i + n <= words.length; ) {
    const gram = words.slice(i, i + n).join('');
    if (seen.has(gram)) {
      chars += gram.length;
      i += n;
    } else {
      seen.add(gram);
      i++;
    }
  }
  return chars;
};

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** The first repetition check the body fails, or null. */
export const checkRepetition = (body: string, o: RepetitionOptions): RepetitionFailure | null => {
  const total = body.length;
  if (!total) return null;
  const paragraphs = body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const lines = body.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const para = duplicates(paragraphs);
  if (paragraphs.length && para.count / paragraphs.length > o.duplicateParagraphs) {
    return { code: 'repeated_paragraphs', detail: `${para.count} of ${paragraphs.length} paragraphs repeat an earlier one (more than ${pct(o.duplicateParagraphs)})` };
  }
  if (para.chars / total > o.duplicateParagraphChars) {
    return { code: 'repeated_paragraph_chars', detail: `repeated paragraphs hold ${pct(para.chars / total)} of the characters (more than ${pct(o.duplicateParagraphChars)})` };
  }
  const line = duplicates(lines);
  if (lines.length && line.count / lines.length > o.duplicateLines) {
    return { code: 'repeated_lines', detail: `${line.count} of ${lines.length} lines repeat an earlier one (more than ${pct(o.duplicateLines)})` };
  }
  if (line.chars / total > o.duplicateLineChars) {
    return { code: 'repeated_line_chars', detail: `repeated lines hold ${pct(line.chars / total)} of the characters (more than ${pct(o.duplicateLineChars)})` };
  }
  const words = body.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu) ?? [];
  for (const [n, max] of Object.entries(o.topNgramChars)) {
    const top = topNgram(words, Number(n));
    if (top.chars / total > max) {
      return { code: 'repeated_top_ngram', detail: `the ${n}-gram "${top.gram}" covers ${pct(top.chars / total)} of the characters (more than ${pct(max)})` };
    }
  }
  for (const [n, max] of Object.entries(o.duplicateNgramChars)) {
    const chars = repeatedNgramChars(words, Number(n));
    if (chars / total > max) {
      return { code: 'repeated_ngrams', detail: `repeated ${n}-grams hold ${pct(chars / total)} of the characters (more than ${pct(max)})` };
    }
  }
  return null;
};
