// `newsclean run` over what scrapers write: WARC files, exports, .gz pages and sidecars, end to end.
import { cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readLines, ROOT, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/containers');

interface Rec {
  id: string;
  source: { path: string; url: string | null; httpStatus: number | null; fetchedAt: string | null; encoding: string | null };
  code?: string;
  title?: string | null;
  publishedAt?: string | null;
}

const runOn = (name: string, extra: string[] = []) => {
  const base = tempDir(name);
  const input = join(base, 'in');
  cpSync(FIXTURES, input, { recursive: true, preserveTimestamps: true });
  const out = join(base, 'out');
  const r = cli(['run', input, '--out', out, ...extra]);
  return { r, out };
};

describe('newsclean run on WARC files, exports, .gz pages and sidecars', () => {
  const { r, out } = runOn('containers');
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const articles = readLines<Rec>(join(out, 'articles.jsonl'));
  const rejected = readLines<Rec>(join(out, 'rejected.jsonl'));

  it('accounts for every record like a file: read = accepted + rejected + failed = the lines written', () => {
    expect(r.code).toBe(0);
    expect(report.read).toBe(report.accepted + report.rejected + report.failed);
    expect(articles.length + rejected.length).toBe(report.read);
    expect(readLines(join(out, 'trace.jsonl'))).toHaveLength(report.read);
    expect(report.ignoredRecords).toMatchObject({ 'warc request': 14, 'warc response image/png': 3, 'warc warcinfo': 3 });
  });

  it('names each record inside its container, with unique ids', () => {
    const paths = [...articles, ...rejected].map((a) => a.source.path);
    expect(paths).toEqual(expect.arrayContaining(['crawl.warc.gz#3', 'crawl.warc.gz#8', 'export.jsonl#2', 'export.json#1', 'story.html', 'fete.html.gz']));
    const ids = [...articles, ...rejected].map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a page whose charset only its HTTP header gives is decoded by it, in a WARC and with a sidecar', () => {
    // The same page comes three times (crawl.warc, crawl.warc.gz, story.html): the first is the article, the others
    // are rejected as duplicate_document, each decoded the same way.
    const first = articles.find((x) => x.source.path === 'crawl.warc#8')!;
    expect(first.title).toBe('Городской совет утвердил бюджет на 2025 год');
    for (const path of ['crawl.warc.gz#8', 'story.html']) {
      const r = rejected.find((x) => x.source.path === path)! as Rec & { text: string; message: string };
      expect(r.code).toBe('duplicate_document');
      expect(r.message).toContain(first.id);
      expect(r.text).toContain('Депутаты городского совета');
    }
    for (const path of ['crawl.warc#8', 'crawl.warc.gz#8', 'story.html']) {
      const x = [...articles, ...rejected].find((y) => y.source.path === path)!;
      expect(x.source).toMatchObject({ url: 'https://gazeta.example/2024/03/byudzhet', httpStatus: 200, fetchedAt: '2024-03-12T10:00:03.000Z', encoding: 'windows-1251' });
    }
  });

  it('an HTTP error status rejects the record as http_error; cut-off and malformed records have their own codes', () => {
    const codes = Object.fromEntries(rejected.map((x) => [x.source.path, x.code]));
    expect(codes).toMatchObject({
      'crawl.warc.gz#10': 'http_error',
      'export.jsonl#6': 'http_error',
      'truncated.warc.gz#10': 'truncated_input',
      'cut-export.jsonl#2': 'truncated_input',
      'export.jsonl#4': 'malformed_record',
    });
  });

  it('gives byte-identical outputs whatever the concurrency', () => {
    const one = runOn('containers-c1', ['--concurrency', '1']);
    const two = runOn('containers-c2', ['--concurrency', '2']);
    for (const f of ['articles.jsonl', 'rejected.jsonl', 'trace.jsonl']) {
      expect(readFileSync(join(one.out, f), 'utf8'), f).toBe(readFileSync(join(two.out, f), 'utf8'));
    }
  });

  it('the fetch time, not the clock, bounds a plausible publication date: the same input gives the same record any day', () => {
    const base = tempDir('fetched-at');
    const input = join(base, 'in');
    mkdirSync(input);
    const body = 'The council approved the budget on Tuesday after a long debate about roads, schools and the new bridge. '.repeat(4);
    const page = `<html><head><meta property="article:published_time" content="2025-06-01T08:00:00Z"></head><body><article><h1>Budget approved</h1><p>${body}</p></article></body></html>`;
    // Each copy says something of its own: the same body twice would be a duplicate_document.
    const record = (fetched: string) => JSON.stringify({ url: 'https://courier.example/a', html: page.replace('</p>', ` Saved ${fetched}.</p>`), fetched_at: fetched });
    writeFileSync(join(input, 'export.jsonl'), `${record('2024-03-12T10:00:00Z')}\n${record('2026-01-01T00:00:00Z')}\n`);
    // A page with neither: its file's modification time is the bound.
    writeFileSync(join(input, 'old.html'), page.replace('</p>', ' Saved from the old site.</p>'));
    utimesSync(join(input, 'old.html'), new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    const out = join(base, 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
    const dates = Object.fromEntries(readLines<Rec>(join(out, 'articles.jsonl')).map((a) => [a.source.path, [a.source.fetchedAt, a.publishedAt]]));
    expect(dates).toEqual({
      'export.jsonl#1': ['2024-03-12T10:00:00.000Z', null],
      'export.jsonl#2': ['2026-01-01T00:00:00.000Z', '2025-06-01T08:00:00Z'],
      'old.html': ['2024-01-01T00:00:00.000Z', null],
    });
  });
});
