// The runner: walks the inputs, reads and processes documents concurrently in worker threads, and writes the
// outputs in input order as it goes, into the output folder's work folder, checkpointing; a completed run is
// published as one unit (io/run-dir.ts). A run stopped at any moment is completed by starting it again.
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { appendFileSync, statSync, type Stats } from 'node:fs';
import { access, copyFile, mkdir, readFile as readFileText, rename, rm } from 'node:fs/promises';
import { documentFingerprint } from '../core/fingerprint.js';
import { basename, extname, join, resolve, sep } from 'node:path';
import PQueue from 'p-queue';
import pino from 'pino';
import { Report, SCHEMA_VERSION } from '../core/records.js';
import { writeRunReport } from '../report/after-run.js';
import { writeFileAtomic } from '../io/atomic.js';
import { convertRecords, OUTPUT_FORMATS, recordFile, type OutputFormat } from '../io/formats.js';
import { lockRunFolders } from '../io/lock.js';
import { readFile, type ReadItem } from '../io/readers/index.js';
import { removeStaleTemps, RunDir, type Checkpoint } from '../io/run-dir.js';
import { fileLines } from '../io/jsonl.js';
import { StagedFile } from '../io/staged.js';
import { State, type StateEntry } from '../io/state.js';
import { INPUT_EXTENSIONS, PathError, resolveRoots, walkInputs, type InputFile, type InputRoot, type SkippedFolder } from '../io/walk.js';
import { Changes, CrossDocumentStep, findRecurring, type KeysLine } from './cross-document.js';
import { DocumentDuplicates, DUPLICATE_STAGE } from './duplicates.js';
import { encodeOutcome, type EncodedOutcome } from './encoded.js';
import { InOrder } from './in-order.js';
import { bindPipeline, DEFAULT_PIPELINE, readPipelineFile } from './pipeline.js';
import { WorkerPool, workerCount } from './pool.js';
import { sha256, unprocessed } from './process.js';
import { inShard, type Shard } from './shard.js';
import { Tally } from './tally.js';

export interface RunOptions {
  /** Input folders (or single files). */
  inputs: string[];
  /** Output folder; created if missing. */
  out: string;
  /** Pipeline file; pipelines/news.json by default. */
  pipeline?: string;
  /** Worker threads; os.availableParallelism() by default. */
  concurrency?: number;
  /** State folder of incremental runs: inputs unchanged since its last run are skipped. */
  state?: string;
  /** Process only this shard of the inputs; the cross-document duplicate step is then merge's. */
  shard?: Shard | null;
  /**
   * Called after each document is written. Given this, the inputs are also counted by a second walk in the
   * background (it never delays the run); `total` is null until that count is known.
   */
  onProgress?: (done: number, total: number | null) => void;
  /** Called for a problem that does not stop the run (a subfolder that cannot be listed), besides the log. */
  onWarning?: (message: string) => void;
  /** Stops the run gracefully: what is written so far is kept, checkpointed, and the run resumes when started again. */
  signal?: AbortSignal;
  /** How articles and rejected records are published: JSON Lines (default), gzip-compressed JSON Lines, or Parquet. */
  format?: OutputFormat;
}

export const OUTPUT_FILES = {
  articles: 'articles.jsonl',
  rejected: 'rejected.jsonl',
  trace: 'trace.jsonl',
  report: 'report.json',
  log: 'run.log',
} as const;

export interface RunResult {
  report: Report;
  /** Absolute paths of the written files (articles and rejected in the run's format). */
  files: Record<keyof typeof OUTPUT_FILES, string>;
}

/** The published names of a run's files in `format`, and where each is (absolute). */
export const publishedFiles = (out: string, format: OutputFormat): RunResult['files'] => ({
  articles: join(out, recordFile('articles', format)),
  rejected: join(out, recordFile('rejected', format)),
  trace: join(out, OUTPUT_FILES.trace),
  report: join(out, OUTPUT_FILES.report),
  log: join(out, OUTPUT_FILES.log),
});

