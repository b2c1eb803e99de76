import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { SkippedFolder } from '../../src/io/walk.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayName, formatOf, inputKindOf, PathError, resolveRoots, walkInputs, type InputFile } from '../../src/io/walk.js';

const base = mkdtempSync(join(tmpdir(), 'newsclean-walk-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const tree = (root: string, files: string[]) => {
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), f);
  }
  return root;
};

const walk = async (inputs: string[]) => {
  const paths: string[] = [];
  for await (const f of walkInputs(await resolveRoots(inputs))) paths.push(`${f.path}:${f.format}`);
  return paths;
};

describe('formatOf', () => {
  it('maps .txt to text and .html/.htm to html, ignoring case, and nothing else', () => {
    expect(['a.txt', 'b.HTML', 'c.Htm', 'd.png', 'e.json', 'txt'].map(formatOf)).toEqual([
      'text', 'html', 'html', null, null, null,
    ]);
  });
});

describe('inputKindOf', () => {
  it('knows documents, WARC files and exports by their extension, each also gzip-compressed', () => {
    const kinds = ['a.txt', 'b.html.gz', 'crawl.warc', 'crawl.WARC.GZ', 'x.jsonl', 'x.ndjson.gz', 'x.json', 'x.gz', 'x.png.gz'].map((n) => {
      const k = inputKindOf(n);
      return k && `${k.kind}${k.kind === 'document' ? `:${k.format}` : ''}${k.gzip ? '+gz' : ''}`;
    });
    expect(kinds).toEqual(['document:text', 'document:html+gz', 'warc', 'warc+gz', 'export', 'export+gz', 'export', null, null]);
  });
});

