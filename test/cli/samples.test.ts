// The seed articles and sample pages, end to end through the built CLI: what issue 2 says must hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectedRecord, Report, TraceRecord } from '../../src/core/records.js';
import { cli, readLines, readTraces, SAMPLES, tempDir } from './helpers.js';

let articles: Map<string, ArticleRecord>;
let rejected: RejectedRecord[];
let traces: Map<string, TraceRecord>;
let report: Report;

beforeAll(() => {
  const out = tempDir('samples');
  const r = cli(['run', SAMPLES, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  articles = new Map(readLines<ArticleRecord>(join(out, 'articles.jsonl')).map((a) => [a.source.path, a]));
  rejected = readLines<RejectedRecord>(join(out, 'rejected.jsonl'));
  traces = new Map(readTraces(out).map((t) => [t.path, t]));
  report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
});

const article = (path: string) => {
  const a = articles.get(path);
  if (!a) throw new Error(`${path} was not accepted`);
  return a;
};
const paragraphs = (a: ArticleRecord) => a.body.split('\n\n');
const sourceLines = (name: string) => readFileSync(join(SAMPLES, name), 'utf8').split('\n').filter((l) => l.trim());

describe('samples/ end to end', () => {
  it('accounts for every file: read = accepted + rejected + failed', () => {
    expect(report.read).toBe(8);
    expect(report.accepted + report.rejected + report.failed).toBe(report.read);
    expect(report.rejectedByCode).toEqual({ error_page: 1 });
    expect(rejected.map((r) => [r.source.path, r.code])).toEqual([['html/page-not-found.html', 'error_page']]);
  });

  it('004: one clean MENAFN article out of an error page, a disclaimer, a popular-stories list and pasted paragraphs', () => {
    const a = article('004_7b4e951b40827333.txt');
    for (const junk of ['403', 'Sorry!!', "Error! We're sorry", 'Legal Disclaimer', 'MENAFN provides', 'Most popular stories', 'Market Research', 'B2BINPAY', 'CommentsNo comment']) {
      expect(a.body).not.toContain(junk);
    }
    const ps = paragraphs(a);
    expect(new Set(ps).size).toBe(ps.length);
    expect(ps).toHaveLength(5);
    expect(a.title).toBe('Zelensky holds tough talks with US on Russia’s territorial demands');
    expect(a.publisher).toBe('MENAFN');
    expect(a.removed['dedupe-paragraphs']).toEqual({ duplicate_paragraph: 4 });
  });

  it('001: the promo line, "Read more:" and its two headlines leave; every sentence of the article stays', () => {
    const a = article('001_ad1ad33f1b01fb71.txt');
    const gone = ['Latest updates on the Ukraine war', 'Read more:', 'Russia apprehends Uzbek citizen linked to general’s assassination', 'Zelenskyy and Putin ‘must reach an agreement’, asserts Trump'];
    for (const g of gone) expect(a.body).not.toContain(g);
    expect(paragraphs(a)).toEqual(sourceLines('001_ad1ad33f1b01fb71.txt').filter((l) => !gone.includes(l)));
  });

  it('002: the contributor line leaves the body, its names land in the metadata, and the publisher is CNN', () => {
    const a = article('002_70c103ae15988b00.txt');
    expect(a.body).not.toContain('contributed to this report');
    expect(a.authors).toEqual(['Clare Sebastian', 'Kristen Holmes', 'Betsy Klein']);
    expect(a.publisher).toBe('CNN');
    expect(a.removed['strip-boilerplate']).toMatchObject({ contributor_line: 1 });
  });

  it.each(['000_056ef794f2a8b55d.txt', '003_d85b2e313ce1bd84.txt'])('%s: no paragraph of the article is lost', (name) => {
    expect(paragraphs(article(name))).toEqual(sourceLines(name));
  });

  it("003: the subheadings stay, as headings", () => {
    const headings = traces.get('003_d85b2e313ce1bd84.txt')!.blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => [h.text, h.removed])).toEqual(
      ['Trump’s Promise of Quick Resolution', 'Russia’s Cautious Optimism', 'Trump Warns of Sanctions as Putin Holds Firm', 'Zelensky Stands Strong Amid Ongoing Conflict', 'The War’s Impact and Current Landscape', 'Obstacles to Peace'].map((t) => [t, null]),
    );
  });

  it('an HTML page: the article without navigation, cookie banner, share bar, caption, newsletter box or related links, and its metadata', () => {
    const a = article('html/riverside-council-budget.html');
    expect(paragraphs(a)[0]).toMatch(/^Riverside borough council has approved a £42m budget/);
    expect(a.body).toContain('Libraries reprieve for one year');
    expect(a.body).toContain('two new social workers for the adult care team');
    expect(a.body).toMatch(/hardship team, which can spread payments over twelve months instead of ten\.$/);
    for (const junk of ['Sport', 'We use cookies', 'Share on Facebook', 'Photo: Courier staff', 'Sign up for our free', 'Related stories', 'All rights reserved', 'not content', 'By Priya']) {
      expect(a.body).not.toContain(junk);
    }
    expect(a).toMatchObject({
      title: 'Riverside council approves £42m budget after late-night vote',
      authors: ['Priya Natarajan', 'Tom Whitfield'],
      publishedAt: '2025-03-12T07:45:00+00:00',
      publisher: 'The Riverside Courier',
      url: 'https://courier.example/news/2025/03/12/riverside-council-budget',
    });
    expect(a.language).toMatch(/^en/);
  });

  it('a windows-1252 page is decoded by its declared charset', () => {
    const a = article('html/fete-du-village-windows-1252.html');
    expect(a.body).toContain('« C’est la plus belle édition depuis vingt ans »');
    expect(a.body).toContain('45 000 €');
    expect(a.body).not.toContain('\ufffd');
    expect(a).toMatchObject({ title: 'La fête du village attire plus de 3 000 visiteurs', authors: ['Élodie Marchand'], language: 'fr', publisher: 'Le Petit Écho' });
  });
});
