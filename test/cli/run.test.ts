import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../../src/core/codes.js';
import type { ArticleRecord, RejectedRecord, Report, TraceRecord } from '../../src/core/records.js';
import { CLI, cli, copySamples, pipelineWithLimits, PNG_BYTES, readLines, SAMPLES, tempDir } from './helpers.js';

const isRoot = process.getuid?.() === 0;

/**
 * The messy folder of the issue: real articles beside an empty file, a PNG saved under a document name, an
 * article with invalid UTF-8 bytes inside, files that cannot be read, and a page that is only an error page.
 */
const messyFolder = (): { dir: string; expectedFailed: number } => {
  const dir = join(tempDir('messy'), 'in');
  copySamples(dir);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'banner.html'), PNG_BYTES);
  const article = readFileSync(join(SAMPLES, '000_056ef794f2a8b55d.txt'));
  const cut = article.indexOf(' ', Math.floor(article.length / 2));
  // A paragraph of its own, so that it is not the same article as the sample it was made from (duplicate_document).
  const own = Buffer.from('\n\nThis copy was saved by another crawler, which added this paragraph about the weather on the day.\n');
  writeFileSync(join(dir, 'broken-bytes.txt'), Buffer.concat([article.subarray(0, cut), Buffer.from([0xff, 0xfe, 0xc3]), article.subarray(cut), own]));
  mkdirSync(join(dir, 'errors'));
  writeFileSync(join(dir, 'errors', '404.txt'), '404\nPage not found\nSorry, the page you requested does not exist.');
  // Unreadable for everybody, root included: a link to a file that vanished, and a folder disguised as a document.
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'vanished.txt'));
  symlinkSync(join(dir, 'errors'), join(dir, 'folder.txt'));
  let expectedFailed = 2;
  // A chmod-000 file is still readable by root, so that case only runs as an ordinary user.
  if (!isRoot) {
    writeFileSync(join(dir, 'locked.txt'), article);
    chmodSync(join(dir, 'locked.txt'), 0o000);
    expectedFailed++;
  }
  // Not a document kind the runner reads: not read, but counted by extension in the report; hidden files are not.
  writeFileSync(join(dir, 'photo.png'), PNG_BYTES);
  writeFileSync(join(dir, 'errors', 'notes.md'), '# notes');
  // A JSON file beside no document is read as a scraper export: this one holds no page, a reason of its own.
  writeFileSync(join(dir, 'errors', 'notes.JSON'), '{}');
  writeFileSync(join(dir, '.hidden.txt'), article);
  return { dir, expectedFailed };
};

