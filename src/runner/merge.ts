// `newsclean merge`: the shards of one run (`run --shard i/n`) joined into one output folder, in the order a single
// run writes, with the cross-document duplicate step run across all of them. The result equals a single run's.
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import pino from 'pino';
import { documentFingerprint } from '../core/fingerprint.js';
import { Report, SCHEMA_VERSION, type ArticleRecord, type StoredTrace, type TraceRecord } from '../core/records.js';
import { fullTrace, TraceTextError } from '../core/trace.js';
import { writeFileAtomic } from '../io/atomic.js';
import { lockRunFolders } from '../io/lock.js';
import { readManifest, removeStaleTemps, RunDir } from '../io/run-dir.js';
import { StagedFile } from '../io/staged.js';
import { State, type StateEntry } from '../io/state.js';
import { PathError } from '../io/walk.js';
import { blockKeys, Changes, CrossDocumentStep, findRecurring, type KeysLine } from './cross-document.js';
import { DocumentDuplicates } from './duplicates.js';
import { bindPipeline, DEFAULT_PIPELINE, readPipelineFile } from './pipeline.js';
import { siteKey } from '../core/site.js';
import { convertStaged, OUTPUT_FILES, publishedFiles, removeOtherFormats } from './run.js';
import { findRecordFile, readRecordLines, type OutputFormat } from '../io/formats.js';
import { jsonLines } from '../io/jsonl.js';
import { writeRunReport } from '../report/after-run.js';

export interface MergeOptions {
  shards: string[];
  out: string;
  state?: string;
  /** The merged output's format (default jsonl); the shards may be in any. */
  format?: OutputFormat;
  /** A problem that does not stop the merge (the report could not be written). */
  onWarning?: (message: string) => void;
  /**
   * The pipeline file the shards ran (default pipelines/news.json): its `crossDocument.recurringLines` and validate
   * options drive the recurring-line step across the shards. When its name is not the shards' pipeline, the step
   * is left out, with a warning (the duplicate step runs all the same).
   */
  pipeline?: string;
}

type Lines = AsyncIterator<string>;

const next = async (it: Lines, what: string): Promise<string> => {
  const r = await it.next();
  if (r.done) throw new PathError(`${what} ends before its trace does: the shard's outputs do not agree`);
  return r.value;
};

/** A shard's trace with every text (core/trace.ts), or the shard named as not agreeing with itself. */
const wholeTrace = (trace: StoredTrace, body: string, dir: string): TraceRecord => {
  try {
    return fullTrace(trace, body);
  } catch (e) {
    if (e instanceof TraceTextError) throw new PathError(`${dir}: the trace of ${trace.path} does not fit its article (${e.message}): the shard's outputs do not agree`);
    throw e;
  }
};

const CONTAINER_RECORD = /^(.*\.(?:warc|jsonl|ndjson|json)(?:\.gz)?)#\d+$/i;

/** The order a single run writes in: input folder by input folder, then by the path of the file (a container's
 * records keep their order inside it: they are all in one shard). */
export const orderKey = (path: string, prefixes: string[]): [number, string] => {
  const file = CONTAINER_RECORD.exec(path)?.[1] ?? path;
  const root = prefixes.length > 1 ? prefixes.findIndex((p) => file.startsWith(p)) : 0;
  return [root, file];
};

const before = (a: [number, string], b: [number, string]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** Sums two reports' counts: numbers add up, maps add up key by key. */
const addCounts = (a: unknown, b: unknown): unknown => {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)].sort())) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      out[k] = x === undefined ? y : y === undefined ? x : addCounts(x, y);
    }
    return out;
  }
  return a ?? b;
};

const COUNTED = ['read', 'accepted', 'rejected', 'failed', 'skipped', 'ignoredByExtension', 'ignoredRecords', 'rejectedByCode', 'failedByCode', 'warningsByCode', 'removed', 'stageMs', 'sites'] as const;

