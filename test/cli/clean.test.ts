// `newsclean clean`: one document, from a file or stdin, through the same readers and code path as `run`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cli, pipelineWithLimits, ROOT, SAMPLES, tempDir } from './helpers.js';

const sampleFiles = (): string[] =>
  readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(txt|html?)$/.test(f))
    .sort()
    .map((f) => join(SAMPLES, f));

const clean = (args: string[], stdin?: string | Buffer) => {
  const r = spawnSync(process.execPath, [CLI, 'clean', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('newsclean clean', () => {
  it.each(sampleFiles().map((f) => [f.slice(SAMPLES.length + 1), f]))('gives, for %s, the record `run` writes for it, byte for byte', (_, file) => {
    const out = tempDir('clean-vs-run');
    expect([0, 1].includes(cli(['run', file, '--out', out]).code!)).toBe(true);
    const written = readFileSync(join(out, 'articles.jsonl'), 'utf8') + readFileSync(join(out, 'rejected.jsonl'), 'utf8');
    const r = clean([file]);
    expect(r.stdout).toBe(written);
    const accepted = readFileSync(join(out, 'articles.jsonl'), 'utf8') !== '';
    expect(r.code).toBe(accepted ? 0 : 5);
  });

  it('reads stdin with -, takes --url and --fetched-at, and prints the body alone with --text', () => {
    const page = readFileSync(join(SAMPLES, 'html', 'riverside-council-budget.html'));
    const r = clean(['-', '--url', 'https://www.riverside.example/news/budget', '--fetched-at', '2025-03-06T10:00:00Z'], page);
    expect(r.code, r.stderr).toBe(0);
    const article = JSON.parse(r.stdout) as { source: { path: string; url: string; fetchedAt: string; format: string }; body: string; title: string };
    expect(article.source).toMatchObject({ path: 'stdin', url: 'https://www.riverside.example/news/budget', fetchedAt: '2025-03-06T10:00:00.000Z', format: 'html' });
    expect(article.title).toBeTruthy();
    const text = clean(['-', '--text'], page);
    expect(text.stdout).toBe(`${article.body}\n`);
    // Read as text when told so: the markup is then words of the body.
    expect(JSON.parse(clean(['-', '--format', 'text'], page).stdout).source.format).toBe('text');
  });

  it('prints a rejected document as its rejected record, a one-line reason on stderr, exit 5', () => {
    const r = clean([join(SAMPLES, 'html', 'page-not-found.html')]);
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'rejected', stage: 'strip-boilerplate', code: 'error_page' });
    expect(r.stderr).toMatch(/^newsclean: page-not-found\.html rejected by strip-boilerplate\/error_page: .+\n$/);
    const text = clean([join(SAMPLES, 'html', 'page-not-found.html'), '--text']);
    expect(text).toMatchObject({ code: 5, stdout: '' });
  });

  it('a document it cannot read is failed (exit 1), one over the size limit rejected as in run', () => {
    const base = tempDir('clean-bad');
    mkdirSync(join(base, 'folder.html'));
    const failed = clean([join(base, 'folder.html')]);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ status: 'failed', code: 'read_error' });
    const small = pipelineWithLimits(join(base, 'small.json'), { maxInputBytes: 100 });
    const big = clean(['-', '--pipeline', small], 'x'.repeat(500));
    expect(big.code).toBe(5);
    expect(JSON.parse(big.stdout)).toMatchObject({ code: 'input_too_large', source: { path: 'stdin', bytes: 500 } });
  });

  it('refuses a missing file, two files, and bad options, in one line with exit 2', () => {
    for (const args of [['missing.html'], [join(SAMPLES, 'html', 'page-not-found.html'), 'x'], ['-', '--format', 'pdf'], ['-', '--url', 'not a url'], ['-', '--fetched-at', 'yesterday']]) {
      const r = clean(args, '');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^newsclean: \S.*\n$/);
    }
  });
});

describe('cleanDocument (the library)', () => {
  it('gives the record clean prints for the same bytes and options', async () => {
    const { cleanDocument } = await import('../../src/index.js');
    const file = join(SAMPLES, '000_056ef794f2a8b55d.txt');
    const outcome = cleanDocument(readFileSync(file, 'utf8'), { path: 'stdin', fetchedAt: '2025-01-01T00:00:00.000Z' });
    expect(outcome.status).toBe('accepted');
    const printed = clean(['-', '--fetched-at', '2025-01-01T00:00:00Z'], readFileSync(file));
    expect(outcome.status === 'accepted' && JSON.stringify(outcome.article)).toBe(printed.stdout.trim());
    const rejected = cleanDocument('<html><body><h1>404</h1><p>Sorry, the page you were looking for does not exist.</p></body></html>');
    expect(rejected).toMatchObject({ status: 'rejected', rejected: { code: 'error_page' } });
  });
});
