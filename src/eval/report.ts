// Human-readable tables of an evaluation run.
import type { PageRun } from './run.js';
import type { BodyEval, EvalResult, MetadataEval } from './run.js';
import { EXTRA_FIELDS, SCORED_FIELDS, type FieldResult, type GoldRecord, type ReportedField } from './metadata.js';

const f3 = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);
const short = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

const codes = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ') || 'none';

const bodyTable = (r: BodyEval, worst: number): string[] => {
  const s = r.score;
  const lines = [
    `${r.dataset}: article body, input ${r.input}, ${s.pages} pages, ${(r.ms / 1000).toFixed(1)} s`,
    '',
    'precision  recall  f1     accuracy  empty',
    `${pad(f3(s.precision), 11)}${pad(f3(s.recall), 8)}${pad(f3(s.f1), 7)}${pad(f3(s.accuracy), 10)}${s.empty}`,
    '',
    `rejected: ${codes(r.rejected)}`,
  ];
  if (worst > 0) {
    lines.push('', `worst ${Math.min(worst, r.pages.length)} pages by F1:`, '  f1     P      R      key               url');
    const sorted = [...r.pages].sort((a, b) => a.f1 - b.f1 || (a.key < b.key ? -1 : 1)).slice(0, worst);
    for (const p of sorted) {
      const why = p.rejected ? `  [${p.rejected}]` : '';
      lines.push(`  ${f3(p.f1)}  ${f3(p.precision)}  ${f3(p.recall)}  ${p.key.slice(0, 16)}  ${p.url ?? ''}${why}`);
    }
  }
  return lines;
};

const show = (v: unknown): string =>
  v === null || v === undefined || (Array.isArray(v) && v.length === 0) ? '∅' : JSON.stringify(v);

/** Where each reported field sits in the gold record and in the prediction. */
const FIELD_KEYS: Record<ReportedField, [keyof GoldRecord, keyof PageRun['prediction']]> = {
  title: ['title', 'title'],
  title_exact: ['title', 'title'],
  authors: ['authors', 'authors'],
  date: ['date', 'publishedAt'],
  date_within_1_day: ['date', 'publishedAt'],
  site: ['site', 'publisher'],
  site_vs_domain: ['domain', 'publisher'],
  language: ['language', 'language'],
  url: ['url', 'url'],
};

const metadataTable = (r: MetadataEval, worst: number, gold: Record<string, GoldRecord> | null): string[] => {
  const lines = [`${r.dataset}: metadata, ${r.pages.length} pages, ${(r.ms / 1000).toFixed(1)} s`];
  for (const [name, g] of Object.entries(r.groups)) {
    lines.push('', `${name} (${g.pages} pages)`, `  ${pad('field', 19)}${lpad('pages', 5)}  coverage  accuracy`);
    for (const field of [...SCORED_FIELDS, ...EXTRA_FIELDS]) {
      const f = g.fields[field];
      if (!f) continue;
      const note = (SCORED_FIELDS as readonly string[]).includes(field) ? '' : '  (not in overall)';
      lines.push(`  ${pad(field, 19)}${lpad(f.pages, 5)}  ${pad(f3(f.coverage), 10)}${f3(f.accuracy)}${note}`);
    }
    lines.push(`  ${pad('overall micro', 26)}${pad('', 10)}${f3(g.accuracy_micro)}`, `  ${pad('overall macro', 26)}${pad('', 10)}${f3(g.accuracy_macro)}`);
    lines.push(`  empty bodies ${g.empty}; rejected: ${codes(g.rejected)}`);
  }
  if (worst > 0 && gold) {
    // Misses per field, human-annotated pages first: what to look at when tuning extraction.
    const ordered = [...r.pages].sort((a, b) => (a.source === b.source ? 0 : a.source === 'trafilatura' ? -1 : 1));
    for (const field of SCORED_FIELDS) {
      const misses = ordered.filter((p) => (p.score[field] as FieldResult | undefined)?.score !== undefined && p.score[field]!.score < 1);
      if (!misses.length) continue;
      lines.push('', `${field}: ${misses.length} misses${misses.length > worst ? `, first ${worst}` : ''}`);
      for (const p of misses.slice(0, worst)) {
        const g = gold[p.key]!;
        const [want, have] = FIELD_KEYS[field];
        const got = show(p.run.prediction[have]);
        lines.push(`  ${p.key}${p.run.rejected ? ` [${p.run.rejected}]` : ''}`, `    want ${short(show(g[want]), 110)}`, `    got  ${short(got, 110)}`);
      }
    }
  }
  return lines;
};

/** The table `eval` prints; `worst` lists the lowest-F1 pages (body) or the misses per field (metadata). */
export const formatEval = (r: EvalResult, worst = 0, gold: Record<string, GoldRecord> | null = null): string =>
  (r.kind === 'body' ? bodyTable(r, worst) : metadataTable(r, worst, gold)).join('\n');
