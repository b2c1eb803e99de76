// WARC and WARC.gz: one document per response (or resource / conversion) record holding HTML or text, streamed.
// Parsing is warcio's (webrecorder); inflating is ours, so a cut-off .warc.gz is noticed instead of ending quietly.
import { WARCParser, type WARCRecord } from 'warcio';
import type { Format } from '../../core/doc.js';
import type { Provenance } from '../../core/input.js';
import type { InputFile } from '../walk.js';
import { isoInstant } from './fields.js';
import { unread, type OnIgnoredRecord, type ReadItem } from './item.js';
import { collect, openBytes, streamProblem } from './stream.js';

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
const TEXT_TYPES = /^text\/plain\b/i;

/** The format of a record's payload by its media type, or null when it is not a document (image, script, ...). */
export const formatOfType = (contentType: string | null | undefined): Format | null => {
  if (!contentType) return null;
  if (HTML_TYPES.test(contentType.trim())) return 'html';
  if (TEXT_TYPES.test(contentType.trim())) return 'text';
  return null;
};

const DOCUMENT_RECORDS = new Set(['response', 'resource', 'conversion']);

/** warcio's limit reader counts down what a record still owes; above zero after reading, the file was cut. */
const owed = (record: WARCRecord): number => {
  const reader = (record as unknown as { _reader?: { limit?: unknown } })._reader;
  return typeof reader?.limit === 'number' ? reader.limit : 0;
};

export async function* readWarc(f: InputFile, maxBytes: number, onIgnored: OnIgnoredRecord, fallbackFetchedAt: string | null): AsyncGenerator<ReadItem> {
  const stream = openBytes(f.file, f.gzip);
  let n = 0;
  const cut = (detail: string): ReadItem =>
    unread(`${f.path}#${n}`, 'html', { fetchedAt: fallbackFetchedAt }, 'truncated_input', `${detail}, after ${n - 1} record(s)`);
  try {
    const parser = new WARCParser(stream);
    for await (const record of parser) {
      n++;
      const type = record.warcType ?? '(no type)';
      const length = record.warcHeader('Content-Length');
      if (length === null || length === undefined || !/^\d+$/.test(length.trim())) {
        // Only a header cut mid-way lacks its length: the tail of a truncated file.
        yield cut(`record ${n} has no Content-Length: the file ends early`);
        return;
      }
      const status = type === 'response' ? record.httpHeaders?.statusCode : undefined;
      const contentType = type === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcContentType;
      const format = DOCUMENT_RECORDS.has(type) ? formatOfType(contentType) : null;
      if (!format) {
        await record.skipFully();
        onIgnored(DOCUMENT_RECORDS.has(type) ? `warc ${type} ${(contentType ?? 'without type').split(';')[0]!.trim().toLowerCase()}` : `warc ${type}`);
        continue;
      }
      const provenance: Provenance = {
        url: record.warcTargetURI ?? null,
        fetchedAt: isoInstant(record.warcDate) ?? isoInstant(record.httpHeaders?.headers.get('date')) ?? fallbackFetchedAt,
        httpStatus: typeof status === 'number' && Number.isInteger(status) ? status : null,
        contentType: contentType ?? null,
      };
      const path = `${f.path}#${n}`;
      const got = await collect(record.contentReader as AsyncIterable<Uint8Array>, maxBytes, true);
      if (got.kind === 'broken') {
        yield got.code === 'truncated_input' ? cut(`record ${n} is cut off: ${got.detail}`) : unread(path, format, provenance, got.code, got.detail, got.size);
        return;
      }
      if (owed(record) > 0) {
        yield cut(`record ${n} is cut off (${owed(record)} bytes missing)`);
        return;
      }
      if (got.kind === 'too_large') {
        yield unread(path, format, provenance, 'input_too_large', `the record's content has ${got.size} bytes; the limit (limits.maxInputBytes) is ${maxBytes}`, got.size);
        continue;
      }
      yield { ok: true, input: { path, format, bytes: got.bytes, ...provenance } };
    }
  } catch (e) {
    n++;
    const p = streamProblem(e);
    yield p.code === 'truncated_input' ? cut(p.detail) : unread(`${f.path}#${n}`, 'html', { fetchedAt: fallbackFetchedAt }, p.code, `${p.detail}, after ${n - 1} record(s)`);
  } finally {
    stream.destroy();
  }
}