describe('walkInputs', () => {
  it('pairs a document with its sidecar (story.html.json before story.json); a sidecar is no export', async () => {
    const root = tree(join(base, 'sidecars'), [
      'a.html', 'a.html.json', 'a.json', 'b.txt', 'b.json', 'c.html.gz', 'c.html.json', 'export.json', 'feed.jsonl', 'crawl.warc.gz',
    ]);
    const found: string[] = [];
    for await (const f of walkInputs(await resolveRoots([root]))) {
      found.push(`${f.path}:${f.kind}${f.sidecar ? `<${f.sidecar.slice(root.length + 1)}` : ''}`);
    }
    expect(found).toEqual([
      'a.html:document<a.html.json',
      // a.json is not a.html's sidecar (a.html.json is), so it is an export of its own.
      'a.json:export',
      'b.txt:document<b.json',
      'c.html.gz:document<c.html.json',
      'crawl.warc.gz:warc',
      'export.json:export',
      'feed.jsonl:export',
    ]);
  });

  it('yields documents sorted by their full relative path, hidden entries and other files skipped', async () => {
    const root = tree(join(base, 'one'), [
      'b.txt', 'a-c.txt', 'a/b.txt', 'a/z/y.htm', 'A.html', 'img.png', '.hidden.txt', '.git/x.txt', 'c/.d/e.txt', 'c/notes.md',
    ]);
    const paths = await walk([root]);
    expect(paths).toEqual(['A.html:html', 'a-c.txt:text', 'a/b.txt:text', 'a/z/y.htm:html', 'b.txt:text']);
    // The same order as sorting the full paths by code unit ('-' < '/'), whatever the walk order.
    const bare = paths.map((p) => p.split(':')[0]!);
    expect([...bare].sort()).toEqual(bare);
  });

  it('prefixes paths with each root folder name when given several roots, in the order given', async () => {
    const news = tree(join(base, 'multi', 'news'), ['x.txt']);
    const blogs = tree(join(base, 'multi', 'blogs'), ['y.txt', 'sub/z.html']);
    expect(await walk([news, blogs])).toEqual(['news/x.txt:text', 'blogs/sub/z.html:html', 'blogs/y.txt:text']);
    // The same folder twice counts once, and keeps paths unprefixed.
    expect(await walk([news, `${news}/`])).toEqual(['x.txt:text']);
  });

  it('reads a document symlink as a document (so a broken one is reported later) but never follows folder links', async () => {
    const root = tree(join(base, 'links'), ['real/a.txt']);
    symlinkSync(join(root, 'real'), join(root, 'loop'));
    symlinkSync(join(root, 'nowhere.txt'), join(root, 'broken.txt'));
    expect(await walk([root])).toEqual(['broken.txt:text', 'real/a.txt:text']);
  });

  it('accepts a single file as an input', async () => {
    const root = tree(join(base, 'single'), ['page.html']);
    expect(await walk([join(root, 'page.html')])).toEqual(['page.html:html']);
  });

  it('walks into a real folder named like a document, like any folder', async () => {
    const root = tree(join(base, 'named'), ['x.html/inner.txt', 'x.html/deeper/page.htm', 'y.txt']);
    expect(await walk([root])).toEqual(['x.html/deeper/page.htm:html', 'x.html/inner.txt:text', 'y.txt:text']);
  });

  it('skips a subfolder that vanished during the walk, reports it, and goes on', async () => {
    const root = tree(join(base, 'vanish'), ['a.txt', 'b/x.txt', 'b/y.txt', 'c.txt']);
    const skipped: SkippedFolder[] = [];
    const paths: string[] = [];
    for await (const f of walkInputs(await resolveRoots([root]), { onSkip: (s) => skipped.push(s) })) {
      paths.push(f.path);
      // The walk lists b/ only once a.txt has been handled: remove it in between.
      if (f.path === 'a.txt') rmSync(join(root, 'b'), { recursive: true });
    }
    expect(paths).toEqual(['a.txt', 'c.txt']);
    expect(skipped).toEqual([{ dir: join(root, 'b'), code: 'ENOENT' }]);
  });

  // root lists a chmod-000 folder anyway, so this case can only be checked as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('skips a subfolder it cannot list, reporting EACCES', async () => {
    const root = tree(join(base, 'locked'), ['a.txt', 'sub/b.txt']);
    chmodSync(join(root, 'sub'), 0o000);
    const skipped: SkippedFolder[] = [];
    const paths: string[] = [];
    for await (const f of walkInputs(await resolveRoots([root]), { onSkip: (s) => skipped.push(s) })) paths.push(f.path);
    chmodSync(join(root, 'sub'), 0o755);
    expect(paths).toEqual(['a.txt']);
    expect(skipped).toEqual([{ dir: join(root, 'sub'), code: 'EACCES' }]);
  });

  it('stops with a PathError when an input root itself cannot be listed', async () => {
    const root = tree(join(base, 'gone-root'), ['a.txt']);
    const roots = await resolveRoots([root]);
    rmSync(root, { recursive: true });
    await expect(async () => {
      for await (const _ of walkInputs(roots)) void _;
    }).rejects.toThrow(PathError);
  });

  it('refuses a missing input, and two roots with the same name', async () => {
    await expect(resolveRoots([join(base, 'missing')])).rejects.toThrow(PathError);
    await expect(resolveRoots([join(base, 'missing')])).rejects.toThrow(/input folder not found/);
    const a = tree(join(base, 'x', 'same'), ['a.txt']);
    const b = tree(join(base, 'y', 'same'), ['b.txt']);
    await expect(resolveRoots([a, b])).rejects.toThrow(/same name/);
  });

  it('refuses an input inside another (their documents would run twice), also through a symlink', async () => {
    const outer = tree(join(base, 'nest', 'outer'), ['a.txt', 'inner/b.txt']);
    await expect(resolveRoots([outer, join(outer, 'inner')])).rejects.toThrow(/inner is inside input .*outer: .*twice/);
    await expect(resolveRoots([join(outer, 'inner'), outer])).rejects.toThrow(PathError);
    await expect(resolveRoots([outer, join(outer, 'a.txt')])).rejects.toThrow(/a\.txt is inside input/);
    symlinkSync(join(outer, 'inner'), join(base, 'nest', 'alias'));
    await expect(resolveRoots([outer, join(base, 'nest', 'alias')])).rejects.toThrow(/alias is inside input/);
    // A link to the same folder is that folder, given twice: it counts once.
    symlinkSync(outer, join(base, 'nest', 'same'));
    expect(await walk([outer, join(base, 'nest', 'same')])).toEqual(['a.txt:text', 'inner/b.txt:text']);
    // Siblings whose names share a beginning do not contain one another.
    const news = tree(join(base, 'nest', 'news'), ['n.txt']);
    const news2 = tree(join(base, 'nest', 'news2'), ['m.txt']);
    expect(await walk([news, news2])).toEqual(['news/n.txt:text', 'news2/m.txt:text']);
  });
});