/**
 * The last step before publishing: the staged articles and rejected records converted to the run's format.
 * Idempotent: a staged JSON Lines file is removed only once its conversion is complete, so a run stopped half-way
 * converts again when resumed.
 */
export const convertStaged = async (dir: RunDir, format: OutputFormat): Promise<void> => {
  for (const kind of ['articles', 'rejected'] as const) {
    const staged = dir.path(OUTPUT_FILES[kind]);
    if (await access(staged).then(() => true, () => false)) await convertRecords(staged, kind, format);
  }
};

/** Record files of the other formats left by an earlier run in the folder: not in the manifest, removed. */
export const removeOtherFormats = async (out: string, format: OutputFormat): Promise<void> => {
  for (const f of OUTPUT_FORMATS) {
    if (f === format) continue;
    for (const kind of ['articles', 'rejected'] as const) await rm(join(out, recordFile(kind, f)), { force: true });
  }
};

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
/** The staged entries for the state folder, beside the outputs in the work folder. */
const STATE_ENTRIES = 'state-entries.jsonl';
/** Each document's line for report.html (report/document.ts), made by its worker: the report reads these, not the records. */
const REPORT_LINES = 'report-lines.jsonl';
/**
 * With recurring lines on, pass 1 (the stages) writes its records under these names, with the block keys of each
 * accepted article; pass 2 (the cross-document step) writes the run's files from them.
 */
const PASS1 = 'pass1-';
const KEYS_FILE = 'pass1-keys.jsonl';
/** A checkpoint at most this often: what a kill can cost in redone documents. */
const CHECKPOINT_MS = 500;
const CHECKPOINT_DOCS = 200;

/**
 * Counts the documents for the progress total; null when `signal` aborts first (the run's end) or when a
 * container (WARC, export) is among the inputs, whose records are only known by reading it.
 */
const countInputs = async (roots: InputRoot[], shard: Shard | null, signal: AbortSignal): Promise<number | null> => {
  let n = 0;
  for await (const f of walkInputs(roots)) {
    if (signal.aborted || f.kind !== 'document') return null;
    if (inShard(f.path, shard)) n++;
  }
  return n;
};

/** The walk, started before any output is touched: an input without a single document is refused, not run. */
const firstThenRest = async (
  roots: InputRoot[],
  inputs: string[],
  onSkip: (s: SkippedFolder) => void,
  onIgnore: (file: string) => void,
) => {
  const walk = walkInputs(roots, { onSkip, onIgnore });
  const first = await walk.next();
  // An empty or unmounted input folder would replace yesterday's good outputs with empty ones.
  if (first.done) throw new PathError(`no input files (${INPUT_EXTENSIONS.join(', ')}, or .gz of them) under ${inputs.join(', ')}`);
  return (async function* () {
    yield first.value;
    yield* walk;
  })();
};

/** The shard's files, never those of the run's own output and state folders (an input folder may hold them). */
async function* inputsFor(files: AsyncIterable<InputFile>, shard: Shard | null, own: string[]): AsyncGenerator<InputFile> {
  for await (const f of files) {
    const file = String(f.file);
    if (own.some((dir) => file === dir || file.startsWith(dir + sep))) continue;
    if (inShard(f.path, shard)) yield f;
  }
}

/** Processes one document as read; never throws. What could not be read is accounted for all the same. */
const processItem = async (item: ReadItem, pool: WorkerPool, sha: string): Promise<EncodedOutcome> => {
  if (!item.ok) return encodeOutcome(unprocessed({ ...item.input, bytes: item.bytes, size: item.size }, 'read', item.code, item.detail));
  const size = item.input.bytes.byteLength;
  try {
    return await pool.run(item.input, sha);
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return encodeOutcome(unprocessed({ ...item.input, bytes: null, size }, 'runner', 'internal_error', detail, sha));
  }
};

type Slot = { kind: 'outcome'; outcome: EncodedOutcome; ms: number; sha: string } | { kind: 'skipped'; path: string };

