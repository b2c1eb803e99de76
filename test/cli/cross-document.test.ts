// The cross-document step through the built CLI: a site's recurring lines go as recurring_line, an article scraped
// twice is accepted once, the outputs are the same bytes whatever --concurrency, and shards merged equal one run.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/records.js';
import { cli, readLines, refreshManifest, ROOT, tempDir } from './helpers.js';

const truth = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/benchmark/truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
const ids = Object.keys(truth).sort();

// Two lines sites repeat on every page (from the stored text dumps): businessinsider.com's promo line, and the
// headline of another story msn.com showed under every article that day. A phrase rule may take the promo first.
const PROMO = 'NEU: Unsere spannendste Story täglich per Browser-Push – so einfach geht´s';
const TEASER = '2 US service members die in Afghanistan chopper crash';
const withSiteLines = (body: string): string => {
  const paras = body.split(/\n\s*\n/);
  return `${[...paras.slice(0, 2), PROMO, ...paras.slice(2), TEASER].join('\n\n')}\n`;
};

const OUTPUTS = ['articles.jsonl', 'rejected.jsonl', 'trace.jsonl'];
const report = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
type Trace = { path: string; status: string; blocks: Array<{ text: string; removed: { stage: string; code: string } | null }> };
const recurring = (out: string) =>
  Object.fromEntries(readLines<Trace>(join(out, 'trace.jsonl')).map((t) => [t.path, t.blocks.filter((b) => b.removed?.code === 'recurring_line').map((b) => b.text)]));

/** site/: 7 pages with the site's lines and a copy of one; small/: 3 pages with them (below minDocuments). */
const corpus = (base: string): string => {
  const input = join(base, 'in');
  mkdirSync(join(input, 'site'), { recursive: true });
  mkdirSync(join(input, 'small'), { recursive: true });
  for (let i = 0; i < 7; i++) writeFileSync(join(input, 'site', `p${i}.txt`), withSiteLines(truth[ids[i]!]!.articleBody));
  copyFileSync(join(input, 'site', 'p1.txt'), join(input, 'site', 'z-copy.txt'));
  for (let i = 0; i < 3; i++) writeFileSync(join(input, 'small', `p${i}.txt`), withSiteLines(truth[ids[20 + i]!]!.articleBody));
  return input;
};

