// JSON Lines: one JSON value per line, written atomically and read back as a stream.
import { createReadStream } from 'node:fs';
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

/** The non-empty lines of a JSON Lines file (gzip-compressed with `gzip`), as text; read as they are asked for. */
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
