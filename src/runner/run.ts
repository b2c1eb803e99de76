// The runner: walks the inputs, reads and processes documents concurrently in worker threads, and writes the
// outputs in input order, each file atomically.
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import PQueue from 'p-queue';
import { Report, type ArticleRecord, type RejectedRecord, type TraceRecord } from '../core/records.js';
import { AtomicStream } from '../io/atomic.js';
import { JsonlWriter } from '../io/jsonl.js';
import { openRunLog } from '../io/log.js';
import { readInputs, type ReadItem } from '../io/readers/index.js';
import { INPUT_EXTENSIONS, PathError, resolveRoots, walkInputs, type InputRoot, type SkippedFolder } from '../io/walk.js';
import { bindPipeline, DEFAULT_PIPELINE, readPipelineFile } from './pipeline.js';
import { InOrder } from './in-order.js';
import { WorkerPool } from './pool.js';
import { encodeOutcome, type EncodedOutcome } from './encoded.js';
import { unprocessed } from './process.js';
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
  /**
   * Called after each document is written. Given this, the inputs are also counted by a second walk in the
   * background (it never delays the run); `total` is null until that count is known.
   */
  onProgress?: (done: number, total: number | null) => void;
  /** Called for a problem that does not stop the run (a subfolder that cannot be listed), besides the log. */
  onWarning?: (message: string) => void;
  /** Stops the run: nothing more is written, the previous outputs stay, and runPipeline rejects with the reason. */
  signal?: AbortSignal;
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
  /** Absolute paths of the written files. */
  files: Record<keyof typeof OUTPUT_FILES, string>;
}

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/**
 * Counts the documents for the progress total; null when `signal` aborts first (the run's end) or when a
 * container (WARC, export) is among the inputs, whose records are only known by reading it.
 */
