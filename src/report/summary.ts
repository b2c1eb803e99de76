// What report.html shows of a run beyond report.json: words removed by each rule, and each site's share of words
// removed, counted from the trace. Saved in the state folder, it is the "previous night" the next report compares with.
import { z } from 'zod';
import { countMap, traceWordCounts } from '../core/article.js';
import { Counts, Report, type TraceRecord } from '../core/records.js';
import { countWords } from '../core/text.js';

const Count = z.number().int().min(0);

export const RuleStats = z.object({
  /** Blocks this rule removed, words in them, and documents it removed at least one block of. */
  blocks: Count,
  words: Count,
  documents: Count,
});
export type RuleStats = z.infer<typeof RuleStats>;

export const SiteStats = z.object({
  documents: Count,
  accepted: Count,
  rejected: Count,
  failed: Count,
  /** Words in all blocks of its documents, before cleaning, and in the blocks removed. */
  words: Count,
  removedWords: Count,
});
export type SiteStats = z.infer<typeof SiteStats>;

export const RunStats = z.object({
  /** Documents in the trace (the processed ones: skipped documents have none). */
  documents: Count,
  words: Count,
  removedWords: Count,
  /** By rule, as `stage/code`. */
  rules: Counts(RuleStats),
  sites: Counts(SiteStats),
});
export type RunStats = z.infer<typeof RunStats>;

/** One run as the next night's report compares with it: report.json plus the trace's counts. */
export const RunSummary = z.object({
  format: z.literal('newsclean-run-summary'),
  version: z.literal(1),
  report: Report,
  stats: RunStats,
});
export type RunSummary = z.infer<typeof RunSummary>;

export const ruleKey = (stage: string, code: string): string => `${stage}/${code}`;

/** What one document adds to the counts; its words and removed words, for the document index. */
export interface DocumentCounts {
  words: number;
  removedWords: number;
  /** `[stage/code, blocks, words]` of each rule that removed something, in the order it first did. */
  rules: Array<[string, number, number]>;
}

export const countDocument = (trace: Pick<TraceRecord, 'blocks'>): DocumentCounts => {
  let words = 0;
  let removedWords = 0;
  const rules = new Map<string, [string, number, number]>();
  const known = traceWordCounts(trace);
  for (let i = 0; i < trace.blocks.length; i++) {
    const b = trace.blocks[i]!;
    const n = known ? known[i]! : countWords(b.text);
    words += n;
    if (!b.removed) continue;
    removedWords += n;
    const key = ruleKey(b.removed.stage, b.removed.code);
    const r = rules.get(key);
    if (r) {
      r[1]++;
      r[2] += n;
    } else rules.set(key, [key, 1, n]);
  }
  return { words, removedWords, rules: [...rules.values()] };
};

export class StatsTally {
  private documents = 0;
  private words = 0;
  private removedWords = 0;
  private readonly rules = countMap<RuleStats>();
  private readonly sites = countMap<SiteStats>();

  add(status: TraceRecord['status'], site: string, counts: DocumentCounts): void {
    this.documents++;
    this.words += counts.words;
    this.removedWords += counts.removedWords;
    for (const [key, blocks, words] of counts.rules) {
      const r = (this.rules[key] ??= { blocks: 0, words: 0, documents: 0 });
      r.blocks += blocks;
      r.words += words;
      r.documents++;
    }
    const s = (this.sites[site] ??= { documents: 0, accepted: 0, rejected: 0, failed: 0, words: 0, removedWords: 0 });
    s.documents++;
    s[status]++;
    s.words += counts.words;
    s.removedWords += counts.removedWords;
  }

  stats(): RunStats {
    const sorted = <V>(o: Record<string, V>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { documents: this.documents, words: this.words, removedWords: this.removedWords, rules: sorted(this.rules), sites: sorted(this.sites) };
  }
}