/** A name's bytes as an old crawler writes them: each char of `latin1` one byte. */
const bytes = (latin1: string) => Buffer.from(latin1, 'latin1');

describe('displayName', () => {
  it('shows valid UTF-8 as it is', () => {
    expect(displayName(Buffer.from('café – 東京.html', 'utf8'))).toBe('café – 東京.html');
  });

  it('shows each byte that is not valid UTF-8 as \\xNN, the valid parts around it as they are', () => {
    expect(displayName(bytes('caf\xe9.html'))).toBe('caf\\xE9.html');
    expect(displayName(Buffer.concat([bytes('\xff'), Buffer.from('é', 'utf8'), bytes('\xc3')]))).toBe('\\xFFé\\xC3');
    // Overlong forms, UTF-16 surrogates and a cut sequence are not valid UTF-8 either.
    expect(displayName(bytes('\xc0\xaf'))).toBe('\\xC0\\xAF');
    expect(displayName(bytes('\xed\xa0\x80'))).toBe('\\xED\\xA0\\x80');
    expect(displayName(bytes('a\xe2\x82'))).toBe('a\\xE2\\x82');
  });

  it('never shows two names alike: a backslash that reads like an escape is escaped itself', () => {
    expect(displayName(Buffer.from('a\\xE9.txt'))).toBe('a\\x5CxE9.txt');
    expect(displayName(Buffer.from('a\\b.txt'))).toBe('a\\b.txt');
    const names = [bytes('a\xe9.txt'), Buffer.from('a\\xE9.txt'), Buffer.from('a\\x5CxE9.txt'), bytes('a\\\xe9.txt'), Buffer.from('aé.txt', 'utf8'), bytes('a\xe8.txt')];
    const shown = names.map(displayName);
    expect(new Set(shown).size).toBe(names.length);
  });
});

describe('walkInputs with names that are not valid UTF-8', () => {
  const root = join(base, 'latin1');
  mkdirSync(root, { recursive: true });
  const make = (name: string, content: string | Buffer = bytes(name)) => writeFileSync(Buffer.concat([Buffer.from(`${root}/`), bytes(name)]), content);
  mkdirSync(Buffer.concat([Buffer.from(`${root}/`), bytes('d\xe9p\xeache')]));
  make('caf\xe9.html');
  make('caf\xe8.html');
  make('caf\xe9.html.json', '{"url":"https://example.com/cafe"}');
  make('d\xe9p\xeache/r\xe9sum\xe9.txt');
  make('z.txt');
  writeFileSync(join(root, 'café.html'), 'utf8 name');

  const found = async () => {
    const files: InputFile[] = [];
    for await (const f of walkInputs(await resolveRoots([root]))) files.push(f);
    return files;
  };

  it('finds them, shows them escaped, and sorts on what it shows', async () => {
    const paths = (await found()).map((f) => f.path);
    expect(paths).toEqual(['caf\\xE8.html', 'caf\\xE9.html', 'café.html', 'd\\xE9p\\xEAche/r\\xE9sum\\xE9.txt', 'z.txt']);
    expect([...paths].sort()).toEqual(paths);
  });

  it('keeps their raw bytes to open them, and pairs their sidecars', async () => {
    const files = await found();
    for (const f of files) expect(readFileSync(f.file).length).toBeGreaterThan(0);
    const byPath = new Map(files.map((f) => [f.path, f]));
    expect(Buffer.isBuffer(byPath.get('caf\\xE9.html')!.file)).toBe(true);
    expect(readFileSync(byPath.get('caf\\xE9.html')!.file, 'latin1')).toBe('caf\xe9.html');
    expect(readFileSync(byPath.get('caf\\xE9.html')!.sidecar!, 'utf8')).toContain('example.com/cafe');
    expect(byPath.get('caf\\xE8.html')!.sidecar).toBeNull();
    expect(readFileSync(byPath.get('d\\xE9p\\xEAche/r\\xE9sum\\xE9.txt')!.file, 'latin1')).toBe('d\xe9p\xeache/r\xe9sum\xe9.txt');
    // Names that are valid UTF-8 stay plain strings.
    expect(byPath.get('café.html')!.file).toBe(join(root, 'café.html'));
  });
});
