// Runs the BUILT command line (dist/cli.js, made by `npm test`'s tsc step) as a user would.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { ArticleRecord, RejectedRecord, StoredTrace, TraceRecord } from '../../src/core/records.js';
import { traceOf } from '../../src/core/trace.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLES = join(ROOT, 'samples');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const cli = (args: string[], cwd = ROOT): Result => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file's tests. */
export const tempDir = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `newsclean-${name}-`));
  made.push(dir);
  return dir;
};

/** A copy of the seed articles (samples/*.txt) in a fresh folder. */
export const copySamples = (dir: string): string[] => {
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  for (const f of names) copyFileSync(join(SAMPLES, f), join(dir, f));
  return names;
};

export const readLines = <T = Record<string, unknown>>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/**
 * An output folder's trace records with every block's text, those trace.jsonl leaves out taken from the matching
 * article or rejected record (core/trace.ts), in trace order.
 */
export const readTraces = (out: string): TraceRecord[] => {
  const articles = readLines<ArticleRecord>(join(out, 'articles.jsonl'));
  const rejected = readLines<RejectedRecord>(join(out, 'rejected.jsonl'));
  let a = 0;
  let r = 0;
  return readLines<StoredTrace>(join(out, 'trace.jsonl')).map((t) => traceOf(t, t.status === 'accepted' ? articles[a++]! : rejected[r++]!));
};

/** manifest.json of an output folder made to agree again with its files' sizes, after a test edited one. */
export const refreshManifest = (dir: string): void => {
  const file = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, number> };
  for (const name of Object.keys(m.files)) m.files[name] = statSync(join(dir, name)).size;
  writeFileSync(file, JSON.stringify(m));
};

/** A pipeline file like the default one, with other limits. */
export const pipelineWithLimits = (file: string, limits: Record<string, number>): string => {
  const base = JSON.parse(readFileSync(join(ROOT, 'pipelines', 'news.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...base, limits: { ...(base.limits as object), ...limits } }));
  return file;
};

/** A real PNG header: the 8-byte signature and a 1x1 IHDR chunk (with its CRC), then IEND. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a' + '0000000d49484452000000010000000108060000001f15c489' + '0000000049454e44ae426082',
  'hex',
);
