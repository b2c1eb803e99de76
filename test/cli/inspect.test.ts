import { copyFileSync, cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectedRecord, TraceRecord } from '../../src/core/records.js';
import { cli, copySamples, PNG_BYTES, readLines, refreshManifest, SAMPLES, tempDir } from './helpers.js';


/** The manifest of an output folder made to agree with its files again, after a test edited them. */
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
    const r = cli(['inspect', out, '004_7b4e951b40827333.txt']);
    expect(r.code).toBe(0);
    const trace = readLines<TraceRecord>(join(out, 'trace.jsonl')).find((t) => t.path === '004_7b4e951b40827333.txt')!;
    expect(r.stdout.split('\n')[0]).toBe(`004_7b4e951b40827333.txt  id ${trace.id}  accepted`);
    const removed = trace.blocks.filter((b) => b.removed);
    expect(removed.length).toBeGreaterThan(0);
    for (const b of removed) expect(r.stdout).toContain(`[removed by ${b.removed!.stage}/${b.removed!.code}${b.removed!.of !== undefined ? ` of #${b.removed!.of + 1}` : ''}] ${b.kind}`);
    // A duplicate names the block it repeats.
    if (removed.some((b) => b.removed!.code === 'duplicate_paragraph')) expect(r.stdout).toMatch(/duplicate_paragraph of #\d+\]/);
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
      ['inspect', out, 'no-such-folder/004_7b4e951b40827333.txt'],
      ['inspect', join(out, 'missing')],
      ['inspect', join(out, '..')],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^newsclean: .+\n$/);
    }
  });
});

