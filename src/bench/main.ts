// `npm run bench:stages`: pages per second of newsclean against Readability.js (linkedom, jsdom), cheerio and
// the bare htmlparser2 parse, all on the same in-memory pages, one thread; then newsclean on both cores.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { listHtmlFiles, readPage } from '../eval/dataset.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../runner/pipeline.js';
import { collectGarbage, figures, heapUsed, peakRss, shares, type ToolFigures } from './measure.js';
import { serialTools, type BenchPage } from './tools.js';

const help = `Usage: npm run bench:stages -- [options]

Loads every page of a folder of .html/.html.gz files into memory, then times on those pages, after
a warm-up pass, one thread: htmlparser2 parse only, cheerio.load (parse5), Readability.js on
linkedom and on jsdom, the newsclean pipeline; and newsclean on 2 worker threads
(one per core).
Warm-up passes run tool by tool (heap growth and peak RSS are read there); the timed rounds then
interleave the tools. A tool whose warm-up pass takes over 10 s (jsdom) is timed in one round.
Reports the median of the rounds: pages/s, MB/s, heap growth, peak RSS, ratios, and a JSON line.

Options:
  --dir <folder>       pages (default: ../shared/benchmark/html, else test/fixtures/benchmark/html)
  --rounds <n>         timed passes per tool (default 3)
  --skip <names>       comma-separated tools to leave out: parse, newsclean, threads,
                       cheerio, linkedom, jsdom (a tool is skipped when its name contains one)
  --threads <n>        worker threads for the parallel run (default 2)
  --pipeline <file>    pipeline file (default: pipelines/news.json)
  --json-only          print only the JSON line
  -h, --help`;

const ROOT = new URL('../../', import.meta.url).pathname;

const defaultDir = (): string => {
  const shared = resolve(ROOT, '../shared/benchmark/html');
  return existsSync(shared) ? shared : join(ROOT, 'test/fixtures/benchmark/html');
};

const loadPages = (dir: string): BenchPage[] => {
  // Body benchmark folders keep each page's url in ../truth.json; pass it on where present.
  const truthFile = join(dirname(dir), 'truth.json');
  const truth = existsSync(truthFile) ? (JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { url?: string }>) : {};
  const decoder = new TextDecoder();
  return listHtmlFiles(dir).map((file) => {
    const bytes = readPage(file);
    const name = basename(file);
    return { name, url: truth[name.replace(/\.html?(\.gz)?$/, '')]?.url ?? null, bytes, html: decoder.decode(bytes) };
  });
};

/** Warm-up time beyond which a tool is timed in one round only. */
const SLOW_MS = 10_000;

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** One pass over the pages; the first (warm-up) pass also samples heap growth. */
const pass = (run: (p: BenchPage) => unknown, pages: BenchPage[], sampleHeap: boolean) => {
  let errors = 0;
  let peakHeap = 0;
  const base = sampleHeap ? heapUsed() : 0;
  const start = performance.now();
  for (const p of pages) {
    try {
      run(p);
    } catch {
      errors++;
    }
    if (sampleHeap) peakHeap = Math.max(peakHeap, heapUsed() - base);
  }
  return { ms: performance.now() - start, errors, heapDelta: peakHeap };
};

/** A contender as the bench drives it: one warm-up pass (memory sampled), then timed passes. */
interface Contender {
  name: string;
  warm(): Promise<{ ms: number; errors: number; heapDelta: number }>;
  time(): Promise<number>;
  close(): Promise<void>;
}

const serial = (name: string, run: (p: BenchPage) => unknown, pages: BenchPage[]): Contender => ({
  name,
  warm: async () => pass(run, pages, true),
  time: async () => pass(run, pages, false).ms,
  close: async () => {},
});