const countInputs = async (roots: InputRoot[], signal: AbortSignal): Promise<number | null> => {
  let n = 0;
  for await (const f of walkInputs(roots)) {
    if (signal.aborted || f.kind !== 'document') return null;
    n++;
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

/** Processes one document as read; never throws. What could not be read is accounted for all the same. */
const processItem = async (item: ReadItem, pool: WorkerPool): Promise<EncodedOutcome> => {
  if (!item.ok) return encodeOutcome(unprocessed({ ...item.input, bytes: item.bytes, size: item.size }, 'read', item.code, item.detail));
  try {
    return await pool.run(item.input);
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return encodeOutcome(unprocessed({ ...item.input, size: item.input.bytes.byteLength }, 'runner', 'internal_error', detail));
  }
};

/**
 * Runs a pipeline over input folders into an output folder. Throws PipelineError (bad pipeline file),
 * PathError (missing, overlapping or document-less inputs, an input folder that cannot be listed, unusable
 * output folder), OutputError (an output file cannot be written) or TallyMismatch (a bug). However it ends
 * early, the previous outputs stay in place.
 */
export const runPipeline = async (options: RunOptions): Promise<RunResult> => {
  const started = Date.now();
  const pipelineFile = resolve(options.pipeline ?? DEFAULT_PIPELINE);
  // Read and validated once, here; workers bind the same data, so an edit to the file during the run (seen by
  // a worker replaced after a timeout) cannot change or break the pipeline half-way.
  const pipelineData = readPipelineFile(pipelineFile);
  const pipeline = bindPipeline(pipelineData, pipelineFile);
  const roots = await resolveRoots(options.inputs);
  const skipped: SkippedFolder[] = [];
  // Folders skipped before the log is open are logged once it is.
  let onSkip: (s: SkippedFolder) => void = (s) => void skipped.push(s);
  const tally = new Tally();
  const inputs = await firstThenRest(
    roots,
    options.inputs,
    (s) => {
      options.onWarning?.(`skipped input folder ${s.dir}: cannot list it (${s.code})`);
      onSkip(s);
    },
    (file) => tally.ignored(extname(file).toLowerCase()),
  );
  const workers = Math.max(1, options.concurrency ?? availableParallelism());
  const out = resolve(options.out);
  try {
    await mkdir(out, { recursive: true });
    await access(out, constants.W_OK);
  } catch (e) {
    throw new PathError(`cannot write to output folder ${out}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const files = Object.fromEntries(
    Object.entries(OUTPUT_FILES).map(([k, name]) => [k, join(out, name)]),
  ) as RunResult['files'];

  const log = openRunLog(files.log);
  const articles = new JsonlWriter<ArticleRecord>(files.articles);
  const rejected = new JsonlWriter<RejectedRecord>(files.rejected);
  const trace = new JsonlWriter<TraceRecord>(files.trace);
  const logger = log.logger;
  logger.info({ inputs: options.inputs, out, pipeline: pipelineFile, workers, limits: pipeline.limits }, 'run started');
  onSkip = ({ dir, code }) => logger.warn({ dir, code }, 'input folder skipped: cannot list it');
  for (const s of skipped) onSkip(s);

  const pool = new WorkerPool({
    size: workers,
    script: WORKER_SCRIPT,
    workerData: { pipeline: pipelineData, file: pipelineFile },
    timeoutMs: pipeline.limits.timeoutMs,
    onIncident: ({ path, code, detail }) => logger.warn({ path, code, detail }, 'document stopped'),
  });

  let total: number | null = null;
  const counting = new AbortController();
  if (options.onProgress) void countInputs(roots, counting.signal).then((n) => (total = n), () => {});

  const order = new InOrder<{ outcome: EncodedOutcome; ms: number }>(async ({ outcome, ms }) => {
    tally.add(outcome);
    const { path, status, code, stage, message } = outcome;
    await trace.writeLine(outcome.trace);
    if (outcome.article !== null) {
      await articles.writeLine(outcome.article);
      logger.debug({ path, status, ms }, 'document');
    } else {
      await rejected.writeLine(outcome.rejected!);
      if (status === 'failed') logger.warn({ path, status, code, stage, ms, detail: message }, 'document');
      else logger.info({ path, status, code, stage, ms }, 'document');
    }
    options.onProgress?.(tally.done, total);
  });

  const signal = options.signal;
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});

  let reportOut: AtomicStream | null = null;
  try {
    // Reads overlap processing (twice as many tasks as workers); the in-order window bounds what is held in
    // memory when one slow document holds back the output of those after it.
    const queue = new PQueue({ concurrency: workers * 2 });
    const window = workers * 8;
    let index = 0;
    // Containers are read as a stream, one record at a time: the loop only pulls the next when there is room.
    const documents = readInputs(inputs, {
      maxInputBytes: pipeline.limits.maxInputBytes,
      readers: pipeline.readers,
      onIgnoredRecord: (kind) => tally.ignoredRecord(kind),
    });
    for await (const item of documents) {
      const i = index++;
      tally.found();
      await Promise.race([order.room(i, window), aborted]);
      await Promise.race([queue.onSizeLessThan(workers), aborted]);
      if (order.error) break;
      void queue.add(async () => {
        const t0 = performance.now();
        const outcome = await processItem(item, pool);
        order.put(i, { outcome, ms: Math.round(performance.now() - t0) });
      });
    }
    await Promise.race([queue.onIdle(), aborted]);
    await Promise.race([order.flushed(), aborted]);
    signal?.throwIfAborted();

    const report = Report.parse({
      pipeline: pipeline.name,
      inputs: options.inputs,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      ...tally.counts(),
    });
    reportOut = new AtomicStream(files.report);
    await reportOut.write(`${JSON.stringify(report, null, 2)}\n`);
    // Every file is flushed before the first rename: a full disk fails the run with the previous outputs intact.
    const outputs = [articles, rejected, trace, reportOut];
    await Promise.all(outputs.map((o) => o.finish()));
    for (const o of outputs) await o.publish();
    const { read, accepted, failed, durationMs } = report;
    logger.info({ read, accepted, rejected: report.rejected, failed, durationMs }, 'run finished');
    await log.commit();
    return { report, files };
  } catch (e) {
    logger.error({ err: e }, 'run aborted');
    await Promise.all([articles.abort(), rejected.abort(), trace.abort(), reportOut?.abort(), log.abort()]);
    throw e;
  } finally {
    counting.abort();
    await pool.close();
  }
};