describe('newsclean inspect: finding a document by the end of its path', () => {
  let out: string;
  beforeAll(() => {
    const input = join(tempDir('inspect-suffix'), 'in');
    const article = join(SAMPLES, '001_ad1ad33f1b01fb71.txt');
    for (const f of ['a/ad.txt', 'a/bad.txt', 'b/x/ad.txt']) {
      mkdirSync(join(input, f, '..'), { recursive: true });
      copyFileSync(article, join(input, f));
    }
    out = join(input, '..', 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
  });

  const header = (query: string) => cli(['inspect', out, query]).stdout.split('\n')[0]!.split('  ')[0];

  it('matches whole path segments: `ad.txt` never finds `bad.txt`', () => {
    expect(header('bad.txt')).toBe('a/bad.txt');
    expect(header('x/ad.txt')).toBe('b/x/ad.txt');
    expect(header('b/x/ad.txt')).toBe('b/x/ad.txt');
    expect(header('a/ad.txt')).toBe('a/ad.txt');
    const ambiguous = cli(['inspect', out, 'ad.txt']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe('newsclean: "ad.txt" matches 2 documents (a/ad.txt, b/x/ad.txt); give more of the path\n');
    for (const partial of ['d.txt', '.txt', 'x/d.txt']) {
      const r = cli(['inspect', out, partial]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^newsclean: no document with id or path ".*" in .*trace\.jsonl\n$/);
    }
  });
});

describe('newsclean inspect: output files it cannot read', () => {
  let out: string;
  let base: string;
  beforeAll(() => {
    base = tempDir('inspect-broken');
    const input = join(base, 'in');
    copySamples(input);
    writeFileSync(join(input, 'empty.txt'), '');
    out = join(base, 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
  });

  /** A copy of the output folder with one file changed. */
  // Edited files with a manifest that agrees: what another tool (or an older version) might have published.
  const broken = (name: string, file: string, edit: (text: string) => string): string => {
    const dir = join(base, name);
    cpSync(out, dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    refreshManifest(dir);
    return dir;
  };

  it('an output file that does not match the manifest (a run stopped while publishing): one line, exit 2', () => {
    const dir = join(base, 'mid-publish');
    cpSync(out, dir, { recursive: true });
    writeFileSync(join(dir, 'articles.jsonl'), '');
    oneLineError(cli(['inspect', dir]), /the outputs in .* are incomplete: articles\.jsonl does not match manifest\.json .*run the same command again/);
  });

  const oneLineError = (r: ReturnType<typeof cli>, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^newsclean: .+\n$/);
    expect(r.stderr).toMatch(pattern);
  };

  it('a truncated trace.jsonl or rejected.jsonl: one line naming the file and line, exit 2', () => {
    const cut = (text: string) => text.slice(0, text.length - 40);
    oneLineError(cli(['inspect', broken('cut-trace', 'trace.jsonl', cut), 'empty.txt']), /trace\.jsonl:\d+: not valid JSON.*truncated/);
    oneLineError(cli(['inspect', broken('cut-rejected', 'rejected.jsonl', cut)]), /rejected\.jsonl:1: not valid JSON/);
  });

  it('records in another format (an older version): one line, exit 2', () => {
    const old = (text: string) => text.replace(/"code":/g, '"reason":');
    oneLineError(cli(['inspect', broken('old-rejected', 'rejected.jsonl', old)]), /rejected\.jsonl: record 1 is not in the expected format \(code: /);
    const noPath = (text: string) => text.replace(/"path":/g, '"file":');
    oneLineError(cli(['inspect', broken('old-trace', 'trace.jsonl', noPath), 'empty.txt']), /trace\.jsonl: record 1 is not in the expected format \(path: /);
  });
});

describe('newsclean inspect: messages in the listing', () => {
  it('cuts a long message at a word boundary with …, and shows it whole with --full', () => {
    const input = join(tempDir('inspect-long'), 'in');
    mkdirSync(input, { recursive: true });
    copyFileSync(join(SAMPLES, 'html', 'page-not-found.html'), join(input, 'page-not-found.html'));
    const out = join(input, '..', 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
    const message = readLines<RejectedRecord>(join(out, 'rejected.jsonl'))[0]!.message;
    expect(message.length).toBeGreaterThan(100);
    const line = cli(['inspect', out]).stdout.split('\n').find((l) => l.startsWith('    page-not-found.html'))!;
    const shown = line.split('  — ')[1]!;
    expect(shown.endsWith('…')).toBe(true);
    const kept = shown.slice(0, -1);
    expect(message.startsWith(kept)).toBe(true);
    // The cut falls between words: the message goes on with a space (or punctuation, then a space).
    expect(message.slice(kept.length)).toMatch(/^[,;:.]*\s/);
    expect(line.length).toBeLessThanOrEqual(100);
    const full = cli(['inspect', out, '--full']).stdout;
    expect(full).toContain(`    page-not-found.html  — ${message}\n`);
  });
});

describe('newsclean inspect: control characters from names and texts', () => {
  // ESC [31m turns a terminal red; ESC ]0;…BEL retitles its window; CSI (U+009B) is ESC [ in one C1 character.
  const RED = '\x1b[31m';
  const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
  let out: string;
  beforeAll(() => {
    const input = join(tempDir('inspect-controls'), 'in');
    mkdirSync(input, { recursive: true });
    copyFileSync(join(SAMPLES, '004_7b4e951b40827333.txt'), join(input, `a${RED}red.txt`));
    writeFileSync(join(input, `empty${RED}.txt`), '');
    out = join(input, '..', 'out');
    cli(['run', input, '--out', out]);
    // A trace whose texts carry control characters (written by another tool, or a future reader that keeps them).
    const traceFile = join(out, 'trace.jsonl');
    const traces = readLines<TraceRecord>(traceFile).map((t) =>
      t.path === `a${RED}red.txt`
        ? {
            ...t,
            blocks: [{ kind: 'paragraph', text: `first line ${RED}red\x1b[0m\nsecond \u009b2J line`, removed: null }, ...t.blocks],
            messages: [...t.messages, { severity: 'warn', stage: 'read', code: 'sidecar_invalid', detail: 'bad \x1b]0;owned\x07 title' }],
          }
        : t,
    );
    writeFileSync(traceFile, traces.map((t) => JSON.stringify(t)).join('\n') + '\n');
    refreshManifest(out);
  });

  it('shows a file name with an escape sequence escaped, in the listing and for the document', () => {
    const list = cli(['inspect', out]);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(controls);
    expect(list.stdout).toContain('    empty\\x1B[31m.txt  — ');
    const one = cli(['inspect', out, `a${RED}red.txt`]);
    expect(one.code).toBe(0);
    expect(one.stdout).not.toMatch(controls);
    expect(one.stdout.split('\n')[0]).toMatch(/^a\\x1B\[31mred\.txt {2}id [0-9a-f]{16} {2}accepted$/);
  });

  it('escapes C0, ESC and C1 in block texts and messages, keeping the block\'s line breaks', () => {
    const r = cli(['inspect', out, `a${RED}red.txt`, '--full']);
    expect(r.stdout).not.toMatch(controls);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('    first line \\x1B[31mred\\x1B[0m');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('    second \\u009B2J line');
    expect(lines).toContain('  warn read/sidecar_invalid: bad \\x1B]0;owned\\x07 title');
  });

  it('echoes an unknown document name escaped in its error', () => {
    const r = cli(['inspect', out, `no${RED}such.txt`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(controls);
    expect(r.stderr).toContain('"no\\x1B[31msuch.txt"');
  });
});
