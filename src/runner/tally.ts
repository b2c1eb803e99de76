// Counts outcomes into the run report. `read` counts the files found, separately from the outcomes, so that
// read = accepted + rejected + failed is a check that every document was accounted for, not a definition.
import type { RemovalCounts, Report } from '../core/records.js';
import type { EncodedOutcome } from './encoded.js';

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Keys sorted, so report.json lists codes in a stable order. */
const sorted = <V>(o: Record<string, V>): Record<string, V> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The outcomes do not add up to the files found: a bug in the runner, never written as a report. */
export class TallyMismatch extends Error {}

export class Tally {
  /** Files found by the walk and submitted for processing. */
  read = 0;
  accepted = 0;
  rejected = 0;
  failed = 0;
  private readonly rejectedByCode: Record<string, number> = {};
  private readonly failedByCode: Record<string, number> = {};
  private readonly warningsByCode: Record<string, number> = {};
  private readonly removed: RemovalCounts = {};
  private readonly ignoredByExtension: Record<string, number> = {};
  private readonly ignoredRecords: Record<string, number> = {};

  /** Documents with an outcome so far. */
  get done(): number {
    return this.accepted + this.rejected + this.failed;
  }

  found(): void {
    this.read++;
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
    if (outcome.status === 'accepted') this.accepted++;
    else if (outcome.status === 'rejected') {
      this.rejected++;
      bump(this.rejectedByCode, outcome.code!);
    } else {
      this.failed++;
      bump(this.failedByCode, outcome.code!);
    }
    // A document counts once per warning code, however many times it carries it.
    for (const code of outcome.warnings) bump(this.warningsByCode, code);
    for (const [stage, byCode] of Object.entries(outcome.removed)) {
      const into = (this.removed[stage] ??= {});
      for (const [code, n] of Object.entries(byCode)) bump(into, code, n);
    }
  }

  /** The report's counts; throws TallyMismatch if some file found has no outcome, or an outcome no file. */
  counts(): Pick<Report, 'read' | 'ignoredByExtension' | 'ignoredRecords' | 'accepted' | 'rejected' | 'failed' | 'rejectedByCode' | 'failedByCode' | 'warningsByCode' | 'removed'> {
    if (this.read !== this.done) {
      throw new TallyMismatch(
        `${this.read} documents found but ${this.done} outcomes (${this.accepted} accepted, ${this.rejected} rejected, ${this.failed} failed)`,
      );
    }
    return {
      read: this.read,
      ignoredByExtension: sorted(this.ignoredByExtension),
      ignoredRecords: sorted(this.ignoredRecords),
      accepted: this.accepted,
      rejected: this.rejected,
      failed: this.failed,
      rejectedByCode: sorted(this.rejectedByCode),
      failedByCode: sorted(this.failedByCode),
      warningsByCode: sorted(this.warningsByCode),
      removed: sorted(Object.fromEntries(Object.entries(this.removed).map(([s, c]) => [s, sorted(c)]))),
    };
  }
}
