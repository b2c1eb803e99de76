// Timing and memory helpers for the benchmark: median of rounds, heap and RSS figures.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** A garbage collector to call between tools, so one tool's garbage is not billed to the next. */
export const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose_gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
})();

export const heapUsed = (): number => getHeapStatistics().used_heap_size;

/** Peak resident set size of the whole process so far, in bytes. */
export const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

export interface ToolFigures {
  name: string;
  pages: number;
  bytes: number;
  /** Median wall time of one pass over all pages, ms. */
  ms: number;
  roundsMs: number[];
  pagesPerSec: number;
  mbPerSec: number;
  /** Largest heap growth seen during the (sampled) warm-up pass, bytes. */
  heapDelta: number;
  /** Peak RSS of the process after this tool ran, bytes (cumulative: tools run in order). */
  peakRss: number;
  /** Pages the tool threw on (counted, not fatal). */
  errors: number;
}

export const figures = (
  name: string,
  pages: number,
  bytes: number,
  roundsMs: number[],
  heapDelta: number,
  errors: number,
): ToolFigures => {
  const ms = median(roundsMs);
  return {
    name,
    pages,
    bytes,
    ms,
    roundsMs,
    pagesPerSec: pages / (ms / 1000),
    mbPerSec: bytes / 1e6 / (ms / 1000),
    heapDelta,
    peakRss: peakRss(),
    errors,
  };
};

/** Splits items into n shares of about equal size: largest first, each into the lightest share. */
export const shares = <T extends { bytes: Uint8Array }>(items: T[], n: number): T[][] => {
  const out = Array.from({ length: n }, () => ({ size: 0, items: [] as T[] }));
  for (const item of [...items].sort((a, b) => b.bytes.byteLength - a.bytes.byteLength)) {
    const lightest = out.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.items.push(item);
    lightest.size += item.bytes.byteLength;
  }
  return out.map((s) => s.items);
};
