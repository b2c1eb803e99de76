import { describe, expect, it } from 'vitest';
import { collectGarbage, figures, median, shares } from '../../src/bench/measure.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('figures', () => {
  it('turns the median time of the rounds into pages/s and MB/s', () => {
    const f = figures('tool', 90, 18_000_000, [2000, 1000, 3000], 0, 0);
    expect(f.ms).toBe(2000);
    expect(f.pagesPerSec).toBe(45);
    expect(f.mbPerSec).toBe(9);
    expect(f.peakRss).toBeGreaterThan(0);
  });
});

describe('shares', () => {
  const page = (n: number) => ({ bytes: new Uint8Array(n) });

  it('splits items into shares of about equal bytes, losing none', () => {
    const items = [100, 90, 60, 50, 40, 10].map(page);
    const [a, b] = shares(items, 2);
    const size = (s: Array<{ bytes: Uint8Array }>) => s.reduce((t, p) => t + p.bytes.byteLength, 0);
    expect(a!.length + b!.length).toBe(6);
    // Largest first into the lighter share: 100|90, +60 -> 100|150, +50 -> 150|150, +40 -> 190|150, +10 -> 190|160.
    expect([size(a!), size(b!)]).toEqual([190, 160]);
  });
});

describe('collectGarbage', () => {
  it('is callable without --expose-gc', () => {
    expect(() => collectGarbage()).not.toThrow();
  });
});
