// The benchmark-metadata scoring rules (shared/benchmark-metadata/README.md): per-field page scores,
// coverage and accuracy, pooled into micro and macro accuracy.
import { foldDiacritics } from '../core/text.js';
import { mean } from './mean.js';

/** What a pipeline predicts for one page. `authors` may come as one string ("A and B"). */
export interface MetadataPrediction {
  title: string | null;
  authors: string[] | string | null;
  publishedAt: string | null;
  publisher: string | null;
  language: string | null;
  url: string | null;
}

/** One record of gold.json. Only the fields listed in `fields` are scored. */
export interface GoldRecord {
  file: string;
  source: string;
  quality?: string;
  url?: string;
  domain?: string;
  title?: string | null;
  authors?: string[] | null;
  date?: string | null;
  site?: string | null;
  language?: string | null;
  fields: string[];
}

/** The fields that make up the overall score. */
export const SCORED_FIELDS = ['title', 'authors', 'date', 'site', 'language'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];
/** Reported beside them, outside the overall score. */
export const EXTRA_FIELDS = ['title_exact', 'date_within_1_day', 'site_vs_domain', 'url'] as const;
export type ExtraField = (typeof EXTRA_FIELDS)[number];
export type ReportedField = ScoredField | ExtraField;


// ---- title -------------------------------------------------------------------------------------

const QUOTES: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b]/g, "'"],
  [/[\u201c\u201d\u201e\u201f]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
];

export const normalizeTitle = (s: string): string => {
  let t = s.normalize('NFKC');
  for (const [re, to] of QUOTES) t = t.replace(re, to);
  return t.toLowerCase().replace(/\s+/g, ' ').trim();
};

/**
 * A trailing " - X", " | X", " · X", " :: X" or " » X" segment (en and em dashes are already folded
 * to "-"), X at most 60 characters and without another separator: the site-name suffix of a title.
 */
const SUFFIX = /\s(?:-|\||·|::|»)\s((?:(?!\s(?:-|\||·|::|»)\s).){1,60})$/u;

const cutSuffix = (t: string): string | null => {
  const m = SUFFIX.exec(t);
  if (!m) return null;
  const cut = t.slice(0, m.index).trim();
  return cut ? cut : null;
};

/** The title and the title with one and two trailing segments cut. */
export const titleVariants = (s: string): string[] => {
  const variants = [normalizeTitle(s)];
  for (let i = 0; i < 2; i++) {
    const cut = cutSuffix(variants[variants.length - 1]!);
    if (cut === null) break;
    variants.push(cut);
  }
  return variants;
};

export const scoreTitle = (expected: string, predicted: string | null): number => {
  if (!predicted) return 0;
  const want = new Set(titleVariants(expected));
  return titleVariants(predicted).some((v) => want.has(v)) ? 1 : 0;
};

export const scoreTitleExact = (expected: string, predicted: string | null): number =>
  predicted !== null && predicted.normalize('NFKC').trim() === expected.normalize('NFKC').trim() ? 1 : 0;

// ---- authors -----------------------------------------------------------------------------------

export const normalizeName = (s: string): string =>
  foldDiacritics(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:by|par|por|von)\s+/, '')
    .trim();

/** A string prediction is split on , ; | & and "and". */
export const splitAuthors = (s: string): string[] => s.split(/\s*[,;|&]\s*|\s+and\s+/i);

const nameSet = (names: string[]): Set<string> => new Set(names.map(normalizeName).filter(Boolean));

export const predictedAuthors = (authors: MetadataPrediction['authors']): string[] =>
  authors === null ? [] : typeof authors === 'string' ? splitAuthors(authors) : authors;

/** F1 of the two normalized name sets; both empty scores 1. */
export const scoreAuthors = (expected: string[], predicted: MetadataPrediction['authors']): number => {
  const want = nameSet(expected);
  const got = nameSet(predictedAuthors(predicted));
  if (want.size === 0 && got.size === 0) return 1;
  if (want.size === 0 || got.size === 0) return 0;
  let shared = 0;
  for (const n of got) if (want.has(n)) shared++;
  return (2 * shared) / (want.size + got.size);
};

// ---- date --------------------------------------------------------------------------------------

/** The first 10 characters must be the day: "2022-05-04T..." and even "2022-05-04-0305:49" qualify. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The page-local day of an ISO date or datetime; null for anything else. */
export const isoDay = (s: string | null): string | null => {
  const m = s ? ISO_DAY.exec(s) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};

export const scoreDate = (expected: string | null, predicted: string | null, slackDays = 0): number => {
  if (expected === null) return predicted ? 0 : 1;
  const day = isoDay(predicted);
  if (day === null) return 0;
  if (slackDays === 0) return day === expected ? 1 : 0;
  const diff = Math.abs(Date.parse(`${day}T00:00:00Z`) - Date.parse(`${expected}T00:00:00Z`));
  return diff <= slackDays * 86_400_000 ? 1 : 0;
};

// ---- site, language, url -----------------------------------------------------------------------

export const normalizeSite = (s: string): string => foldDiacritics(s).replace(/[^\p{L}\p{N}]/gu, '');

/** Either contains the other, the shorter having at least 3 characters. */
export const sitesMatch = (a: string, b: string): boolean => {
  const x = normalizeSite(a);
  const y = normalizeSite(b);
  if (x === y) return x.length > 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.includes(short);
};

