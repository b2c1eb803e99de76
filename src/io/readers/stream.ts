// Bytes from a file as a stream, inflated when gzip-compressed, and read into memory only up to a limit.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * A system error as words and its code, without the paths Node puts in its message ("ELOOP: too many symbolic
 * links encountered, open '/data/crawl/a.html'" -> "too many symbolic links encountered (ELOOP)"): a record
 * names its document by its relative path, and must not depend on where the corpus lives.
 */
export const errorText = (e: unknown): string => {
  if (!(e instanceof Error)) return String(e);
  const err = e as NodeJS.ErrnoException & { dest?: unknown };
  let text = err.message;
  if (err.code && text.startsWith(`${err.code}: `)) text = text.slice(err.code.length + 2);
  // libuv's form: "<code>: <description>, <syscall> '<path>'[ -> '<dest>']".
  if (err.syscall) text = text.replace(new RegExp(`, ${err.syscall} '[\\s\\S]*'$`), '');
  for (const p of [err.path, err.dest]) {
    const path = typeof p === 'string' ? p : Buffer.isBuffer(p) ? p.toString('utf8') : '';
    if (path) text = text.split(path).join('<path>');
  }
  text = text.trim() || 'error';
  return err.code && !text.includes(err.code) ? `${text} (${err.code})` : text;
};

/** The file's bytes, inflated on the fly when `gzip` (several concatenated gzip members, as in WARC.gz, too). */
export const openBytes = (file: string | Buffer, gzip: boolean): Readable => {
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (!gzip) return raw;
  const inflated = createGunzip({ chunkSize: 64 * 1024 });
  raw.on('error', (e) => inflated.destroy(e));
  return raw.pipe(inflated);
};

/** Why a stream ended badly: cut off (truncated download) or corrupt data. */
export const streamProblem = (e: unknown): { code: 'truncated_input' | 'undecodable' | 'read_error'; detail: string } => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message ?? '')) {
    return { code: 'truncated_input', detail: 'the compressed data ends early (unexpected end of file)' };
  }
  if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return { code: 'undecodable', detail: `the gzip data is corrupt (${err.message})` };
  }
  return { code: 'read_error', detail: `cannot read: ${errorText(e)}` };
};

export type Collected =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'too_large'; size: number }
  | { kind: 'broken'; size: number; code: 'truncated_input' | 'undecodable' | 'read_error'; detail: string };

/**
 * Reads chunks into one buffer, giving up past `max` bytes: a gzip bomb is cut off as soon as it passes the limit
 * (with `drain`, the rest is read and thrown away, so a container can go on with its next record).
 */
export const collect = async (chunks: AsyncIterable<Uint8Array>, max: number, drain = false): Promise<Collected> => {
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > max) {
        parts.length = 0;
        if (!drain) return { kind: 'too_large', size };
        continue;
      }
      parts.push(chunk);
    }
  } catch (e) {
    return { kind: 'broken', size, ...streamProblem(e) };
  }
  if (size > max) return { kind: 'too_large', size };
  return { kind: 'ok', bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size) };
};
