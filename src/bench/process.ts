// `npm run bench`: whole processes the way a user runs them. The benchmark pages copied several times into
// a folder; then, interleaved, each a new process: htmlparser2 parsing every page (the floor), Readability.js on
// linkedom, `newsclean run` pinned to one core, and `newsclean run` on all cores; and for text, the stored text dumps
// against a text floor (read, split into lines, normalize, hash). Median wall times and the ratios; beside each, the
// median CPU time (user + system) the process used, which moves less than wall time on a machine shared with other
// work. `--baseline <checkout>` times another build of newsclean (its dist/cli.js) in the same rounds.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const ROOT = new URL('../../', import.meta.url).pathname;

const help = `Usage: npm run bench -- [--dir <benchmark>] [--copies 10] [--rounds 3] [--baseline <checkout>]

  --dir <folder>   a benchmark folder with html/ and text-fullpage/ (default ../shared/benchmark, else
                   test/fixtures/benchmark)
  --copies <n>     copies of its pages in the corpus (default 10: 900 pages of the 90)
  --rounds <n>     interleaved rounds; medians are printed (default 3)
  --baseline <dir> another newsclean checkout, built (its dist/cli.js): timed in the same rounds, one core and
                   all cores, to compare a change with what it changes`;

const FLOOR_HTML = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from ${JSON.stringify(join(ROOT, 'node_modules/htmlparser2/dist/index.js'))};
const dir = process.argv[1];
for (const f of readdirSync(dir)) parseDocument(readFileSync(join(dir, f), 'utf8'));
`;

const READABILITY = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const { Readability } = require('@mozilla/readability');
const { parseHTML } = require('linkedom');
const dir = process.argv[1];
for (const f of readdirSync(dir)) new Readability(parseHTML(readFileSync(join(dir, f), 'utf8')).document).parse();
`;

const FLOOR_TEXT = `
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
const dir = process.argv[1];
for (const f of readdirSync(dir)) {
  const bytes = readFileSync(join(dir, f));
  createHash('sha256').update(bytes).digest('hex');
  bytes.toString('utf8').split('\\n').map((l) => l.normalize('NFC').replace(/\\s+/g, ' ').trim());
}
`;

const pinned = (cores: string, args: string[]) => (existsSync('/usr/bin/taskset') ? ['taskset', ['-c', cores, ...args]] : [args[0]!, args.slice(1)]) as [string, string[]];

/**
 * CPU milliseconds (user + system) used so far by this process's waited-for children, from /proc/self/stat
 * (cutime + cstime, in clock ticks of 10 ms); null where there is no /proc.
 */
const childrenCpuMs = (): number | null => {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
};

interface Timing {
  ms: number;
  /** CPU time of the process and its threads; null where it cannot be read. */
  cpuMs: number | null;
}

