// Reads one input file within the size limit, turning every failure into a value.
import { open, stat } from 'node:fs/promises';
import { errorText } from './readers/stream.js';

/** `detail` never names the absolute path, so records do not depend on where the corpus lives. */
export type ReadResult =
  | { kind: 'ok'; bytes: Uint8Array; size: number }
  | { kind: 'too_large'; size: number }
  | { kind: 'error'; size: number; detail: string };

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

/** Files over `maxBytes` are not read at all: their size alone rejects them. */
export const readInput = async (file: string | Buffer, maxBytes: number): Promise<ReadResult> => {
  let size = 0;
  try {
    const st = await stat(file);
    size = st.size;
    // A FIFO or device named like a document would block or never end: only regular files are read.
    if (st.isDirectory()) return { kind: 'error', size: 0, detail: 'cannot read: it is a folder, not a file' };
    if (!st.isFile()) return { kind: 'error', size: 0, detail: 'cannot read: not a regular file' };
    if (size > maxBytes) return { kind: 'too_large', size };
    const handle = await open(file, 'r');
    try {
      // Read what is there now, bounded: a file that grew since stat still cannot exceed the limit.
      const buf = Buffer.allocUnsafeSlow(Math.min(size, maxBytes) + 1);
      let n = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n === buf.length) break;
      }
      if (n > maxBytes) return { kind: 'too_large', size: n };
      return { kind: 'ok', bytes: new Uint8Array(buf.buffer, buf.byteOffset, n), size: n };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { kind: 'error', size, detail: `cannot read: ${describe(e)}` };
  }
};