export const mergeShards = async (options: MergeOptions): Promise<{ report: Report; files: Record<string, string> }> => {
  const dirs = options.shards.map((d) => resolve(d));
  if (!dirs.length) throw new PathError('no shard output folders given');
  const shards: { dir: string; report: Report; articles: string; rejected: string }[] = [];
  for (const dir of dirs) {
    const names = Object.keys((await readManifest(dir)).files);
    const report = Report.parse(JSON.parse(await readFile(join(dir, OUTPUT_FILES.report), 'utf8')));
    const articles = findRecordFile('articles', names);
    const rejected = findRecordFile('rejected', names);
    if (!articles || !rejected) throw new PathError(`${dir} has no articles or rejected file in its manifest: is it the output of a run?`);
    shards.push({ dir, report, articles, rejected });
  }
  const first = shards[0]!.report;
  const count = first.shard?.count;
  if (!count) throw new PathError(`${dirs[0]} is not the output of a sharded run (run --shard <i>/<n>)`);
  for (const s of shards) {
    const r = s.report;
    if (!r.shard || r.shard.count !== count) throw new PathError(`${s.dir} is not one of the ${count} shards of ${dirs[0]} (shard ${r.shard ? `${r.shard.index}/${r.shard.count}` : 'none'})`);
    if (r.pipeline !== first.pipeline || JSON.stringify(r.inputs) !== JSON.stringify(first.inputs)) {
      throw new PathError(`${s.dir} was run with other inputs or another pipeline than ${dirs[0]}`);
    }
  }
  const indexes = shards.map((s) => s.report.shard!.index);
  const missing = [...Array(count).keys()].filter((i) => !indexes.includes(i));
  const twice = indexes.filter((i, k) => indexes.indexOf(i) !== k);
  if (twice.length) throw new PathError(`shard ${twice[0]}/${count} is given twice`);
  if (missing.length) throw new PathError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: give all ${count} shard folders`);

  const out = resolve(options.out);
  await mkdir(out, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw new PathError(`cannot write to output folder ${out}: ${e.code ?? e.message}`);
  });
  const stateDir = options.state ? resolve(options.state) : null;
  const release = await lockRunFolders(out, stateDir);
  try {
    await removeStaleTemps(out);
    const state = stateDir ? await State.open(stateDir) : null;
    const dir = new RunDir(out);
    // A merge is quick and reads only finished shards: stopped, it simply starts over.
    await dir.begin(null);
    const started = Date.now();
    const runId = `merge-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}`;
    const staged = {
      articles: new StagedFile(dir.path(OUTPUT_FILES.articles), OUTPUT_FILES.articles),
      rejected: new StagedFile(dir.path(OUTPUT_FILES.rejected), OUTPUT_FILES.rejected),
      trace: new StagedFile(dir.path(OUTPUT_FILES.trace), OUTPUT_FILES.trace),
      state: new StagedFile(dir.path('state-entries.jsonl'), 'state-entries.jsonl'),
    };
    for (const f of Object.values(staged)) await f.open(0);
    const logDest = pino.destination({ dest: dir.path(OUTPUT_FILES.log), sync: true, mkdir: true });
    const logger = pino({ level: 'info', base: { pid: process.pid } }, logDest);
    logger.info({ shards: dirs, out, state: stateDir }, 'merge started');

    const prefixes = first.inputs.length > 1 ? first.inputs.map((i) => `${basename(resolve(i))}/`) : [''];
    const pipelineFile = resolve(options.pipeline ?? DEFAULT_PIPELINE);
    const pipeline = bindPipeline(readPipelineFile(pipelineFile), pipelineFile);
    let recurringLines = pipeline.crossDocument.recurringLines;
    if (recurringLines && pipeline.name !== first.pipeline) {
      const message = `the shards ran pipeline "${first.pipeline}", not "${pipeline.name}" (${pipelineFile}): recurring lines are left out of the merge; give the shards' pipeline file`;
      options.onWarning?.(message);
      logger.warn({ pipeline: pipelineFile }, message);
      recurringLines = null;
    }
    const siteOf = (a: ArticleRecord) => siteKey([a.source.url, a.url], a.source.path);
    let found: Awaited<ReturnType<typeof findRecurring>> = new Map();
    if (recurringLines) {
      // Pass 1 of the step: every accepted article's block keys, from the shards' traces (in any order: counts).
      const keysFile = dir.path('keys.jsonl');
      const keys = new StagedFile(keysFile, 'keys.jsonl');
      await keys.open(0);
      for (const s of shards) {
        const articles = readRecordLines(join(s.dir, s.articles), 'articles');
        for await (const line of jsonLines(join(s.dir, OUTPUT_FILES.trace))) {
          const t = JSON.parse(line) as StoredTrace;
          if (t.status !== 'accepted') continue;
          const a = JSON.parse(await next(articles, `${s.dir}/${s.articles}`)) as ArticleRecord;
          await keys.write(JSON.stringify([siteOf(a), documentFingerprint(a.body), ...blockKeys(wholeTrace(t, a.body, s.dir).blocks, recurringLines.minWords)] satisfies KeysLine));
        }
      }
      await keys.close();
      found = await findRecurring(keysFile, recurringLines);
    }
    const validateStage = pipeline.stages.find((st) => st.name === 'validate') ?? null;
    const step = new CrossDocumentStep(new DocumentDuplicates((fp) => state?.acceptedAs(fp)), validateStage, recurringLines ? { found, minWords: recurringLines.minWords } : null);
    const changes = new Changes();
    const heads = shards.map((s) => ({
      trace: jsonLines(join(s.dir, OUTPUT_FILES.trace)),
      articles: readRecordLines(join(s.dir, s.articles), 'articles'),
      rejected: readRecordLines(join(s.dir, s.rejected), 'rejected'),
      current: null as null | { line: string; record: StoredTrace; key: [number, string] },
      dir: s.dir,
      articlesFile: s.articles,
      rejectedFile: s.rejected,
    }));
    const advance = async (h: (typeof heads)[number]) => {
      const r = await h.trace.next();
      if (r.done) h.current = null;
      else {
        const record = JSON.parse(r.value) as StoredTrace;
        h.current = { line: r.value, record, key: orderKey(record.path, prefixes) };
      }
    };
    for (const h of heads) await advance(h);
    try {
      for (;;) {
        let h: (typeof heads)[number] | null = null;
        for (const c of heads) if (c.current && (!h || before(c.current.key, h.current!.key))) h = c;
        if (!h) break;
        const { line, record } = h.current!;
        if (record.status === 'accepted') {
          const articleLine = await next(h.articles, `${h.dir}/${h.articlesFile}`);
          const article = JSON.parse(articleLine) as ArticleRecord;
          const site = siteOf(article);
          const keys = recurringLines ? blockKeys(wholeTrace(record, article.body, h.dir).blocks, recurringLines.minWords) : null;
          const f = step.apply(articleLine, line, site, keys, documentFingerprint(article.body));
          changes.add(site, f.change);
          await (f.status === 'accepted' ? staged.articles : staged.rejected).write(f.record);
          await staged.trace.write(f.trace);
          if (state) await staged.state.write(JSON.stringify({ path: article.source.path, sha256: article.source.sha256, id: article.id, status: f.status, fingerprint: f.fingerprint } satisfies StateEntry));
        } else {
          const rejectedLine = await next(h.rejected, `${h.dir}/${h.rejectedFile}`);
          await staged.rejected.write(rejectedLine);
          await staged.trace.write(line);
          if (state) {
            const r = JSON.parse(rejectedLine) as { id: string; source: { path: string; sha256: string }; status: 'rejected' | 'failed' };
            await staged.state.write(JSON.stringify({ path: r.source.path, sha256: r.source.sha256, id: r.id, status: r.status, fingerprint: null } satisfies StateEntry));
          }
        }
        await advance(h);
      }
    } catch (e) {
      logDest.end();
      for (const f of Object.values(staged)) await f.drop();
      await dir.discard();
      throw e;
    }
    for (const f of Object.values(staged)) await f.close();

    // The shards' counts summed, then the documents the merge found to be duplicates moved from accepted.
    let counts: Record<string, unknown> = {};
    for (const s of shards) {
      const picked = Object.fromEntries(COUNTED.map((k) => [k, (s.report as Record<string, unknown>)[k]]));
      counts = addCounts(counts, picked) as Record<string, unknown>;
    }
    const report = Report.parse({
      ...JSON.parse(JSON.stringify(counts)),
      schemaVersion: SCHEMA_VERSION,
      pipeline: first.pipeline,
      inputs: first.inputs,
      runId,
      shard: null,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      resumes: 0,
    });
    changes.applyTo(report);
    const duplicates = changes.moved.filter((m) => m.code === 'duplicate_document').length;
    logger.info({ read: report.read, accepted: report.accepted, duplicates, recurringLines: changes.recurring, rejected: changes.moved.length }, 'merge finished');
    logDest.flushSync();
    logDest.end();
    await writeFileAtomic(dir.path(OUTPUT_FILES.report), `${JSON.stringify(report, null, 2)}\n`);
    if (state) {
      await state.commit(
        { runId, startedAt: report.startedAt, finishedAt: new Date().toISOString(), out, read: report.read, processed: report.read - report.skipped, skipped: report.skipped },
        dir.path('state-entries.jsonl'),
      );
    }
    const files = publishedFiles(out, options.format ?? 'jsonl');
    await convertStaged(dir, options.format ?? 'jsonl');
    await dir.publish(runId, Object.values(files).map((f) => basename(f)));
    await removeOtherFormats(out, options.format ?? 'jsonl');
    await writeRunReport(out, state, options.onWarning);
    return { report, files };
  } finally {
    await release();
  }
};