describe('newsclean run on a folder with broken inputs', () => {
  let out: string;
  let run: ReturnType<typeof cli>;
  let expectedFailed: number;
  beforeAll(() => {
    const messy = messyFolder();
    expectedFailed = messy.expectedFailed;
    out = join(tempDir('messy-out'), 'out');
    run = cli(['run', messy.dir, '--out', out, '--concurrency', '2']);
  });

  it('finishes, exiting 1 because some files could not be read', () => {
    expect(run.stderr).toBe(''); // no progress line: stderr is not a terminal
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/accepted/);
    expect(run.stdout).toContain('read_error');
  });

  it('accounts for every document file in report.json, with a code for each one not accepted', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.read).toBe(report.accepted + report.rejected + report.failed);
    // 5 samples, empty.txt, banner.html, broken-bytes.txt, errors/404.txt, errors/notes.JSON's one record and the
    // unreadable ones.
    expect(report.read).toBe(10 + expectedFailed);
    expect(report.rejectedByCode).toEqual({ binary_input: 1, empty_input: 1, error_page: 1, malformed_record: 1 });
    expect(report.failedByCode).toEqual({ read_error: expectedFailed });
    expect(report.accepted).toBe(6);
    expect(report.warningsByCode.invalid_utf8).toBe(1);
    expect(report.ignoredByExtension).toEqual({ '.md': 1, '.png': 1 });
    expect(run.stdout).toContain('not documents, not read: .md 1, .png 1');
  });

  it('writes one rejected record per rejected or failed file, with its stage, code and a message', () => {
    const rejected = readLines<RejectedRecord>(join(out, 'rejected.jsonl'));
    const byPath = Object.fromEntries(rejected.map((r) => [r.source.path, r]));
    expect(byPath['empty.txt']).toMatchObject({ status: 'rejected', code: 'empty_input', stage: 'decode' });
    expect(byPath['banner.html']).toMatchObject({ status: 'rejected', code: 'binary_input', stage: 'decode' });
    expect(byPath['errors/404.txt']).toMatchObject({ status: 'rejected', code: 'error_page' });
    expect(byPath['errors/notes.JSON#1']).toMatchObject({ status: 'rejected', code: 'malformed_record', stage: 'read' });
    expect(byPath['vanished.txt']).toMatchObject({ status: 'failed', code: 'read_error', stage: 'read' });
    expect(byPath['vanished.txt']!.message).toMatch(/ENOENT/);
    expect(byPath['folder.txt']).toMatchObject({ status: 'failed', code: 'read_error', stage: 'read' });
    expect(byPath['folder.txt']!.message).toMatch(/folder/);
    if (!isRoot) expect(byPath['locked.txt']).toMatchObject({ status: 'failed', code: 'read_error', message: expect.stringMatching(/permission denied/) });
    for (const r of rejected) {
      expect(r.message.length).toBeGreaterThan(5);
      expect(r.code in REJECTION_CODES || r.code === 'read_error').toBe(true);
    }
  });

  it('writes the good articles, the one with invalid bytes among them with a warning', () => {
    const articles = readLines<ArticleRecord>(join(out, 'articles.jsonl'));
    expect(articles.map((a) => a.source.path)).toEqual([
      '000_056ef794f2a8b55d.txt',
      '001_ad1ad33f1b01fb71.txt',
      '002_70c103ae15988b00.txt',
      '003_d85b2e313ce1bd84.txt',
      '004_7b4e951b40827333.txt',
      'broken-bytes.txt',
    ]);
    const broken = articles.find((a) => a.source.path === 'broken-bytes.txt')!;
    expect(broken.body).toContain('\uFFFD');
    expect(broken.messages.map((m) => m.code)).toContain('invalid_utf8');
    for (const a of articles) expect(a.wordCount).toBeGreaterThan(50);
  });

  it('traces every document in input order, and leaves no temporary files', () => {
    const trace = readLines<TraceRecord>(join(out, 'trace.jsonl'));
    const paths = trace.map((t) => t.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).not.toContain('.hidden.txt');
    expect(paths).not.toContain('photo.png');
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl', 'manifest.json', 'rejected.jsonl', 'report-data', 'report.html', 'report.json', 'run.log', 'trace.jsonl']);
  });

  it('logs one JSON line per document, between run start and end', () => {
    const log = readLines<{ msg: string; path?: string; status?: string; code?: string; ms?: number }>(join(out, 'run.log'));
    expect(log[0]!.msg).toBe('run started');
    expect(log.at(-1)!.msg).toBe('run finished');
    const docs = log.filter((l) => l.msg === 'document');
    expect(docs.length).toBe(readLines(join(out, 'trace.jsonl')).length);
    expect(docs.find((l) => l.path === 'vanished.txt')).toMatchObject({ status: 'failed', code: 'read_error' });
    for (const d of docs) expect(typeof d.ms).toBe('number');
  });
});

/**
 * ~150 documents: the seed texts and pages copied under other names into nested folders, plus broken files, so
 * that outcomes finish out of order across many in-order windows.
 */
