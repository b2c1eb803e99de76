// The multilingual main-text benchmark of trafilatura's evaluation (benchmark-trafilatura): per page, segments
// that must be in the body and segments that must not; scored as trafilatura's tests/eval_common.py does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BoundStage } from '../core/stage.js';
import { inSplit } from './dataset.js';
import { runPage } from './run.js';

interface SegmentGold {
  url?: string;
  with: string[];
  without: string[];
}

/** gold.json + pages/, where each page's gold lists segments `with` and `without`. */
export const isSegmentsDataset = (dir: string): boolean => {
  const file = join(dir, 'gold.json');
  if (!existsSync(file) || !existsSync(join(dir, 'pages'))) return false;
  try {
    const first = Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[0] as Partial<SegmentGold> | undefined;
    return Array.isArray(first?.with) && Array.isArray(first?.without);
  } catch {
    return false;
  }
};

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface SegmentsEval {
  dataset: string;
  pages: number;
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  rejected: Record<string, number>;
  /** Pages by F1 of their own segments, worst first (key, tp, fn, fp). */
  worst: Array<{ key: string; missing: number; leaked: number }>;
}

export const evaluateSegments = (dirArg: string, stages: BoundStage[], split: 'a' | 'b' | null): SegmentsEval => {
  const dir = resolve(dirArg);
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<string, SegmentGold>;
  const files = new Map(readdirSync(join(dir, 'pages')).map((f) => [f.replace(/\.html?(\.gz)?$/, ''), f]));
  let tp = 0, fn = 0, fp = 0, tn = 0, pages = 0;
  const rejected: Record<string, number> = Object.create(null);
  const perPage: SegmentsEval['worst'] = [];
  Object.keys(gold).sort().forEach((key, i) => {
    if (!inSplit(i, split)) return;
    const file = files.get(key);
    if (!file) return;
    pages++;
    const raw = readFileSync(join(dir, 'pages', file));
    const bytes = file.endsWith('.gz') ? gunzipSync(raw) : raw;
    const g = gold[key]!;
    // The url is a label in this corpus ("hard::site-page"), not a fetchable address: not given to the pipeline.
    const run = runPage({ key, path: file, format: 'html', url: null, bytes }, stages);
    if (run.rejected) rejected[run.rejected] = (rejected[run.rejected] ?? 0) + 1;
    const body = collapse(run.body);
    let missing = 0, leaked = 0;
    for (const s of g.with) if (body.includes(collapse(s))) tp++; else (fn++, missing++);
    for (const s of g.without) if (body.includes(collapse(s))) (fp++, leaked++); else tn++;
    if (missing + leaked) perPage.push({ key, missing, leaked });
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  perPage.sort((a, b) => b.missing + b.leaked - (a.missing + a.leaked) || (a.key < b.key ? -1 : 1));
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return { dataset: basename(dir), pages, tp, fn, fp, tn, precision: r4(precision), recall: r4(recall), f1: r4(f1), rejected: { ...rejected }, worst: perPage };
};

export const formatSegmentsEval = (r: SegmentsEval, worst: number): string => {
  const lines = [
    `pages ${r.pages}: segments found ${r.tp}/${r.tp + r.fn}, boilerplate leaked ${r.fp}/${r.fp + r.tn}`,
    `precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}`,
  ];
  if (Object.keys(r.rejected).length) lines.push(`rejected: ${Object.entries(r.rejected).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  for (const w of r.worst.slice(0, worst)) lines.push(`  ${w.key}: ${w.missing} missing, ${w.leaked} leaked`);
  return lines.join('\n');
};
