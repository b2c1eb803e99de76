import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicStream, OutputError, writeFileAtomic } from '../../src/io/atomic.js';
import { JsonlWriter, readJsonl } from '../../src/io/jsonl.js';

const dir = mkdtempSync(join(tmpdir(), 'newsclean-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic outputs', () => {
  it('keeps the previous file until commit, then replaces it whole', async () => {
    const file = join(dir, 'out.jsonl');
    writeFileSync(file, 'old\n');
    const s = new AtomicStream(file);
    await s.write('new 1\n');
    await s.write('new 2\n');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    await s.commit();
    expect(readFileSync(file, 'utf8')).toBe('new 1\nnew 2\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the previous file and no temporary file behind when aborted', async () => {
    const file = join(dir, 'kept.json');
    writeFileSync(file, 'good');
    const s = new AtomicStream(file);
    await s.write('half');
    await s.abort();
    expect(readFileSync(file, 'utf8')).toBe('good');
    expect(existsSync(s.tmp)).toBe(false);
  });

  it('writes a whole file atomically', async () => {
    const file = join(dir, 'report.json');
    await writeFileAtomic(file, '{"a":1}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
  });

  it('round-trips JSON lines, and names the line of a broken one', async () => {
    const file = join(dir, 'rows.jsonl');
    const w = new JsonlWriter<{ n: number; s: string }>(file);
    for (let n = 0; n < 3; n++) await w.write({ n, s: `line\n${n}` });
    await w.commit();
    const rows = [];
    for await (const r of readJsonl(file)) rows.push(r);
    expect(rows).toEqual([0, 1, 2].map((n) => ({ n, s: `line\n${n}` })));
    writeFileSync(file, '{"n":1}\n{oops\n');
    await expect(async () => {
      for await (const _ of readJsonl(file));
    }).rejects.toThrow(/rows\.jsonl:2: not valid JSON/);
  });

  it('reports a file that cannot be written as an OutputError naming it and the system code', async () => {
    // A folder where the output file should go: the rename fails (EISDIR), whoever runs the test.
    const file = join(dir, 'taken.jsonl');
    mkdirSync(join(file, 'x'), { recursive: true });
    const s = new AtomicStream(file);
    await s.write('line\n');
    await s.finish();
    const err = await s.publish().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as Error).message).toMatch(/^cannot write .*taken\.jsonl: (EISDIR|ENOTEMPTY|EEXIST)$/);
    await s.abort();
    expect(readdirSync(dir).filter((f) => f.startsWith('.taken'))).toEqual([]);
    // The same for a whole-file write, and for a stream whose folder is gone.
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow(OutputError);
    const lost = new AtomicStream(join(dir, 'no-such-folder', 'f.jsonl'));
    await expect(lost.commit()).rejects.toThrow(/^cannot write .*f\.jsonl: ENOENT$/);
  });
});
