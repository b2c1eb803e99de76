// A staged output file holds exactly the lines written, as UTF-8, one per line; `size` counts its bytes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StagedFile } from '../../src/io/staged.js';

const dir = mkdtempSync(join(tmpdir(), 'newsclean-staged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('StagedFile', () => {
  it('writes every line as UTF-8, in chunks and at each flush, whatever the characters', async () => {
    const file = join(dir, 'a.jsonl');
    const f = new StagedFile(file, 'a.jsonl');
    await f.open(0);
    const lines = ['{"a":1}', '', 'héllo wörld', '日本語のテキスト', 'emoji 😀 and 𝒳', '\u2028\u2029', 'x'.repeat(300_000), 'é'.repeat(200_000), '{"end":true}'];
    for (let i = 0; i < 3000; i++) lines.push(`{"i":${i},"t":"${'ü€'.repeat(i % 50)}"}`);
    for (const [i, line] of lines.entries()) {
      await f.write(line);
      if (i === 4) await f.flush();
    }
    await f.close();
    const expected = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(f.size).toBe(expected.length);
  });

  it('opened again at a size, keeps that many bytes and appends after them', async () => {
    const file = join(dir, 'b.jsonl');
    const first = new StagedFile(file, 'b.jsonl');
    await first.open(0);
    await first.write('één');
    await first.flush();
    const kept = first.size;
    await first.write('lost after the checkpoint');
    await first.close();
    const again = new StagedFile(file, 'b.jsonl');
    await again.open(kept);
    await again.write('twee 😀');
    await again.close();
    expect(readFileSync(file, 'utf8')).toBe('één\ntwee 😀\n');
    expect(again.size).toBe(Buffer.byteLength('één\ntwee 😀\n'));
  });
});