export const scoreSite = (expected: string | null, predicted: string | null): number => {
  if (expected === null) return predicted ? 0 : 1;
  return predicted && sitesMatch(expected, predicted) ? 1 : 0;
};

/** The distinctive label of a host: "www.bbc.co.uk" -> "bbc", "news.example.com" -> "example". */
export const domainLabel = (domain: string): string => {
  const labels = domain.toLowerCase().replace(/^www\./, '').split('.');
  // Drop the public suffix: the last label, and a short second-level one as in co.uk / com.au.
  labels.pop();
  if (labels.length > 1 && labels[labels.length - 1]!.length <= 3) labels.pop();
  return labels[labels.length - 1] ?? domain;
};

export const primaryLanguage = (tag: string): string => tag.trim().split(/[-_]/)[0]!.toLowerCase();

export const scoreLanguage = (expected: string | null, predicted: string | null): number => {
  if (expected === null) return predicted ? 0 : 1;
  return predicted && primaryLanguage(predicted) === primaryLanguage(expected) ? 1 : 0;
};

export const normalizeUrl = (u: string): string => {
  const s = u.trim().replace(/#.*$/, '').replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '');
  const q = s.indexOf('?');
  const path = (q >= 0 ? s.slice(0, q) : s).replace(/\/+$/, '');
  const params = q >= 0 ? s.slice(q + 1).split('&').filter((p) => p && !/^utm_/i.test(p)) : [];
  return (path + (params.length ? `?${params.join('&')}` : '')).toLowerCase();
};

// ---- per page and aggregate --------------------------------------------------------------------

/** Per field: the page's score (0..1), and whether something was predicted where a value was expected. */
export interface FieldResult {
  score: number;
  /** null when "none" is expected: the page does not count for coverage. */
  covered: boolean | null;
}

export type PageMetadataScore = Partial<Record<ReportedField, FieldResult>>;

const present = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '');

const result = (expected: unknown, predicted: unknown, score: number): FieldResult => ({
  score,
  covered: present(expected) ? present(predicted) : null,
});

export const scoreMetadataPage = (gold: GoldRecord, p: MetadataPrediction): PageMetadataScore => {
  const out: PageMetadataScore = {};
  const has = (f: string) => gold.fields.includes(f);
  const authors = predictedAuthors(p.authors).filter((a) => normalizeName(a));
  if (has('title')) {
    const title = gold.title ?? null;
    const none = (x: string | null) => (x ? 0 : 1);
    out.title = result(title, p.title, title === null ? none(p.title) : scoreTitle(title, p.title));
    out.title_exact = result(title, p.title, title === null ? none(p.title) : scoreTitleExact(title, p.title));
  }
  if (has('authors')) out.authors = result(gold.authors ?? [], authors, scoreAuthors(gold.authors ?? [], p.authors));
  if (has('date')) {
    const date = gold.date ?? null;
    out.date = result(date, p.publishedAt, scoreDate(date, p.publishedAt));
    out.date_within_1_day = result(date, p.publishedAt, scoreDate(date, p.publishedAt, 1));
  }
  if (has('site')) out.site = result(gold.site ?? null, p.publisher, scoreSite(gold.site ?? null, p.publisher));
  else if (gold.domain) {
    const label = domainLabel(gold.domain);
    out.site_vs_domain = result(label, p.publisher, p.publisher && sitesMatch(label, p.publisher) ? 1 : 0);
  }
  if (has('language')) {
    const lang = gold.language ?? null;
    out.language = result(lang, p.language, scoreLanguage(lang, p.language));
  }
  if (gold.url) out.url = result(gold.url, p.url, p.url && normalizeUrl(p.url) === normalizeUrl(gold.url) ? 1 : 0);
  return out;
};

export interface FieldSummary {
  /** Pages where the field is annotated. */
  pages: number;
  /** Share of pages with an expected value where something was predicted. */
  coverage: number;
  /** Mean page score. */
  accuracy: number;
}

export interface MetadataSummary {
  pages: number;
  fields: Partial<Record<ReportedField, FieldSummary>>;
  /** All page scores of the scored fields pooled. */
  accuracy_micro: number;
  /** Mean of the scored fields' accuracies. */
  accuracy_macro: number;
}

export const aggregateMetadata = (pages: PageMetadataScore[]): MetadataSummary => {
  const fields: MetadataSummary['fields'] = {};
  const pooled: number[] = [];
  const scoredAccuracies: number[] = [];
  for (const field of [...SCORED_FIELDS, ...EXTRA_FIELDS]) {
    const results = pages.map((p) => p[field]).filter((r): r is FieldResult => r !== undefined);
    if (!results.length) continue;
    const expected = results.filter((r) => r.covered !== null);
    const summary = {
      pages: results.length,
      coverage: expected.length ? expected.filter((r) => r.covered).length / expected.length : 0,
      accuracy: mean(results.map((r) => r.score)),
    };
    fields[field] = summary;
    if ((SCORED_FIELDS as readonly string[]).includes(field)) {
      pooled.push(...results.map((r) => r.score));
      scoredAccuracies.push(summary.accuracy);
    }
  }
  return { pages: pages.length, fields, accuracy_micro: mean(pooled), accuracy_macro: mean(scoredAccuracies) };
};
