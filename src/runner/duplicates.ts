// The cross-document duplicate step: an article whose body was already accepted (earlier in this run, in another
// shard, or on an earlier night) is rejected as duplicate_document, naming the record it repeats. First wins,
// in input order, so a single run and its shards merged decide the same.
import type { ArticleRecord, RejectedRecord, TraceRecord } from '../core/records.js';

export const DUPLICATE_STAGE = 'dedupe-documents';

/** A copy of a string that does not hold on to the string it was cut from (V8 keeps a sliced string's parent). */
const own = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

export class DocumentDuplicates {
  private readonly seen = new Map<string, string>();

  /** `earlier` looks up articles accepted by earlier runs (the state), by fingerprint. */
  constructor(private readonly earlier: (fingerprint: string) => string | undefined = () => undefined) {}

  /** Where this body was accepted before, or null, remembering it under `id` otherwise. */
  check(fingerprint: string, id: string): { id: string; when: 'this run' | 'an earlier run' } | null {
    const before = this.earlier(fingerprint);
    if (before !== undefined && before !== id) return { id: before, when: 'an earlier run' };
    const here = this.seen.get(fingerprint);
    if (here !== undefined) return { id: here, when: 'this run' };
    // Copies: an id cut from a record's JSON (a regex capture, a slice) would keep the whole record alive.
    this.seen.set(own(fingerprint), own(id));
    return null;
  }
}

/** An accepted document's records rewritten as its duplicate_document rejection. */
export const asDuplicate = (articleJson: string, traceJson: string, earlier: { id: string; when: string }) => {
  const article = JSON.parse(articleJson) as ArticleRecord;
  const message = `the same article as ${earlier.id}, accepted in ${earlier.when}`;
  const fatal = { severity: 'fatal' as const, stage: DUPLICATE_STAGE, code: 'duplicate_document', detail: message };
  const rejected: RejectedRecord = {
    schemaVersion: article.schemaVersion,
    id: article.id,
    source: article.source,
    status: 'rejected',
    stage: DUPLICATE_STAGE,
    code: 'duplicate_document',
    message,
    text: article.body,
    removed: article.removed,
    messages: [...article.messages, fatal],
  };
  return { rejected: JSON.stringify(rejected), record: rejected, trace: rejectedTrace(traceJson, article, fatal), message };
};

/**
 * The accepted trace's JSON with status `rejected` and `fatal` last among its messages, by editing the text
 * (a trace holds every block of the page: parsing and writing it again costs more than the rest of the step).
 * JSON.stringify of a TraceRecord starts with its id, path and status and ends with its messages, and no `"`
 * inside a string value is unescaped, so the edit is exact; any other shape is parsed and written again.
 */
export const rejectedTrace = (traceJson: string, article: { schemaVersion: number; id: string; source: { path: string } }, fatal: object): string => {
  const head = `{"schemaVersion":${JSON.stringify(article.schemaVersion)},"id":${JSON.stringify(article.id)},"path":${JSON.stringify(article.source.path)},"status":`;
  const accepted = `${head}"accepted",`;
  const close = ']}';
  if (traceJson.startsWith(accepted) && traceJson.endsWith(close) && traceJson.indexOf(',"messages":[', accepted.length) >= 0) {
    const empty = traceJson.endsWith(',"messages":[]}');
    const body = traceJson.slice(accepted.length, traceJson.length - close.length);
    return `${head}"rejected",${body}${empty ? '' : ','}${JSON.stringify(fatal)}${close}`;
  }
  const trace = JSON.parse(traceJson) as TraceRecord;
  return JSON.stringify({ ...trace, status: 'rejected', messages: [...trace.messages, fatal] });
};
