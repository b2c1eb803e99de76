// The lines of a JSON Lines file as the report reads them: the same lines as io/jsonl.ts `jsonLines` (split at
// \n, \r\n and a lone \r, empty lines left out), read in large chunks and cut with Buffer.indexOf instead of
// through a stream, a string decoder and readline: about a third of the time on a night's trace.jsonl.
import { open } from 'node:fs/promises';
import { readRecordLines, type RecordKind } from '../io/formats.js';

/** Bytes read at a time; a longer line grows the buffer to hold it. */
const READ = 1 << 20;
const LF = 0x0a;
const CR = '\r';

/** Non-empty pieces of a line that holds a \r (a \r\n ending, or a lone \r readline also splits at). */
function* split(line: string): Generator<string> {
  for (const piece of line.split(CR)) if (piece) yield piece;
}

/**
 * The non-empty lines of a JSON Lines file, as text. A \n or \r byte is never part of a UTF-8 sequence, so cutting
 * the bytes there and decoding each line alone gives the text a decoder of the whole file would.
 */
export async function* fileLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(READ);
    /** Bytes at the start of buf: the unfinished line of the last read. */
    let kept = 0;
    for (;;) {
      if (buf.length - kept < READ) {
        const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, kept + READ));
        buf.copy(bigger, 0, 0, kept);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, kept, buf.length - kept, null);
      const end = kept + bytesRead;
      const data = buf.subarray(0, end);
      let start = 0;
      // Lines ended in this read: from where the last one ended to the next \n.
      for (let nl = data.indexOf(LF, kept); nl >= 0; nl = data.indexOf(LF, start)) {
        if (nl > start) {
          const line = buf.toString('utf8', start, nl);
          if (line.includes(CR)) yield* split(line);
          else yield line;
        }
        start = nl + 1;
      }
      if (bytesRead === 0) {
        if (end > start) yield* split(buf.toString('utf8', start, end));
        return;
      }
      buf.copy(buf, 0, start, end);
      kept = end - start;
    }
  } finally {
    await handle.close();
  }
}

/** The records of an output file, one JSON line each: `fileLines` for JSON Lines, io/formats.ts for the others. */
export const recordLines = (file: string, kind: RecordKind): AsyncGenerator<string> => (file.endsWith('.jsonl') ? fileLines(file) : readRecordLines(file, kind));
