// `newsclean decode <file>`: one file's text after charset decoding and mojibake repair, as the decode stage
// reads it, before any HTML or boilerplate processing. The tool for a document that came out garbled.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { RawInput } from '../core/input.js';
import { looksLikeHtml } from '../io/readers/export.js';
import { readFile } from '../io/readers/index.js';
import { inputFile } from '../io/walk.js';
import type { z } from 'zod';
import { DEFAULT_PIPELINE, loadPipeline, type Pipeline } from '../runner/pipeline.js';
import { DecodeOptions, decodeText } from '../stages/decode/index.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';

const help = `Usage: newsclean decode <file>[#<n>] [--json] [--content-type <value>] [--pipeline <file>]

Prints the file's text after charset decoding and mojibake repair, as the decode stage
reads it: markup kept, entities left as they are. The charset is chosen in the WHATWG
order: byte-order mark, the HTTP header's charset, <meta charset> (HTML), XML declaration,
valid UTF-8, then detection, then the pipeline's fallbackCharset (windows-1252).
A .gz file is inflated, and a sidecar beside the file (story.html.json) gives its HTTP
header. A record of a WARC file or export is named as in the records: crawl.warc.gz#17.
A .html/.htm file (or one that starts like a page) is HTML; anything else is text.

Options:
  --json                  print {"encoding", "decidedBy", "text"} instead of the text;
                          decidedBy is bom, http, meta, xml, utf8, detected or fallback
  --content-type <value>  the HTTP Content-Type header the file was served with
                          (e.g. "text/html; charset=windows-1251"); outranks a sidecar's
  -p, --pipeline <file>   pipeline file whose decode options apply (default: pipelines/news.json)
  -h, --help              show this help`;

/** HTML by extension, else by its start, as an export's text is judged (after a BOM; NULs dropped for UTF-16/32). */
export const isHtml = (file: string, bytes: Uint8Array): boolean => {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/\0/g, '');
  return looksLikeHtml(head.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, ''));
};

/** `crawl.warc.gz#17` -> the file and the record number; a file whose own name has a `#` is taken whole. */
const splitRecord = (arg: string): { file: string; record: number | null } => {
  const m = /^(.*)#(\d+)$/.exec(arg);
  return m && !existsSync(arg) ? { file: m[1]!, record: Number(m[2]) } : { file: arg, record: null };
};

const readPlain = (file: string): RawInput => {
  try {
    const bytes = readFileSync(file);
    return { path: basename(file), format: isHtml(file, bytes) ? 'html' : 'text', bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? (e as Error).message}`);
  }
};

/** The one document named: through the same readers as `run`, so a .gz, a sidecar or a record reads the same. */
const readDocument = async (arg: string, pipeline: Pipeline): Promise<RawInput> => {
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
    if (!item.ok) throw new UsageError(`${want ?? file}: ${item.code}: ${item.detail}`);
    return item.input;
  }
  throw new UsageError(`${file} has no document #${record} (records that are not documents, such as WARC requests, are skipped)`);
};

export const decodeCommand = async (argv: string[]): Promise<number> => {
  const { values, positionals } = parseCommandArgs('decode', argv, {
    json: { type: 'boolean' },
    'content-type': { type: 'string' },
    pipeline: { type: 'string', short: 'p' },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`decode takes one file (see 'newsclean decode --help')`);
  const arg = positionals[0]!;
  const pipeline = loadPipeline(resolve((values.pipeline as string | undefined) ?? DEFAULT_PIPELINE));
  const input = await readDocument(arg, pipeline);
  const file = arg;
  const decoded = decodeText(input.bytes, {
    html: input.format === 'html',
    contentType: (values['content-type'] as string | undefined) ?? input.contentType ?? null,
    options: pipeline.stageOptions.decode as z.infer<typeof DecodeOptions>,
  });
  // An empty or binary file has no text to show: one line, as for any other mistake of input.
  if (!decoded.ok) throw new UsageError(`${file}: ${decoded.code}: ${decoded.detail}`);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ encoding: decoded.charset, decidedBy: decoded.source, text: decoded.text })}\n`);
  } else {
    process.stdout.write(decoded.text.endsWith('\n') ? decoded.text : `${decoded.text}\n`);
  }
  return 0;
};

export const command: Command = { help, main: decodeCommand };
