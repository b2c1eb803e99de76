// File names as old crawlers write them (bytes that are not UTF-8), and messages that never name where the
// corpus lives: through the command line, as a user runs it.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectedRecord, TraceRecord } from '../../src/core/records.js';
import { cli, copySamples, readLines, tempDir } from './helpers.js';

/** A path whose last name is given byte by byte (each char of `latin1` one byte), as a Linux crawler writes it. */
const rawPath = (dir: string, latin1: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(latin1, 'latin1')]);

describe('file names that are not valid UTF-8', () => {
  const base = tempDir('names');
  const samples = join(base, 'samples');
  const [first, second] = copySamples(samples).slice(0, 2) as [string, string];
  const input = join(base, 'in');
  mkdirSync(input);
  // Two names that differ only in a Latin-1 byte (é, è).
  writeFileSync(rawPath(input, 'caf\xe9.txt'), readFileSync(join(samples, first)));
  writeFileSync(rawPath(input, 'caf\xe8.txt'), readFileSync(join(samples, second)));
  writeFileSync(rawPath(input, 'caf\xe9.txt.json'), JSON.stringify({ url: 'https://example.com/cafe' }));
  const out = join(base, 'out');
  const run = cli(['run', input, '--out', out]);
  const articles = readLines<ArticleRecord>(join(out, 'articles.jsonl'));
  const byPath = new Map(articles.map((a) => [a.source.path, a]));

  it('accepts both, with distinct ids, each shown with its invalid byte escaped', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readLines<RejectedRecord>(join(out, 'rejected.jsonl'))).toEqual([]);
    const cafe = byPath.get('caf\\xE9.txt');
    const cafe2 = byPath.get('caf\\xE8.txt');
    expect(cafe).toBeDefined();
    expect(cafe2).toBeDefined();
    expect(cafe!.id).not.toBe(cafe2!.id);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });

  it('reads each from its own bytes, and pairs its sidecar', () => {
    const text = (name: string) => readFileSync(join(samples, name), 'utf8');
    const opening = (path: string) => byPath.get(path)!.body.split('\n')[0]!.slice(0, 60);
    expect(text(first)).toContain(opening('caf\\xE9.txt'));
    expect(text(second)).toContain(opening('caf\\xE8.txt'));
    expect(text(second)).not.toContain(opening('caf\\xE9.txt'));
    expect(byPath.get('caf\\xE9.txt')!.source.url).toBe('https://example.com/cafe');
    expect(byPath.get('caf\\xE8.txt')!.source.url).toBeNull();
  });

  it('keeps the run order: the full shown path, code unit by code unit', () => {
    const paths = readLines<TraceRecord>(join(out, 'trace.jsonl')).map((t) => t.path);
    expect(paths).toEqual(['caf\\xE8.txt', 'caf\\xE9.txt']);
    expect([...paths].sort()).toEqual(paths);
  });

  it('gives the same ids on a second run', () => {
    const again = join(base, 'again');
    expect(cli(['run', input, '--out', again]).code).toBe(0);
    expect(readFileSync(join(again, 'articles.jsonl'), 'utf8')).toBe(readFileSync(join(out, 'articles.jsonl'), 'utf8'));
  });
});

describe('read_error messages', () => {
  it('name relative paths only, for a document, a .gz, a WARC file, an export and a sidecar', () => {
    const base = tempDir('relative');
    const input = join(base, 'corpus');
    const [first] = copySamples(input) as [string];
    // Links to themselves: opening any of them fails with ELOOP, whose message names the absolute path.
    for (const name of ['loop.html', 'loop.html.gz', 'crawl.warc', 'feed.jsonl', 'export.json']) symlinkSync(name, join(input, name));
    symlinkSync(`${first}.json`, join(input, `${first}.json`));
    const out = join(base, 'out');
    const run = cli(['run', input, '--out', out]);
    expect(run.code).toBe(1);
    const rejected = readLines<RejectedRecord>(join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.source.path, r.code])).toEqual([
      ['crawl.warc#1', 'read_error'],
      ['export.json#1', 'read_error'],
      ['feed.jsonl#1', 'read_error'],
      ['loop.html', 'read_error'],
      ['loop.html.gz', 'read_error'],
    ]);
    for (const r of rejected) expect(r.message).toMatch(/^cannot read: too many symbolic links encountered \(ELOOP\)/);
    const sidecar = readLines<TraceRecord>(join(out, 'trace.jsonl')).find((t) => t.path === first)!;
    expect(sidecar.messages).toContainEqual(expect.objectContaining({
      code: 'sidecar_invalid',
      detail: `sidecar ${first}.json is not readable JSON: too many symbolic links encountered (ELOOP)`,
    }));
    for (const file of ['articles.jsonl', 'rejected.jsonl', 'trace.jsonl']) expect(readFileSync(join(out, file), 'utf8')).not.toContain(base);
  });
});
