import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetError, detectKind, inSplit, loadDataset } from '../../src/eval/dataset.js';

const fixture = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;

describe('detectKind', () => {
  it('tells the body benchmark from the metadata benchmark by their files', () => {
    expect(detectKind(fixture('benchmark'))).toBe('body');
    expect(detectKind(fixture('benchmark-metadata'))).toBe('metadata');
  });

  it('refuses a folder that is neither', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-eval-'));
    mkdirSync(join(dir, 'html'));
    expect(() => detectKind(dir)).toThrow(DatasetError);
    writeFileSync(join(dir, 'truth.json'), '{}');
    expect(detectKind(dir)).toBe('body');
  });
});

describe('loadDataset', () => {
  it('loads the 90 body pages gunzipped, in key order, with their truth url', () => {
    const ds = loadDataset(fixture('benchmark'));
    if (ds.kind !== 'body') throw new Error('wrong kind');
    expect(ds.pages).toHaveLength(90);
    expect(ds.pages.map((p) => p.key)).toEqual(Object.keys(ds.truth).sort());
    const first = ds.pages[0]!;
    expect(first.format).toBe('html');
    expect(first.url).toBe(ds.truth[first.key]!.url);
    expect(Buffer.from(first.bytes).equals(gunzipSync(readFileSync(join(ds.dir, first.path))))).toBe(true);
    expect(Buffer.from(first.bytes).toString('utf8')).toMatch(/<html/i);
  });

  it('feeds the stored text dumps as text inputs', () => {
    const ds = loadDataset(fixture('benchmark'), { input: 'text-readability' });
    expect(ds.pages[0]).toMatchObject({ format: 'text', path: expect.stringMatching(/^text-readability\/[0-9a-f]{64}\.txt$/) });
  });

  it('loads the metadata pages with the gold url, where there is one', () => {
    const ds = loadDataset(fixture('benchmark-metadata'));
    if (ds.kind !== 'metadata') throw new Error('wrong kind');
    expect(ds.pages).toHaveLength(278);
    const human = ds.pages.find((p) => p.key.startsWith('trafilatura-'))!;
    expect(human.url).toMatch(/^https?:\/\//);
    expect(ds.pages.find((p) => p.key.startsWith('readability-'))!.url).toBeNull();
  });

  it('rejects text inputs for the metadata benchmark', () => {
    expect(() => loadDataset(fixture('benchmark-metadata'), { input: 'text-fullpage' })).toThrow(/body benchmark only/);
  });
});

describe('splits', () => {
  it('are two disjoint halves that together make the whole set', () => {
    const a = loadDataset(fixture('benchmark'), { split: 'a' }).pages.map((p) => p.key);
    const b = loadDataset(fixture('benchmark'), { split: 'b' }).pages.map((p) => p.key);
    expect(a).toHaveLength(45);
    expect(b).toHaveLength(45);
    expect(new Set([...a, ...b]).size).toBe(90);
  });

  it('alternate in key order', () => {
    expect([0, 1, 2, 3].map((i) => inSplit(i, 'a'))).toEqual([true, false, true, false]);
    expect([0, 1, 2, 3].map((i) => inSplit(i, null))).toEqual([true, true, true, true]);
  });
});