const mixedCorpus = (dir: string): number => {
  const html = join(SAMPLES, 'html');
  const seeds = [
    ...readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => join(SAMPLES, f)),
    ...readdirSync(html).filter((f) => f.endsWith('.html')).map((f) => join(html, f)),
  ].sort();
  let n = 0;
  for (let i = 0; i < 18; i++) {
    seeds.forEach((seed, j) => {
      const sub = join(dir, `section-${i % 5}`, i % 2 ? `day-${i}` : '');
      mkdirSync(sub, { recursive: true });
      copyFileSync(seed, join(sub, `${(i * 31 + j * 7) % 97}-${j}${seed.slice(seed.lastIndexOf('.'))}`));
      n++;
    });
  }
  writeFileSync(join(dir, 'section-1', 'empty.txt'), '');
  writeFileSync(join(dir, 'section-2', 'image.html'), PNG_BYTES);
  writeFileSync(join(dir, 'section-3', 'cut.html'), readFileSync(join(html, 'riverside-council-budget.html')).subarray(0, 700));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'section-4', 'vanished.txt'));
  return n + 4;
};

describe('newsclean run: the same input gives the same bytes', () => {
  it('articles.jsonl, rejected.jsonl and trace.jsonl are byte-identical across concurrency levels on ~150 mixed files', () => {
    const base = tempDir('determinism');
    const input = join(base, 'in');
    const count = mixedCorpus(input);
    expect(count).toBeGreaterThan(140);
    const outs = ['1', '2', '4'].map((c) => {
      const out = join(base, `c${c}`);
      // 1: the broken link is a read_error.
      expect(cli(['run', input, '--out', out, '-c', c]).code).toBe(1);
      return out;
    });
    const report = JSON.parse(readFileSync(join(outs[0]!, 'report.json'), 'utf8')) as Report;
    expect(report.read).toBe(count);
    expect(report.rejected).toBeGreaterThan(3);
    for (const file of ['articles.jsonl', 'rejected.jsonl', 'trace.jsonl']) {
      const [first, ...rest] = outs.map((o) => readFileSync(join(o, file)));
      expect(first!.length).toBeGreaterThan(0);
      for (const other of rest) expect(other.equals(first!)).toBe(true);
    }
    const paths = readLines<TraceRecord>(join(outs[0]!, 'trace.jsonl')).map((t) => t.path);
    expect(paths).toHaveLength(count);
    expect(paths).toEqual([...paths].sort());
  });
});

describe('newsclean run: per-document limits from the pipeline file', () => {
  it('rejects a file over maxInputBytes as input_too_large without processing it', () => {
    const base = tempDir('limits');
    const input = join(base, 'in');
    copySamples(input);
    const sizes = readdirSync(input).map((f) => readFileSync(join(input, f)).length);
    const limit = Math.max(...sizes) - 1;
    const pipeline = pipelineWithLimits(join(base, 'small.json'), { maxInputBytes: limit });
    const r = cli(['run', input, '--out', join(base, 'out'), '--pipeline', pipeline]);
    expect(r.code).toBe(0);
    const rejected = readLines<RejectedRecord>(join(base, 'out', 'rejected.jsonl'));
    const big = readdirSync(input).filter((f) => readFileSync(join(input, f)).length > limit);
    expect(rejected.filter((x) => x.code === 'input_too_large').map((x) => x.source.path)).toEqual(big);
    expect(rejected[0]).toMatchObject({ stage: 'read', status: 'rejected', text: '' });
    expect(rejected[0]!.source.bytes).toBeGreaterThan(limit);
  });

  it('rejects a document that takes longer than timeoutMs as timeout, and processes the others', () => {
    const base = tempDir('timeout');
    const input = join(base, 'in');
    mkdirSync(input);
    const article = readFileSync(join(SAMPLES, '001_ad1ad33f1b01fb71.txt'), 'utf8');
    // ~4 MB of distinct paragraphs: seconds of work (2 s here), where a real article takes a few milliseconds.
    const paragraphs = Array.from({ length: 60_000 }, (_, i) => `Paragraph ${i} says something new about item ${i * 7}, in words of its own.`);
    writeFileSync(join(input, 'huge.txt'), paragraphs.join('\n\n'));
    writeFileSync(join(input, 'normal.txt'), article);
    const pipeline = pipelineWithLimits(join(base, 'fast.json'), { timeoutMs: 500 });
    const t0 = Date.now();
    const r = cli(['run', input, '--out', join(base, 'out'), '--pipeline', pipeline, '--concurrency', '1']);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(base, 'out', 'report.json'), 'utf8')) as Report;
    expect(report.rejectedByCode.timeout).toBe(1);
    const rejected = readLines<RejectedRecord>(join(base, 'out', 'rejected.jsonl'));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ source: { path: 'huge.txt' }, stage: 'runner', code: 'timeout' });
    expect(rejected[0]!.message).toContain('500 ms');
    // The worker that was stopped was replaced: the article after the slow one is processed.
    expect(readLines<ArticleRecord>(join(base, 'out', 'articles.jsonl')).map((a) => a.source.path)).toEqual(['normal.txt']);
  });
});

