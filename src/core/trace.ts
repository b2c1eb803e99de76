// A document's words written once: in trace.jsonl, a block that is part of its record's text (an article's body, a
// rejection's text: the blocks joined by blank lines) leaves its text out, and a reader takes it back from the
// record. A trace is written so only when the record's text gives every such block back exactly.
import type { ArticleRecord, RejectedRecord, StoredTrace, TraceRecord } from './records.js';

const JOIN = '\n\n';

/** The record's text, and which of the trace's blocks make it (as core/article.ts builds them). */
const textOf = (record: ArticleRecord | RejectedRecord): { text: string; inText: (b: TraceRecord['blocks'][number]) => boolean } =>
  'body' in record
    ? { text: record.body, inText: (b) => !b.removed }
    : { text: record.text, inText: (b) => !b.removed || b.removed.stage === record.stage };

/** The trace as trace.jsonl holds it, beside `record` (its article or rejected record). */
export const storedTrace = (trace: TraceRecord, record: ArticleRecord | RejectedRecord): StoredTrace => {
  const { text, inText } = textOf(record);
  const parts = trace.blocks.filter(inText);
  // A text with a blank line of its own, or ending in a line break, would not split back into the same pieces.
  const exact = parts.length > 0 && parts.every((b) => !b.text.includes(JOIN) && !b.text.endsWith('\n')) && parts.map((b) => b.text).join(JOIN) === text;
  if (!exact) return trace;
  return { ...trace, blocks: trace.blocks.map((b) => (inText(b) ? { kind: b.kind, removed: b.removed } : b)) };
};

/** storedTrace as its JSON line. */
export const traceLine = (trace: TraceRecord, record: ArticleRecord | RejectedRecord): string => JSON.stringify(storedTrace(trace, record));

export class TraceTextError extends Error {}

/**
 * A stored trace with every block's text, those it leaves out taken from `text` (its record's body or text); a
 * trace with every text (as schema version 1 wrote them all) is returned as it is. Throws TraceTextError when the
 * text does not have one piece per block without a text.
 */
export const fullTrace = (trace: StoredTrace, text: string): TraceRecord => {
  let missing = 0;
  for (const b of trace.blocks) if (b.text === undefined) missing++;
  if (missing === 0) return trace as TraceRecord;
  const pieces = text.split(JOIN);
  if (pieces.length !== missing) throw new TraceTextError(`its record's text has ${pieces.length} blocks, the trace ${missing} without a text of its own`);
  let i = 0;
  return { ...trace, blocks: trace.blocks.map((b) => (b.text === undefined ? { kind: b.kind, text: pieces[i++]!, removed: b.removed } : (b as TraceRecord['blocks'][number]))) };
};

/** fullTrace with the text of its record (article or rejected). */
export const traceOf = (trace: StoredTrace, record: ArticleRecord | RejectedRecord): TraceRecord => fullTrace(trace, textOf(record).text);
