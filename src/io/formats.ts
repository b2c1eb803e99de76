// The formats articles and rejected records are published in: JSON Lines (the default), gzip-compressed JSON Lines,
// or Parquet. A run always stages JSON Lines (appendable, resumable) and converts when it publishes; trace.jsonl stays
// JSON Lines whatever the format. Readers of an output folder (inspect, report, merge) read records through
// `readRecordLines`, whatever file the folder has.
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { OutputError } from './atomic.js';
import { jsonLines } from './jsonl.js';

export const OUTPUT_FORMATS = ['jsonl', 'jsonl.gz', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type RecordKind = 'articles' | 'rejected';

export const recordFile = (kind: RecordKind, format: OutputFormat): string => `${kind}.${format}`;

/** The record file of `kind` among a folder's files (its manifest's), whatever its format; null if none. */
export const findRecordFile = (kind: RecordKind, names: Iterable<string>): string | null => {
  const have = new Set(names);
  for (const f of OUTPUT_FORMATS) if (have.has(recordFile(kind, f))) return recordFile(kind, f);
  return null;
};

type ColumnType = 'STRING' | 'INT32' | 'INT64' | 'JSON';
/** A Parquet column: a top-level field, or a field of `source` (`source.url`). */
interface Column {
  name: string;
  type: ColumnType;
}

const SOURCE: Column[] = [
  { name: 'source.path', type: 'STRING' },
  { name: 'source.format', type: 'STRING' },
  { name: 'source.bytes', type: 'INT64' },
  { name: 'source.sha256', type: 'STRING' },
  { name: 'source.url', type: 'STRING' },
  { name: 'source.fetchedAt', type: 'STRING' },
  { name: 'source.httpStatus', type: 'INT32' },
  { name: 'source.encoding', type: 'STRING' },
  { name: 'source.encodingSource', type: 'STRING' },
];

/**
 * The Parquet columns of each record kind, in the records' field order: scalars as typed columns, `source` as
 * `source.*` columns, lists and maps (authors, metadataSources, removed, messages) as JSON columns.
 */
export const PARQUET_COLUMNS: Record<RecordKind, Column[]> = {
  articles: [
    { name: 'schemaVersion', type: 'INT32' },
    { name: 'id', type: 'STRING' },
    ...SOURCE,
    { name: 'title', type: 'STRING' },
    { name: 'authors', type: 'JSON' },
    { name: 'publishedAt', type: 'STRING' },
    { name: 'publisher', type: 'STRING' },
    { name: 'language', type: 'STRING' },
    { name: 'url', type: 'STRING' },
    { name: 'body', type: 'STRING' },
    { name: 'wordCount', type: 'INT32' },
    { name: 'metadataSources', type: 'JSON' },
    { name: 'removed', type: 'JSON' },
    { name: 'messages', type: 'JSON' },
  ],
  rejected: [
    { name: 'schemaVersion', type: 'INT32' },
    { name: 'id', type: 'STRING' },
    ...SOURCE,
    { name: 'status', type: 'STRING' },
    { name: 'stage', type: 'STRING' },
    { name: 'code', type: 'STRING' },
    { name: 'message', type: 'STRING' },
    { name: 'text', type: 'STRING' },
    { name: 'removed', type: 'JSON' },
    { name: 'messages', type: 'JSON' },
  ],
};

const ROWS_PER_GROUP = 5000;

type Row = Record<string, unknown>;

const cell = (record: Row, name: string): unknown => {
  const dot = name.indexOf('.');
  const v = dot < 0 ? record[name] : (record[name.slice(0, dot)] as Row)[name.slice(dot + 1)];
  return v === undefined ? null : v;
};

const writeParquet = async (from: string, to: string, kind: RecordKind): Promise<void> => {
  const columns = PARQUET_COLUMNS[kind];
  const writer = fileWriter(to);
  let parquet: ParquetWriter | null = null;
  let rows: Row[] = [];
  const flush = () => {
    if (!rows.length && parquet) return;
    const columnData = columns.map(({ name, type }) => ({
      name,
      type,
      data: rows.map((r) => {
        const v = cell(r, name);
        return v !== null && type === 'INT64' ? BigInt(v as number) : v;
      }),
    }));
    parquet ??= new ParquetWriter({ writer, schema: schemaFromColumnData({ columnData }), createdBy: 'newsclean' });
    parquet.write({ columnData, rowGroupSize: ROWS_PER_GROUP });
    rows = [];
  };
  for await (const line of jsonLines(from)) {
    rows.push(JSON.parse(line) as Row);
    if (rows.length >= ROWS_PER_GROUP) flush();
  }
  flush();
  await parquet!.finish();
};

/**
 * Converts a staged JSON Lines file of records into `format` beside it (`articles.jsonl` -> `articles.parquet`),
 * removing the JSON Lines file; returns the new file's name. JSON Lines is left as it is.
 */
export const convertRecords = async (jsonl: string, kind: RecordKind, format: OutputFormat): Promise<string> => {
  if (format === 'jsonl') return jsonl;
  const to = jsonl.replace(/\.jsonl$/, `.${format}`);
  try {
    if (format === 'jsonl.gz') await pipeline(createReadStream(jsonl), createGzip(), createWriteStream(to));
    else await writeParquet(jsonl, to, kind);
  } catch (e) {
    await rm(to, { force: true });
    throw new OutputError(to, e);
  }
  await rm(jsonl, { force: true });
  return to;
};

/** A Parquet row back as the record it was written from: the same fields, in the same order. */
const recordOf = (row: Row, kind: RecordKind): Row => {
  const out: Row = {};
  for (const { name, type } of PARQUET_COLUMNS[kind]) {
    let v = row[name] ?? null;
    if (typeof v === 'bigint') v = Number(v);
    if (type === 'JSON' && typeof v === 'string') v = JSON.parse(v);
    const dot = name.indexOf('.');
    if (dot < 0) out[name] = v;
    else ((out[name.slice(0, dot)] ??= {}) as Row)[name.slice(dot + 1)] = v;
  }
  return out;
};

/** The records of a file in any of the formats, one JSON line each (as the JSON Lines file has them). */
export async function* readRecordLines(file: string, kind: RecordKind): AsyncGenerator<string> {
  if (file.endsWith('.jsonl')) return yield* jsonLines(file);
  if (file.endsWith('.jsonl.gz')) return yield* jsonLines(file, true);
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const total = Number(metadata.num_rows);
  for (let start = 0; start < total; start += ROWS_PER_GROUP) {
    const rows = await parquetReadObjects({ file: buffer, metadata, rowStart: start, rowEnd: Math.min(total, start + ROWS_PER_GROUP) });
    for (const row of rows) yield JSON.stringify(recordOf(row as Row, kind));
  }
}
