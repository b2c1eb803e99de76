// A pool of worker threads with a per-document time limit: a document over the limit, or one whose worker dies,
// becomes a rejection or failure for that document only, and its worker is replaced.
//
// Workers start lazily: one is started only when a document waits and no worker is free or on its way, up to the
// pool's size, so a run of 3 documents starts 3 threads whatever --concurrency says. A document's clock starts
// when it is handed to a worker that said it is ready (it has bound the pipeline and warmed up): never while it
// waits in the queue, and never while its worker is still starting.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { encodeOutcome, type EncodedOutcome } from './encoded.js';
import { unprocessed, type RawInput } from './process.js';

/** A document for a worker, with the sha256 of its bytes (hashed once, by the runner, which needs it first). */
export type TaskMessage = { type: 'task'; id: number; input: RawInput; sha256: string };
export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; outcome: EncodedOutcome };

/** Threads per CPU at most: the stages are CPU-bound, so more threads than cores only add memory and contention. */
export const THREADS_PER_CPU = 2;

/**
 * The number of worker threads for a requested --concurrency (default: one per CPU), capped at THREADS_PER_CPU
 * per CPU; `capped` is the one-line note to show when it was ("--concurrency 1000 capped at 4 (2 CPUs)").
 */
export const workerCount = (
  requested: number | undefined,
  cpus: number = availableParallelism(),
): { workers: number; capped: string | null } => {
  const ceiling = Math.max(1, cpus) * THREADS_PER_CPU;
  if (requested === undefined) return { workers: Math.max(1, cpus), capped: null };
  const wanted = Math.max(1, Math.floor(requested));
  if (wanted <= ceiling) return { workers: wanted, capped: null };
  return { workers: ceiling, capped: `--concurrency ${requested} capped at ${ceiling} (${cpus} CPU${cpus === 1 ? '' : 's'})` };
};

export interface PoolOptions {
  /** The most workers running at once; they are started as documents come. */
  size: number;
  /** The worker script; it must speak TaskMessage / WorkerMessage. */
  script: URL;
  workerData: unknown;
  timeoutMs: number;
  /**
   * How long a worker may take to become ready (bind the pipeline, warm up) before it counts as failing to start;
   * default: 30 s more than `timeoutMs`.
   */
  startTimeoutMs?: number;
  /**
   * Workers starting at once, at most (default: the number of CPUs): a thread's start is CPU work, and a hundred
   * starting together on a few cores would each take a hundred times longer.
   */
  maxStarting?: number;
  /** Called when a document timed out or a worker died, for the log. */
  onIncident?: (event: { path: string; code: 'timeout' | 'internal_error'; detail: string }) => void;
}

interface Job {
  id: number;
  input: RawInput;
  sha256: string;
  /** The input's size: its bytes go to the worker (transferred), and a timed-out document is accounted for by this. */
  size: number;
  resolve(outcome: EncodedOutcome): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** The job's time limit, or while starting, the start's. */
  timer: NodeJS.Timeout | null;
}

/** setTimeout's largest delay; a longer one fires after 1 ms. */
const MAX_DELAY = 2 ** 31 - 1;

/** Consecutive workers dying before they are ready: past this the pool gives up instead of respawning forever. */
const MAX_START_FAILURES = 3;

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private started = 0;
  private startFailures = 0;
  private broken: string | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Workers started so far, replacements included. */
  get workersStarted(): number {
    return this.started;
  }

  /** Workers alive now (starting, busy or idle). */
  get workersAlive(): number {
    return this.slots.size;
  }

  /** Processes one document; never rejects: every problem becomes the document's outcome. */
  /** Processes a document in a worker; its bytes are handed over (the caller must not use them after). */
  run(input: RawInput, sha256: string): Promise<EncodedOutcome> {
    if (this.closed) throw new Error('WorkerPool.run after close');
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, input, sha256, size: input.bytes.byteLength, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(slots.map((s) => this.stop(s)));
  }

  private spawn(): void {
    // A heap limit turns a runaway document into a dead worker (internal_error), not a dead process.
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.started++;
    this.slots.add(slot);
    const startLimit = Math.min(MAX_DELAY, this.options.startTimeoutMs ?? this.options.timeoutMs + 30_000);
    slot.timer = setTimeout(() => this.onDeath(slot, `the worker was not ready after ${startLimit} ms`), startLimit);
    worker.on('message', (msg: WorkerMessage) => this.onMessage(slot, msg));
    worker.on('error', (e) => this.onDeath(slot, `${e.name}: ${e.message}`));
    worker.on('exit', (code) => this.onDeath(slot, `the worker exited with code ${code}`));
  }

  private onMessage(slot: Slot, msg: WorkerMessage): void {
    if (!this.slots.has(slot)) return;
    if (msg.type === 'ready') {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.ready = true;
      this.startFailures = 0;
    } else {
      const job = slot.job;
      if (job && job.id === msg.id) this.finish(slot, msg.outcome);
    }
    this.dispatch();
  }

  private finish(slot: Slot, outcome: EncodedOutcome): void {
    const job = slot.job!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job.resolve(outcome);
  }

  private onDeath(slot: Slot, detail: string): void {
    if (!this.slots.has(slot)) return; // already replaced (timeout) or closing
    this.slots.delete(slot);
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    if (job) {
      this.fail(job, 'internal_error', `the worker processing this document died: ${detail}`);
    } else if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.broken = `workers fail to start: ${detail}`;
    }
    void slot.worker.terminate();
    // A replacement starts only if a document waits for it.
    if (!this.closed) this.dispatch();
  }

  private fail(job: Job, code: 'timeout' | 'internal_error', detail: string): void {
    this.options.onIncident?.({ path: job.input.path, code, detail });
    job.resolve(encodeOutcome(unprocessed({ ...job.input, bytes: null, size: job.size }, 'runner', code, detail, job.sha256)));
  }

  private dispatch(): void {
    if (this.broken) {
      for (const job of this.waiting.splice(0)) this.fail(job, 'internal_error', this.broken);
      return;
    }
    let starting = 0;
    for (const slot of this.slots) {
      if (!slot.ready) {
        starting++;
        continue;
      }
      if (!this.waiting.length || slot.job) continue;
      const job = this.waiting.shift()!;
      slot.job = job;
      // The clock starts here, at the hand-over to a ready worker: not when the document was queued.
      slot.timer = setTimeout(() => this.onTimeout(slot), Math.min(MAX_DELAY, this.options.timeoutMs));
      // The bytes move to the worker without a copy when they own their memory (a file read whole); bytes that
      // share a pooled buffer are copied, as are any that were not transferred.
      const { bytes } = job.input;
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      slot.worker.postMessage({ type: 'task', id: job.id, input: job.input, sha256: job.sha256 } satisfies TaskMessage, own ? [bytes.buffer as ArrayBuffer] : []);
    }
    // Documents still waiting, more than the workers on their way can take: start more, up to the size, a few
    // at a time (each one ready starts the next).
    const maxStarting = Math.max(1, this.options.maxStarting ?? availableParallelism());
    while (this.waiting.length > starting && this.slots.size < this.options.size && starting < maxStarting) {
      this.spawn();
      starting++;
    }
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    if (!job || !this.slots.has(slot)) return;
    this.slots.delete(slot);
    slot.job = null;
    this.fail(job, 'timeout', `processing took longer than the limit of ${this.options.timeoutMs} ms; stopped`);
    void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  private async stop(slot: Slot): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    await slot.worker.terminate();
  }
}
