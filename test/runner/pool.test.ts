import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { WorkerPool, workerCount } from '../../src/runner/pool.js';
import type { EncodedOutcome } from '../../src/runner/encoded.js';
import type { RawInput } from '../../src/runner/process.js';

// Stand-in workers that speak the pool's protocol, so the pool's handling of slow, dying and broken workers
// is tested without depending on what the real stages do.
const dir = mkdtempSync(join(tmpdir(), 'newsclean-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (name: string, body: string): URL => {
  const file = join(dir, name);
  writeFileSync(file, `import { parentPort, threadId } from 'node:worker_threads';\n${body}`);
  return pathToFileURL(file);
};

const echo = script(
  'echo.mjs',
  `parentPort.on('message', ({ id, input }) => {
    const text = Buffer.from(input.bytes).toString();
    if (text === 'hang') for (;;) {}
    if (text === 'exit') process.exit(7);
    if (text === 'throw') throw new Error('boom');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); // some work, so every worker gets a share
    parentPort.postMessage({ type: 'done', id, outcome: { status: 'accepted', echo: text, threadId } });
  });
  parentPort.postMessage({ type: 'ready' });`,
);

// Like echo, but a thread takes its time to become ready (loading, binding the pipeline, warming up): the file
// holds the milliseconds, read when the thread starts, so a test can make later threads start slowly too.
const slowStartFile = join(dir, 'start-ms');
const slowStart = script(
  'slow-start.mjs',
  `import { readFileSync } from 'node:fs';
  const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  sleep(Number(readFileSync(${JSON.stringify(slowStartFile)}, 'utf8')));
  parentPort.on('message', ({ id, input }) => {
    const text = Buffer.from(input.bytes).toString();
    if (text === 'hang') for (;;) {}
    sleep(Number(text.split(':')[1] ?? 0));
    parentPort.postMessage({ type: 'done', id, outcome: { status: 'accepted', echo: text, threadId } });
  });
  parentPort.postMessage({ type: 'ready' });`,
);

const input = (text: string, path = `${text}.txt`): RawInput => ({ path, format: 'text', bytes: Buffer.from(text) });
const echoed = (o: EncodedOutcome) => (o as unknown as { echo: string }).echo;

describe('WorkerPool', () => {
  it('processes documents on its workers and returns their outcomes', async () => {
    const pool = new WorkerPool({ size: 2, script: echo, workerData: null, timeoutMs: 5_000 });
    const outs = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => pool.run(input(t), '')));
    await pool.close();
    expect(outs.map(echoed)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Both workers took part.
    expect(new Set(outs.map((o) => (o as unknown as { threadId: number }).threadId)).size).toBe(2);
  });

  it('rejects a document that runs past the time limit with `timeout`, and keeps going with a new worker', async () => {
    const incidents: string[] = [];
    const pool = new WorkerPool({
      size: 1,
      script: echo,
      workerData: null,
      timeoutMs: 300,
      onIncident: (e) => incidents.push(`${e.path}:${e.code}`),
    });
    const t0 = Date.now();
    const [slow, after] = await Promise.all([pool.run(input('hang'), ''), pool.run(input('next'), '')]);
    await pool.close();
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(slow).toMatchObject({ status: 'rejected', code: 'timeout', stage: 'runner', path: 'hang.txt', article: null });
    expect(slow.message).toContain('300 ms');
    expect(JSON.parse(slow.rejected!)).toMatchObject({ status: 'rejected', code: 'timeout', source: { path: 'hang.txt', bytes: 4 } });
    expect(JSON.parse(slow.trace)).toMatchObject({ path: 'hang.txt', status: 'rejected' });
    expect(echoed(after)).toBe('next');
    expect(incidents).toEqual(['hang.txt:timeout']);
  });

  it('turns a worker that dies (exit or uncaught throw) into `internal_error` for that document only', async () => {
    const pool = new WorkerPool({ size: 1, script: echo, workerData: null, timeoutMs: 5_000 });
    const outs = await Promise.all(['exit', 'ok1', 'throw', 'ok2'].map((t) => pool.run(input(t), '')));
    await pool.close();
    const [exited, ok1, threw, ok2] = outs;
    for (const o of [exited!, threw!]) expect(o).toMatchObject({ status: 'failed', code: 'internal_error', stage: 'runner' });
    expect(exited!.message).toContain('code 7');
    expect(threw!.message).toContain('boom');
    expect([echoed(ok1!), echoed(ok2!)]).toEqual(['ok1', 'ok2']);
  });

  it('gives up, rather than respawning forever, when workers cannot start', async () => {
    const broken = script('broken.mjs', `throw new Error('cannot load the pipeline');`);
    const pool = new WorkerPool({ size: 2, script: broken, workerData: null, timeoutMs: 5_000 });
    const outs = await Promise.all([pool.run(input('a'), ''), pool.run(input('b'), '')]);
    await pool.close();
    for (const o of outs) expect(o).toMatchObject({ status: 'failed', code: 'internal_error', message: expect.stringContaining('cannot load the pipeline') });
  });

  it('starts workers only as documents come: a pool of 1000 given 5 documents starts at most 5', async () => {
    const pool = new WorkerPool({ size: 1000, script: echo, workerData: null, timeoutMs: 5_000 });
    expect(pool.workersStarted).toBe(0);
    const outs = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => pool.run(input(t), '')));
    expect(outs.map(echoed)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pool.workersStarted).toBeGreaterThanOrEqual(1);
    expect(pool.workersStarted).toBeLessThanOrEqual(5);
    // One at a time, an idle worker takes the next: no more are started.
    const started = pool.workersStarted;
    for (const t of ['f', 'g', 'h']) expect(echoed(await pool.run(input(t), ''))).toBe(t);
    expect(pool.workersStarted).toBe(started);
    await pool.close();
  });

  it('starts a few workers at a time (by default one per CPU), each one ready letting the next start', async () => {
    const pool = new WorkerPool({ size: 1000, script: echo, workerData: null, timeoutMs: 5_000, maxStarting: 2 });
    const runs = ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => pool.run(input(t), ''));
    expect(pool.workersStarted).toBe(2); // six documents wait, but two workers start first
    expect((await Promise.all(runs)).map(echoed)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(pool.workersStarted).toBeLessThanOrEqual(6);
    await pool.close();
    const byDefault = new WorkerPool({ size: 1000, script: echo, workerData: null, timeoutMs: 5_000 });
    const many = Array.from({ length: 50 }, (_, i) => byDefault.run(input(`d${i}`), ''));
    expect(byDefault.workersStarted).toBe(Math.min(50, availableParallelism()));
    await Promise.all(many);
    await byDefault.close();
  });

  it('never starts more workers than its size, and replaces a stopped one only when a document waits', async () => {
    const pool = new WorkerPool({ size: 2, script: echo, workerData: null, timeoutMs: 300 });
    const outs = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((t) => pool.run(input(t), '')));
    expect(outs.map(echoed)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(pool.workersStarted).toBe(2);
    // The last document times out: its worker is stopped, and no other is started for nobody.
    expect(await pool.run(input('hang'), '')).toMatchObject({ code: 'timeout' });
    expect(pool.workersStarted).toBe(2);
    expect(pool.workersAlive).toBe(1);
    await pool.close();
  });

  it('does not count the time a document waits in the queue: documents behind slow ones do not time out', async () => {
    // One worker, a limit of 1 s, six documents of 250 ms each: the last waits 1.25 s before its turn.
    writeFileSync(slowStartFile, '0');
    const slow = new WorkerPool({ size: 1, script: slowStart, workerData: null, timeoutMs: 1_000 });
    const outs = await Promise.all(['a:250', 'b:250', 'c:250', 'd:250', 'e:250', 'f:250'].map((t) => slow.run(input(t), '')));
    await slow.close();
    expect(outs.map((o) => o.status)).toEqual(Array(6).fill('accepted'));
    expect(slow.workersStarted).toBe(1);
  });

  it('starts no document clock before its worker is ready, for the first worker and for a replacement', async () => {
    // Each thread takes 1.5 s to become ready, five times the 300 ms limit.
    writeFileSync(slowStartFile, '1500');
    const incidents: string[] = [];
    const pool = new WorkerPool({
      size: 1,
      script: slowStart,
      workerData: null,
      timeoutMs: 300,
      onIncident: (e) => incidents.push(`${e.path}:${e.code}`),
    });
    const [first, hung, after] = await Promise.all(['first', 'hang', 'after'].map((t) => pool.run(input(t), '')));
    await pool.close();
    expect(echoed(first!)).toBe('first');
    expect(hung).toMatchObject({ status: 'rejected', code: 'timeout' });
    // Queued behind `hang`, then waiting for the replacement worker to start: still within its time.
    expect(echoed(after!)).toBe('after');
    expect(incidents).toEqual(['hang.txt:timeout']);
    expect(pool.workersStarted).toBe(2);
  });

  it('gives up on a worker that never becomes ready, after the start limit', async () => {
    const never = script('never-ready.mjs', `parentPort.on('message', () => {}); setInterval(() => {}, 1000);`);
    const pool = new WorkerPool({ size: 1, script: never, workerData: null, timeoutMs: 5_000, startTimeoutMs: 200 });
    const out = await pool.run(input('a'), '');
    await pool.close();
    expect(out).toMatchObject({ status: 'failed', code: 'internal_error', message: expect.stringContaining('not ready after 200 ms') });
    expect(pool.workersStarted).toBe(3);
  });
});

describe('workerCount', () => {
  it('defaults to one worker per CPU', () => {
    expect(workerCount(undefined)).toEqual({ workers: availableParallelism(), capped: null });
    expect(workerCount(undefined, 6)).toEqual({ workers: 6, capped: null });
  });

  it('keeps a request up to two threads per CPU', () => {
    expect(workerCount(1, 2)).toEqual({ workers: 1, capped: null });
    expect(workerCount(4, 2)).toEqual({ workers: 4, capped: null });
    expect(workerCount(0, 2)).toEqual({ workers: 1, capped: null });
  });

  it('caps a larger request at two threads per CPU, with a one-line note', () => {
    expect(workerCount(1000, 2)).toEqual({ workers: 4, capped: '--concurrency 1000 capped at 4 (2 CPUs)' });
    expect(workerCount(3, 1)).toEqual({ workers: 2, capped: '--concurrency 3 capped at 2 (1 CPU)' });
    const cpus = availableParallelism();
    expect(workerCount(1000)).toEqual({ workers: Math.min(1000, cpus * 2), capped: cpus * 2 < 1000 ? `--concurrency 1000 capped at ${cpus * 2} (${cpus} CPU${cpus === 1 ? '' : 's'})` : null });
  });
});
