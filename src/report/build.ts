// Builds report.html for an output folder, from its published files: the page itself (the run's counts, charts,
// changes since the previous run) and, beside it in report-data/, the per-document data the page loads only when
// asked (an index for search and filters, and the documents in chunks), so a night of 100,000 documents opens fast.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleRecord, RejectedRecord, Report, SCHEMA_VERSION, StoredTrace, type TraceRecord } from '../core/records.js';
import { traceOf, TraceTextError } from '../core/trace.js';
import { OutputError, writeFileAtomic } from '../io/atomic.js';
import { findRecordFile, type RecordKind } from '../io/formats.js';
import { readManifest, type Manifest } from '../io/run-dir.js';
import { PathError } from '../io/walk.js';
import { compareRuns, type Change } from './compare.js';
import type { DocumentIndex } from './data.js';
import { asScriptData, readReportLine, reportLine, reportSite } from './document.js';
import { fileLines } from '../io/jsonl.js';
import { recordLines } from './lines.js';
import { renderPage } from './page.js';
import { countDocument, RunSummary, StatsTally } from './summary.js';

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
  /**
   * The run's report lines (report/document.ts), one per document in trace order, made as it went: read instead
   * of the records. Only the run that wrote the folder, just now, has them.
   */
  lines?: string;
}

export interface SummarizeOptions {
  /**
   * The folder's records were just written by this process (the report after a run or a merge): each is checked
   * only for the fields the report reads, not against its schema, which costs as much as the rest of the report.
   * A folder from elsewhere (`newsclean report`, `--previous`) is checked record by record.
   */
  trusted?: boolean;
}

