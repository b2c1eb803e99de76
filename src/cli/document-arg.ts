// One document named on the command line (`decode`, `clean`): a file, or a record of a WARC file or export
// (`crawl.warc.gz#17`), read through the same readers as `run`, so a .gz, a sidecar or a record reads the same.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isHtml } from '../io/readers/export.js';
import { readFile, type ReadItem } from '../io/readers/index.js';
import { inputFile } from '../io/walk.js';
import type { Pipeline } from '../runner/pipeline.js';
import { UsageError } from './common.js';

/** `crawl.warc.gz#17` -> the file and the record number; a file whose own name has a `#` is taken whole. */
const splitRecord = (arg: string): { file: string; record: number | null } => {
  const m = /^(.*)#(\d+)$/.exec(arg);
  return m && !existsSync(arg) ? { file: m[1]!, record: Number(m[2]) } : { file: arg, record: null };
};

const readPlain = (file: string): ReadItem => {
  try {
    const bytes = readFileSync(file);
    return { ok: true, input: { path: basename(file), format: isHtml(file, bytes) ? 'html' : 'text', bytes } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? (e as Error).message}`);
  }
};

/** The one document named: through the same readers as `run`, so a .gz, a sidecar or a record reads the same. */
export const readDocument = async (arg: string, pipeline: Pipeline): Promise<ReadItem> => {
  const { file, record } = splitRecord(arg);
  if (!existsSync(file)) throw new UsageError(`file not found: ${file}`);
  const f = await inputFile(resolve(file));
  if (!f) {
    if (record !== null) throw new UsageError(`${file} is not a WARC file or export: it has no record #${record}`);
    return readPlain(file);
  }
  const { limits, readers } = pipeline;
  const want = record === null ? null : `${f.path}#${record}`;
  if (f.kind !== 'document' && want === null) {
    throw new UsageError(`${file} holds several documents: name one as ${file}#<n>, as in the records' source.path`);
  }
  for await (const item of readFile(f, { maxInputBytes: limits.maxInputBytes, readers })) {
    if (want !== null && item.input.path !== want) continue;
    return item;
  }
  throw new UsageError(`${file} has no document #${record} (records that are not documents, such as WARC requests, are skipped)`);
};