const time = (cmd: string, args: string[]): Timing => {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const c1 = childrenCpuMs();
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.slice(0, 4).join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpuMs: c0 === null || c1 === null ? null : c1 - c0 };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const main = (argv: string[]): number => {
  const { values } = parseArgs({
    args: argv,
    options: { dir: { type: 'string' }, copies: { type: 'string' }, rounds: { type: 'string' }, baseline: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const dir = values.dir ?? (existsSync(join(ROOT, '../shared/benchmark/html')) ? join(ROOT, '../shared/benchmark') : join(ROOT, 'test/fixtures/benchmark'));
  const copies = Number(values.copies ?? 10);
  const rounds = Number(values.rounds ?? 3);
  const work = mkdtempSync(join(tmpdir(), 'newsclean-bench-process-'));
  try {
    const html = join(work, 'html');
    const text = join(work, 'text');
    mkdirSync(html);
    mkdirSync(text);
    let bytes = 0;
    for (const f of readdirSync(join(dir, 'html'))) {
      const page = f.endsWith('.gz') ? gunzipSync(readFileSync(join(dir, 'html', f))) : readFileSync(join(dir, 'html', f));
      for (let c = 0; c < copies; c++) writeFileSync(join(html, `${c}-${f.replace(/\.gz$/, '')}`), page);
      bytes += page.byteLength * copies;
    }
    for (const f of readdirSync(join(dir, 'text-fullpage'))) {
      const t = readFileSync(join(dir, 'text-fullpage', f));
      for (let c = 0; c < copies; c++) writeFileSync(join(text, `${c}-${f}`), t);
    }
    const pages = readdirSync(html).length;
    const texts = readdirSync(text).length;
    console.log(`${pages} pages (${(bytes / 1e6).toFixed(0)} MB) and ${texts} text dumps; ${rounds} interleaved rounds; ${availableParallelism()} cores`);
    const cli = join(ROOT, 'dist/cli.js');
    const node = process.execPath;
    const all = `0-${availableParallelism() - 1}`;
    const baseline = values.baseline ? join(values.baseline, 'dist/cli.js') : null;
    if (baseline && !existsSync(baseline)) throw new Error(`--baseline: ${baseline} does not exist (build that checkout first)`);
    const runs: Record<string, () => Timing> = {
      floor: () => time(...pinned('0', [node, '--input-type=module', '-e', FLOOR_HTML, html])),
      readability: () => time(...pinned('0', [node, '--input-type=module', '-e', READABILITY, html])),
      newsclean1: () => time(...pinned('0', [node, cli, 'run', html, '--out', join(work, 'out1'), '-c', '1', '--progress', '0'])),
      newscleanAll: () => time(...pinned(all, [node, cli, 'run', html, '--out', join(work, 'outN'), '--progress', '0'])),
      textFloor: () => time(...pinned('0', [node, '--input-type=module', '-e', FLOOR_TEXT, text])),
      newscleanText1: () => time(...pinned('0', [node, cli, 'run', text, '--out', join(work, 'outT'), '-c', '1', '--progress', '0'])),
      ...(baseline && {
        baseline1: () => time(...pinned('0', [node, baseline, 'run', html, '--out', join(work, 'outB1'), '-c', '1', '--progress', '0'])),
        baselineAll: () => time(...pinned(all, [node, baseline, 'run', html, '--out', join(work, 'outBN'), '--progress', '0'])),
      }),
    };
    const timings: Record<string, Timing[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
    // Every other round runs in the reverse order, so that no process always follows the same one.
    for (let r = 0; r < rounds; r++) {
      const order = Object.entries(runs);
      for (const [k, f] of r % 2 ? order.reverse() : order) timings[k]!.push(f());
    }
    const m = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, median(v.map((t) => t.ms))])) as Record<string, number>;
    const cpu = Object.fromEntries(
      Object.entries(timings).map(([k, v]) => [k, v.every((t) => t.cpuMs !== null) ? median(v.map((t) => t.cpuMs!)) : null]),
    ) as Record<string, number | null>;
    const rate = (n: number, t: number) => `${((n * 1000) / t).toFixed(0)}/s`;
    console.log(`\n${'process'.padEnd(36)} ${'ms'.padStart(8)} ${'rate'.padStart(7)} ${'cpu ms'.padStart(8)}`);
    const row = (name: string, k: string, n: number) =>
      console.log(`${name.padEnd(36)} ${m[k]!.toFixed(0).padStart(8)} ${rate(n, m[k]!).padStart(7)} ${(cpu[k] === null ? '-' : cpu[k]!.toFixed(0)).padStart(8)}`);
    row('htmlparser2 parse (floor)', 'floor', pages);
    row('Readability.js on linkedom', 'readability', pages);
    row('newsclean run, one core', 'newsclean1', pages);
    row('newsclean run, all cores', 'newscleanAll', pages);
    row('text floor (read, split, NFC, hash)', 'textFloor', texts);
    row('newsclean run on text, one core', 'newscleanText1', texts);
    if (baseline) {
      row('baseline newsclean, one core', 'baseline1', pages);
      row('baseline newsclean, all cores', 'baselineAll', pages);
    }
    const ratios = {
      oneCoreVsFloor: m.newsclean1! / m.floor!,
      oneCoreVsReadability: m.readability! / m.newsclean1!,
      allCoresVsOneCore: m.newsclean1! / m.newscleanAll!,
      textVsFloor: m.newscleanText1! / m.textFloor!,
      ...(baseline && { oneCoreVsBaseline: m.newsclean1! / m.baseline1!, allCoresVsBaseline: m.newscleanAll! / m.baselineAll! }),
    };
    console.log(`\nnewsclean one core takes ${ratios.oneCoreVsFloor.toFixed(2)}x the parse floor (target <= 2.0)`);
    console.log(`newsclean one core is ${ratios.oneCoreVsReadability.toFixed(2)}x Readability.js on linkedom (target >= 4)`);
    console.log(`all cores are ${ratios.allCoresVsOneCore.toFixed(2)}x one core (target >= 1.8)`);
    console.log(`text: newsclean one core takes ${ratios.textVsFloor.toFixed(2)}x the text floor`);
    if (cpu.newsclean1 != null && cpu.floor != null) console.log(`in CPU time: one core takes ${(cpu.newsclean1 / cpu.floor).toFixed(2)}x the floor's`);
    if (baseline) {
      const pct = (x: number) => `${((x - 1) * 100).toFixed(1)}%`;
      console.log(`against the baseline: one core ${pct(ratios.oneCoreVsBaseline!)} wall` + (cpu.newsclean1 != null && cpu.baseline1 != null ? `, ${pct(cpu.newsclean1 / cpu.baseline1)} CPU` : '') + `; all cores ${pct(ratios.allCoresVsBaseline!)} wall`);
    }
    console.log(JSON.stringify({ pages, texts, rounds, ms: m, cpuMs: cpu, ratios }));
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

process.exitCode = main(process.argv.slice(2));