const oneLineError = (r: ReturnType<typeof cli>) => {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^newsclean: \S.*\n$/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
};

/** Every file in `dir` and its bytes (folders as null). */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((e) => [e.name, e.isFile() ? readFileSync(join(dir, e.name)) : null]),
  );

describe('newsclean run: usage and configuration errors', () => {
  it('input folders inside one another, which would process the same files twice', () => {
    const out = join(tempDir('overlap'), 'out');
    const r = cli(['run', SAMPLES, join(SAMPLES, 'html'), '--out', out]);
    oneLineError(r);
    expect(r.stderr).toMatch(/samples\/html is inside input .*samples: /);
    expect(existsSync(out)).toBe(false);
  });

  it('an input folder without a single document file: the previous outputs stay, exit 2', () => {
    const base = tempDir('empty-input');
    const out = join(base, 'out');
    expect(cli(['run', SAMPLES, '--out', out]).code).toBe(0);
    const before = snapshot(out);
    const empty = join(base, 'empty');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    writeFileSync(join(empty, 'notes.md'), '# not a document');
    writeFileSync(join(empty, '.hidden.txt'), 'hidden');
    for (const input of [empty, join(empty, 'sub')]) {
      const r = cli(['run', input, '--out', out]);
      oneLineError(r);
      expect(r.stderr).toBe(`newsclean: no input files (.txt, .html, .htm, .warc, .jsonl, .ndjson, .json, or .gz of them) under ${input}\n`);
      expect(snapshot(out)).toEqual(before);
    }
  });

  it('an output file that cannot be written: one line naming it, exit 2, the previous outputs untouched', () => {
    const base = tempDir('unwritable');
    const input = join(base, 'in');
    copySamples(input);
    const out = join(base, 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
    // A folder where articles.jsonl goes: renaming onto it fails (EISDIR) whoever runs the test.
    rmSync(join(out, 'articles.jsonl'));
    mkdirSync(join(out, 'articles.jsonl', 'x'), { recursive: true });
    const before = snapshot(out);
    writeFileSync(join(input, 'empty.txt'), '');
    const r = cli(['run', input, '--out', out]);
    oneLineError(r);
    expect(r.stderr).toMatch(/^newsclean: cannot write .*\/out\/articles\.jsonl: (EISDIR|ENOTEMPTY|EEXIST)\n$/);
    // Nothing replaced, no temporary file left; the aborted run's log is kept beside the good one. The run itself
    // was complete when publishing failed: it stays staged, and the same command publishes it once fixed.
    const { 'run.failed.log': failedLog, '.newsclean-run': staged, ...after } = snapshot(out);
    expect(after).toEqual(before);
    expect(staged).toBeNull();
    expect(failedLog!.toString()).toContain('run aborted');
    rmSync(join(out, 'articles.jsonl'), { recursive: true });
    expect(cli(['run', input, '--out', out]).code).toBe(0);
    expect(readdirSync(out)).not.toContain('.newsclean-run');
    expect(readLines(join(out, 'rejected.jsonl')).map((x) => (x as { source: { path: string } }).source.path)).toContain('empty.txt');
  });

  it('a missing input folder', () => {
    const out = join(tempDir('missing'), 'out');
    const r = cli(['run', '/nonexistent/news', '--out', out]);
    oneLineError(r);
    expect(r.stderr).toContain('/nonexistent/news');
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown option, a missing --out, a bad --concurrency, an unknown command', () => {
    for (const args of [
      ['run', SAMPLES, '--out', 'x', '--bogus'],
      ['run', SAMPLES],
      ['run', SAMPLES, '--out', 'x', '--concurrency', 'zero'],
      ['frobnicate'],
    ]) oneLineError(cli(args, tempDir('usage')));
    expect(cli(['run', SAMPLES, '--out', 'x', '--bogus']).stderr).toContain("'--bogus'");
  });

  it('a pipeline file that is not JSON, or names an unknown stage, leaving earlier outputs untouched', () => {
    const base = tempDir('pipeline');
    const out = join(base, 'out');
    expect(cli(['run', SAMPLES, '--out', out]).code).toBe(0);
    const before = readFileSync(join(out, 'articles.jsonl'));
    writeFileSync(join(base, 'bad.json'), '{ "name": "x", "stages": [ ');
    writeFileSync(join(base, 'unknown.json'), JSON.stringify({ name: 'x', stages: [{ stage: 'decode' }, { stage: 'no-such-stage' }] }));
    const bad = cli(['run', SAMPLES, '--out', out, '--pipeline', join(base, 'bad.json')]);
    oneLineError(bad);
    expect(bad.stderr).toMatch(/not valid JSON/);
    const unknown = cli(['run', SAMPLES, '--out', out, '--pipeline', join(base, 'unknown.json')]);
    oneLineError(unknown);
    expect(unknown.stderr).toMatch(/unknown stage "no-such-stage"/);
    oneLineError(cli(['run', SAMPLES, '--out', out, '--pipeline', join(base, 'absent.json')]));
    expect(readFileSync(join(out, 'articles.jsonl')).equals(before)).toBe(true);
  });
});

describe('newsclean --help and --version', () => {
  it('prints help listing the commands, and the package version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/run\s/);
    expect(help.stdout).toMatch(/inspect\s/);
    const runHelp = cli(['run', '--help']);
    expect(runHelp.code).toBe(0);
    expect(runHelp.stdout).toContain('--concurrency');
    const version = cli(['--version']);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});

describe('newsclean run: input folders that cannot be listed', () => {
  it('skips a subfolder it cannot list with a warning on stderr and in run.log, and processes the rest', () => {
    const base = tempDir('unlistable');
    const input = join(base, 'in');
    copySamples(input);
    // A folder nested past PATH_MAX: opendir fails with ENAMETOOLONG, as root too. Made and removed by the
    // shell, which walks relative to each folder.
    const seg = 'd'.repeat(200);
    const made = spawnSync('bash', ['-c', `cd "$1" && mkdir deep && cd deep && for i in $(seq 25); do mkdir ${seg} && cd ${seg}; done && echo lost > lost.txt`, '_', input]);
    expect(made.status).toBe(0);
    try {
      const out = join(base, 'out');
      const r = cli(['run', input, '--out', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^newsclean: warning: skipped input folder .*\/deep\/d+.*: cannot list it \(ENAMETOOLONG\)\n$/);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.read).toBe(5);
      const warnings = readLines<{ level: number; msg: string; code?: string }>(join(out, 'run.log')).filter((l) => l.level === 40);
      expect(warnings).toMatchObject([{ msg: 'input folder skipped: cannot list it', code: 'ENAMETOOLONG' }]);
    } finally {
      spawnSync('rm', ['-rf', join(input, 'deep')]);
    }
  });
});

describe('newsclean run: the pipeline file is read once', () => {
  it('a worker replaced after a timeout uses the pipeline the run started with, though the file changed since', async () => {
    const base = tempDir('pipeline-once');
    const input = join(base, 'in');
    mkdirSync(input);
    // Two documents past the time limit, each stopping its worker; then an ordinary article.
    const paragraphs = Array.from({ length: 100_000 }, (_, i) => `Paragraph ${i} says something new about item ${i * 7}, in words of its own.`);
    writeFileSync(join(input, 'a-huge-1.txt'), paragraphs.join('\n\n'));
    writeFileSync(join(input, 'a-huge-2.txt'), paragraphs.reverse().join('\n\n'));
    copyFileSync(join(SAMPLES, '001_ad1ad33f1b01fb71.txt'), join(input, 'b-normal.txt'));
    const pipeline = pipelineWithLimits(join(base, 'fast.json'), { timeoutMs: 500 });
    const out = join(base, 'out');
    mkdirSync(out);
    const child = spawn(process.execPath, [CLI, 'run', input, '--out', out, '-c', '1', '--pipeline', pipeline], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The first timeout is logged (synchronously) as it happens: the worker replaced at the second one starts
    // after the file below is half-written.
    const log = join(out, '.newsclean-run', 'run.log');
    const stopped = () => existsSync(log) && readFileSync(log, 'utf8').includes('document stopped');
    while (!stopped()) {
      expect(child.exitCode).toBeNull();
      await new Promise((r) => setTimeout(r, 10));
    }
    writeFileSync(pipeline, '{ "name": "half-writ');
    expect(await exited).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report).toMatchObject({ read: 3, accepted: 1, rejectedByCode: { timeout: 2 }, failed: 0 });
    expect(readLines<ArticleRecord>(join(out, 'articles.jsonl')).map((a) => a.source.path)).toEqual(['b-normal.txt']);
  }, 30_000);
});

describe('newsclean run: stopped in the middle', () => {
  const started = (out: string) => existsSync(join(out, '.newsclean-run', 'checkpoint.json'));

  it('on SIGINT exits 130, leaves the previous outputs byte for byte, keeps its work, and the same command completes it', async () => {
    const base = tempDir('interrupt');
    const input = join(base, 'in');
    const names = copySamples(input);
    const out = join(base, 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(out, f)).isFile()).map((f) => [f, readFileSync(join(out, f))]));
    expect(Object.keys(before)).toContain('report.html');
    // Enough documents that the run is still going when interrupted.
    for (let i = 0; i < 300; i++) for (const n of names) copyFileSync(join(input, n), join(input, `${i}-${n}`));
    const child = spawn(process.execPath, [CLI, 'run', input, '--out', out, '-c', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt once the run has checkpointed some work.
    while (!started(out)) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/^newsclean: stopped by SIGINT; what was done is kept: run the same command again to resume\n$/);
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') || f === '.newsclean.lock')).toEqual([]);
    const checkpoint = JSON.parse(readFileSync(join(out, '.newsclean-run', 'checkpoint.json'), 'utf8')) as { done: number };
    expect(checkpoint.done).toBeGreaterThan(0);
    // Started again, it completes the same run without doing the checkpointed documents again.
    expect(cli(['run', input, '--out', out, '-c', '1']).code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.read).toBe(names.length * 301);
    expect(report.resumes).toBe(1);
    expect(readLines(join(out, 'trace.jsonl'))).toHaveLength(report.read);
    expect(existsSync(join(out, '.newsclean-run'))).toBe(false);
  }, 60_000);

  it('ignores further Ctrl-C while it stops, then exits 130 with its work kept and no temporary files', async () => {
    const base = tempDir('interrupt-twice');
    const input = join(base, 'in');
    const names = copySamples(input);
    for (let i = 0; i < 300; i++) for (const n of names) copyFileSync(join(input, n), join(input, `${i}-${n}`));
    const out = join(base, 'out');
    mkdirSync(out);
    const child = spawn(process.execPath, [CLI, 'run', input, '--out', out, '-c', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, sig) => resolve([code, sig])));
    while (!started(out)) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    // An impatient user: Ctrl-C, then again and again while the first one is being handled.
    child.kill('SIGINT');
    for (const ms of [1, 2, 5, 10, 20, 40]) {
      await new Promise((r) => setTimeout(r, ms));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    }
    expect(await exited).toEqual([130, null]);
    expect(stderr).toMatch(/^newsclean: stopped by SIGINT.*\n$/);
    expect(readdirSync(out)).toEqual(['.newsclean-run']);
  }, 60_000);
});