/** The report lines given to buildReport do not account for the run's documents (see ReportOptions.lines). */
export class ReportLinesError extends Error {}

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
    const json = JSON.parse(text) as { report?: { schemaVersion?: unknown } } | null;
    // Saved by a newsclean of schema version 1, whose report.json is the same format.
    if (json?.report?.schemaVersion === 1) json.report.schemaVersion = SCHEMA_VERSION;
    parsed = RunSummary.safeParse(json);
  } catch (e) {
    throw new PathError(`${file} is not a newsclean run summary: ${(e as Error).message}`);
  }
  if (!parsed.success) throw new PathError(`${file} is not a newsclean run summary: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isText = (v: unknown): boolean => v === null || typeof v === 'string';

/** A trace record as far as the report reads it: what a trusted folder's records are checked for. */
const looksLikeTrace = (v: unknown): v is StoredTrace => {
  if (!isObject(v) || !isString(v.id) || !isString(v.path) || !Array.isArray(v.blocks) || !Array.isArray(v.messages)) return false;
  if (v.status !== 'accepted' && v.status !== 'rejected' && v.status !== 'failed') return false;
  for (const b of v.blocks as unknown[]) {
    if (!isObject(b) || !isString(b.kind) || (b.text !== undefined && !isString(b.text))) return false;
    const r = b.removed;
    if (r !== null && (!isObject(r) || !isString(r.stage) || !isString(r.code) || (r.of !== undefined && typeof r.of !== 'number'))) return false;
  }
  for (const m of v.messages as unknown[]) if (!isObject(m) || !isString(m.severity) || !isString(m.stage) || !isString(m.code) || !isString(m.detail)) return false;
  return true;
};

/** The article or rejected record of trace record `t`, as far as the report reads it. */
const looksLikeRecord = (v: unknown, t: StoredTrace): v is ArticleRecord | RejectedRecord => {
  if (!isObject(v) || v.id !== t.id || !isObject(v.source) || !isText(v.source.url)) return false;
  if (t.status !== 'accepted') return isString(v.stage) && isString(v.code) && isString(v.message) && isString(v.text);
  return (
    isString(v.body) && isText(v.title) && isText(v.publishedAt) && isText(v.publisher) && isText(v.language) && isText(v.url) &&
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

interface OutputDocument {
  trace: TraceRecord;
  record: ArticleRecord | RejectedRecord;
}

/**
 * Reads a completed output folder record by record: trace.jsonl with the matching line of articles.jsonl or
 * rejected.jsonl, each record checked (see SummarizeOptions).
 */
async function* outputDocuments(out: string, manifest: Manifest, options: SummarizeOptions): AsyncGenerator<OutputDocument> {
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
  const checkTrace = options.trusted
    ? (v: unknown) => (looksLikeTrace(v) ? v : null)
    : (v: unknown) => {
        const r = StoredTrace.safeParse(v);
        return r.success ? r.data : null;
      };
  const recordOf = options.trusted
    ? (v: unknown, t: StoredTrace) => (looksLikeRecord(v, t) ? v : null)
    : (v: unknown, t: StoredTrace) => {
        const r = t.status === 'accepted' ? ArticleRecord.safeParse(v) : RejectedRecord.safeParse(v);
        return r.success && r.data.id === t.id ? r.data : null;
      };
  let n = 0;
  try {
    for await (const line of fileLines(join(out, 'trace.jsonl'))) {
      n++;
      const stored = checkTrace(JSON.parse(line));
      if (!stored) throw new PathError(`${join(out, 'trace.jsonl')}: record ${n} is not a trace record: is it from another version of newsclean?`);
      const accepted = stored.status === 'accepted';
      const file = accepted ? articlesFile : rejectedFile;
      const record = recordOf(await next(accepted ? articles : rejected, file), stored);
      const disagree = `${out}: trace record ${n} (${stored.path}) has no matching record in ${file}: the outputs do not agree`;
      if (!record) throw new PathError(disagree);
      let trace: TraceRecord;
      try {
        trace = traceOf(stored, record);
      } catch (e) {
        if (e instanceof TraceTextError) throw new PathError(`${disagree} (${e.message})`);
        throw e;
      }
      yield { trace, record };
    }
  } finally {
    // The record files were read up to their last record, not to their end: close them.
    await articles.return(undefined);
    await rejected.return(undefined);
  }
}

const readReport = async (out: string): Promise<Report> => Report.parse(await readJson(join(out, 'report.json')));

/** A completed output folder's run summary: its report.json and the counts of its trace. */
export const summarizeOutput = async (out: string, options: SummarizeOptions = {}): Promise<RunSummary> => {
  const manifest = await readManifest(out);
  const report = await readReport(out);
  const documents = outputDocuments(out, manifest, options);
  const tally = new StatsTally();
  for await (const { trace, record } of documents) tally.add(trace.status, reportSite(record, trace.path), countDocument(trace));
  return { format: 'newsclean-run-summary', version: 1, report, stats: tally.stats() };
};

/**
 * Writes report.html (and report-data/) for a completed output folder. The new data files get new names, the page
 * is renamed into place, and only then are the old data files removed: the page on disk always has its data.
 */
export const buildReport = async (out: string, options: ReportOptions = {}): Promise<ReportResult> => {
  const manifest = await readManifest(out);
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
    const report = await readReport(out);
    const tally = new StatsTally();
    // The lines the run made as it went when it gives them (each record's line made once, in its worker), else
    // made here from the records.
    const lines: AsyncIterable<string> = options.lines
      ? fileLines(options.lines)
      : (async function* () {
          for await (const d of outputDocuments(out, manifest, { trusted: options.trusted })) yield reportLine(d.trace, d.record);
        })();
    for await (const line of lines) {
      const { entry, view } = readReportLine(line);
      tally.add(entry.status, entry.site, entry);
      index.path.push(entry.path);
      index.id.push(entry.id);
      index.status.push(STATUS[entry.status]);
      index.code.push(entry.code === null ? -1 : codes.of(entry.code));
      index.site.push(sites.of(entry.site));
      index.chunk.push(chunks);
      index.words.push(entry.words);
      index.removedWords.push(entry.removedWords);
      index.rule.push(entry.rules.map(([r]) => rules.of(r)));
      index.warning.push(entry.warnings.map((w) => warnings.of(w)));
      chunk.push(view);
      chunkBytes += view.length;
      if (chunkBytes >= CHUNK_BYTES || chunk.length >= CHUNK_DOCS) await flush();
    }
    // Every document the run processed has a line: fewer or more, and the lines are not this folder's.
    if (options.lines && index.path.length !== report.read - report.skipped) {
      throw new ReportLinesError(`${options.lines} has ${index.path.length} documents, the run processed ${report.read - report.skipped}`);
    }
    const summary: RunSummary = { format: 'newsclean-run-summary', version: 1, report, stats: tally.stats() };
    await flush();
    Object.assign(index, { codes: codes.list, sites: sites.list, rules: rules.list, warnings: warnings.list });
    const indexName = `index-${key}.js`;
    await writeFile(join(dataDir, indexName), `__newsclean_index(${asScriptData(index)});\n`).catch((e: unknown) => {
      throw new OutputError(join(dataDir, indexName), e);
    });
    written.push(indexName);

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
