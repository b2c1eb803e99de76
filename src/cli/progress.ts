// Progress of a run on stderr: on a terminal, one line redrawn in place with a bar, the rate and the time left;
// otherwise (a nightly job's log) a plain line every so often. The total is known once the background count of
// the inputs ends, and never when WARC files or exports are among them (their records are known only by reading).

export interface ProgressSample {
  done: number;
  total: number | null;
  /** Documents per second, or null before there is anything to measure. */
  rate: number | null;
}

const BAR = 20;

const duration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
};

const count = (n: number) => n.toLocaleString('en-US');

/** `1,200/5,000 documents (24%) · 85/s · 45s left`, with a bar before it on a terminal. */
export const progressText = ({ done, total, rate }: ProgressSample, bar: boolean): string => {
  const parts: string[] = [];
  if (total !== null && total > 0) {
    const share = Math.min(1, done / total);
    const filled = Math.round(share * BAR);
    parts.push(`${bar ? `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ` : ''}${count(done)}/${count(total)} documents (${Math.floor(share * 100)}%)`);
  } else parts.push(`${count(done)} documents`);
  if (rate !== null) {
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (total !== null && total > done && rate > 0) parts.push(`${duration((total - done) / rate)} left`);
  }
  return parts.join(' · ');
};

/** The rate over the last WINDOW_MS (a sliding window, so a slow start or a burst of skipped files fades out). */
const WINDOW_MS = 20_000;

export interface ProgressOptions {
  /** Seconds between plain lines when stderr is not a terminal; 0 writes none. */
  intervalSeconds: number;
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

export const progressReporter = ({ intervalSeconds, stream = process.stderr, now = Date.now }: ProgressOptions) => {
  const tty = Boolean(stream.isTTY);
  if (!tty && intervalSeconds <= 0) return { update: undefined, clear: () => {} };
  const samples: Array<[number, number]> = [];
  // The first plain line after one interval: a run shorter than that writes none.
  let last = tty ? 0 : now();
  let shown = false;
  const rate = (t: number, done: number): number | null => {
    samples.push([t, done]);
    while (samples.length > 2 && t - samples[0]![0] > WINDOW_MS) samples.shift();
    const [t0, d0] = samples[0]!;
    return t - t0 >= 500 ? ((done - d0) * 1000) / (t - t0) : null;
  };
  return {
    update: (done: number, total: number | null) => {
      const t = now();
      const r = rate(t, done);
      if (t - last < (tty ? 200 : intervalSeconds * 1000)) return;
      last = t;
      const text = progressText({ done, total, rate: r }, tty);
      if (tty) {
        shown = true;
        stream.write(`\r\x1b[K ${text}`);
      } else stream.write(`newsclean: progress: ${text}\n`);
    },
    clear: () => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
};
