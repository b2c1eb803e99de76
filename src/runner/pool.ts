// A pool of worker threads with a per-document time limit: a document over the limit, or one whose worker dies,
// becomes a rejection or failure for that document only, and its worker is replaced.
import { Worker } from 'node:worker_threads';
import { encodeOutcome, type EncodedOutcome } from './encoded.js';
import { unprocessed, type RawInput } from './process.js';

export type TaskMessage = { type: 'task'; id: number; input: RawInput };
export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; outcome: EncodedOutcome };

export interface PoolOptions {
  size: number;
  /** The worker script; it must speak TaskMessage / WorkerMessage. */
  script: URL;
  workerData: unknown;
  timeoutMs: number;
  /** Called when a document timed out or a worker died, for the log. */
  onIncident?: (event: { path: string; code: 'timeout' | 'internal_error'; detail: string }) => void;
}

interface Job {
  id: number;
  input: RawInput;
  resolve(outcome: EncodedOutcome): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** Consecutive workers dying before they are ready: past this the pool gives up instead of respawning forever. */
const MAX_START_FAILURES = 3;

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private startFailures = 0;
  private broken: string | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  /** Processes one document; never rejects: every problem becomes the document's outcome. */
  run(input: RawInput): Promise<EncodedOutcome> {
    if (this.closed) throw new Error('WorkerPool.run after close');
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, input, resolve });
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
    this.slots.add(slot);
    worker.on('message', (msg: WorkerMessage) => this.onMessage(slot, msg));
    worker.on('error', (e) => this.onDeath(slot, `${e.name}: ${e.message}`));
    worker.on('exit', (code) => this.onDeath(slot, `the worker exited with code ${code}`));
  }

  private onMessage(slot: Slot, msg: WorkerMessage): void {
    if (!this.slots.has(slot)) return;
    if (msg.type === 'ready') {
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
    if (job) {
      this.fail(job, 'internal_error', `the worker processing this document died: ${detail}`);
      if (slot.timer) clearTimeout(slot.timer);
    } else if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.broken = `workers fail to start: ${detail}`;
    }
    void slot.worker.terminate();
    if (!this.closed) {
      if (!this.broken) this.spawn();
      this.dispatch();
    }
  }

  private fail(job: Job, code: 'timeout' | 'internal_error', detail: string): void {
    const { bytes } = job.input;
    this.options.onIncident?.({ path: job.input.path, code, detail });
    const input = { ...job.input, size: bytes.byteLength };
    job.resolve(encodeOutcome(unprocessed(input, 'runner', code, detail)));
  }

  private dispatch(): void {
    if (this.broken) {
      for (const job of this.waiting.splice(0)) this.fail(job, 'internal_error', this.broken);
      return;
    }
    for (const slot of this.slots) {
      if (!this.waiting.length) return;
      if (!slot.ready || slot.job) continue;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.onTimeout(slot), this.options.timeoutMs);
      // The bytes are copied, not transferred: the pool keeps them to account for a timed-out document.
      slot.worker.postMessage({ type: 'task', id: job.id, input: job.input } satisfies TaskMessage);
    }
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    if (!job || !this.slots.has(slot)) return;
    this.slots.delete(slot);
    slot.job = null;
    this.fail(job, 'timeout', `processing took longer than the limit of ${this.options.timeoutMs} ms; stopped`);
    void slot.worker.terminate();
    if (!this.closed) this.spawn();
  }

  private async stop(slot: Slot): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    await slot.worker.terminate();
  }
}