describe('newsclean run: the cross-document step', () => {
  const base = tempDir('cross-document');
  const input = corpus(base);

  it('removes the lines a site repeats as recurring_line, keeps a copy out as duplicate_document, the same bytes at -c 1 and -c 2', () => {
    const one = join(base, 'c1');
    const two = join(base, 'c2');
    expect(cli(['run', input, '-o', one, '-c', '1', '--progress', '0']).code).toBe(0);
    expect(cli(['run', input, '-o', two, '-c', '2', '--progress', '0']).code).toBe(0);
    for (const f of OUTPUTS) expect(readFileSync(join(two, f), 'utf8'), f).toBe(readFileSync(join(one, f), 'utf8'));

    const gone = recurring(one);
    const promoToo = gone['site/p0.txt']!.includes(PROMO);
    for (let i = 0; i < 7; i++) expect(gone[`site/p${i}.txt`]).toEqual(promoToo ? [PROMO, TEASER] : [TEASER]);
    for (let i = 0; i < 3; i++) expect(gone[`small/p${i}.txt`]).toEqual([]);
    const lines = promoToo ? 2 : 1;
    const articles = readLines<{ id: string; source: { path: string }; body: string; removed: Record<string, Record<string, number>> }>(join(one, 'articles.jsonl'));
    for (const a of articles.filter((x) => x.source.path.startsWith('site/'))) {
      expect(a.body).not.toContain(PROMO);
      expect(a.body).not.toContain(TEASER);
      expect(a.removed['recurring-lines']).toEqual({ recurring_line: lines });
    }
    for (const a of articles.filter((x) => x.source.path.startsWith('small/'))) expect(a.body).toContain(TEASER);
    const kept = articles.find((a) => a.source.path === 'site/p1.txt')!;
    const [copy] = readLines<{ source: { path: string }; code: string; stage: string; message: string }>(join(one, 'rejected.jsonl'));
    expect(copy).toMatchObject({ source: { path: 'site/z-copy.txt' }, code: 'duplicate_document', stage: 'dedupe-documents' });
    expect(copy!.message).toContain(kept.id);

    const r = report(one);
    expect(r).toMatchObject({ read: 11, accepted: 10, rejected: 1, rejectedByCode: { duplicate_document: 1 } });
    // The copy lost its lines before it was found to repeat p1 (its rejected record counts them): 8 pages.
    expect(r.removed['recurring-lines']).toEqual({ recurring_line: 8 * lines });
    expect(r.sites.site).toMatchObject({ accepted: 7, rejected: 1, rejectedByCode: { duplicate_document: 1 } });
    expect(readFileSync(join(one, 'run.log'), 'utf8')).toContain(`"recurringLines":${8 * lines},"rejected":1,`);
  });

  it('with crossDocument.recurringLines null the lines stay and the copy is still a duplicate', () => {
    const pipeline = join(base, 'off.json');
    writeFileSync(pipeline, JSON.stringify({ extends: join(ROOT, 'pipelines/news.json'), name: 'news', crossDocument: { recurringLines: null } }));
    const out = join(base, 'off');
    expect(cli(['run', input, '-o', out, '-p', pipeline, '--progress', '0']).code).toBe(0);
    expect(Object.values(recurring(out)).flat()).toEqual([]);
    expect(report(out)).toMatchObject({ accepted: 10, rejected: 1, rejectedByCode: { duplicate_document: 1 } });
  });

  it('refuses a threshold out of range with the pipeline error, exit 2', () => {
    const pipeline = join(base, 'bad.json');
    writeFileSync(pipeline, JSON.stringify({ extends: join(ROOT, 'pipelines/news.json'), name: 'news', crossDocument: { recurringLines: { minShare: 2 } } }));
    const r = cli(['run', input, '-o', join(base, 'bad'), '-p', pipeline]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/crossDocument\.recurringLines\.minShare/);
  });

  it('shards merged equal a single run: merge runs the step across the shards', () => {
    const single = join(base, 'c1');
    const shards = [0, 1].map((i) => join(base, `shard-${i}`));
    for (const [i, dir] of shards.entries()) expect(cli(['run', input, '-o', dir, '--shard', `${i}/2`, '--progress', '0']).code).toBe(0);
    // A shard leaves the step to merge: its lines are still there.
    expect(shards.flatMap((d) => Object.values(recurring(d)).flat())).toEqual([]);
    const merged = join(base, 'merged');
    const r = cli(['merge', ...shards, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of OUTPUTS) expect(readFileSync(join(merged, f), 'utf8'), f).toBe(readFileSync(join(single, f), 'utf8'));
    const a = report(merged);
    const b = report(single);
    for (const k of ['read', 'accepted', 'rejected', 'rejectedByCode', 'removed', 'sites'] as const) expect(a[k], k).toEqual(b[k]);
  });

  it('merge --pipeline takes the step\'s thresholds from the shards\' pipeline file: with recurring lines off, they stay', () => {
    const pipeline = join(base, 'off.json'); // written by the test above: recurringLines null, name news
    const shards = [0, 1].map((i) => join(base, `shard-${i}`));
    const merged = join(base, 'merged-off');
    const r = cli(['merge', ...shards, '--out', merged, '--pipeline', pipeline]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.values(recurring(merged)).flat()).toEqual([]);
    expect(report(merged)).toMatchObject({ accepted: 10, rejected: 1, rejectedByCode: { duplicate_document: 1 } });
  });

  it('merge names a shard whose trace does not fit its article (the texts it leaves out are not the body\'s): exit 2', () => {
    const shard = join(base, 'shard-bad');
    cpSync(join(base, 'shard-0'), shard, { recursive: true });
    const file = join(shard, 'articles.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const first = JSON.parse(lines[0]!) as { body: string };
    writeFileSync(file, [JSON.stringify({ ...first, body: `${first.body}\n\nA paragraph the trace does not have.` }), ...lines.slice(1)].map((l) => `${l}\n`).join(''));
    refreshManifest(shard);
    const r = cli(['merge', shard, join(base, 'shard-1'), '--out', join(base, 'merged-bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard-bad: the trace of .* does not fit its article \(its record's text has \d+ blocks, the trace \d+ without a text of its own\): the shard's outputs do not agree/);
  });

  it('with --state, the counts are those of the run: a new page the next night keeps the lines', () => {
    const state = join(base, 'state');
    expect(cli(['run', input, '-o', join(base, 'n1'), '--state', state, '--progress', '0']).code).toBe(0);
    writeFileSync(join(input, 'site', 'p7.txt'), withSiteLines(truth[ids[30]!]!.articleBody));
    const n2 = join(base, 'n2');
    expect(cli(['run', input, '-o', n2, '--state', state, '--progress', '0']).code).toBe(0);
    expect(report(n2)).toMatchObject({ read: 12, skipped: 11, accepted: 1 });
    expect(recurring(n2)).toEqual({ 'site/p7.txt': [] });
  });
});
