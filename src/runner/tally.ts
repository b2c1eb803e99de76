// Counts outcomes into the run report. `read` counts the files found, separately from the outcomes, so that
// read = accepted + rejected + failed + skipped is a check that every document was accounted for, not a
// definition. Every map is keyed by data (rule ids, codes, extensions, folder names), so none has a prototype:
// a rule called `constructor` counts like any other.
import { countMap } from '../core/article.js';
import { z } from 'zod';
import { Report, SiteCounts as SiteCountsSchema } from '../core/records.js';
import type { EncodedOutcome } from './encoded.js';

type Counts = Record<string, number>;

const bump = (counts: Counts, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** Keys sorted, so report.json lists codes in a stable order. */
const sorted = <V>(o: Record<string, V>): Record<string, V> => Object.fromEntries(Object.entries(o).sort(byKey));

type SiteCounts = z.infer<typeof SiteCountsSchema>;

/**
 * The counts of the documents accounted for so far, for a checkpoint: JSON, restored by Tally.restore. The walk's
 * own counts (files and container records that are not documents) are not in it: a resumed run walks and reads
 * its inputs from the start again, and counts those again.
 */
export const TallySnapshot = Report.pick({
  accepted: true,
  rejected: true,
  failed: true,
  skipped: true,
  rejectedByCode: true,
  failedByCode: true,
  warningsByCode: true,
  removed: true,
  stageMs: true,
  sites: true,
}).extend({ version: z.literal(1) });
export type TallySnapshot = z.infer<typeof TallySnapshot>;

/** A checkpoint's tally that is not a TallySnapshot (corrupted, or written by another version). */
export class TallySnapshotError extends Error {}

/** A copy of `o` as a map without prototype keys; `inner` copies each value. */
const copyMap = <V, W>(o: Record<string, V>, inner: (v: V) => W): Record<string, W> => {
  const m = countMap<W>();
  for (const [k, v] of Object.entries(o)) m[k] = inner(v);
  return m;
};
const same = <V>(v: V) => v;

/** The outcomes do not add up to the files found: a bug in the runner, never written as a report. */
export class TallyMismatch extends Error {}

export type TallyCounts = Pick<
  Report,
  | 'read'
  | 'ignoredByExtension'
  | 'ignoredRecords'
  | 'accepted'
  | 'rejected'
  | 'failed'
  | 'skipped'
  | 'rejectedByCode'
  | 'failedByCode'
  | 'warningsByCode'
  | 'removed'
  | 'stageMs'
  | 'sites'
>;

export class Tally {
  /** Files found by the walk and submitted for processing. */
  read = 0;
  accepted = 0;
  rejected = 0;
  failed = 0;
  /** Documents found but not processed again (an incremental run's unchanged inputs). */
  skipped = 0;
  private readonly rejectedByCode = countMap<number>();
  private readonly failedByCode = countMap<number>();
  private readonly warningsByCode = countMap<number>();
  private readonly removed = countMap<Counts>();
  private readonly ignoredByExtension = countMap<number>();
  private readonly ignoredRecords = countMap<number>();
  /** Stage -> milliseconds, unrounded, in the order stages were first met (the pipeline's order). */
  private readonly stageMs = countMap<number>();
  private readonly sites = countMap<SiteCounts>();

  /** Documents accounted for so far (with an outcome, or skipped). */
  get done(): number {
    return this.accepted + this.rejected + this.failed + this.skipped;
  }

  found(): void {
    this.read++;
  }

  /** A document found that this run does not process (unchanged since an earlier run): accounted for as skipped. */
  skip(): void {
    this.skipped++;
  }

  /** A file the walk passed over: not a document. */
  ignored(extension: string): void {
    bump(this.ignoredByExtension, extension || '(none)');
  }

  /** A record of a container that is not a document (a WARC request, an image response). */
  ignoredRecord(kind: string): void {
    bump(this.ignoredRecords, kind);
  }

  add(outcome: EncodedOutcome): void {
    const site = (this.sites[outcome.site] ??= { accepted: 0, rejected: 0, failed: 0, rejectedByCode: countMap() });
    if (outcome.status === 'accepted') {
      this.accepted++;
      site.accepted++;
    } else if (outcome.status === 'rejected') {
      this.rejected++;
      site.rejected++;
      bump(this.rejectedByCode, outcome.code!);
      bump(site.rejectedByCode, outcome.code!);
    } else {
      this.failed++;
      site.failed++;
      bump(this.failedByCode, outcome.code!);
    }
    // A document counts once per warning code, however many times it carries it.
    for (const code of outcome.warnings) bump(this.warningsByCode, code);
    // Own keys only (Object.entries): the maps crossed from a worker as plain objects.
    for (const [stage, byCode] of Object.entries(outcome.removed)) {
      const into = (this.removed[stage] ??= countMap());
      for (const [code, n] of Object.entries(byCode)) bump(into, code, n);
    }
    for (const [stage, ms] of Object.entries(outcome.stageMs)) bump(this.stageMs, stage, ms);
  }

  /**
   * The counts of the documents accounted for so far (a checkpoint's), as JSON-ready data. Restored, they stand
   * for that many documents found: the resumed run counts `found()` only for the documents after them.
   */
  snapshot(): TallySnapshot {
    const { accepted, rejected, failed, skipped } = this;
    const plain = <V>(o: Record<string, V>) => ({ ...o });
    return {
      version: 1,
      accepted,
      rejected,
      failed,
      skipped,
      rejectedByCode: plain(this.rejectedByCode),
      failedByCode: plain(this.failedByCode),
      warningsByCode: plain(this.warningsByCode),
      removed: copyMap(this.removed, plain),
      stageMs: plain(this.stageMs),
      sites: copyMap(this.sites, (s) => ({ ...s, rejectedByCode: plain(s.rejectedByCode) })),
    };
  }

  /** A tally holding a snapshot's counts, `read` included; throws TallySnapshotError if it is not one. */
  static restore(snapshot: unknown): Tally {
    const checked = TallySnapshot.safeParse(snapshot);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new TallySnapshotError(`not a tally snapshot: ${issue.path.join('.') || 'snapshot'}: ${issue.message}`);
    }
    // The checked data itself: Counts keeps the input's maps, `__proto__` keys included.
    const s = checked.data;
    const t = new Tally();
    t.accepted = s.accepted;
    t.rejected = s.rejected;
    t.failed = s.failed;
    t.skipped = s.skipped;
    t.read = t.done;
    const into = <V>(target: Record<string, V>, from: Record<string, V>, inner: (v: V) => V = same) => {
      for (const [k, v] of Object.entries(from)) target[k] = inner(v);
    };
    into(t.rejectedByCode, s.rejectedByCode);
    into(t.failedByCode, s.failedByCode);
    into(t.warningsByCode, s.warningsByCode);
    into(t.removed, s.removed, (c) => copyMap(c, same));
    into(t.stageMs, s.stageMs);
    into(t.sites, s.sites, (x) => ({ accepted: x.accepted, rejected: x.rejected, failed: x.failed, rejectedByCode: copyMap(x.rejectedByCode, same) }));
    return t;
  }

  /**
   * The report's counts; throws TallyMismatch if some document found is not accounted for (an outcome, or
   * skipped), or an outcome has no document found.
   */
  counts(): TallyCounts {
    if (this.read !== this.done) {
      throw new TallyMismatch(
        `${this.read} documents found but ${this.done} accounted for (${this.accepted} accepted, ${this.rejected} rejected, ${this.failed} failed, ${this.skipped} skipped)`,
      );
    }
    return {
      read: this.read,
      ignoredByExtension: sorted(this.ignoredByExtension),
      ignoredRecords: sorted(this.ignoredRecords),
      accepted: this.accepted,
      rejected: this.rejected,
      failed: this.failed,
      skipped: this.skipped,
      rejectedByCode: sorted(this.rejectedByCode),
      failedByCode: sorted(this.failedByCode),
      warningsByCode: sorted(this.warningsByCode),
      removed: sorted(Object.fromEntries(Object.entries(this.removed).map(([s, c]) => [s, sorted(c)]))),
      stageMs: Object.fromEntries(Object.entries(this.stageMs).map(([s, ms]) => [s, Math.round(ms)])),
      sites: sorted(
        Object.fromEntries(
          Object.entries(this.sites).map(([name, s]) => [name, { ...s, rejectedByCode: sorted(s.rejectedByCode) }]),
        ),
      ),
    };
  }
}
