// Results finish in any order; this hands them on in input order, and bounds how far ahead work may run.
export class InOrder<T> {
  private readonly done = new Map<number, T>();
  private next: number;
  private chain: Promise<void> = Promise.resolve();
  private waiters: { index: number; resolve(): void }[] = [];
  /** The first error an emit threw: nothing after it is emitted, and nobody waits for room any more. */
  error: unknown = null;

  /** `emit` is called once per index from `start` on (a resumed run's first), in index order, never concurrently. */
  constructor(
    private readonly emit: (item: T, index: number) => Promise<void>,
    start = 0,
  ) {
    this.next = start;
  }

  put(index: number, item: T): void {
    this.done.set(index, item);
    // The chain never rejects (no unhandled rejections); the first failure is kept in `error`.
    this.chain = this.chain.then(() => this.drain()).catch((e) => this.fail(e));
  }

  private fail(e: unknown): void {
    this.error ??= e;
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  /** Emits nothing more (a graceful stop): what was emitted stays, the rest is dropped. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once no emit is running, whatever happened: the point where the emitted output is whole. */
  async idle(): Promise<void> {
    await this.chain;
  }

  private stopped = false;

  private async drain(): Promise<void> {
    while (!this.error && !this.stopped && this.done.has(this.next)) {
      const item = this.done.get(this.next)!;
      this.done.delete(this.next);
      await this.emit(item, this.next);
      this.next++;
      this.wake();
    }
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.index < this.next);
    this.waiters = this.waiters.filter((w) => w.index >= this.next);
    for (const w of ready) w.resolve();
  }

  /** Resolves once fewer than `window` items before `index` are still unemitted: the back-pressure point. */
  room(index: number, window: number): Promise<void> {
    const target = index - window;
    if (target < this.next || this.error) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ index: target, resolve }));
  }

  /** Resolves when every put item has been emitted; rejects if an emit failed. */
  async flushed(): Promise<void> {
    await this.chain;
    if (this.error) throw this.error;
  }
}
