import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOf, PathError, resolveRoots, walkInputs } from '../../src/io/walk.js';

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

describe('walkInputs', () => {
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

  // root lists a chmod-000 folder anyway, so this case can only be checked as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('stops with a PathError at a folder it cannot list', async () => {
    const root = tree(join(base, 'locked'), ['a.txt', 'sub/b.txt']);
    chmodSync(join(root, 'sub'), 0o000);
    await expect(walk([root])).rejects.toThrow(/cannot list input folder .*sub: EACCES/);
    chmodSync(join(root, 'sub'), 0o755);
  });

  it('refuses a missing input, and two roots with the same name', async () => {
    await expect(resolveRoots([join(base, 'missing')])).rejects.toThrow(PathError);
    await expect(resolveRoots([join(base, 'missing')])).rejects.toThrow(/input folder not found/);
    const a = tree(join(base, 'x', 'same'), ['a.txt']);
    const b = tree(join(base, 'y', 'same'), ['b.txt']);
    await expect(resolveRoots([a, b])).rejects.toThrow(/same name/);
  });
});