/**
 * Runs a pipeline over input folders into an output folder. Throws PipelineError (bad pipeline file),
 * PathError (missing, overlapping or document-less inputs, an input folder that cannot be listed, unusable
 * output or state folder, a folder locked by another run), OutputError (an output file cannot be written: the
 * run's staged files are removed) or TallyMismatch (a bug). However it ends early, the previous outputs stay.
 */
export const runPipeline = async (options: RunOptions): Promise<RunResult> => {
  const pipelineFile = resolve(options.pipeline ?? DEFAULT_PIPELINE);
  // Read and validated once, here; workers bind the same data, so an edit to the file during the run (seen by
  // a worker replaced after a timeout) cannot change or break the pipeline half-way.
  const pipelineData = readPipelineFile(pipelineFile);
  const pipeline = bindPipeline(pipelineData, pipelineFile);
  const roots = await resolveRoots(options.inputs);
  const shard = options.shard ?? null;
  const skippedFolders: SkippedFolder[] = [];
  let onSkip: (s: SkippedFolder) => void = (s) => void skippedFolders.push(s);
  const ignoredExtensions: string[] = [];
  let onIgnore: (ext: string) => void = (ext) => void ignoredExtensions.push(ext);
  const walk = await firstThenRest(
    roots,
    options.inputs,
    (s) => {
      options.onWarning?.(`skipped input folder ${s.dir}: cannot list it (${s.code})`);
      onSkip(s);
    },
    (file) => onIgnore(extname(file).toLowerCase()),
  );
  // More threads than cores only add memory for CPU-bound work: --concurrency 1000 is capped, with a note.
  const { workers, capped } = workerCount(options.concurrency);
  if (capped) options.onWarning?.(capped);
  const out = resolve(options.out);
  try {
    await mkdir(out, { recursive: true });
    await access(out, constants.W_OK);
  } catch (e) {
    throw new PathError(`cannot write to output folder ${out}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const stateDir = options.state ? resolve(options.state) : null;
  const release = await lockRunFolders(out, stateDir);
  try {
    return await runLocked({ options, out, stateDir, pipelineFile, pipelineData, pipeline, roots, shard, walk, workers, skippedFolders, ignoredExtensions, setOnSkip: (f) => (onSkip = f), setOnIgnore: (f) => (onIgnore = f) });
  } finally {
    await release();
  }
};

interface Prepared {
  options: RunOptions;
  out: string;
  stateDir: string | null;
  pipelineFile: string;
  pipelineData: unknown;
  pipeline: ReturnType<typeof bindPipeline>;
  roots: InputRoot[];
  shard: Shard | null;
  walk: AsyncGenerator<InputFile>;
  workers: number;
  skippedFolders: SkippedFolder[];
  ignoredExtensions: string[];
  setOnSkip(f: (s: SkippedFolder) => void): void;
  setOnIgnore(f: (ext: string) => void): void;
}

const runLocked = async (p: Prepared): Promise<RunResult> => {
  const { options, out, stateDir, pipeline, shard, workers } = p;
  const format = options.format ?? 'jsonl';
  await removeStaleTemps(out);
  const state = stateDir ? await State.open(stateDir) : null;
  const dir = new RunDir(out);
  // What makes a run the same run: a kill and a restart of the same command resumes it. The records' version too:
  // a newsclean that writes them otherwise must not append to an older one's staged files.
  const key = createHash('sha256')
    .update(JSON.stringify({ inputs: p.roots.map((r) => r.dir), pipeline: p.pipelineData, shard, state: stateDir, ...(format !== 'jsonl' && { format }), schemaVersion: SCHEMA_VERSION }))
    .digest('hex');
  if (await dir.hasOtherRun(key)) options.onWarning?.(`an unfinished run of another command in ${out} was discarded`);
  const resumed = await dir.begin(key);
  const runId = resumed?.runId ?? `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
  const startedAt = resumed?.startedAt ?? new Date().toISOString();
  const t0 = Date.now();
  const files = publishedFiles(out, format);
  const publishNames = Object.values(files).map((f) => basename(f));

  if (resumed?.phase === 'publishing') {
    // Everything was written before the stop: only the publication remains.
    const report = Report.parse(JSON.parse(await readFileText(dir.path(OUTPUT_FILES.report), 'utf8')));
    await convertStaged(dir, format);
    await commitState(state, dir, report, runId, startedAt, out);
    const lines = await publishKeepingLines(dir, out, runId, publishNames);
    await removeOtherFormats(out, format);
    await writeRunReport(out, state, options.onWarning, lines);
    return { report, files };
  }

  // Unsharded with recurring lines on, the cross-document step is a second pass over the first one's records;
  // otherwise its duplicate check runs as each record is written (sharded, merge runs it).
  const recurringLines = shard ? null : pipeline.crossDocument.recurringLines;
  const twoPass = recurringLines !== null;
  const stagedFile = (name: string) => new StagedFile(dir.path(twoPass ? PASS1 + name : name), join(out, name));
  const finalFiles = () => ({
    articles: new StagedFile(dir.path(OUTPUT_FILES.articles), join(out, OUTPUT_FILES.articles)),
    rejected: new StagedFile(dir.path(OUTPUT_FILES.rejected), join(out, OUTPUT_FILES.rejected)),
    trace: new StagedFile(dir.path(OUTPUT_FILES.trace), join(out, OUTPUT_FILES.trace)),
    state: new StagedFile(dir.path(STATE_ENTRIES), join(out, STATE_ENTRIES)),
    report: new StagedFile(dir.path(REPORT_LINES), join(out, REPORT_LINES)),
  });
  const staged = {
    articles: stagedFile(OUTPUT_FILES.articles),
    rejected: stagedFile(OUTPUT_FILES.rejected),
    trace: stagedFile(OUTPUT_FILES.trace),
    state: stagedFile(STATE_ENTRIES),
    report: stagedFile(REPORT_LINES),
    ...(twoPass && { keys: new StagedFile(dir.path(KEYS_FILE), join(out, KEYS_FILE)) }),
  };
  for (const [name, f] of Object.entries(staged)) await f.open(resumed?.sizes[name] ?? 0);
  let final: ReturnType<typeof finalFiles> | null = null;
  const tally = resumed ? Tally.restore(resumed.tally) : new Tally();
  p.setOnIgnore((ext) => tally.ignored(ext));
  for (const ext of p.ignoredExtensions) tally.ignored(ext);

  const logDest = pino.destination({ dest: dir.path(OUTPUT_FILES.log), sync: true, append: true, mkdir: true });
  const logger = pino({ level: 'debug', base: { pid: process.pid } }, logDest);
  let logOpen = true;
  const closeLog = () => {
    if (!logOpen) return;
    logOpen = false;
    logDest.flushSync();
    logDest.end();
  };
  /** The last word of a run whose log is already closed (it failed while publishing): one more line. */
  const lateLog = (msg: string, err: unknown) => {
    if (logOpen) return logger.error({ err }, msg);
    const line = { level: 50, time: Date.now(), pid: process.pid, err: { message: (err as Error)?.message ?? String(err) }, msg };
    appendFileSync(dir.path(OUTPUT_FILES.log), `${JSON.stringify(line)}\n`);
  };
  let publishing = false;
  logger.info({ inputs: options.inputs, out, pipeline: p.pipelineFile, workers, limits: pipeline.limits, runId, shard, state: stateDir, resumedAt: resumed?.done ?? null }, resumed ? 'run resumed' : 'run started');
  p.setOnSkip(({ dir: d, code }) => logger.warn({ dir: d, code }, 'input folder skipped: cannot list it'));
  for (const s of p.skippedFolders) logger.warn({ dir: s.dir, code: s.code }, 'input folder skipped: cannot list it');

  // Unsharded, the run decides duplicates itself (as it writes, or in pass 2); sharded, merge does, across the shards.
  const validateStage = pipeline.stages.find((s) => s.name === 'validate') ?? null;
  const inline = shard || twoPass ? null : new CrossDocumentStep(new DocumentDuplicates((fp) => state?.acceptedAs(fp)), validateStage, null);
  if (inline && resumed) {
    for await (const a of readStagedArticles(dir.path(OUTPUT_FILES.articles))) inline.duplicates.check(a.fingerprint, a.id);
  }

  const pool = new WorkerPool({
    size: workers,
    script: WORKER_SCRIPT,
    workerData: { pipeline: p.pipelineData, file: p.pipelineFile },
    timeoutMs: pipeline.limits.timeoutMs,
    onIncident: ({ path, code, detail }) => logger.warn({ path, code, detail }, 'document stopped'),
  });

  let total: number | null = null;
  const counting = new AbortController();
  if (options.onProgress) void countInputs(p.roots, shard, counting.signal).then((n) => (total = n), () => {});

  let done = resumed?.done ?? 0;
  let lastCheckpoint = Date.now();
  let sinceCheckpoint = 0;
  const checkpoint = async (phase: Checkpoint['phase'] = 'running') => {
    for (const f of Object.values(staged)) await f.flush();
    const sizes = Object.fromEntries(Object.entries(staged).map(([k, f]) => [k, f.size]));
    await dir.checkpoint({ format: 'newsclean-checkpoint', version: 1, runId, key, startedAt, phase, done, sizes, tally: tally.snapshot(), resumes: (resumed?.resumes ?? 0) + (resumed ? 1 : 0) });
    lastCheckpoint = Date.now();
    sinceCheckpoint = 0;
  };

  /** Size and time of the document files read, until their state entry is written. */
  const fileStats = new Map<string, { size: number; mtimeMs: number }>();
  const order = new InOrder<Slot>(async (slot) => {
    if (slot.kind === 'skipped') {
      tally.skip();
      logger.debug({ path: slot.path, status: 'skipped' }, 'document');
    } else {
      let { outcome } = slot;
      const { ms, sha } = slot;
      let trace = outcome.trace;
      let report = outcome.report;
      let fingerprint = outcome.status === 'accepted' ? outcome.fingerprint : null;
      if (inline && fingerprint) {
        const f = inline.apply(outcome.article!, outcome.trace, null, null, fingerprint);
        if (f.status === 'rejected') {
          outcome = { ...outcome, status: 'rejected', stage: DUPLICATE_STAGE, code: 'duplicate_document', message: null, article: null, rejected: f.record };
        }
        trace = f.trace;
        report = f.report(report);
        fingerprint = f.fingerprint;
      }
      if (staged.keys && outcome.status === 'accepted') {
        const line: KeysLine = [outcome.site, fingerprint!, ...(outcome.blockKeys ?? [])];
        await staged.keys.write(JSON.stringify(line));
      }
      tally.add(outcome);
      const { path, status, code, stage, message } = outcome;
      await staged.trace.write(trace);
      await staged.report.write(report);
      if (outcome.article !== null) {
        await staged.articles.write(outcome.article);
        logger.debug({ path, status, ms }, 'document');
      } else {
        await staged.rejected.write(outcome.rejected!);
        if (status === 'failed') logger.warn({ path, status, code, stage, ms, detail: message }, 'document');
        else logger.info({ path, status, code, stage, ms }, 'document');
      }
      if (state) {
        const file = fileStats.get(path);
        fileStats.delete(path);
        const entry: StateEntry = { path, sha256: sha, id: outcome.id, status, fingerprint, size: file?.size ?? null, mtimeMs: file?.mtimeMs ?? null };
        await staged.state.write(JSON.stringify(entry));
      }
    }
    done++;
    sinceCheckpoint++;
    if (sinceCheckpoint >= CHECKPOINT_DOCS || Date.now() - lastCheckpoint >= CHECKPOINT_MS) await checkpoint();
    options.onProgress?.(tally.done, total);
  }, resumed?.done ?? 0);

  const signal = options.signal;
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});

  try {
    const queue = new PQueue({ concurrency: workers * 2 });
    const window = workers * 8;
    let index = 0;
    const documents = readDocuments(inputsFor(p.walk, shard, [out, ...(stateDir ? [stateDir] : [])]), state, fileStats, {
      maxInputBytes: pipeline.limits.maxInputBytes,
      readers: pipeline.readers,
      onIgnoredRecord: (kind) => tally.ignoredRecord(kind),
    });
    const skipUntil = resumed?.done ?? 0;
    for await (const item of documents) {
      const i = index++;
      // Written before the stop: counted in the restored tally, not processed again.
      if (i < skipUntil) continue;
      tally.found();
      await Promise.race([order.room(i, window), aborted]);
      if (order.error) break;
      if ('unchanged' in item) {
        order.put(i, { kind: 'skipped', path: item.unchanged });
        continue;
      }
      const sha = item.ok ? sha256(item.input.bytes) : '';
      const before = state && item.ok ? state.lookup(item.input.path) : undefined;
      if (before && before.sha256 === sha) {
        order.put(i, { kind: 'skipped', path: item.input.path });
        continue;
      }
      await Promise.race([queue.onSizeLessThan(workers), aborted]);
      void queue.add(async () => {
        const started = performance.now();
        const outcome = await processItem(item, pool, sha);
        order.put(i, { kind: 'outcome', outcome, ms: Math.round(performance.now() - started), sha });
      });
    }
    await Promise.race([queue.onIdle(), aborted]);
    await Promise.race([order.flushed(), aborted]);
    signal?.throwIfAborted();

    const counts = tally.counts();
    if (twoPass) {
      // Pass 1 is whole: a stop from here on resumes at pass 2, which starts over from pass 1's files.
      await checkpoint();
      for (const f of Object.values(staged)) await f.close();
      final = finalFiles();
      for (const f of Object.values(final)) await f.open(0);
      const t1 = Date.now();
      const found = await findRecurring(dir.path(KEYS_FILE), recurringLines);
      const step = new CrossDocumentStep(new DocumentDuplicates((fp) => state?.acceptedAs(fp)), validateStage, { found, minWords: recurringLines.minWords });
      const changes = await secondPass(dir, step, final, state !== null, signal, (trace, code) => {
        const { id, path } = JSON.parse(trace.slice(0, trace.indexOf(',"status":"')) + '}') as { id: string; path: string };
        logger.info({ path, id, status: 'rejected', code, stage: 'cross-document' }, 'document rejected by the cross-document step');
      });
      changes.applyTo(counts);
      logger.info({ groups: found.size, recurringKeys: [...found.values()].reduce((n, k) => n + k.size, 0), recurringLines: changes.recurring, rejected: changes.moved.length, ms: Date.now() - t1 }, 'cross-document step');
      for (const name of [...Object.keys(OUTPUT_FILES).filter((k) => k !== 'report' && k !== 'log').map((k) => OUTPUT_FILES[k as keyof typeof OUTPUT_FILES]), STATE_ENTRIES, REPORT_LINES]) {
        await rm(dir.path(PASS1 + name), { force: true });
      }
      await rm(dir.path(KEYS_FILE), { force: true });
    }

    const report = Report.parse({
      schemaVersion: SCHEMA_VERSION,
      pipeline: pipeline.name,
      inputs: options.inputs,
      runId,
      shard,
      startedAt,
      durationMs: Date.now() - t0,
      resumes: (resumed?.resumes ?? 0) + (resumed ? 1 : 0),
      ...counts,
    });
    const { read, accepted, failed, durationMs } = report;
    logger.info({ read, accepted, rejected: report.rejected, failed, skipped: report.skipped, durationMs }, 'run finished');
    closeLog();
    for (const f of Object.values(final ?? staged)) await f.close();
    await writeFileAtomic(dir.path(OUTPUT_FILES.report), `${JSON.stringify(report, null, 2)}\n`);
    await checkpoint('publishing');
    publishing = true;
    await convertStaged(dir, format);
    await commitState(state, dir, report, runId, startedAt, out);
    const lines = await publishKeepingLines(dir, out, runId, publishNames);
    await removeOtherFormats(out, format);
    // The workers' memory back before the report is built.
    counting.abort();
    await pool.close();
    await writeRunReport(out, state, options.onWarning, lines);
    return { report, files };
  } catch (e) {
    if (signal?.aborted && e === signal.reason) {
      // A graceful stop: what is written stays, checkpointed, for the same command to resume.
      order.stop();
      await order.idle();
      await checkpoint().catch(() => {});
      logger.warn({ done }, 'run stopped; start the same command again to resume it');
      closeLog();
      for (const f of [...Object.values(staged), ...Object.values(final ?? {})]) await f.drop();
    } else if (publishing) {
      // Everything is written; only the renames failed. The staged run stays whole, so the same command
      // completes it once the cause is fixed; readers meanwhile see the manifest disagree and refuse.
      await Promise.resolve(lateLog('run aborted while publishing; run the same command again to complete it', e)).catch(() => {});
      await copyFile(dir.path(OUTPUT_FILES.log), join(out, 'run.failed.log')).catch(() => {});
    } else {
      // Staged files go first: on a full disk they free the room the log's last line needs, and a line that
      // cannot be written all the same must not hide the run's own error.
      for (const f of [...Object.values(staged), ...Object.values(final ?? {})]) await f.drop();
      // Their bytes too (pass 1's and pass 2's files, the block keys), before the log's last line needs the room.
      await dir.discard([OUTPUT_FILES.log]).catch(() => {});
      try {
        lateLog('run aborted', e);
      } catch {
        // the run's error is thrown below
      }
      closeLog();
      // A run that failed for good does not keep its staged files (a full disk must not stay full); its log
      // is kept beside the outputs as run.failed.log.
      await rename(dir.path(OUTPUT_FILES.log), join(out, 'run.failed.log')).catch(() => {});
      await dir.discard();
    }
    throw e;
  } finally {
    counting.abort();
    await pool.close();
  }
};

