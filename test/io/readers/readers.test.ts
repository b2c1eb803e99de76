import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_READER_OPTIONS, readFile, type ReadItem } from '../../../src/io/readers/index.js';
import { inputKindOf, type InputFile } from '../../../src/io/walk.js';

const fixtures = join(import.meta.dirname, '../../fixtures/containers');
const tmp = mkdtempSync(join(tmpdir(), 'newsclean-readers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const input = (file: string, sidecar: string | null = null): InputFile => {
  const name = file.split('/').pop()!;
  return { file, path: name, ...inputKindOf(name)!, sidecar };
};

const read = async (file: string, opts: { max?: number; sidecar?: string } = {}) => {
  const ignored: string[] = [];
  const items: ReadItem[] = [];
  const options = { maxInputBytes: opts.max ?? 20_000_000, readers: DEFAULT_READER_OPTIONS, onIgnoredRecord: (k: string) => void ignored.push(k) };
  for await (const item of readFile(input(file, opts.sidecar ?? null), options)) items.push(item);
  return { items, ignored };
};

const summary = (item: ReadItem) => {
  const i = item.input;
  return item.ok
    ? { path: i.path, format: i.format, url: i.url, status: i.httpStatus, fetchedAt: i.fetchedAt, type: i.contentType }
    : { path: i.path, code: item.code };
};

describe('WARC reader', () => {
  const expected = [
    { path: 'X#3', format: 'html', url: 'https://courier.example/news/budget', status: 200, fetchedAt: '2024-03-12T10:00:01.000Z', type: 'text/html; charset=utf-8' },
    { path: 'X#8', format: 'html', url: 'https://gazeta.example/2024/03/byudzhet', status: 200, fetchedAt: '2024-03-12T10:00:03.000Z', type: 'text/html; charset=windows-1251' },
    { path: 'X#10', format: 'html', url: 'https://courier.example/news/gone', status: 404, fetchedAt: '2024-03-12T10:00:04.000Z', type: 'text/html; charset=utf-8' },
    { path: 'X#12', format: 'html', url: 'https://echo.example/fete', status: 200, fetchedAt: '2024-03-12T10:00:05.000Z', type: 'text/html' },
  ];

  for (const name of ['crawl.warc', 'crawl.warc.gz']) {
    it(`${name}: one document per HTML response, named by its record number, with URL, date, status and type`, async () => {
      const { items, ignored } = await read(join(fixtures, name));
      expect(items.map(summary)).toEqual(expected.map((e) => ({ ...e, path: e.path.replace('X', name) })));
      // Everything else is counted, not read: warcinfo, requests, the image, metadata and the revisit.
      expect(ignored.sort()).toEqual([
        'warc metadata', 'warc request', 'warc request', 'warc request', 'warc request', 'warc request',
        'warc response image/png', 'warc revisit', 'warc warcinfo',
      ]);
    });
  }

  it('gives the payload as served, with chunked or gzip Content-Encoding undone', async () => {
    const { items } = await read(join(fixtures, 'crawl.warc.gz'));
    const fete = items.find((i) => i.input.url === 'https://echo.example/fete')!;
    expect(fete.ok && Buffer.from(fete.input.bytes).toString('latin1')).toContain('<h1>La f\xeate du village');
    const ru = items.find((i) => i.input.url?.includes('gazeta'))!;
    // windows-1251 bytes, untouched: decode reads the charset from contentType.
    expect(ru.ok && Buffer.from(ru.input.bytes).includes(Buffer.from([0xc3, 0xee, 0xf0, 0xee, 0xe4]))).toBe(true);
  });

  it('a .warc.gz cut off in a record: the records before it, then one truncated_input', async () => {
    const { items } = await read(join(fixtures, 'truncated.warc.gz'));
    expect(items.map(summary).map((s) => `${s.path} ${'code' in s ? s.code : 'ok'}`)).toEqual([
      'truncated.warc.gz#3 ok', 'truncated.warc.gz#8 ok', 'truncated.warc.gz#10 truncated_input',
    ]);
    expect(!items[2]!.ok && items[2]!.detail).toMatch(/ends early.*after 9 record/);
  });

  it('a plain .warc cut inside a record or its header: truncated_input, never a half document', async () => {
    const whole = (await import('node:fs')).readFileSync(join(fixtures, 'crawl.warc'));
    for (const cut of [4000, 4300, whole.length - 400]) {
      const file = join(tmp, `cut-${cut}.warc`);
      writeFileSync(file, whole.subarray(0, cut));
      const { items } = await read(file);
      const last = items.at(-1)!;
      expect(last.ok, `cut at ${cut}`).toBe(false);
      expect(!last.ok && last.code).toBe('truncated_input');
      expect(items.slice(0, -1).every((i) => i.ok)).toBe(true);
    }
  });

  it('a record larger than the limit is input_too_large, and the records after it are still read', async () => {
    const { items } = await read(join(fixtures, 'crawl.warc.gz'), { max: 2000 });
    expect(items.map((i) => (i.ok ? 'ok' : i.code))).toEqual(['input_too_large', 'ok', 'ok', 'ok']);
  });
});

describe('gzip-compressed documents', () => {
  it('a .html.gz is read inflated', async () => {
    const { items } = await read(join(fixtures, 'fete.html.gz'));
    expect(items).toHaveLength(1);
    expect(items[0]!.ok && Buffer.from(items[0]!.input.bytes).toString('latin1')).toMatch(/^<!DOCTYPE html>/);
  });

  it('a gzip bomb stops at the limit as input_too_large, without inflating it all', async () => {
    const file = join(tmp, 'bomb.html.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(200_000_000), { level: 9 }));
    const before = process.memoryUsage().rss;
    const { items } = await read(file, { max: 1_000_000 });
    expect(items.map(summary)).toEqual([{ path: 'bomb.html.gz', code: 'input_too_large' }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(100_000_000);
  });

  it('a cut-off .gz is truncated_input, corrupt gzip data undecodable', async () => {
    const gz = gzipSync(Buffer.from('<p>hello world</p>'.repeat(500)));
    writeFileSync(join(tmp, 'cut.html.gz'), gz.subarray(0, gz.length - 20));
    const corrupt = Buffer.from(gz);
    corrupt[20] ^= 0xff;
    corrupt[21] ^= 0xff;
    writeFileSync(join(tmp, 'corrupt.txt.gz'), corrupt);
    expect((await read(join(tmp, 'cut.html.gz'))).items.map(summary)).toEqual([{ path: 'cut.html.gz', code: 'truncated_input' }]);
    expect((await read(join(tmp, 'corrupt.txt.gz'))).items.map(summary)).toEqual([{ path: 'corrupt.txt.gz', code: 'undecodable' }]);
  });
});

describe('scraper exports', () => {
  it('JSON Lines: one document per line named by its line number; bad lines are rejected with a reason', async () => {
    const { items } = await read(join(fixtures, 'export.jsonl'));
    expect(items.map((i) => `${i.input.path} ${i.ok ? i.input.format : i.code}`)).toEqual([
      'export.jsonl#1 html', 'export.jsonl#2 text', 'export.jsonl#4 malformed_record', 'export.jsonl#5 malformed_record',
      'export.jsonl#6 html', 'export.jsonl#7 malformed_record',
    ]);
    const [first, second] = items;
    expect(first!.input).toMatchObject({ url: 'https://courier.example/news/budget', givenTitle: 'Council approves budget', fetchedAt: '2024-03-12T10:00:01.000Z', httpStatus: 200 });
    expect(second!.input).toMatchObject({ fetchedAt: new Date('2024-03-12 10:05:00').toISOString() });
    expect(items[4]!.input.httpStatus).toBe(500);
  });

  it('the same export gzip-compressed reads the same', async () => {
    const plain = (await read(join(fixtures, 'export.jsonl'))).items.map((i) => ({ ...summary(i), path: i.input.path.replace('.gz', '') }));
    const gz = (await read(join(fixtures, 'export.jsonl.gz'))).items.map((i) => ({ ...summary(i), path: i.input.path.replace('.gz', '') }));
    expect(gz.map(({ fetchedAt, ...rest }) => rest)).toEqual(plain.map(({ fetchedAt, ...rest }) => rest));
  });

  it('a last line cut in the middle is truncated_input', async () => {
    const { items } = await read(join(fixtures, 'cut-export.jsonl'));
    expect(items.map((i) => (i.ok ? 'ok' : i.code))).toEqual(['ok', 'truncated_input']);
  });

  it('a JSON export holding its records in an array field', async () => {
    const { items } = await read(join(fixtures, 'export.json'));
    expect(items.map((i) => `${i.input.path} ${i.ok ? i.input.format : i.code}`)).toEqual(['export.json#1 html', 'export.json#2 text']);
  });

  it('the field mapping comes from the pipeline: other names for the same things', async () => {
    const file = join(tmp, 'custom.jsonl');
    writeFileSync(file, `${JSON.stringify({ page: { link: 'https://x.example/a', markup: '<p>Hi</p>' }, crawl: { when: 1710237601 } })}\n`);
    const readers = { fields: { ...DEFAULT_READER_OPTIONS.fields, url: ['page.link'], html: ['page.markup'], fetchedAt: ['crawl.when'] } };
    const items: ReadItem[] = [];
    for await (const i of readFile(input(file), { maxInputBytes: 1000, readers })) items.push(i);
    expect(items.map(summary)).toEqual([
      { path: 'custom.jsonl#1', format: 'html', url: 'https://x.example/a', status: undefined, fetchedAt: '2024-03-12T10:00:01.000Z', type: undefined },
    ]);
  });
});

describe('sidecars', () => {
  it('url, fetch time, status and Content-Type come from the sidecar beside the file', async () => {
    const { items } = await read(join(fixtures, 'story.html'), { sidecar: join(fixtures, 'story.html.json') });
    expect(items.map(summary)).toEqual([
      { path: 'story.html', format: 'html', url: 'https://gazeta.example/2024/03/byudzhet', status: 200, fetchedAt: '2024-03-12T10:00:03.000Z', type: 'text/html; charset=windows-1251' },
    ]);
  });

  it('a sidecar that is not JSON is a warning; the document is read, with its file time as the fetch time', async () => {
    writeFileSync(join(tmp, 'p.html'), '<p>text</p>');
    writeFileSync(join(tmp, 'p.html.json'), '{"url": ');
    const { items } = await read(join(tmp, 'p.html'), { sidecar: join(tmp, 'p.html.json') });
    expect(items[0]!.ok).toBe(true);
    expect(items[0]!.input.warnings).toEqual([{ code: 'sidecar_invalid', detail: expect.stringMatching(/^sidecar p\.html\.json is not readable JSON/) }]);
    expect(items[0]!.input.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('without one, the fetch time is the file time, whether the file is read, too large, not a file or gzip', async () => {
    const when = new Date('2023-11-02T08:30:00.000Z');
    const dated = (name: string, bytes: string | Buffer) => {
      writeFileSync(join(tmp, name), bytes);
      utimesSync(join(tmp, name), when, when);
      return join(tmp, name);
    };
    const fetched = async (file: string, max?: number) => (await read(file, { max })).items.map((i) => [i.ok || i.code, i.input.fetchedAt]);
    expect(await fetched(dated('t.html', '<p>text</p>'))).toEqual([[true, when.toISOString()]]);
    expect(await fetched(dated('big.html', '<p>text</p>'), 5)).toEqual([['input_too_large', when.toISOString()]]);
    expect(await fetched(dated('t.html.gz', gzipSync('<p>text</p>')))).toEqual([[true, when.toISOString()]]);
    mkdirSync(join(tmp, 'dir.html'));
    utimesSync(join(tmp, 'dir.html'), when, when);
    expect(await fetched(join(tmp, 'dir.html'))).toEqual([['read_error', when.toISOString()]]);
    mkdirSync(join(tmp, 'dir.html.gz'));
    utimesSync(join(tmp, 'dir.html.gz'), when, when);
    expect(await fetched(join(tmp, 'dir.html.gz'))).toEqual([['read_error', when.toISOString()]]);
    expect(await fetched(join(tmp, 'gone.html'))).toEqual([['read_error', null]]);
    expect(await fetched(join(tmp, 'gone.html.gz'))).toEqual([['read_error', null]]);
  });
});
