// The nightly job: incremental runs with a state folder, a run killed at any moment and started again, locks,
// shards and their merge, and the rejection-rate alarm, all through the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/records.js';
import { CLI, cli, readLines, ROOT, SAMPLES, tempDir } from './helpers.js';

const OUTPUTS = ['articles.jsonl', 'rejected.jsonl', 'trace.jsonl'];
const report = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
const same = (a: string, b: string) => {
  for (const f of OUTPUTS) expect(readFileSync(join(a, f), 'utf8'), f).toBe(readFileSync(join(b, f), 'utf8'));
};

/** The benchmark pages three times over (a copy's body is a duplicate_document of the first), and the samples. */
const corpus = (base: string, copies = 3): string => {
  const input = join(base, 'in');
  for (let c = 0; c < copies; c++) cpSync(join(ROOT, 'test/fixtures/benchmark/html'), join(input, `copy-${c}`), { recursive: true, preserveTimestamps: true });
  cpSync(SAMPLES, join(input, 'samples'), { recursive: true, preserveTimestamps: true });
  return input;
};

describe('newsclean run --state: the next night processes only what is new or changed', () => {
  const base = tempDir('nightly-state');
  const input = join(base, 'in');
  cpSync(SAMPLES, input, { recursive: true, preserveTimestamps: true });
  const state = join(base, 'state');

  it('skips unchanged inputs, processes new and changed ones, and rejects an article accepted on an earlier night', () => {
    expect(cli(['run', input, '--out', join(base, 'night1'), '--state', state]).code).toBe(0);
    const first = report(join(base, 'night1'));
    expect(first).toMatchObject({ skipped: 0 });
    const accepted = readLines<{ id: string; source: { path: string } }>(join(base, 'night1', 'articles.jsonl'));
    const earlier = accepted.find((a) => a.source.path === '000_056ef794f2a8b55d.txt')!;

    // Night two: one file changed, one new article, and yesterday's article scraped again under another name.
    const changed = join(input, '001_ad1ad33f1b01fb71.txt');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nA new paragraph was added to this story overnight, with more detail about the council vote.\n`);
    writeFileSync(join(input, 'new.txt'), readFileSync(join(SAMPLES, '002_70c103ae15988b00.txt'), 'utf8').replace(/\bthe\b/g, 'a'));
    cpSync(join(input, '000_056ef794f2a8b55d.txt'), join(input, 'again.txt'));
    const r = cli(['run', input, '--out', join(base, 'night2'), '--state', state]);
    expect(r.code).toBe(0);
    const second = report(join(base, 'night2'));
    expect(second.read).toBe(first.read + 2);
    expect(second.skipped).toBe(first.read - 1);
    expect(second.read).toBe(second.accepted + second.rejected + second.failed + second.skipped);
    const trace = readLines<{ path: string }>(join(base, 'night2', 'trace.jsonl')).map((t) => t.path).sort();
    expect(trace).toEqual(['001_ad1ad33f1b01fb71.txt', 'again.txt', 'new.txt']);
    const dup = readLines<{ source: { path: string }; code: string; message: string }>(join(base, 'night2', 'rejected.jsonl')).find((x) => x.source.path === 'again.txt')!;
    expect(dup.code).toBe('duplicate_document');
    expect(dup.message).toContain(earlier.id);
    expect(r.stdout).toMatch(/skipped \(unchanged\)/);
  });

  it('a rerun over an unchanged folder processes nothing', () => {
    expect(cli(['run', input, '--out', join(base, 'night3'), '--state', state]).code).toBe(0);
    const third = report(join(base, 'night3'));
    expect(third.skipped).toBe(third.read);
    expect(readLines(join(base, 'night3', 'trace.jsonl'))).toEqual([]);
  });

  it('a corrupted, foreign or newer state is a clear error (exit 2), never a silent reprocessing', () => {
    const bad = join(base, 'bad-state');
    mkdirSync(bad);
    writeFileSync(join(bad, 'state.json'), '{ "format": "newsclean-state", "vers');
    const corrupted = cli(['run', input, '--out', join(base, 'x'), '--state', bad]);
    expect(corrupted.code).toBe(2);
    expect(corrupted.stderr).toMatch(/^newsclean: .*state\.json is corrupted/);
    writeFileSync(join(bad, 'state.json'), JSON.stringify({ format: 'newsclean-state', version: 9 }));
    expect(cli(['run', input, '--out', join(base, 'x'), '--state', bad]).stderr).toMatch(/format version 9; this newsclean reads version 1/);
    const foreign = join(base, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const r = cli(['run', input, '--out', join(base, 'x'), '--state', foreign]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a newsclean state folder/);
    expect(existsSync(join(base, 'x', 'manifest.json'))).toBe(false);
  });
});

describe('newsclean run killed at a random moment (SIGKILL) and started again', () => {
  it('completes the same run: every input exactly once, no half line, and the work before the kill is not redone', async () => {
    const base = tempDir('nightly-kill');
    const input = corpus(base);
    const ref = join(base, 'ref');
    expect(cli(['run', input, '--out', ref]).code).toBe(0);
    const out = join(base, 'out');
    const work = join(out, '.newsclean-run', 'checkpoint.json');
    let kills = 0;
    let skippedByResume = 0;
    // Twice: killed, started again and killed again, then left to finish.
    for (let attempt = 0; attempt < 2; attempt++) {
      const child = spawn(process.execPath, [CLI, 'run', input, '--out', out, '-c', '2'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const start = Date.now();
      const doneAt = () => (existsSync(work) ? (JSON.parse(readFileSync(work, 'utf8')) as { done: number }).done : 0);
      const before = doneAt();
      while (doneAt() <= before && child.exitCode === null && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 150)));
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        kills++;
      }
      await exited;
      skippedByResume = doneAt();
    }
    expect(kills).toBeGreaterThan(0);
    const last = spawnSync(process.execPath, [CLI, 'run', input, '--out', out, '-c', '2'], { encoding: 'utf8' });
    expect(last.status, last.stderr).toBe(0);
    same(out, ref);
    const r = report(out);
    expect(r.read).toBe(report(ref).read);
    expect(r.resumes).toBe(kills);
    // The last start resumed after the checkpointed documents: it processed only the rest.
    const log = readFileSync(join(out, 'run.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; resumedAt?: number });
    const resumes = log.filter((l) => l.msg === 'run resumed');
    expect(resumes.at(-1)!.resumedAt).toBe(skippedByResume);
    expect(skippedByResume).toBeGreaterThan(0);
    const lastStart = log.findLastIndex((l) => l.msg === 'run resumed');
    expect(log.slice(lastStart).filter((l) => l.msg === 'document')).toHaveLength(r.read - skippedByResume);
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl', 'manifest.json', 'rejected.jsonl', 'report-data', 'report.html', 'report.json', 'run.log', 'trace.jsonl']);
  }, 180_000);
});

describe('locks', () => {
  it('refuses an output folder held by a live run, naming it; takes over the lock of a dead one', () => {
    const base = tempDir('nightly-lock');
    const out = join(base, 'out');
    mkdirSync(out);
    const lock = join(out, '.newsclean.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2026-12-01T01:00:00.000Z' }));
    const held = cli(['run', SAMPLES, '--out', out]);
    expect(held.code).toBe(2);
    expect(held.stderr).toBe(`newsclean: output folder ${out} is in use by another newsclean run (pid ${process.pid} on ${hostname()}, since 2026-12-01T01:00:00.000Z); if that run is gone, remove ${lock}\n`);
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(lock, JSON.stringify({ pid: Number(dead.stdout.trim()), host: hostname(), startedAt: '2026-12-01T01:00:00.000Z' }));
    // A temporary file an atomic write of the dead run left behind goes too.
    writeFileSync(join(out, '.report.json.99999.tmp'), 'half');
    expect(cli(['run', SAMPLES, '--out', out]).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('newsclean run --shard and newsclean merge', () => {
  it('three shards merged equal a single run, duplicates across shards included', () => {
    const base = tempDir('nightly-shards');
    const input = corpus(base, 2);
    const single = join(base, 'single');
    expect(cli(['run', input, '--out', single]).code).toBe(0);
    const shards = [0, 1, 2].map((i) => join(base, `shard-${i}`));
    // One shard by --shard, one from a Kubernetes index, one from a Slurm array task.
    expect(cli(['run', input, '--out', shards[0]!, '--shard', '0/3']).code).toBe(0);
    const env = (extra: Record<string, string>) => ({ ...process.env, JOB_COMPLETION_INDEX: '', SLURM_ARRAY_TASK_ID: '', ...extra });
    expect(spawnSync(process.execPath, [CLI, 'run', input, '--out', shards[1]!, '--shards', '3'], { env: env({ JOB_COMPLETION_INDEX: '1' }) }).status).toBe(0);
    expect(spawnSync(process.execPath, [CLI, 'run', input, '--out', shards[2]!, '--shards', '3'], { env: env({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1' }) }).status).toBe(0);
    const sizes = shards.map((s) => report(s).read);
    expect(sizes.every((n) => n > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b)).toBe(report(single).read);

    const incomplete = cli(['merge', shards[0]!, shards[2]!, '--out', join(base, 'merged')]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toMatch(/shard 1\/3 missing/);

    const merged = join(base, 'merged');
    const r = cli(['merge', ...shards, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    same(merged, single);
    const a = report(merged);
    const b = report(single);
    for (const k of ['read', 'accepted', 'rejected', 'failed', 'skipped', 'rejectedByCode', 'warningsByCode', 'removed', 'sites'] as const) expect(a[k], k).toEqual(b[k]);
    expect(b.rejectedByCode.duplicate_document).toBeGreaterThan(0);
    // merge writes the report page too, over the merged records.
    const page = readFileSync(join(merged, 'report.html'), 'utf8');
    expect(page).toContain(`data-count="read"><b>${a.read.toLocaleString('en-US')}</b>`);
    expect(page).toContain(`data-key="duplicate_document" data-value="${a.rejectedByCode.duplicate_document}"`);
  }, 120_000);
});

describe('--max-reject-rate', () => {
  it('exits 4 when more of the processed documents than the share are rejected, with the outputs published', () => {
    const base = tempDir('nightly-rate');
    const out = join(base, 'out');
    const r = cli(['run', SAMPLES, '--out', out, '--max-reject-rate', '0.05']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^newsclean: 1 of 8 processed documents \(12\.5%\) were rejected or failed, above --max-reject-rate 0\.05\n$/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(cli(['run', SAMPLES, '--out', join(base, 'ok'), '--max-reject-rate', '0.5']).code).toBe(0);
    expect(cli(['run', SAMPLES, '--out', out, '--max-reject-rate', '2']).code).toBe(2);
  });
});

describe('a full disk', () => {
  // A small tmpfs is a real full disk; mounting one needs root (CI runs as root): elsewhere the test skips itself.
  it('is exit 2 "cannot write <file>: ENOSPC", with the staged files removed and the log kept', (ctx) => {
    const disk = join(tempDir('nightly-full'), 'disk');
    mkdirSync(disk);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=300k', 'tmpfs', disk]).status !== 0) ctx.skip();
    try {
      const out = join(disk, 'out');
      const r = cli(['run', join(ROOT, 'test/fixtures/benchmark/html'), '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^newsclean: cannot write ${out}/\\S+: ENOSPC\\n$`));
      expect(readdirSync(out)).toEqual(['run.failed.log']);
      expect(readFileSync(join(out, 'run.failed.log'), 'utf8')).toContain('run aborted');
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});

describe('--concurrency beyond the machine', () => {
  it('is capped with a note, and no good page times out waiting for a worker', () => {
    const out = join(tempDir('nightly-c1000'), 'out');
    const r = cli(['run', join(ROOT, 'test/fixtures/benchmark/html'), '--out', out, '--concurrency', '1000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^newsclean: warning: --concurrency 1000 capped at \d+ \(\d+ CPUs?\)\n$/);
    const rep = report(out);
    expect(rep.read).toBe(90);
    expect(rep.rejectedByCode.timeout).toBeUndefined();
  });
});
