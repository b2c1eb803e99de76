// Atomic output files: written under a temporary name in the same folder, renamed into place when complete,
// so a crashed run never leaves a half-written file where the previous good one was.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';

/** The temporary name for `file`: hidden, in the same folder (rename is atomic only within one file system). */
export const tempPathFor = (file: string): string =>
  join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);

export const writeFileAtomic = async (file: string, data: string | Uint8Array): Promise<void> => {
  const tmp = tempPathFor(file);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
};

/** A streamed file that appears under its real name only on `commit()`. */
export class AtomicStream {
  readonly tmp: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(readonly file: string) {
    this.tmp = tempPathFor(file);
    this.stream = createWriteStream(this.tmp);
    this.stream.on('error', (e) => (this.failure ??= e));
  }

  /** Writes a chunk, waiting when the stream's buffer is full so memory stays bounded. */
  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    // once() also rejects if the stream emits 'error' while waiting.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    if (this.failure) throw this.failure;
  }

  private async close(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close');
    this.stream.end();
    await closed;
  }

  async commit(): Promise<void> {
    await this.close();
    if (this.failure) throw this.failure;
    await rename(this.tmp, this.file);
  }

  /** Drops the temporary file; the previous file, if any, stays untouched. */
  async abort(): Promise<void> {
    await this.close().catch(() => {});
    await rm(this.tmp, { force: true });
  }
}
