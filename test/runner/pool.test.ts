import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/runner/pool.js';
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

const input = (text: string, path = `${text}.txt`): RawInput => ({ path, format: 'text', bytes: Buffer.from(text) });
const echoed = (o: EncodedOutcome) => (o as unknown as { echo: string }).echo;

describe('WorkerPool', () => {
  it('processes documents on its workers and returns their outcomes', async () => {
    const pool = new WorkerPool({ size: 2, script: echo, workerData: null, timeoutMs: 5_000 });
    const outs = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => pool.run(input(t))));
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
    const [slow, after] = await Promise.all([pool.run(input('hang')), pool.run(input('next'))]);
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
    const outs = await Promise.all(['exit', 'ok1', 'throw', 'ok2'].map((t) => pool.run(input(t))));
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
    const outs = await Promise.all([pool.run(input('a')), pool.run(input('b'))]);
    await pool.close();
    for (const o of outs) expect(o).toMatchObject({ status: 'failed', code: 'internal_error', message: expect.stringContaining('cannot load the pipeline') });
  });
});
