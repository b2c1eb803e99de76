// JSON Lines read back: the lines readline gives (\n, \r\n, a lone \r; empty lines left out), plain or gzip.
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileLines, jsonLines } from '../../src/io/jsonl.js';
import { tempDir } from '../cli/helpers.js';

const all = async (lines: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
};

describe('fileLines', () => {
  it('splits where readline does (\\n, \\r\\n, a lone \\r), leaves out empty lines, and decodes UTF-8 across reads', async () => {
    const dir = tempDir('jsonl-lines');
    const long = 'é€😀'.repeat(300_000); // over the 1 MiB a read takes, multi-byte characters across the cut
    const cases: Record<string, string> = {
      empty: '',
      plain: '{"a":1}\n{"b":2}\n',
      crlf: '{"a":1}\r\n{"b":2}\r\n\r\n',
      cr: 'a\rb\r\rc',
      mixed: '\n\na\r\n\rb\n\r\nc',
      noEnd: '{"a":1}\n{"b":"x"}',
      long: `${long}\n"x"\n${long}\r\n${long}`,
      many: Array.from({ length: 5000 }, (_, i) => `{"i":${i},"t":"${'ü'.repeat(i % 400)}"}`).join('\n'),
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = join(dir, `${name}.jsonl`);
      writeFileSync(file, text);
      const byReadline = await all(createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity }));
      expect(await all(fileLines(file)), name).toEqual(byReadline.filter(Boolean));
      writeFileSync(`${file}.gz`, gzipSync(text));
      expect(await all(jsonLines(`${file}.gz`, true)), `${name}.gz`).toEqual(byReadline.filter(Boolean));
    }
  });

  it('closes the file when the reader stops early', async () => {
    const dir = tempDir('jsonl-lines-stop');
    const file = join(dir, 'a.jsonl');
    writeFileSync(file, '1\n2\n3\n');
    const it = fileLines(file);
    expect((await it.next()).value).toBe('1');
    await it.return(undefined);
    expect((await it.next()).done).toBe(true);
  });
});

