// Turns a processed document into the records newsclean writes.
import { createHash } from 'node:crypto';
import type { Doc } from './doc.js';
import { SCHEMA_VERSION, type ArticleRecord, type RejectedRecord, type RemovalCounts, type TraceRecord } from './records.js';
import { bodyText, keptBlocks, rejection } from './stage.js';
import { blockWords } from './text.js';

/** Stable id: the same file (path and bytes) always gets the same id. */
export const docId = (path: string, sha256: string): string =>
  createHash('sha256').update(path).update('\0').update(sha256).digest('hex').slice(0, 16);

/**
 * An object without a prototype, for counting by keys that come from data (rule ids, codes, folder names): on
 * `{}`, a key such as `constructor` or `__proto__` would read or write Object.prototype's member instead.
 */
export const countMap = <V>(): Record<string, V> => Object.create(null) as Record<string, V>;

/** Removed blocks by stage, then code, in the order first met (maps without prototype keys). */
export const removalCounts = (doc: Doc): RemovalCounts => {
  const counts = countMap<Record<string, number>>();
  for (const b of doc.blocks) {
    if (!b.removed) continue;
    const byCode = (counts[b.removed.stage] ??= countMap<number>());
    byCode[b.removed.code] = (byCode[b.removed.code] ?? 0) + 1;
  }
  return counts;
};

const recordSource = (doc: Doc) => {
  const { path, format, bytes, sha256, url, fetchedAt, httpStatus, encoding, encodingSource } = doc.source;
  return { path, format, bytes, sha256, url, fetchedAt, httpStatus, encoding, encodingSource };
};

export const toArticle = (doc: Doc): ArticleRecord => {
  const kept = keptBlocks(doc);
  const body = bodyText(kept);
  const m = doc.metadata;
  const metadataSources: Record<string, string> = {};
  for (const [key, f] of Object.entries(m)) if (f) metadataSources[key] = f.source;
  return {
    schemaVersion: SCHEMA_VERSION,
    id: doc.id,
    source: recordSource(doc),
    title: m.title?.value ?? null,
    authors: m.authors?.value ?? [],
    publishedAt: m.publishedAt?.value ?? null,
    publisher: m.publisher?.value ?? null,
    language: m.language?.value ?? null,
    url: m.url?.value ?? null,
    body,
    wordCount: kept.reduce((n, b) => n + blockWords(b), 0),
    metadataSources,
    removed: removalCounts(doc),
    messages: doc.messages.filter((x) => x.severity !== 'fatal'),
  };
};

/**
 * Article records built and checked by the validate stage, by document: the runner writes that record instead
 * of building it a second time. Validate is the last stage, so nothing changes the document after it.
 */
const checked = new WeakMap<Doc, ArticleRecord>();

/** Keeps the record validate built and checked for `doc`. */
export const keepArticle = (doc: Doc, article: ArticleRecord): void => {
  checked.set(doc, article);
};

/** The document's article record: the one validate kept, else built now. */
export const articleOf = (doc: Doc): ArticleRecord => checked.get(doc) ?? toArticle(doc);

/** The body as it stood before `stage` ran: blocks kept so far, plus those that stage removed. */
export const textBefore = (doc: Doc, stage: string): string =>
  bodyText(doc.blocks.filter((b) => !b.removed || b.removed.stage === stage));

export const toRejected = (doc: Doc, status: 'rejected' | 'failed'): RejectedRecord => {
  const fatal = rejection(doc);
  if (!fatal) throw new Error(`toRejected: document ${doc.source.path} has no fatal message`);
  return {
    schemaVersion: SCHEMA_VERSION,
    id: doc.id,
    source: recordSource(doc),
    status,
    stage: fatal.stage,
    code: fatal.code,
    message: fatal.detail,
    text: textBefore(doc, fatal.stage),
    removed: removalCounts(doc),
    messages: doc.messages,
  };
};

/**
 * The word count of each block of a trace toTrace made, by trace: the stages have counted every block of the
 * document already (blockWords), and the report would count them all again.
 */
const traceWords = new WeakMap<object, number[]>();

/** The word counts of `trace`'s blocks when toTrace made it, else undefined (a trace read from a file). */
export const traceWordCounts = (trace: object): number[] | undefined => traceWords.get(trace);

export const toTrace = (doc: Doc, status: TraceRecord['status']): TraceRecord => {
  const trace: TraceRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: doc.id,
    path: doc.source.path,
    status,
    blocks: doc.blocks.map(({ kind, text, removed }) => ({ kind, text, removed })),
    messages: doc.messages,
  };
  traceWords.set(trace, doc.blocks.map(blockWords));
  return trace;
};
