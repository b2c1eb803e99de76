// JSON Lines: one JSON value per line, written atomically and read back as a stream.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { AtomicStream } from './atomic.js';

export class JsonlWriter<T> {
  private readonly out: AtomicStream;
  count = 0;

  constructor(file: string) {
    this.out = new AtomicStream(file);
  }

  async write(value: T): Promise<void> {
    await this.writeLine(JSON.stringify(value));
  }

  /** Writes a value already serialized (by a worker thread); it must be the JSON of a T, on one line. */
  async writeLine(json: string): Promise<void> {
    this.count++;
    await this.out.write(`${json}\n`);
  }

  finish = (): Promise<void> => this.out.finish();
  publish = (): Promise<void> => this.out.publish();
  commit = (): Promise<void> => this.out.commit();
  abort = (): Promise<void> => this.out.abort();
}

/** Reads a JSONL file line by line; a line that is not JSON throws with its line number. */
export async function* readJsonl(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${n}: not valid JSON (${(e as Error).message})`);
    }
  }
}

/**
 * The non-empty lines of a JSON Lines file (gzip-compressed with `gzip`), as text; read as they are asked for.
 * Split at \n, \r\n and a lone \r. (`fileLines` reads a plain file at a third of the cost, for a reader that goes
 * to the end or returns the generator: it holds a file handle until then.)
 */
export async function* jsonLines(file: string, gzip = false): AsyncGenerator<string> {
  const stream = createReadStream(file);
  const rl = createInterface({ input: gzip ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) yield line;
  } finally {
    rl.close();
    stream.destroy();
  }
}

/** Bytes read at a time; a longer line grows the buffer to hold it. */
const READ = 1 << 20;
const LF = 0x0a;
const CR = '\r';

/** Non-empty pieces of a line that holds a \r (a \r\n ending, or a lone \r readline also splits at). */
function* split(line: string): Generator<string> {
  for (const piece of line.split(CR)) if (piece) yield piece;
}

/**
 * The non-empty lines of a plain JSON Lines file, as text, as `jsonLines` gives them: read in large chunks and cut
 * with Buffer.indexOf instead of through a stream, a string decoder and readline. The file stays open until the
 * last line is read or the generator is returned: a reader that may stop early returns it. A \n or \r byte is never part of a UTF-8 sequence, so cutting
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
