// Benchmark folders on disk: which kind a folder is, and its pages as in-memory inputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Format } from '../core/doc.js';
import { isDecodeDataset } from './decode.js';
import { isSegmentsDataset } from './segments.js';
import type { GoldRecord } from './metadata.js';

/**
 * `body`: truth.json + html/ (article-extraction benchmark); `metadata`: gold.json + pages/; `decode`:
 * charset/index.json (+ mojibake-dev.json), or index.json + files/ + expected/ (loaded by eval/decode.ts).
 */
export type DatasetKind = 'body' | 'metadata' | 'decode' | 'segments';

/** What the body benchmark's pages are fed as: the HTML, or one of its stored text dumps. */
export const BODY_INPUTS = ['html', 'text-readability', 'text-fullpage'] as const;
export type BodyInput = (typeof BODY_INPUTS)[number];

export interface Truth {
  articleBody: string;
  url?: string;
}

export interface Page {
  key: string;
  /** Path relative to the dataset folder. */
  path: string;
  format: Format;
  url: string | null;
  bytes: Uint8Array;
}

export interface BodyDataset {
  kind: 'body';
  name: string;
  dir: string;
  input: BodyInput;
  pages: Page[];
  truth: Record<string, Truth>;
}

export interface MetadataDataset {
  kind: 'metadata';
  name: string;
  dir: string;
  pages: Page[];
  gold: Record<string, GoldRecord>;
}

export type Dataset = BodyDataset | MetadataDataset;

export class DatasetError extends Error {}

export const detectKind = (dir: string): DatasetKind => {
  if (existsSync(join(dir, 'truth.json')) && existsSync(join(dir, 'html'))) return 'body';
  if (isSegmentsDataset(dir)) return 'segments';
  if (existsSync(join(dir, 'gold.json')) && existsSync(join(dir, 'pages'))) return 'metadata';
  if (isDecodeDataset(dir)) return 'decode';
  throw new DatasetError(
    `${dir} is not a benchmark folder: expected truth.json + html/, gold.json + pages/, or charset/index.json (decode)`,
  );
};

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Pages are stored gzipped; the pipeline gets the bytes a scraper would have saved. */
const readPage = (file: string): Uint8Array => {
  const bytes = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
};

/** Deterministic halves for tuning on one and checking on the other: alternate keys in sorted order. */
export const inSplit = (index: number, split: 'a' | 'b' | null): boolean =>
  split === null || (index % 2 === 0) === (split === 'a');

const sortedKeys = (o: object): string[] => Object.keys(o).sort();

export const loadDataset = (
  dirArg: string,
  opts: { input?: BodyInput; split?: 'a' | 'b' | null } = {},
): Dataset => {
  const dir = resolve(dirArg);
  if (!existsSync(dir)) throw new DatasetError(`dataset folder not found: ${dirArg}`);
  const kind = detectKind(dir);
  if (kind === 'decode') throw new DatasetError(`${dirArg} is a decode benchmark: load it with loadDecodeDataset`);
  if (kind === 'segments') throw new DatasetError(`${dirArg} is a segments benchmark: score it with evaluateSegments`);
  const name = basename(dir);
  const split = opts.split ?? null;
  if (kind === 'body') {
    const input = opts.input ?? 'html';
    const truth = readJson<Record<string, Truth>>(join(dir, 'truth.json'));
    if (input !== 'html' && !existsSync(join(dir, input))) throw new DatasetError(`${dir} has no ${input}/ folder`);
    const pages = sortedKeys(truth)
      .filter((_, i) => inSplit(i, split))
      .map((key): Page => {
        const gz = `html/${key}.html.gz`;
        const path = input !== 'html' ? `${input}/${key}.txt` : existsSync(join(dir, gz)) ? gz : `html/${key}.html`;
        return { key, path, format: input === 'html' ? 'html' : 'text', url: truth[key]!.url ?? null, bytes: readPage(join(dir, path)) };
      });
    return { kind, name, dir, input, pages, truth };
  }
  if (opts.input && opts.input !== 'html') throw new DatasetError(`--input ${opts.input} applies to the article-body benchmark only`);
  const gold = readJson<Record<string, GoldRecord>>(join(dir, 'gold.json'));
  const pages = sortedKeys(gold)
    .filter((_, i) => inSplit(i, split))
    .map((key): Page => {
      const g = gold[key]!;
      return { key, path: g.file, format: 'html', url: g.url ?? null, bytes: readPage(join(dir, g.file)) };
    });
  return { kind, name, dir, pages, gold };
};

/** Every page file of a folder, for tools that only need the HTML (bench). */
export const listHtmlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /\.html?(\.gz)?$/.test(f))
    .sort()
    .map((f) => join(dir, f));

export { readPage };
