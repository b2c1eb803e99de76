// Scraper exports: JSON Lines (one record per line) or a JSON array of records, each record one document.
import { extname } from 'node:path';
import type { Format } from '../../core/doc.js';
import type { Provenance } from '../../core/input.js';
import type { InputFile } from '../walk.js';
import { pick, provenanceOf, type FieldMap } from './fields.js';
import { unread, type ReadItem } from './item.js';
import { collect, openBytes, streamProblem } from './stream.js';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|div|p|section|meta|title|h[1-6])\b/i;

/** A `text`/`content` field often holds HTML: it is read as HTML when it starts like a page or fragment. */
export const looksLikeHtml = (text: string): boolean => HTML_START.test(text.slice(0, 2048));

/** HTML by extension, else by its start, as an export's text is judged (after a BOM; NULs dropped for UTF-16/32). */
export const isHtml = (file: string, bytes: Uint8Array): boolean => {
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/\0/g, '');
  return looksLikeHtml(head.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, ''));
};


/** One export record as a document, or why it is not one. */
export const recordItem = (
  record: unknown,
  path: string,
  fields: FieldMap,
  maxBytes: number,
  fallbackFetchedAt: string | null,
): ReadItem => {
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return unread(path, 'text', { fetchedAt: fallbackFetchedAt }, 'malformed_record', `the record is ${Array.isArray(record) ? 'an array' : typeof record === 'object' ? 'null' : `a ${typeof record}`}, not a JSON object`);
  }
  const obj = record as Record<string, unknown>;
  const provenance: Provenance = provenanceOf(obj, fields);
  provenance.fetchedAt ??= fallbackFetchedAt;
  const html = pick(obj, fields.html);
  const text = pick(obj, fields.text);
  let content: string;
  let format: Format;
  if (typeof html === 'string') [content, format] = [html, 'html'];
  else if (typeof text === 'string') [content, format] = [text, looksLikeHtml(text) ? 'html' : 'text'];
  else {
    const keys = [...fields.html, ...fields.text].join(', ');
    return unread(path, 'text', provenance, 'malformed_record', `the record has no text in any of the fields ${keys} (readers.fields in the pipeline file)`);
  }
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.byteLength > maxBytes) {
    return unread(path, format, provenance, 'input_too_large', `the record's content has ${bytes.byteLength} bytes; the limit (limits.maxInputBytes) is ${maxBytes}`, bytes.byteLength);
  }
  return { ok: true, input: { path, format, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ...provenance } };
};

/** Splits a byte stream into lines without holding more than `max` bytes of one line. */
async function* lines(chunks: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<{ text: string | null; size: number; last: boolean }> {
  let parts: Buffer[] = [];
  let size = 0;
  const take = (last: boolean) => {
    const line = size > max ? { text: null, size, last } : { text: Buffer.concat(parts).toString('utf8'), size, last };
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of chunks) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      const piece = buf.subarray(start, nl);
      size += piece.byteLength;
      if (size <= max) parts.push(Buffer.from(piece));
      yield take(false);
      start = nl + 1;
    }
    const rest = buf.subarray(start);
    size += rest.byteLength;
    if (size <= max && rest.byteLength) parts.push(Buffer.from(rest));
  }
  if (size > 0) yield take(true);
}

export async function* readJsonLines(f: InputFile, maxBytes: number, fields: FieldMap, fallbackFetchedAt: string | null): AsyncGenerator<ReadItem> {
  const stream = openBytes(f.file, f.gzip);
  let n = 0;
  try {
    // A record is at most maxBytes of content; its JSON (escapes, other fields) may be a few times that.
    for await (const line of lines(stream, maxBytes * 4)) {
      n++;
      const path = `${f.path}#${n}`;
      if (line.text === null) {
        yield unread(path, 'text', { fetchedAt: fallbackFetchedAt }, 'input_too_large', `line ${n} has ${line.size} bytes; the limit is 4 × limits.maxInputBytes (${maxBytes})`, line.size);
        continue;
      }
      if (!line.text.trim()) continue; // a blank line is no record; `#n` stays the line number
      let value: unknown;
      try {
        value = JSON.parse(line.text);
      } catch (e) {
        // The last line of a cut-off export is half a record.
        yield line.last
          ? unread(path, 'text', { fetchedAt: fallbackFetchedAt }, 'truncated_input', `line ${n} is not complete JSON and the file ends there without a newline: the file was cut off`)
          : unread(path, 'text', { fetchedAt: fallbackFetchedAt }, 'malformed_record', `line ${n} is not valid JSON: ${(e as Error).message}`, line.size);
        continue;
      }
      yield recordItem(value, path, fields, maxBytes, fallbackFetchedAt);
    }
  } catch (e) {
    const p = streamProblem(e);
    yield unread(`${f.path}#${n + 1}`, 'text', { fetchedAt: fallbackFetchedAt }, p.code, `${p.detail}, after ${n} line(s)`);
  } finally {
    stream.destroy();
  }
}

/** The records of a JSON export: an array, an object holding one array of objects, or one object. */
const recordsOf = (data: unknown): unknown[] => {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const arrays = Object.values(data).filter((v) => Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object'));
    if (arrays.length === 1) return arrays[0] as unknown[];
  }
  return [data];
};

export async function* readJson(f: InputFile, maxBytes: number, fields: FieldMap, fallbackFetchedAt: string | null): AsyncGenerator<ReadItem> {
  // A JSON document is parsed whole: it is bounded like a document, so export large crawls as JSON Lines.
  const got = await collect(openBytes(f.file, f.gzip), maxBytes);
  const whole = (code: Parameters<typeof unread>[3], detail: string, size = 0) =>
    unread(`${f.path}#1`, 'text', { fetchedAt: fallbackFetchedAt }, code, detail, size);
  if (got.kind === 'too_large') {
    yield whole('input_too_large', `the JSON file has more than ${maxBytes} bytes (limits.maxInputBytes); write large exports as JSON Lines (.jsonl), which are streamed`, got.size);
    return;
  }
  if (got.kind === 'broken') {
    yield whole(got.code, got.detail, got.size);
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(got.bytes).toString('utf8'));
  } catch (e) {
    const message = (e as Error).message;
    yield whole(/end of (json )?input|unterminated/i.test(message) ? 'truncated_input' : 'malformed_record', `not valid JSON: ${message}`, got.bytes.byteLength);
    return;
  }
  let n = 0;
  for (const record of recordsOf(data)) yield recordItem(record, `${f.path}#${++n}`, fields, maxBytes, fallbackFetchedAt);
}
