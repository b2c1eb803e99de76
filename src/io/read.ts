// Reads one input file within the size limit, turning every failure into a value.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { errorText } from './readers/stream.js';

/**
 * `detail` never names the absolute path, so records do not depend on where the corpus lives. `mtime` is the file's
 * modification time (ISO 8601) from the one stat the read makes, null when the file could not be stat'ed.
 */
export type ReadResult =
  | { kind: 'ok'; bytes: Uint8Array; size: number; mtime: string | null }
  | { kind: 'too_large'; size: number; mtime: string | null }
  | { kind: 'error'; size: number; detail: string; mtime: string | null };

const describe = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${err.code})`;
    case 'ENOENT':
      return 'file not found: it vanished, or is a broken link (ENOENT)';
    case 'EISDIR':
      return 'it is a folder, not a file (EISDIR)';
    default:
      return errorText(e);
  }
};

/** A file time as ISO 8601; null for one a Date cannot hold (toISOString would throw). */
export const isoTime = (time: Date): string | null => (Number.isNaN(time.getTime()) ? null : time.toISOString());

/**
 * Files over `maxBytes` are not read at all: their size alone rejects them. The calls are synchronous: a document is
 * read whole, one at a time, by the thread that then hands it to a worker, and on a machine whose cores the workers
 * keep busy each round trip to the thread pool (five per file: stat, open, two reads, close) cost more than the read.
 */
export const readInput = async (file: string | Buffer, maxBytes: number): Promise<ReadResult> => {
  let size = 0;
  let mtime: string | null = null;
  try {
    const st = statSync(file);
    size = st.size;
    mtime = isoTime(st.mtime);
    // A FIFO or device named like a document would block or never end: only regular files are read.
    if (st.isDirectory()) return { kind: 'error', size: 0, detail: 'cannot read: it is a folder, not a file', mtime };
    if (!st.isFile()) return { kind: 'error', size: 0, detail: 'cannot read: not a regular file', mtime };
    if (size > maxBytes) return { kind: 'too_large', size, mtime };
    const fd = openSync(file, 'r');
    try {
      // Read what is there now, bounded: a file that grew since stat still cannot exceed the limit.
      const buf = Buffer.allocUnsafeSlow(Math.min(size, maxBytes) + 1);
      let n = 0;
      for (;;) {
        const bytesRead = readSync(fd, buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n === buf.length) break;
      }
      if (n > maxBytes) return { kind: 'too_large', size: n, mtime };
      return { kind: 'ok', bytes: new Uint8Array(buf.buffer, buf.byteOffset, n), size: n, mtime };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { kind: 'error', size, detail: `cannot read: ${describe(e)}`, mtime };
  }
};
