// The state folder of incremental runs: what each input produced on earlier nights (its content hash, record id,
// outcome and article fingerprint), so the next night processes only new or changed inputs. Versioned; updated
// only by a completed run, atomically (new entries file, then state.json renamed over the old one).
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { AtomicStream, writeFileAtomic } from './atomic.js';
import { PathError } from './walk.js';

export const STATE_VERSION = 1;
const SUMMARY_FILE = 'report-summary.json';

export const StateEntry = z.object({
  path: z.string(),
  sha256: z.string(),
  id: z.string(),
  status: z.enum(['accepted', 'rejected', 'failed']),
  /** documentFingerprint of the body, for accepted articles. */
  fingerprint: z.string().nullable(),
  /** A document file's size and modification time: the same two again, and it is not even read. */
  size: z.number().int().min(0).nullable().optional(),
  mtimeMs: z.number().nullable().optional(),
});
export type StateEntry = z.infer<typeof StateEntry>;

const StateRun = z.object({
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  out: z.string(),
  read: z.number().int(),
  processed: z.number().int(),
  skipped: z.number().int(),
});

const StateFile = z
  .object({
    format: z.literal('newsclean-state'),
    version: z.literal(STATE_VERSION),
    /** The entries file of the last completed run, in this folder. */
    entries: z.string().regex(/^entries-[\w-]+\.jsonl$/),
    count: z.number().int().min(0),
    runs: z.array(StateRun),
  })
  .strict();
type StateFile = z.infer<typeof StateFile>;

/** The state folder cannot be used as it is: a clear message, exit 2, never a silent reprocessing. */
export class StateError extends PathError {}

export class State {
  private constructor(
    readonly dir: string,
    private readonly file: StateFile | null,
    private readonly entries: Map<string, StateEntry>,
    private readonly accepted: Map<string, string>,
  ) {}

  static async open(dir: string): Promise<State> {
    await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new StateError(`cannot use state folder ${dir}: ${e.code ?? e.message}`);
    });
    let text: string | null = null;
    try {
      text = await readFile(join(dir, 'state.json'), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StateError(`cannot read state ${dir}/state.json: ${(e as NodeJS.ErrnoException).code}`);
    }
    if (text === null) {
      const others = (await readdir(dir)).filter((n) => !n.startsWith('.') && n !== SUMMARY_FILE && !/^entries-[\w-]+\.jsonl$/.test(n));
      if (others.length) throw new StateError(`${dir} is not a newsclean state folder (it holds ${others.slice(0, 3).join(', ')} but no state.json): give an empty or new folder`);
      return new State(dir, null, new Map(), new Map());
    }
    let file: StateFile;
    try {
      const parsed = StateFile.safeParse(JSON.parse(text));
      if (!parsed.success) {
        const raw = JSON.parse(text) as { format?: unknown; version?: unknown };
        if (raw?.format === 'newsclean-state' && raw.version !== STATE_VERSION) {
          throw new StateError(`state ${dir} has format version ${String(raw.version)}; this newsclean reads version ${STATE_VERSION}`);
        }
        throw new StateError(`${dir}/state.json is not a newsclean state: ${parsed.error.issues[0]!.path.join('.') || '(top level)'}: ${parsed.error.issues[0]!.message}`);
      }
      file = parsed.data;
    } catch (e) {
      if (e instanceof StateError) throw e;
      throw new StateError(`${dir}/state.json is corrupted: ${(e as Error).message}`);
    }
    const entries = new Map<string, StateEntry>();
    const accepted = new Map<string, string>();
    let n = 0;
    for await (const line of lines(join(dir, file.entries), dir)) {
      n++;
      const entry = StateEntry.safeParse(safeJson(line));
      if (!entry.success) throw new StateError(`state ${dir}: ${file.entries} line ${n} is corrupted`);
      entries.set(entry.data.path, entry.data);
      if (entry.data.fingerprint && !accepted.has(entry.data.fingerprint)) accepted.set(entry.data.fingerprint, entry.data.id);
    }
    if (n !== file.count) throw new StateError(`state ${dir}: ${file.entries} has ${n} entries, state.json says ${file.count}: corrupted`);
    return new State(dir, file, entries, accepted);
  }

  /** What an input produced on an earlier night, by its path. */
  lookup(path: string): StateEntry | undefined {
    return this.entries.get(path);
  }

  /** The id of the article accepted on an earlier night with this fingerprint. */
  acceptedAs(fingerprint: string): string | undefined {
    return this.accepted.get(fingerprint);
  }

  /** The summary of the last completed run that the next run's report compares with (report/summary.ts). */
  get summaryFile(): string {
    return join(this.dir, SUMMARY_FILE);
  }

  async saveSummary(json: string): Promise<void> {
    await writeFileAtomic(this.summaryFile, json);
  }

  hasRun(runId: string): boolean {
    return this.file?.runs.some((r) => r.runId === runId) ?? false;
  }

  /**
   * Records a completed run: its entries (a JSONL file of StateEntry lines) replace those of the same paths.
   * Written as a new entries file, then state.json, so a crash leaves the previous state whole.
   */
  async commit(run: z.infer<typeof StateRun>, newEntries: string): Promise<void> {
    if (this.hasRun(run.runId)) return;
    const fresh = new Map<string, string>();
    for await (const line of lines(newEntries, this.dir)) {
      const e = JSON.parse(line) as StateEntry;
      fresh.set(e.path, line);
    }
    const name = `entries-${run.runId}.jsonl`;
    const out = new AtomicStream(join(this.dir, name));
    let count = 0;
    try {
      for (const [path, e] of this.entries) {
        if (fresh.has(path)) continue;
        await out.write(`${JSON.stringify(e)}\n`);
        count++;
      }
      for (const line of fresh.values()) {
        await out.write(`${line}\n`);
        count++;
      }
      await out.commit();
    } catch (e) {
      await out.abort();
      throw e;
    }
    const file: StateFile = { format: 'newsclean-state', version: STATE_VERSION, entries: name, count, runs: [...(this.file?.runs ?? []), run] };
    await writeFileAtomic(join(this.dir, 'state.json'), `${JSON.stringify(file, null, 2)}\n`);
    if (this.file && this.file.entries !== name) await rm(join(this.dir, this.file.entries), { force: true });
  }
}

const safeJson = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

async function* lines(file: string, dir: string): AsyncGenerator<string> {
  const stream = createReadStream(file, 'utf8');
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) yield line;
  } catch (e) {
    throw new StateError(`state ${dir}: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    rl.close();
    stream.destroy();
  }
}