/** The pipeline on `threads` workers, each over its share of the pages; wall time of the slowest. */
const parallel = async (pages: BenchPage[], threads: number, pipeline: string): Promise<Contender> => {
  const workerFile = new URL('./worker.js', import.meta.url);
  const workers = shares(pages, threads).map(
    (share) => new Worker(workerFile, { workerData: { pipeline, pages: share.map(({ name, url, bytes }) => ({ name, url, bytes })) } }),
  );
  const next = (w: Worker) =>
    new Promise<unknown>((res, rej) => {
      w.once('message', res);
      w.once('error', rej);
    });
  await Promise.all(workers.map(next)); // each has loaded its pipeline
  const runAll = async () => {
    const start = performance.now();
    const done = (await Promise.all(workers.map((w) => (w.postMessage('run'), next(w))))) as Array<{ errors: number }>;
    return { ms: performance.now() - start, errors: done.reduce((a, d) => a + d.errors, 0), heapDelta: 0 };
  };
  return {
    name: `newsclean-${threads}threads`,
    warm: runAll,
    time: async () => (await runAll()).ms,
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
};

export const bench = async (argv: string[]): Promise<number> => {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      rounds: { type: 'string' },
      threads: { type: 'string' },
      skip: { type: 'string', multiple: true },
      pipeline: { type: 'string' },
      'json-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const rounds = Number(values.rounds ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error(`bench: --rounds must be a whole number of at least 1, not "${values.rounds}"`);
    return 2;
  }
  const threads = Number(values.threads ?? 2);
  if (!Number.isInteger(threads) || threads < 1) {
    console.error(`bench: --threads must be a whole number of at least 1, not "${values.threads}"`);
    return 2;
  }
  const skip = (values.skip ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const skipped = (name: string) => skip.some((s) => name.includes(s));
  const dir = resolve(values.dir ?? defaultDir());
  if (!existsSync(dir)) {
    console.error(`bench: folder not found: ${dir}`);
    return 2;
  }
  const pipelineFile = values.pipeline ?? DEFAULT_PIPELINE;
  const stages = loadPipeline(pipelineFile).stages;
  const pages = loadPages(dir);
  if (!pages.length) {
    console.error(`bench: no .html or .html.gz page in ${dir}`);
    return 2;
  }
  const bytes = pages.reduce((a, p) => a + p.bytes.byteLength, 0);
  const quiet = values['json-only'];
  const say = (s: string) => quiet || console.log(s);
  say(`${pages.length} pages, ${mb(bytes)} MB of HTML from ${dir}; ${rounds} rounds after a warm-up, median`);
  say(`node ${process.version}, ${availableParallelism()} cores; rss before ${mb(peakRss())} MB`);
  say('');
  say(`${'tool'.padEnd(22)}${'pages/s'.padStart(9)}${'MB/s'.padStart(8)}${'ms'.padStart(9)}${'heap Δ MB'.padStart(11)}${'RSS peak MB'.padStart(13)}  errors`);
  const row = (f: ToolFigures) =>
    say(
      `${f.name.padEnd(22)}${f.pagesPerSec.toFixed(1).padStart(9)}${f.mbPerSec.toFixed(2).padStart(8)}${f.ms.toFixed(0).padStart(9)}` +
        `${(f.heapDelta ? mb(f.heapDelta) : '-').padStart(11)}${mb(f.peakRss).padStart(13)}  ${f.errors}`,
    );

  // Warm-up passes first, tool by tool, so each tool's peak RSS is read before heavier ones run;
  // then the timed rounds interleave the tools, so a swing in machine load hits them all alike.
  const contenders: Array<{ c: Contender; warm: { ms: number; errors: number; heapDelta: number }; rss: number; times: number[] }> = [];
  for (const tool of serialTools(stages)) {
    const candidates = [serial(tool.name, tool.run, pages)];
    if (tool.name === 'newsclean') candidates.push(await parallel(pages, threads, pipelineFile));
    for (const c of candidates) {
      if (skipped(c.name)) {
        await c.close();
        continue;
      }
      collectGarbage();
      contenders.push({ c, warm: await c.warm(), rss: peakRss(), times: [] });
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const entry of contenders) {
      // A tool whose warm-up alone took over SLOW_MS (jsdom) is timed in the first round only.
      if (round > 0 && entry.warm.ms > SLOW_MS) continue;
      collectGarbage();
      entry.times.push(await entry.c.time());
    }
  }
  const results: ToolFigures[] = [];
  for (const { c, warm, rss, times } of contenders) {
    await c.close();
    const f = { ...figures(c.name, pages.length, bytes, times, warm.heapDelta, warm.errors), peakRss: rss };
    results.push(f);
    row(f);
  }

  const by = (name: string) => results.find((r) => r.name === name);
  const ratio = (a?: ToolFigures, b?: ToolFigures) => (a && b ? Math.round((a.pagesPerSec / b.pagesPerSec) * 100) / 100 : null);
  const nc = by('newsclean');
  const ratios = {
    newsclean_vs_readability_linkedom: ratio(nc, by('readability-linkedom')),
    newsclean_vs_readability_jsdom: ratio(nc, by('readability-jsdom')),
    /** How many times the bare parse's time newsclean takes (goal: within 1.3). */
    parse_floor_vs_newsclean: ratio(by('parse'), nc),
    parallel_vs_newsclean: ratio(results.find((r) => r.name.startsWith('newsclean-') && r.name.endsWith('threads')), nc),
  };
  say('');
  say(`newsclean vs Readability.js on linkedom: ${ratios.newsclean_vs_readability_linkedom ?? '-'}x the pages/s (target >= 3)`);
  say(`newsclean vs Readability.js on jsdom:    ${ratios.newsclean_vs_readability_jsdom ?? '-'}x`);
  say(`newsclean time vs htmlparser2 parse floor: ${ratios.parse_floor_vs_newsclean ?? '-'}x (goal <= 1.3)`);
  say(`newsclean on ${threads} threads vs 1 thread: ${ratios.parallel_vs_newsclean ?? '-'}x (ideal ${threads})`);
  say('');
  const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  console.log(
    JSON.stringify({
      bench: basename(dirname(dir)) || dir,
      pages: pages.length,
      mb: round(bytes / 1e6, 2),
      rounds,
      tools: Object.fromEntries(
        results.map((r) => [
          r.name,
          { pagesPerSec: round(r.pagesPerSec), mbPerSec: round(r.mbPerSec, 2), ms: Math.round(r.ms), heapDeltaMb: round(r.heapDelta / 1e6), peakRssMb: round(r.peakRss / 1e6), errors: r.errors },
        ]),
      ),
      ratios,
    }),
  );
  return 0;
};

bench(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
