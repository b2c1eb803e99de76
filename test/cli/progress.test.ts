// Progress on long runs: a bar with rate and time left on a terminal, plain periodic lines in a job's log.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressReporter, progressText } from '../../src/cli/progress.js';
import { cli, ROOT, tempDir } from './helpers.js';

describe('progressText', () => {
  it('gives the share done, the rate and the time left once the total is known', () => {
    expect(progressText({ done: 1200, total: 5000, rate: 85 }, false)).toBe('1,200/5,000 documents (24%) · 85/s · 45s left');
    expect(progressText({ done: 1200, total: 5000, rate: 85 }, true)).toBe('[#####...............] 1,200/5,000 documents (24%) · 85/s · 45s left');
    expect(progressText({ done: 10, total: 100_000, rate: 2.5 }, false)).toBe('10/100,000 documents (0%) · 2.5/s · 11h06m left');
  });
  it('without a total (WARC files, exports) it counts and gives the rate only', () => {
    expect(progressText({ done: 431, total: null, rate: 40 }, false)).toBe('431 documents · 40/s');
    expect(progressText({ done: 3, total: null, rate: null }, false)).toBe('3 documents');
  });
});

/** A stream that records what is written, as a terminal or as a log file. */
const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, s: { isTTY, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream };
};

describe('progressReporter', () => {
  it('on a terminal redraws one line in place, at most every 200 ms, and clears it', () => {
    const { written, s } = stream(true);
    let t = 0;
    const p = progressReporter({ intervalSeconds: 30, stream: s, now: () => t });
    for (let done = 1; done <= 100; done++) {
      t += 10;
      p.update!(done, 100);
    }
    expect(written.length).toBe(5);
    expect(written.every((w) => w.startsWith('\r\x1b[K ['))).toBe(true);
    expect(written.at(-1)).toContain('/s');
    p.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
  it('in a log writes a plain line every interval, none with 0', () => {
    const { written, s } = stream(false);
    let t = 0;
    const p = progressReporter({ intervalSeconds: 30, stream: s, now: () => t });
    for (let done = 1; done <= 600; done++) {
      t += 200;
      p.update!(done, 600);
    }
    expect(written.length).toBe(4);
    expect(written[0]).toBe('newsclean: progress: 150/600 documents (25%) · 5.0/s · 1m30s left\n');
    expect(written[3]).toBe('newsclean: progress: 600/600 documents (100%) · 5.0/s\n');
    expect(progressReporter({ intervalSeconds: 0, stream: s }).update).toBeUndefined();
  });
});

describe('newsclean run --progress', () => {
  it('writes progress lines on stderr when it is not a terminal, counting up to the documents of the run', () => {
    const r = cli(['run', join(ROOT, 'test/fixtures/benchmark/html'), '--out', tempDir('progress'), '--progress', '0.05']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('newsclean: progress: '));
    expect(lines.length).toBeGreaterThan(1);
    const counts = lines.map((l) => Number(/progress: (\d+)/.exec(l)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(Math.max(...counts)).toBeLessThanOrEqual(90);
    expect(lines.some((l) => /\/90 documents \(\d+%\) · [\d.]+\/s/.test(l))).toBe(true);
  });
  it('refuses a value that is not a number of seconds', () => {
    const r = cli(['run', join(ROOT, 'samples'), '--out', tempDir('progress-bad'), '--progress', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--progress must be a number of seconds');
  });
});
