// Builds report.html for an output folder, from its published files: the page itself (the run's counts, charts,
// changes since the previous run) and, beside it in report-data/, the per-document data the page loads only when
// asked (an index for search and filters, and the documents in chunks), so a night of 100,000 documents opens fast.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleRecord, RejectedRecord, Report, TraceRecord } from '../core/records.js';
import { OutputError, writeFileAtomic } from '../io/atomic.js';
import { findRecordFile, type RecordKind } from '../io/formats.js';
import { readManifest } from '../io/run-dir.js';
import { PathError } from '../io/walk.js';
import { siteKey } from '../runner/process.js';
import { compareRuns, type Change } from './compare.js';
import type { DocumentIndex, DocumentView } from './data.js';
import { fileLines } from '../io/jsonl.js';
import { recordLines } from './lines.js';
import { renderPage } from './page.js';
import { countDocument, RunSummary, StatsTally, type DocumentCounts } from './summary.js';

export const REPORT_FILES = {
  html: 'report.html',
  /** Per-document data of the page, read on demand. */
  data: 'report-data',
  /** The previous run's summary the page compares with, kept so that `newsclean report` rebuilds the same page. */
  previous: 'report-previous.json',
} as const;

/** A chunk of documents holds about this many bytes of JSON: small enough to load in a blink. */
const CHUNK_BYTES = 1 << 20;
const CHUNK_DOCS = 500;

export interface ReportOptions {
  /** The run to compare with; undefined: the folder's report-previous.json if any; null: none. */
  previous?: RunSummary | null;
  /** See SummarizeOptions. */
  trusted?: boolean;
}

export interface SummarizeOptions {
  /**
   * The folder's records were just written by this process (the report after a run or a merge): each is checked
   * only for the fields the report reads, not against its schema, which costs as much as the rest of the report.
   * A folder from elsewhere (`newsclean report`, `--previous`) is checked record by record.
   */
  trusted?: boolean;
}

export interface ReportResult {
  summary: RunSummary;
  changes: Change[] | null;
  /** Absolute path of report.html. */
  file: string;
}

const STATUS = { accepted: 0, rejected: 1, failed: 2 } as const;

const readJson = async (file: string): Promise<unknown> => {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new PathError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
};

