import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateBody, scorePage, shingles, tokenize } from '../../src/eval/body.js';

const BENCH = new URL('../fixtures/benchmark/', import.meta.url).pathname;

describe('tokenize (Python \\w+)', () => {
  it('keeps runs of letters, digits and underscores in any script', () => {
    expect(tokenize("L'été, 2024 — naïve_café! 東京 ١٢٣")).toEqual(['L', 'été', '2024', 'naïve_café', '東京', '١٢٣']);
  });

  it('splits on combining marks, as Python does', () => {
    // "e" + COMBINING ACUTE ACCENT is two \w runs in Python: the mark is not \w.
    expect(tokenize('cafe\u0301 au lait')).toEqual(['cafe', 'au', 'lait']);
  });

  it('finds no token in punctuation or whitespace', () => {
    expect(tokenize(' -- , . !\n')).toEqual([]);
  });
});

describe('shingles', () => {
  it('slides a window of 4 tokens', () => {
    expect([...shingles(['a', 'b', 'c', 'd', 'e']).keys()].map((k) => k.split('\u0001').join(' '))).toEqual([
      'a b c d',
      'b c d e',
    ]);
  });

  it('makes one shingle of a 1-3 token text, none of an empty one', () => {
    expect(shingles(['a', 'b']).size).toBe(1);
    expect(shingles([]).size).toBe(0);
  });

  it('counts repeated shingles', () => {
    expect(shingles('a b c d a b c d'.split(' ')).get(['a', 'b', 'c', 'd'].join('\u0001'))).toBe(2);
  });
});

describe('scorePage', () => {
  it('gives tp 1 for identical token lists, whatever the punctuation', () => {
    const s = scorePage('One two three four five.', 'One, two; three four five');
    expect(s).toMatchObject({ tp: 1, fp: 0, fn: 0, exact: true });
  });

  it('normalizes tp, fp and fn by their sum', () => {
    // truth: 3 shingles; prediction: truth + 2 extra tokens = 5 shingles, 3 shared.
    const s = scorePage('a b c d e f', 'a b c d e f g h');
    expect(s.tp).toBeCloseTo(3 / 5);
    expect(s.fp).toBeCloseTo(2 / 5);
    expect(s.fn).toBe(0);
    expect(s.exact).toBe(false);
  });

  it('marks an empty prediction', () => {
    expect(scorePage('a b c d', '')).toMatchObject({ tp: 0, fp: 0, fn: 1, predictedEmpty: true });
  });
});

describe('aggregateBody', () => {
  it('leaves empty predictions out of precision but not out of recall', () => {
    const agg = aggregateBody([scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e', '')]);
    expect(agg.precision).toBe(1);
    expect(agg.recall).toBe(0.5);
    expect(agg.f1).toBeCloseTo(2 / 3);
    expect(agg.accuracy).toBe(0.5);
    expect(agg.empty).toBe(1);
  });
});

// The benchmark README states what the stored Readability.js and full-page outputs score on these 90 pages:
// reproducing those figures checks this implementation against the upstream evaluate.py.
describe.each([
  ['text-readability', { f1: 0.935, precision: 0.899, recall: 0.974 }],
  ['text-fullpage', { f1: 0.662, precision: 0.497, recall: 0.993 }],
])('the stored %s outputs', (folder, expected) => {
  const dir = join(BENCH, folder);
  it('score as the benchmark README says', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    const truth = JSON.parse(readFileSync(join(BENCH, 'truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const scores = files.map((f) => scorePage(truth[f.replace(/\.txt$/, '')]!.articleBody, readFileSync(join(dir, f), 'utf8')));
    const agg = aggregateBody(scores);
    expect(agg.pages).toBe(90);
    expect(agg.f1).toBeCloseTo(expected.f1, 3);
    expect(agg.precision).toBeCloseTo(expected.precision, 3);
    expect(agg.recall).toBeCloseTo(expected.recall, 3);
  });
});
