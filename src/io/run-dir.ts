// An output folder as a unit: a run writes into a hidden work folder as it goes, checkpointing; a completed run is
// published by renaming its files into place and writing manifest.json last. Readers read the manifest first, so
// they never take a mix of two runs for one; a run stopped at any moment is completed by starting it again.
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { OutputError, writeFileAtomic } from './atomic.js';
import { PathError } from './walk.js';

export const WORK_DIR = '.newsclean-run';
export const MANIFEST = 'manifest.json';

export const Checkpoint = z.object({
  format: z.literal('newsclean-checkpoint'),
  version: z.literal(1),
  runId: z.string(),
  /** What the run was started with (inputs, pipeline, shard, state): another command does not resume it. */
  key: z.string(),
  startedAt: z.string(),
  /** `publishing`: every document is written and the report staged; only the renames remain. */
  phase: z.enum(['running', 'publishing']),
  /** Documents (in input order) whose records are in the staged files. */
  done: z.number().int().min(0),
  /** Bytes of each staged file that hold those records. */
  sizes: z.record(z.string(), z.number().int().min(0)),
  /** The counts so far (Tally snapshot). */
  tally: z.unknown(),
  /** How many times the run was started again after a stop. */
  resumes: z.number().int().min(0),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const Manifest = z.object({
  format: z.literal('newsclean-output'),
  version: z.literal(1),
  runId: z.string(),
  finishedAt: z.string(),
  /** The run's files and their sizes: a reader that finds other sizes is looking at a publication in progress. */
  files: z.record(z.string(), z.number().int().min(0)),
});
export type Manifest = z.infer<typeof Manifest>;

export class RunDir {
  readonly work: string;
  constructor(readonly out: string) {
    this.work = join(out, WORK_DIR);
  }

  /**
   * The checkpoint of an unfinished run of the same command, or null (and a clean work folder) for a new run;
   * with no key, always a new run.
   */
  async begin(key: string | null): Promise<Checkpoint | null> {
    const found = key === null ? null : await this.readCheckpoint();
    if (found && found.key === key) return found;
    await rm(this.work, { recursive: true, force: true });
    try {
      await mkdir(this.work, { recursive: true });
    } catch (e) {
      throw new OutputError(this.work, e);
    }
    return null;
  }

  /** True when an unfinished run of another command was thrown away by `begin`. */
  async hasOtherRun(key: string): Promise<boolean> {
    const found = await this.readCheckpoint();
    return found !== null && found.key !== key;
  }

  private async readCheckpoint(): Promise<Checkpoint | null> {
    try {
      const parsed = Checkpoint.safeParse(JSON.parse(await readFile(join(this.work, 'checkpoint.json'), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  path(name: string): string {
    return join(this.work, name);
  }

  async checkpoint(c: Checkpoint): Promise<void> {
    await writeFileAtomic(this.path('checkpoint.json'), JSON.stringify(c));
  }

  /**
   * Moves the staged files into the output folder, then writes the manifest: the one step that makes the run
   * the folder's current one. Safe to repeat after a crash half-way (a file already moved is not moved again).
   */
  async publish(runId: string, names: string[]): Promise<void> {
    const files: Record<string, number> = {};
    for (const name of names) {
      const staged = this.path(name);
      const target = join(this.out, name);
      const moved = await stat(staged).then(() => false, () => true);
      if (!moved) await rename(staged, target).catch((e: unknown) => {
        throw new OutputError(target, e);
      });
      files[name] = (await stat(target)).size;
    }
    const manifest: Manifest = { format: 'newsclean-output', version: 1, runId, finishedAt: new Date().toISOString(), files };
    await writeFileAtomic(join(this.out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(this.work, { recursive: true, force: true });
  }

  /** Throws the run's staged files away (a run that failed for good: a full disk must not stay full). */
  async discard(keep: string[] = []): Promise<void> {
    const names = await readdir(this.work).catch(() => [] as string[]);
    for (const n of names) if (!keep.includes(n)) await rm(this.path(n), { recursive: true, force: true });
    if (!keep.length) await rm(this.work, { recursive: true, force: true });
  }
}

/** Temporary files of atomic writes left by a killed process (`.<name>.<pid>.tmp`): removed by the next run. */
export const removeStaleTemps = async (dir: string): Promise<void> => {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) if (/^\..+\.\d+\.tmp$/.test(n)) await rm(join(dir, n), { force: true });
};

/**
 * The manifest of the output folder's current run, checked against the files: a folder being published, or
 * written by a run that never completed, is refused with a message that says what to do.
 */
export const readManifest = async (out: string): Promise<Manifest> => {
  let text: string;
  try {
    text = await readFile(join(out, MANIFEST), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const pending = await stat(join(out, WORK_DIR)).then(() => true, () => false);
      throw new PathError(pending
        ? `${out} holds no completed run yet: a run is in progress or was stopped; run the same command again to complete it`
        : `${out} holds no newsclean output (no ${MANIFEST})`);
    }
    throw new PathError(`cannot read ${join(out, MANIFEST)}: ${code}`);
  }
  const parsed = Manifest.safeParse((() => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  })());
  if (!parsed.success) throw new PathError(`${join(out, MANIFEST)} is not a newsclean manifest`);
  for (const [name, size] of Object.entries(parsed.data.files)) {
    const actual = await stat(join(out, name)).then((s) => s.size, () => -1);
    if (actual !== size) {
      throw new PathError(`the outputs in ${out} are incomplete: ${name} does not match ${MANIFEST} (a run was stopped while publishing); run the same command again to complete it`);
    }
  }
  return parsed.data;
};
