// Runs a pipeline in-process over a benchmark's pages and scores what comes out.
import type { BoundStage } from '../core/stage.js';
import { processDocument, type Outcome } from '../runner/process.js';
import { aggregateBody, pagePrecision, pageRecall, scorePage, type BodyScore, type PageBodyScore } from './body.js';
import type { BodyDataset, Dataset, MetadataDataset, Page } from './dataset.js';
import {
  aggregateMetadata,
  scoreMetadataPage,
  type MetadataPrediction,
  type MetadataSummary,
  type PageMetadataScore,
} from './metadata.js';

export interface PageRun {
  key: string;
  url: string | null;
  /** The article body; '' when the page was rejected. */
  body: string;
  prediction: MetadataPrediction;
  /** The rejection code, when the page was rejected or failed. */
  rejected: string | null;
}

const NO_METADATA: MetadataPrediction = { title: null, authors: [], publishedAt: null, publisher: null, language: null, url: null };

export const runPage = (page: Page, stages: BoundStage[]): PageRun => {
  const outcome: Outcome = processDocument({ path: page.path, format: page.format, bytes: page.bytes, url: page.url }, stages);
  const base = { key: page.key, url: page.url };
  if (outcome.status !== 'accepted') return { ...base, body: '', prediction: NO_METADATA, rejected: outcome.rejected.code };
  const a = outcome.article;
  return {
    ...base,
    body: a.body,
    prediction: { title: a.title, authors: a.authors, publishedAt: a.publishedAt, publisher: a.publisher, language: a.language, url: a.url },
    rejected: null,
  };
};

const countBy = (xs: Array<string | null>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) if (x !== null) out[x] = (out[x] ?? 0) + 1;
  return out;
};

export interface BodyPageResult extends PageBodyScore {
  key: string;
  url: string | null;
  precision: number | null;
  recall: number | null;
  f1: number;
  rejected: string | null;
}

export interface BodyEval {
  kind: 'body';
  dataset: string;
  input: string;
  score: BodyScore;
  rejected: Record<string, number>;
  pages: BodyPageResult[];
  ms: number;
}

export interface MetadataEval {
  kind: 'metadata';
  dataset: string;
  /** By gold `source` (trafilatura = human annotations, readability = regression snapshot), and `all`. */
  groups: Record<string, MetadataSummary & { empty: number; rejected: Record<string, number> }>;
  pages: Array<{ key: string; source: string; run: PageRun; score: PageMetadataScore }>;
  ms: number;
}

export type EvalResult = BodyEval | MetadataEval;

const evalBody = (ds: BodyDataset, stages: BoundStage[]): BodyEval => {
  const start = performance.now();
  const pages = ds.pages.map((page): BodyPageResult => {
    const run = runPage(page, stages);
    const s = scorePage(ds.truth[page.key]!.articleBody, run.body);
    const precision = pagePrecision(s);
    const recall = pageRecall(s);
    const p = precision ?? 0;
    const r = recall ?? 0;
    return { key: page.key, url: page.url, ...s, precision, recall, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, rejected: run.rejected };
  });
  return {
    kind: 'body',
    dataset: ds.name,
    input: ds.input,
    score: aggregateBody(pages),
    rejected: countBy(pages.map((p) => p.rejected)),
    pages,
    ms: performance.now() - start,
  };
};

const evalMetadata = (ds: MetadataDataset, stages: BoundStage[]): MetadataEval => {
  const start = performance.now();
  const pages = ds.pages.map((page) => {
    const gold = ds.gold[page.key]!;
    const run = runPage(page, stages);
    return { key: page.key, source: gold.source, run, score: scoreMetadataPage(gold, run.prediction) };
  });
  const groups: MetadataEval['groups'] = {};
  const sources = [...new Set(pages.map((p) => p.source))].sort((a, b) => (a === 'trafilatura' ? -1 : b === 'trafilatura' ? 1 : a < b ? -1 : 1));
  for (const group of [...sources, 'all']) {
    const members = pages.filter((p) => group === 'all' || p.source === group);
    groups[group] = {
      ...aggregateMetadata(members.map((p) => p.score)),
      empty: members.filter((p) => !p.run.body.trim()).length,
      rejected: countBy(members.map((p) => p.run.rejected)),
    };
  }
  return { kind: 'metadata', dataset: ds.name, groups, pages, ms: performance.now() - start };
};

export const evaluate = (ds: Dataset, stages: BoundStage[]): EvalResult =>
  ds.kind === 'body' ? evalBody(ds, stages) : evalMetadata(ds, stages);

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The figures of a run as one flat-ish JSON value: what the last stdout line of `eval` holds. */
export const summaryJson = (r: EvalResult, extra: Record<string, unknown> = {}): Record<string, unknown> => {
  if (r.kind === 'body') {
    const s = r.score;
    return {
      dataset: r.dataset,
      kind: 'body',
      input: r.input,
      ...extra,
      pages: s.pages,
      precision: round(s.precision),
      recall: round(s.recall),
      f1: round(s.f1),
      accuracy: round(s.accuracy),
      empty: s.empty,
      rejected: r.rejected,
      ms: Math.round(r.ms),
    };
  }
  const groups: Record<string, unknown> = {};
  for (const [name, g] of Object.entries(r.groups)) {
    const fields: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(g.fields)) fields[f] = { accuracy: round(v.accuracy), coverage: round(v.coverage), pages: v.pages };
    groups[name] = { pages: g.pages, ...fields, accuracy_micro: round(g.accuracy_micro), accuracy_macro: round(g.accuracy_macro), empty: g.empty, rejected: g.rejected };
  }
  return { dataset: r.dataset, kind: 'metadata', ...extra, pages: r.pages.length, groups, ms: Math.round(r.ms) };
};
