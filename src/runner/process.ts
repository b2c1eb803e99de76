// Runs the bound stages over one input: the per-document core that the runner (or a worker) calls.
import { createHash } from 'node:crypto';
import { docId, toArticle, toRejected, toTrace } from '../core/article.js';
import { FAILURE_CODES } from '../core/codes.js';
import { emptyMetadata, type Doc } from '../core/doc.js';
import type { RawInput } from '../core/input.js';
import type { ArticleRecord, RejectedRecord, TraceRecord } from '../core/records.js';
import { isRejected, rejection, type BoundStage } from '../core/stage.js';

export type { RawInput };

export type Outcome =
  | { status: 'accepted'; article: ArticleRecord; trace: TraceRecord }
  | { status: 'rejected' | 'failed'; rejected: RejectedRecord; trace: TraceRecord };

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const newDoc = (input: RawInput, hash = sha256(input.bytes)): Doc => ({
  id: docId(input.path, hash),
  source: {
    path: input.path,
    format: input.format,
    bytes: input.bytes.byteLength,
    sha256: hash,
    url: input.url ?? null,
    fetchedAt: input.fetchedAt ?? null,
    httpStatus: input.httpStatus ?? null,
    contentType: input.contentType ?? null,
    givenTitle: input.givenTitle ?? null,
    encoding: null,
    encodingSource: null,
  },
  raw: input.bytes,
  blocks: [],
  html: null,
  metadata: emptyMetadata(),
  messages: (input.warnings ?? []).map(({ code, detail }) => ({ severity: 'warn' as const, stage: 'read', code, detail })),
});

const isFailure = (code: string) => code in FAILURE_CODES;

export const outcomeOf = (doc: Doc): Outcome => {
  const fatal = rejection(doc);
  if (!fatal) return { status: 'accepted', article: toArticle(doc), trace: toTrace(doc, 'accepted') };
  const status = isFailure(fatal.code) ? 'failed' : 'rejected';
  return { status, rejected: toRejected(doc, status), trace: toTrace(doc, status) };
};

/** Runs the stages in order; a fatal message stops the document, a throw becomes `internal_error`. */
export const runStages = (doc: Doc, stages: BoundStage[]): Doc => {
  for (const stage of stages) {
    if (isRejected(doc)) break;
    try {
      doc = stage.run(doc);
    } catch (e) {
      const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      doc.messages.push({ severity: 'fatal', stage: stage.name, code: 'internal_error', detail });
    }
  }
  doc.raw = null;
  return doc;
};

export const processDocument = (input: RawInput, stages: BoundStage[]): Outcome =>
  outcomeOf(runStages(newDoc(input), stages));

/** An input that never reached the stages (too large, unreadable, timed out): accounted for all the same. */
export const unprocessed = (
  input: Omit<RawInput, 'bytes'> & { bytes: Uint8Array | null; size: number },
  stage: string,
  code: string,
  detail: string,
): Outcome => {
  const doc = newDoc({ ...input, bytes: new Uint8Array() }, input.bytes ? sha256(input.bytes) : '');
  doc.source.bytes = input.size;
  doc.messages.push({ severity: 'fatal', stage, code, detail });
  doc.raw = null;
  return outcomeOf(doc);
};