/**
 * The documents of the files, as the readers give them; with a state, a document file whose size and modification
 * time are those of its state entry is not read at all (`unchanged`), and the others' are noted in `files`.
 */
async function* readDocuments(
  inputs: AsyncIterable<InputFile>,
  state: State | null,
  files: Map<string, { size: number; mtimeMs: number }>,
  options: Parameters<typeof readFile>[1],
): AsyncGenerator<ReadItem | { unchanged: string }> {
  for await (const f of inputs) {
    if (state && f.kind === 'document') {
      // Synchronous: an unchanged night is a walk of stats, and a thread-pool round trip each costs ten times more.
      let st: Stats | null = null;
      try {
        st = statSync(f.file);
      } catch {
        st = null;
      }
      const before = state.lookup(f.path);
      if (st?.isFile()) {
        if (before && before.size === st.size && before.mtimeMs === st.mtimeMs) {
          yield { unchanged: f.path };
          continue;
        }
        files.set(f.path, { size: st.size, mtimeMs: st.mtimeMs });
      }
    }
    yield* readFile(f, options);
  }
}

/** Reads back the staged articles of a resumed run for the duplicate step: id and fingerprint of each. */
async function* readStagedArticles(file: string): AsyncGenerator<{ id: string; fingerprint: string }> {
  for await (const line of fileLines(file)) {
    const a = JSON.parse(line) as { id: string; body: string };
    yield { id: a.id, fingerprint: documentFingerprint(a.body) };
  }
}

