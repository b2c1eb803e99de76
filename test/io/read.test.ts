import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/read.js';
import { errorText } from '../../src/io/readers/stream.js';

const dir = mkdtempSync(join(tmpdir(), 'newsclean-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

describe('readInput', () => {
  it('reads a file whole, and an empty file as zero bytes', async () => {
    writeFileSync(join(dir, 'a.txt'), 'héllo');
    writeFileSync(join(dir, 'empty.txt'), '');
    const a = await readInput(join(dir, 'a.txt'), 100);
    expect(a.kind).toBe('ok');
    if (a.kind === 'ok') expect(Buffer.from(a.bytes).toString()).toBe('héllo');
    expect(await readInput(join(dir, 'empty.txt'), 100)).toMatchObject({ kind: 'ok', size: 0 });
  });

  it('reports a file over the limit by its size, and one at the limit is read', async () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(101));
    writeFileSync(join(dir, 'edge.txt'), 'x'.repeat(100));
    expect(await readInput(join(dir, 'big.txt'), 100)).toEqual({ kind: 'too_large', size: 101, mtime: statSync(join(dir, 'big.txt')).mtime.toISOString() });
    expect(await readInput(join(dir, 'edge.txt'), 100)).toMatchObject({ kind: 'ok', size: 100 });
  });

  it('turns a folder, a broken link and a vanished file into errors with a reason, not throws', async () => {
    mkdirSync(join(dir, 'folder.txt'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken.txt'));
    expect(await readInput(join(dir, 'folder.txt'), 100)).toMatchObject({ kind: 'error', detail: expect.stringMatching(/folder/) });
    expect(await readInput(join(dir, 'broken.txt'), 100)).toMatchObject({ kind: 'error', detail: expect.stringMatching(/ENOENT/) });
    expect(await readInput(join(dir, 'gone.txt'), 100)).toMatchObject({ kind: 'error', detail: expect.stringMatching(/ENOENT/) });
  });

  it("gives the file's modification time from the stat that sized it, null when there was none", async () => {
    const when = new Date('2024-03-12T10:05:00.250Z');
    writeFileSync(join(dir, 'dated.txt'), 'text');
    utimesSync(join(dir, 'dated.txt'), when, when);
    expect(await readInput(join(dir, 'dated.txt'), 100)).toMatchObject({ kind: 'ok', mtime: when.toISOString() });
    expect(await readInput(join(dir, 'dated.txt'), 2)).toEqual({ kind: 'too_large', size: 4, mtime: when.toISOString() });
    mkdirSync(join(dir, 'dated-folder.txt'));
    utimesSync(join(dir, 'dated-folder.txt'), when, when);
    expect(await readInput(join(dir, 'dated-folder.txt'), 100)).toMatchObject({ kind: 'error', mtime: when.toISOString() });
    expect(await readInput(join(dir, 'never.txt'), 100)).toMatchObject({ kind: 'error', mtime: null });
  });

  // root reads a chmod-000 file anyway, so this case can only be checked as an ordinary user.
  it.skipIf(isRoot)('turns a file without read permission into an error', async () => {
    writeFileSync(join(dir, 'locked.txt'), 'secret');
    chmodSync(join(dir, 'locked.txt'), 0o000);
    expect(await readInput(join(dir, 'locked.txt'), 100)).toMatchObject({
      kind: 'error',
      detail: 'cannot read: permission denied (EACCES)',
    });
  });
});

describe('read errors name no absolute path', () => {
  it('describes a link loop by its reason and code, not by where the file lives', async () => {
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    const r = await readInput(join(dir, 'loop.txt'), 100);
    expect(r).toEqual({ kind: 'error', size: 0, detail: 'cannot read: too many symbolic links encountered (ELOOP)', mtime: null });
  });

  it('keeps the words and code of a system error and drops its paths', () => {
    const err = (code: string, message: string, syscall: string, path: string, dest?: string) =>
      Object.assign(new Error(message), { code, syscall, path, ...(dest ? { dest } : {}) });
    expect(errorText(err('EISDIR', "EISDIR: illegal operation on a directory, read '/data/x.warc'", 'read', '/data/x.warc'))).toBe(
      'illegal operation on a directory (EISDIR)',
    );
    expect(errorText(err('EXDEV', "EXDEV: cross-device link not permitted, rename '/a/b' -> '/c/d'", 'rename', '/a/b', '/c/d'))).toBe(
      'cross-device link not permitted (EXDEV)',
    );
    // A message in another form still loses the paths it carries.
    expect(errorText(err('EIO', 'EIO: i/o error reading /data/x.html now', 'read', '/data/x.html'))).toBe('i/o error reading <path> now (EIO)');
    expect(errorText(new SyntaxError('Unexpected token } in JSON at position 3'))).toBe('Unexpected token } in JSON at position 3');
  });
});
