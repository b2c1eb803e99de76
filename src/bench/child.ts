// What the benches share: a run measured in a fresh process, and that process's peak memory.
//
// Peak RSS is read from /proc/self/status (VmHWM) on Linux: getrusage's maxRSS carries the parent's peak over
// exec, so a child spawned by a bench that has just written 100,000 files would report the bench's own peak.
// Elsewhere it falls back to maxRSS. Worker threads share the process, so this covers them.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const ROOT = new URL('../../', import.meta.url).pathname;
const SELF = new URL(import.meta.url).href;

/** This process's peak resident set size so far, in KB. */
export const peakRssKb = (): number => {
  try {
    const m = /VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
};

export interface PipelineChildResult {
  ms: number;
  read: number;
  accepted: number;
  rejected: number;
  failed: number;
  maxRssKb: number;
}

/**
 * Runs runPipeline() as the CLI does, in a new Node process, over `inputs` into `out`, and returns its time
 * (the run alone, without the process start) and the process's peak RSS.
 */
export const runPipelineInChild = (inputs: string[], out: string): PipelineChildResult => {
  const script = `
const { runPipeline } = await import(${JSON.stringify(join(ROOT, 'dist/runner/run.js'))});
const { peakRssKb } = await import(${JSON.stringify(SELF)});
const [out, ...inputs] = process.argv.slice(1);
const t0 = performance.now();
const { report } = await runPipeline({ inputs, out });
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, read: report.read, accepted: report.accepted, rejected: report.rejected, failed: report.failed, maxRssKb: peakRssKb() }));
`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, out, ...inputs], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`the run over ${inputs.join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as PipelineChildResult;
};

export interface CliChildResult {
  /** Wall time of the whole process, start-up included, as a scheduler sees it. */
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
  maxRssKb: number;
}

/**
 * Runs `node dist/cli.js <args>` (the `newsclean` command itself) in a new process and returns its exit status,
 * wall time and peak RSS. The peak is written by this module preloaded into the child (`--import`), at the
 * child's exit, into a file named by NEWSCLEAN_BENCH_PEAK_FILE.
 */
export const runCliInChild = (args: string[], peakFile: string): CliChildResult => {
  rmSync(peakFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', SELF, join(ROOT, 'dist/cli.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NEWSCLEAN_BENCH_PEAK_FILE: peakFile },
  });
  const ms = performance.now() - t0;
  let maxRssKb = Number.NaN;
  try {
    maxRssKb = Number(readFileSync(peakFile, 'utf8'));
  } catch {
    // the child died before its exit handler ran
  }
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr, maxRssKb };
};

// Preloaded into a child by runCliInChild: record the peak as the process exits (process.exit() included).
const peakFile = process.env.NEWSCLEAN_BENCH_PEAK_FILE;
if (peakFile && isMainThread) {
  const { writeFileSync } = await import('node:fs');
  process.on('exit', () => writeFileSync(peakFile, String(peakRssKb())));
}