const statusOf = (traceJson: string): string => {
  // The first `,"status":"` of a trace line is its own field: quotes inside its path are escaped.
  const at = traceJson.indexOf(',"status":"');
  if (at >= 0) return traceJson.slice(at + 11, traceJson.indexOf('"', at + 11));
  return (JSON.parse(traceJson) as { status: string }).status;
};

/**
 * Pass 2: pass 1's files read in step (a trace line per document; an article and a keys line per accepted one,
 * else a rejected line; a state entry per document with a state), the cross-document step applied to each
 * accepted article, the run's files written. Only the records it changes are parsed.
 */
const secondPass = async (
  dir: RunDir,
  step: CrossDocumentStep,
  final: Record<'articles' | 'rejected' | 'trace' | 'state' | 'report', StagedFile>,
  withState: boolean,
  signal: AbortSignal | undefined,
  onRejected: (trace: string, code: string) => void,
): Promise<Changes> => {
  const changes = new Changes();
  const open = (name: string) => fileLines(dir.path(name));
  const traces = open(PASS1 + OUTPUT_FILES.trace);
  const articles = open(PASS1 + OUTPUT_FILES.articles);
  const rejected = open(PASS1 + OUTPUT_FILES.rejected);
  const keys = open(KEYS_FILE);
  const reports = open(PASS1 + REPORT_LINES);
  const states = withState ? open(PASS1 + STATE_ENTRIES) : null;
  const next = async (it: AsyncGenerator<string>, what: string): Promise<string> => {
    const r = await it.next();
    if (r.done) throw new Error(`pass 1's ${what} ends before its trace does`);
    return r.value;
  };
  // The readers hold their files open until they are read to the end or returned: all of them are returned.
  try {
    let n = 0;
    for await (const trace of traces) {
      if (++n % 1000 === 0) signal?.throwIfAborted();
      const entry = states ? await next(states, 'state entries') : null;
      const report = await next(reports, 'report lines');
      if (statusOf(trace) !== 'accepted') {
        await final.rejected.write(await next(rejected, 'rejected records'));
        await final.trace.write(trace);
        await final.report.write(report);
        if (entry !== null) await final.state.write(entry);
        continue;
      }
      const article = await next(articles, 'articles');
      const [group, body, ...blockKeys] = JSON.parse(await next(keys, 'block keys')) as KeysLine;
      const f = step.apply(article, trace, group, blockKeys, body);
      changes.add(group, f.change);
      if (f.change.rejectedAs) onRejected(trace, f.change.rejectedAs);
      await (f.status === 'accepted' ? final.articles : final.rejected).write(f.record);
      await final.trace.write(f.trace);
      await final.report.write(f.report(report));
      if (entry !== null) {
        const e = JSON.parse(entry) as StateEntry;
        await final.state.write(f.status === 'accepted' && f.fingerprint === e.fingerprint ? entry : JSON.stringify({ ...e, status: f.status, fingerprint: f.fingerprint }));
      }
    }
  } finally {
    for (const it of [traces, articles, rejected, keys, reports, states]) await it?.return(undefined);
  }
  return changes;
};

/**
 * Publishes the run (RunDir.publish), its report lines kept out of the work folder that publishing removes, for the
 * report built after it: under a temporary name the next run removes if this one is killed first (io/run-dir.ts
 * removeStaleTemps), and removed here if publishing fails. Returns where they are, or null when there are none.
 */
const publishKeepingLines = async (dir: RunDir, out: string, runId: string, names: string[]): Promise<string | null> => {
  const kept = join(out, `.${REPORT_LINES}.${process.pid}.tmp`);
  const lines = await rename(dir.path(REPORT_LINES), kept).then(() => kept, () => null);
  try {
    await dir.publish(runId, names);
  } catch (e) {
    if (lines) await rm(lines, { force: true });
    throw e;
  }
  return lines;
};

const commitState = async (state: State | null, dir: RunDir, report: Report, runId: string, startedAt: string, out: string) => {
  if (!state) return;
  await state.commit(
    { runId, startedAt, finishedAt: new Date().toISOString(), out, read: report.read, processed: report.read - report.skipped, skipped: report.skipped },
    dir.path(STATE_ENTRIES),
  );
};