/** A run summary file (the state's, or report-previous.json); null when missing, an error when not one. */
export const readSummary = async (file: string): Promise<RunSummary | null> => {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new PathError(`cannot read ${file}: ${e.code}`);
  });
  if (text === null) return null;
  let parsed;
  try {
    parsed = RunSummary.safeParse(JSON.parse(text));
  } catch (e) {
    throw new PathError(`${file} is not a newsclean run summary: ${(e as Error).message}`);
  }
  if (!parsed.success) throw new PathError(`${file} is not a newsclean run summary: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
};

/** `{"a":1}` as a JavaScript expression in a file: JSON is one, and U+2028/2029 are escaped for old parsers. */
const asScriptData = (value: unknown): string => {
  const json = JSON.stringify(value);
  // Most documents have neither: `includes` finds that out about ten times faster than the regex does.
  return json.includes('\u2028') || json.includes('\u2029') ? json.replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029')) : json;
};

const viewOf = (trace: TraceRecord, record: ArticleRecord | RejectedRecord, site: string): DocumentView => {
  const meta: DocumentView['meta'] = [];
  if (trace.status === 'accepted') {
    const a = record as ArticleRecord;
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
  }
  const r = trace.status === 'accepted' ? null : (record as RejectedRecord);
  return {
    id: trace.id,
    path: trace.path,
    status: trace.status,
    stage: r?.stage ?? null,
    code: r?.code ?? null,
    message: r?.message ?? null,
    site,
    meta,
    blocks: trace.blocks.map((b) => [b.kind, b.text, b.removed?.stage ?? null, b.removed?.code ?? null, b.removed?.of ?? null]),
    messages: trace.messages.filter((m) => m.severity !== 'fatal').map((m) => [m.severity, m.stage, m.code, m.detail]),
  };
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isText = (v: unknown): boolean => v === null || typeof v === 'string';

/** A trace record as far as the report reads it: what a trusted folder's records are checked for. */
const looksLikeTrace = (v: unknown): v is TraceRecord => {
  if (!isObject(v) || !isString(v.id) || !isString(v.path) || !Array.isArray(v.blocks) || !Array.isArray(v.messages)) return false;
  if (v.status !== 'accepted' && v.status !== 'rejected' && v.status !== 'failed') return false;
  for (const b of v.blocks as unknown[]) {
    if (!isObject(b) || !isString(b.kind) || !isString(b.text)) return false;
    const r = b.removed;
    if (r !== null && (!isObject(r) || !isString(r.stage) || !isString(r.code) || (r.of !== undefined && typeof r.of !== 'number'))) return false;
  }
  for (const m of v.messages as unknown[]) if (!isObject(m) || !isString(m.severity) || !isString(m.stage) || !isString(m.code) || !isString(m.detail)) return false;
  return true;
};

/** The article or rejected record of trace record `t`, as far as the report reads it. */
const looksLikeRecord = (v: unknown, t: TraceRecord): v is ArticleRecord | RejectedRecord => {
  if (!isObject(v) || v.id !== t.id || !isObject(v.source) || !isText(v.source.url)) return false;
  if (t.status !== 'accepted') return isString(v.stage) && isString(v.code) && isString(v.message);
  return (
    isText(v.title) && isText(v.publishedAt) && isText(v.publisher) && isText(v.language) && isText(v.url) &&
    Array.isArray(v.authors) && v.authors.every(isString) && typeof v.wordCount === 'number' && isObject(v.metadataSources)
  );
};

/**
 * `head`, the `parts` joined by commas, and `tail`, as UTF-8: each encoded straight into one buffer sized for the
 * worst case (3 bytes per UTF-16 unit), about twice as fast as encoding the joined string.
 */
const utf8 = (head: string, parts: string[], tail: string): Buffer => {
  let units = head.length + parts.length + tail.length;
  for (const part of parts) units += part.length;
  const buf = Buffer.allocUnsafe(units * 3);
  let off = buf.write(head);
  parts.forEach((part, i) => {
    if (i) buf[off++] = 0x2c;
    off += buf.write(part, off);
  });
  off += buf.write(tail, off);
  return buf.subarray(0, off);
};

/** Position of `key` in a list of distinct values, added if new. */
const interner = () => {
  const list: string[] = [];
  const at = new Map<string, number>();
  return {
    list,
    of(key: string): number {
      let i = at.get(key);
      if (i === undefined) {
        i = list.length;
        list.push(key);
        at.set(key, i);
      }
      return i;
    },
  };
};

type Visit = (trace: TraceRecord, record: ArticleRecord | RejectedRecord, site: string, counts: DocumentCounts) => Promise<void>;

/**
 * Reads a completed output folder record by record (trace.jsonl with the matching line of articles.jsonl or
 * rejected.jsonl), giving each to `visit`; returns the run's summary.
 */
export const summarizeOutput = async (out: string, visit?: Visit, options: SummarizeOptions = {}): Promise<RunSummary> => {
  const manifest = await readManifest(out);
  const report = Report.parse(await readJson(join(out, 'report.json')));
  const tally = new StatsTally();
  const records = (kind: RecordKind) => {
    const name = findRecordFile(kind, Object.keys(manifest.files));
    if (!name) throw new PathError(`${out} has no ${kind} file (${kind}.jsonl, .jsonl.gz or .parquet) in its manifest`);
    return { name, lines: recordLines(join(out, name), kind) };
  };
  const { name: articlesFile, lines: articles } = records('articles');
  const { name: rejectedFile, lines: rejected } = records('rejected');
  const next = async (it: AsyncIterator<string>, name: string) => {
    const r = await it.next();
    if (r.done) throw new PathError(`${join(out, name)} ends before trace.jsonl does: the outputs do not agree`);
    return JSON.parse(r.value) as unknown;
  };
  const traceOf = options.trusted
    ? (v: unknown) => (looksLikeTrace(v) ? v : null)
    : (v: unknown) => {
        const r = TraceRecord.safeParse(v);
        return r.success ? r.data : null;
      };
  const recordOf = options.trusted
    ? (v: unknown, t: TraceRecord) => (looksLikeRecord(v, t) ? v : null)
    : (v: unknown, t: TraceRecord) => {
        const r = t.status === 'accepted' ? ArticleRecord.safeParse(v) : RejectedRecord.safeParse(v);
        return r.success && r.data.id === t.id ? r.data : null;
      };
  let n = 0;
  try {
    for await (const line of fileLines(join(out, 'trace.jsonl'))) {
      n++;
      const t = traceOf(JSON.parse(line));
      if (!t) throw new PathError(`${join(out, 'trace.jsonl')}: record ${n} is not a trace record: is it from another version of newsclean?`);
      const accepted = t.status === 'accepted';
      const file = accepted ? articlesFile : rejectedFile;
      const record = recordOf(await next(accepted ? articles : rejected, file), t);
      if (!record) throw new PathError(`${out}: trace record ${n} (${t.path}) has no matching record in ${file}: the outputs do not agree`);
      // A rejected record has no url of its own (a schema-checked one has none left).
      const site = siteKey([record.source.url, accepted ? (record as ArticleRecord).url : null], t.path);
      const counts = countDocument(t);
      tally.add(t, site, counts);
      if (visit) await visit(t, record, site, counts);
    }
  } finally {
    // The record files were read up to their last record, not to their end: close them.
    await articles.return(undefined);
    await rejected.return(undefined);
  }
  return { format: 'newsclean-run-summary', version: 1, report, stats: tally.stats() };
};

/**
 * Writes report.html (and report-data/) for a completed output folder. The new data files get new names, the page
 * is renamed into place, and only then are the old data files removed: the page on disk always has its data.
 */
export const buildReport = async (out: string, options: ReportOptions = {}): Promise<ReportResult> => {
  await readManifest(out);
  const previous = options.previous === undefined ? await readSummary(join(out, REPORT_FILES.previous)) : options.previous;
  const key = randomBytes(4).toString('hex');
  const dataDir = join(out, REPORT_FILES.data);
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (e) {
    throw new OutputError(dataDir, e);
  }

  const index: DocumentIndex = { codes: [], sites: [], rules: [], warnings: [], path: [], id: [], status: [], code: [], site: [], chunk: [], words: [], removedWords: [], rule: [], warning: [] };
  const codes = interner();
  const sites = interner();
  const rules = interner();
  const warnings = interner();

  let chunk: string[] = [];
  let chunkBytes = 0;
  let chunks = 0;
  const written: string[] = [];
  const flush = async () => {
    if (!chunk.length) return;
    const name = `docs-${key}-${chunks}.js`;
    await writeFile(join(dataDir, name), utf8(`__newsclean_chunk(${chunks},[`, chunk, ']);\n')).catch((e: unknown) => {
      throw new OutputError(join(dataDir, name), e);
    });
    written.push(name);
    chunks++;
    chunk = [];
    chunkBytes = 0;
  };

  try {
    const summary = await summarizeOutput(out, async (t, record, site, counts) => {
      index.path.push(t.path);
      index.id.push(t.id);
      index.status.push(STATUS[t.status]);
      index.code.push(t.status === 'accepted' ? -1 : codes.of((record as RejectedRecord).code));
      index.site.push(sites.of(site));
      index.chunk.push(chunks);
      index.words.push(counts.words);
      index.removedWords.push(counts.removedWords);
      index.rule.push([...counts.rules.keys()].map((r) => rules.of(r)));
      index.warning.push([...new Set(t.messages.filter((m) => m.severity === 'warn').map((m) => m.code))].map((w) => warnings.of(w)));
      const json = asScriptData(viewOf(t, record, site));
      chunk.push(json);
      chunkBytes += json.length;
      if (chunkBytes >= CHUNK_BYTES || chunk.length >= CHUNK_DOCS) await flush();
    }, { trusted: options.trusted });
    await flush();
    Object.assign(index, { codes: codes.list, sites: sites.list, rules: rules.list, warnings: warnings.list });
    const indexName = `index-${key}.js`;
    await writeFile(join(dataDir, indexName), `__newsclean_index(${asScriptData(index)});\n`).catch((e: unknown) => {
      throw new OutputError(join(dataDir, indexName), e);
    });
    written.push(indexName);

    const { report } = summary;
    const changes = previous ? compareRuns(previous, summary) : null;
    const html = renderPage({ report, stats: summary.stats, previous: previous?.report ?? null, changes, data: { dir: REPORT_FILES.data, index: indexName, chunk: `docs-${key}-`, documents: index.path.length } });
    if (previous) await writeFileAtomic(join(out, REPORT_FILES.previous), `${JSON.stringify(previous)}\n`);
    else await rm(join(out, REPORT_FILES.previous), { force: true });
    await writeFileAtomic(join(out, REPORT_FILES.html), html);
    // The page now names this build's files: the others are an older build's.
    for (const name of await readdir(dataDir)) if (!written.includes(name)) await rm(join(dataDir, name), { force: true, recursive: true });
    return { summary, changes, file: join(out, REPORT_FILES.html) };
  } catch (e) {
    for (const name of written) await rm(join(dataDir, name), { force: true });
    throw e;
  }
};
