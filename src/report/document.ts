// One document as report.html sees it: what the index and the run's summary count of it, and its view (what the
// page shows when it is opened), made where its records are made (in the worker that processed it), as one line of
// `<entry JSON>\t<view JSON>`. The report after a run then reads one line per document and parses only its short
// entry, instead of reading, parsing and writing again every record and trace (JSON never holds a raw tab).
import type { ArticleRecord, RejectedRecord, TraceRecord } from '../core/records.js';
import { siteKey } from '../core/site.js';
import type { DocumentView } from './data.js';
import { countDocument } from './summary.js';

export interface DocumentEntry {
  id: string;
  path: string;
  status: TraceRecord['status'];
  /** The rejection's code; null when accepted. */
  code: string | null;
  site: string;
  /** Words in all its blocks, and in those removed. */
  words: number;
  removedWords: number;
  /** `[stage/code, blocks, words]` of each rule that removed something, in the order it first did. */
  rules: Array<[string, number, number]>;
  /** Distinct warning codes, in the order first met. */
  warnings: string[];
  /** Length of the view's head (status, stage, code, message, meta): what a later rejection of the document rewrites. */
  head: number;
}

/** `{"a":1}` as a JavaScript expression in a file: JSON is one, and U+2028/2029 are escaped for old parsers. */
export const asScriptData = (value: unknown): string => {
  const json = JSON.stringify(value);
  // Most documents have neither: `includes` finds that out about ten times faster than the regex does.
  return json.includes('\u2028') || json.includes('\u2029') ? json.replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029')) : json;
};

/**
 * The site the report counts a document under: the host of the URL it was fetched from, else for an article the
 * one the page declares (a rejected record keeps none), else its first folder (core/site.ts siteKey).
 */
export const reportSite = (record: ArticleRecord | RejectedRecord, path: string): string =>
  siteKey([record.source.url, 'url' in record ? record.url : null], path);

/**
 * The view's head, up to and with the comma before its tail: the fields that depend on the document's fate.
 * `{"status":..,"stage":..,"code":..,"message":..,"site":..,"meta":[[field, value, source]...],`
 */
const viewHead = (status: TraceRecord['status'], rejected: Pick<RejectedRecord, 'stage' | 'code' | 'message'> | null, site: string, meta: DocumentView['meta']): string => {
  const head: Pick<DocumentView, 'status' | 'stage' | 'code' | 'message' | 'site' | 'meta'> = { status, stage: rejected?.stage ?? null, code: rejected?.code ?? null, message: rejected?.message ?? null, site, meta };
  return `${asScriptData(head).slice(0, -1)},`;
};

const metaOf = (a: ArticleRecord): DocumentView['meta'] => {
  const meta: DocumentView['meta'] = [];
  const fields: Array<[string, string | null]> = [
    ['title', a.title],
    ['authors', a.authors.length ? a.authors.join('; ') : null],
    ['publishedAt', a.publishedAt],
    ['publisher', a.publisher],
    ['language', a.language],
    ['url', a.url],
  ];
  for (const [field, value] of fields) if (value) meta.push([field, value, a.metadataSources[field] ?? '']);
  meta.push(['wordCount', String(a.wordCount), '']);
  return meta;
};

/** A document's report line, from its trace and its article (accepted) or rejected record. */
export const reportLine = (trace: TraceRecord, record: ArticleRecord | RejectedRecord): string => {
  const accepted = trace.status === 'accepted';
  const r = accepted ? null : (record as RejectedRecord);
  const site = reportSite(record, trace.path);
  const head = viewHead(trace.status, r, site, accepted ? metaOf(record as ArticleRecord) : []);
  const rest: Pick<DocumentView, 'id' | 'path' | 'blocks' | 'messages'> = {
    id: trace.id,
    path: trace.path,
    blocks: trace.blocks.map((b) => [b.kind, b.text, b.removed?.stage ?? null, b.removed?.code ?? null, b.removed?.of ?? null]),
    messages: trace.messages.filter((m) => m.severity !== 'fatal').map((m) => [m.severity, m.stage, m.code, m.detail]),
  };
  const tail = asScriptData(rest).slice(1);
  const counts = countDocument(trace);
  const entry: DocumentEntry = {
    id: trace.id,
    path: trace.path,
    status: trace.status,
    code: r?.code ?? null,
    site,
    words: counts.words,
    removedWords: counts.removedWords,
    rules: counts.rules,
    warnings: [...new Set(trace.messages.filter((m) => m.severity === 'warn').map((m) => m.code))],
    head: head.length,
  };
  return `${JSON.stringify(entry)}\t${head}${tail}`;
};

/** A report line's entry and view (the view as JSON, ready for the page's data). */
export const readReportLine = (line: string): { entry: DocumentEntry; view: string } => {
  const tab = line.indexOf('\t');
  if (tab < 0) throw new Error('not a report line: no tab between its entry and its view');
  return { entry: JSON.parse(line.slice(0, tab)) as DocumentEntry, view: line.slice(tab + 1) };
};

/**
 * The line of an accepted document that a cross-document step rejected without changing its blocks (a duplicate):
 * its head written again (its site may change with it: see reportSite), its blocks and counts as they were.
 */
export const rejectedLine = (line: string, rejected: RejectedRecord): string => {
  const { entry, view } = readReportLine(line);
  const site = reportSite(rejected, entry.path);
  const head = viewHead('rejected', rejected, site, []);
  const next: DocumentEntry = { ...entry, status: 'rejected', code: rejected.code, site, head: head.length };
  return `${JSON.stringify(next)}\t${head}${view.slice(entry.head)}`;
};
