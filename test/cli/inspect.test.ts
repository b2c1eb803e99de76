import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, TraceRecord } from '../../src/core/records.js';
import { cli, copySamples, PNG_BYTES, readLines, tempDir } from './helpers.js';

describe('newsclean inspect', () => {
  let out: string;
  beforeAll(() => {
    const base = tempDir('inspect');
    const input = join(base, 'in');
    copySamples(input);
    writeFileSync(join(input, 'empty-1.txt'), '');
    writeFileSync(join(input, 'empty-2.txt'), '  \n');
    writeFileSync(join(input, 'image.html'), PNG_BYTES);
    out = join(base, 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
  });

  it('lists rejections grouped by code, most frequent first, with counts and paths', () => {
    const r = cli(['inspect', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/8 read, 5 accepted, 3 rejected, 0 failed/);
    const empty = lines.findIndex((l) => /^ {2}empty_input {2}2$/.test(l));
    const binary = lines.findIndex((l) => /^ {2}binary_input {2}1$/.test(l));
    expect(empty).toBeGreaterThan(0);
    expect(binary).toBeGreaterThan(empty);
    expect(lines[empty + 1]).toMatch(/^ {4}empty-1\.txt {2}— \S/);
    expect(lines[empty + 2]).toMatch(/^ {4}empty-2\.txt/);
    expect(lines[binary + 1]).toMatch(/^ {4}image\.html/);
  });

  it('shows one document block by block, with the stage and rule that removed each removed block', () => {
    // Found by a unique end of its path.
    const r = cli(['inspect', out, '7b4e951b40827333.txt']);
    expect(r.code).toBe(0);
    const trace = readLines<TraceRecord>(join(out, 'trace.jsonl')).find((t) => t.path === '004_7b4e951b40827333.txt')!;
    expect(r.stdout.split('\n')[0]).toBe(`004_7b4e951b40827333.txt  id ${trace.id}  accepted`);
    const removed = trace.blocks.filter((b) => b.removed);
    expect(removed.length).toBeGreaterThan(0);
    for (const b of removed) expect(r.stdout).toContain(`[removed by ${b.removed!.stage}/${b.removed!.code}] ${b.kind}`);
    expect(r.stdout.match(/^#\d+ \[kept\]/gm)).toHaveLength(trace.blocks.length - removed.length);
    // The error-page header that sits on top of this article is shown as removed.
    expect(r.stdout).toMatch(/\[removed by [\w-]+\/\w+\] \w+\n {4}403\n/);
    // An accepted document shows its metadata as written to articles.jsonl.
    const article = readLines<ArticleRecord>(join(out, 'articles.jsonl')).find((a) => a.id === trace.id)!;
    expect(r.stdout).toContain(`\n  words     ${article.wordCount}\n`);
    if (article.title) expect(r.stdout).toContain(`\n  title     ${article.title}`);
    // By id as well.
    expect(cli(['inspect', out, trace.id]).stdout).toBe(r.stdout);
  });

  it('shows why a rejected document was rejected', () => {
    const r = cli(['inspect', out, 'image.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rejected by decode\/binary_input: \S/m);
  });

  it('fails with one line and exit 2 for an unknown or ambiguous document, and a missing folder', () => {
    for (const args of [
      ['inspect', out, 'no-such-doc.txt'],
      ['inspect', out, '.txt'],
      ['inspect', join(out, 'missing')],
      ['inspect', join(out, '..')],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^newsclean: .+\n$/);
    }
    expect(cli(['inspect', out, '.txt']).stderr).toMatch(/matches \d+ documents/);
  });
});
