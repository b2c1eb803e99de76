// `npm run bench:scale`: memory and throughput flat in corpus size. Generates 100,000 distinct news documents
// (small HTML pages and text dumps of 1-5 KB, from the real sentences of samples/) in folders of 100, runs
// `newsclean run` over the first 10,000 and over all of them, each in a fresh process, and compares documents/s
// and peak RSS. When `run --help` lists --state, it also times a first run with --state and a rerun over the
// same unchanged 10,000 documents.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCliInChild, type CliChildResult } from './child.js';
import { generate, PER_FOLDER, sampleSentences } from './corpus.js';

const help = `Usage: npm run bench:scale -- [--sizes 10000,100000] [--keep] [--json-only]

Generates max(sizes) documents (HTML and text news articles of 1-5 KB built from the sentences of samples/,
each distinct) in a temporary folder tree of 100 documents per folder, grouped so that the first <smallest size>
documents are one folder; runs 'newsclean run' over the first <size> documents for each size, each in a new
process, and prints documents/s and peak RSS (VmHWM), with the ratios of the largest size to the smallest
(targets: peak RSS within 1.5x, documents/s within 15%). If 'run --help' lists --state, it then runs the
smallest size with a new --state folder and again over the unchanged documents (target: the rerun under a
tenth of the first run's time).

  --sizes <n,n>   document counts (default 10000,100000); each a multiple of the smallest, which is a multiple of 100
  --keep          keep the generated tree (its path is printed)
  --json-only     print only the JSON line`;

const ROOT = new URL('../../', import.meta.url).pathname;

const runOptions = (): Set<string> => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'run', '--help'], { encoding: 'utf8' });
  return new Set([...r.stdout.matchAll(/^\s+(?:-\w,\s+)?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!));
};

interface Row {
  documents: number;
  seconds: number;
  docsPerSecond: number;
  peakRssMb: number;
  accepted: number;
  rejected: number;
  failed: number;
  skipped?: number;
}

const measure = (documents: number, inputs: string[], out: string, work: string, extra: string[] = []): Row => {
  const r: CliChildResult = runCliInChild(['run', ...inputs, '--out', out, ...extra], join(work, 'peak'));
  if (r.status !== 0 && r.status !== 1) throw new Error(`newsclean run over ${documents} documents exited ${r.status}: ${r.stderr.trim()}`);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { read: number; accepted: number; rejected: number; failed: number; skipped?: number };
  const seen = report.read + (report.skipped ?? 0);
  if (report.read !== documents && seen !== documents) throw new Error(`expected ${documents} documents, the run read ${report.read}`);
  return {
    documents,
    seconds: r.ms / 1000,
    docsPerSecond: documents / (r.ms / 1000),
    peakRssMb: r.maxRssKb / 1024,
    accepted: report.accepted,
    rejected: report.rejected,
    failed: report.failed,
    ...(report.skipped !== undefined ? { skipped: report.skipped } : {}),
  };
};

const main = (argv: string[]): number => {
  const { values } = parseArgs({ args: argv, options: { sizes: { type: 'string' }, keep: { type: 'boolean' }, 'json-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const sizes = (values.sizes ?? '10000,100000').split(',').map(Number).sort((a, b) => a - b);
  const group = sizes[0]!;
  if (!sizes.every((n) => Number.isInteger(n) && n > 0 && n % group === 0) || group % PER_FOLDER !== 0) {
    console.error(`newsclean bench:scale: --sizes must be positive multiples of the smallest, itself a multiple of ${PER_FOLDER}`);
    return 2;
  }
  const total = sizes.at(-1)!;
  const quiet = values['json-only'];
  const say = (s: string): void => {
    if (!quiet) console.log(s);
  };
  const work = mkdtempSync(join(tmpdir(), 'newsclean-bench-scale-'));
  const corpus = join(work, 'corpus');
  const groups = (n: number): string[] => (n === total ? [corpus] : Array.from({ length: n / group }, (_, j) => join(corpus, `g${String(j).padStart(4, '0')}`)));
  try {
    const t0 = performance.now();
    generate(corpus, total, group, sampleSentences());
    say(`generated ${total} documents under ${corpus} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const rows: Row[] = [];
    for (const n of sizes) {
      const row = measure(n, groups(n), join(work, `out-${n}`), work);
      rows.push(row);
      rmSync(join(work, `out-${n}`), { recursive: true, force: true });
      say(`${n} documents: ${row.seconds.toFixed(1)} s, ${row.docsPerSecond.toFixed(0)} docs/s, peak RSS ${row.peakRssMb.toFixed(0)} MB (${row.accepted} accepted, ${row.rejected} rejected, ${row.failed} failed)`);
    }
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const peakRssRatio = last.peakRssMb / first.peakRssMb;
    const throughputRatio = last.docsPerSecond / first.docsPerSecond;
    let state: { first: Row; rerun: Row; rerunRatio: number } | null = null;
    if (runOptions().has('--state')) {
      const dir = join(work, 'state');
      const firstRun = measure(group, groups(group), join(work, 'state-out-1'), work, ['--state', dir]);
      const rerun = measure(group, groups(group), join(work, 'state-out-2'), work, ['--state', dir]);
      state = { first: firstRun, rerun, rerunRatio: rerun.seconds / firstRun.seconds };
    }
    if (!quiet) {
      console.log('\ndocuments  seconds  docs/s  peak RSS MB  accepted');
      for (const r of rows) {
        console.log(`${String(r.documents).padStart(9)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.docsPerSecond.toFixed(0).padStart(6)}  ${r.peakRssMb.toFixed(0).padStart(11)}  ${String(r.accepted).padStart(8)}`);
      }
      const ok = (b: boolean): string => (b ? 'ok' : 'MISSED');
      console.log(`\npeak RSS, ${last.documents} / ${first.documents}: ${peakRssRatio.toFixed(2)}x (target <= 1.5x: ${ok(peakRssRatio <= 1.5)})`);
      console.log(`docs/s, ${last.documents} / ${first.documents}: ${throughputRatio.toFixed(2)} (target >= 0.85: ${ok(throughputRatio >= 0.85)})`);
      if (state) {
        console.log(`--state over ${group} documents: first run ${state.first.seconds.toFixed(1)} s, unchanged rerun ${state.rerun.seconds.toFixed(1)} s (${state.rerun.skipped ?? '?'} skipped): ${state.rerunRatio.toFixed(3)} (target < 0.1: ${ok(state.rerunRatio < 0.1)})`);
      } else {
        console.log("--state: not measured ('newsclean run --help' does not list it)");
      }
      if (values.keep) console.log(`\nkept ${corpus}`);
    }
    const round = (x: number): number => Number(x.toFixed(3));
    console.log(JSON.stringify({
      rows: rows.map((r) => ({ ...r, seconds: round(r.seconds), docsPerSecond: round(r.docsPerSecond), peakRssMb: round(r.peakRssMb) })),
      peakRssRatio: round(peakRssRatio),
      throughputRatio: round(throughputRatio),
      state: state && { firstSeconds: round(state.first.seconds), rerunSeconds: round(state.rerun.seconds), skipped: state.rerun.skipped ?? null, rerunRatio: round(state.rerunRatio) },
    }));
    return 0;
  } finally {
    for (const name of readdirSync(work)) if (!(values.keep && name === 'corpus')) rmSync(join(work, name), { recursive: true, force: true });
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
};

process.exitCode = main(process.argv.slice(2));
