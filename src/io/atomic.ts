// Atomic output files: written under a temporary name in the same folder, renamed into place when complete,
// so a crashed run never leaves a half-written file where the previous good one was.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';

/** The temporary name for `file`: hidden, in the same folder (rename is atomic only within one file system). */
export const tempPathFor = (file: string): string =>
  join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);

/** An output file could not be written (disk full, permissions, a folder in its place): one line, exit 2. */
export class OutputError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const err = cause as NodeJS.ErrnoException;
    super(`cannot write ${file}: ${err?.code ?? (err instanceof Error ? err.message : String(cause))}`, { cause });
  }
}

const asOutputError = (file: string, e: unknown) => (e instanceof OutputError ? e : new OutputError(file, e));

/** Renames a finished temporary file into place. */
export const publish = async (tmp: string, file: string): Promise<void> => {
  try {
    await rename(tmp, file);
  } catch (e) {
    throw asOutputError(file, e);
  }
};

export const writeFileAtomic = async (file: string, data: string | Uint8Array): Promise<void> => {
  const tmp = tempPathFor(file);
  try {
    await writeFile(tmp, data).catch((e: unknown) => {
      throw asOutputError(file, e);
    });
    await publish(tmp, file);
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
    this.check();
    // once() also rejects if the stream emits 'error' while waiting.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain').catch((e: unknown) => this.check(e));
    this.check();
  }

  private check(e: unknown = this.failure): void {
    if (e) throw asOutputError(this.file, e);
  }

  private async close(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close');
    this.stream.end();
    await closed;
  }

  /** Flushes and closes the temporary file: write errors (disk full) surface here, before anything is renamed. */
  async finish(): Promise<void> {
    await this.close().catch((e: unknown) => this.check(e));
    this.check();
  }

  /** Renames the finished file into place. */
  publish = (): Promise<void> => publish(this.tmp, this.file);

  async commit(): Promise<void> {
    await this.finish();
    await this.publish();
  }

  /** Drops the temporary file; the previous file, if any, stays untouched. */
  async abort(): Promise<void> {
    await this.close().catch(() => {});
    await rm(this.tmp, { force: true });
  }
}
