// A document's outcome as the runner needs it: its output lines already serialized (in the worker, in parallel,
// and cheaper to pass between threads than the record objects), plus the few fields the report and log use.
import { documentFingerprint } from '../core/fingerprint.js';
import type { RemovalCounts } from '../core/records.js';
import { reportLine } from '../report/document.js';
import { traceLine } from '../core/trace.js';
import { blockKeys } from './cross-document.js';
import type { Outcome, StageMs } from './process.js';

export interface EncodedOutcome {
  status: Outcome['status'];
  /** The document's id (records and trace). */
  id: string;
  path: string;
  /** Accepted: the fingerprint of its body for the cross-document duplicate step (core/fingerprint.ts); else null. */
  fingerprint: string | null;
  /** The rejecting stage, code and message; null when accepted. */
  stage: string | null;
  code: string | null;
  message: string | null;
  /** Distinct warning codes the document carries. */
  warnings: string[];
  removed: RemovalCounts;
  /** The document's site for the report's per-site counts (process.ts siteKey). */
  site: string;
  /** Milliseconds each stage took on this document, unrounded; {} when it never reached the stages. */
  stageMs: StageMs;
  /** JSON of the ArticleRecord (accepted) or RejectedRecord (rejected, failed), and of the TraceRecord. */
  article: string | null;
  rejected: string | null;
  trace: string;
  /** Its line for report.html (report/document.ts). */
  report: string;
  /**
   * Accepted, with recurring lines on: the keys of its kept blocks for the cross-document step (cross-document.ts
   * blockKeys); else null or absent.
   */
  blockKeys?: string[] | null;
}

/** `keysMinWords`: with recurring lines on, their `minWords`: the accepted document's block keys are computed here. */
export const encodeOutcome = (o: Outcome, keysMinWords: number | null = null): EncodedOutcome => {
  const record = o.status === 'accepted' ? o.article : o.rejected;
  const r = o.status === 'accepted' ? null : o.rejected;
  return {
    status: o.status,
    id: record.id,
    path: record.source.path,
    fingerprint: o.status === 'accepted' ? documentFingerprint(o.article.body) : null,
    stage: r?.stage ?? null,
    code: r?.code ?? null,
    message: r?.message ?? null,
    warnings: [...new Set(record.messages.filter((m) => m.severity === 'warn').map((m) => m.code))],
    removed: record.removed,
    site: o.site,
    stageMs: o.stageMs,
    article: o.status === 'accepted' ? JSON.stringify(o.article) : null,
    rejected: r ? JSON.stringify(r) : null,
    trace: traceLine(o.trace, record),
    report: reportLine(o.trace, record),
    blockKeys: o.status === 'accepted' && keysMinWords !== null ? blockKeys(o.trace.blocks, keysMinWords) : null,
  };
};
