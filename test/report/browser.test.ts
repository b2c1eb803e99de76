// report.html in a real browser (chromium through playwright-core), on the outputs of real runs of the built CLI:
// it opens offline without errors, its charts say what report.json says, hostile scraped content stays text,
// and a document found by its path shows its blocks with the rules that removed them.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, TraceRecord } from '../../src/core/records.js';
import { cli, readLines, readTraces, ROOT, SAMPLES, tempDir } from '../cli/helpers.js';
import { launchChromium, openReport, watchedPage, type Watched } from './browser.js';

const HOSTILE = [
  '<script>alert("script")</script>',
  '<img src="http://127.0.0.1:9/pixel.png" onerror="alert(\'img\')">',
  '<a href="javascript:alert(\'link\')">click here</a>',
  '<style>body{background:url(http://127.0.0.1:9/bg.png)}</style><link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
  '</script><script>alert("breakout")</script><iframe src="http://127.0.0.1:9/frame"></iframe>',
];
const PROSE =
  'The harbour authority said on Monday that the new ferry terminal would open in the spring, after two years of building work and a long dispute over the cost of the project with the city council.';
const HOSTILE_DIR = 'x"><svg onload=alert(7)>';
const HOSTILE_FILE = '<img src=x onerror=alert(1)>.txt';

const report = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;

/** The (key, value) pairs a chart on the page shows. */
const chart = async (w: Watched, id: string): Promise<Record<string, number>> =>
  w.page.$$eval(`[data-chart="${id}"] g.bar`, (bars) => Object.fromEntries(bars.map((b) => [b.getAttribute('data-key')!, Number(b.getAttribute('data-value'))])));

/** Requests that are not the report's own files in `out`. */
const foreign = (w: Watched, out: string) => w.requests.filter((u) => !decodeURI(u).startsWith(`file://${out}/report`));

describe('report.html in a browser', () => {
  const base = tempDir('report-browser');
  const input = join(base, 'in');
  const out = join(base, 'out');
  let browser: Browser;

  beforeAll(async () => {
    cpSync(SAMPLES, join(input, 'samples'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/benchmark/html'), join(input, 'benchmark'), { recursive: true });
    const hostile = join(input, HOSTILE_DIR);
    mkdirSync(hostile, { recursive: true });
    writeFileSync(join(hostile, HOSTILE_FILE), `Harbour terminal opens in spring\n\n${PROSE}\n\n${HOSTILE.join('\n\n')}\n\n${PROSE.replace('Monday', 'Tuesday')}\n`);
    const entities = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    writeFileSync(
      join(hostile, 'page.html'),
      `<!doctype html><html><head><title>${entities('</script><script>alert("title")</script>')}</title>` +
        `<meta property="og:title" content="${entities('"><img src=x onerror=alert(2)>')}"><link rel="canonical" href="javascript:alert(3)">` +
        `<script>alert("page script")</script></head><body><article><h1>Ferry terminal</h1><p>${PROSE}</p>` +
        HOSTILE.map((h) => `<p>${entities(h)}</p>`).join('') +
        `<p>${PROSE.replace('Monday', 'Friday')}</p><img src="http://127.0.0.1:9/inline.png" onerror="alert(4)"></article></body></html>`,
    );
    const r = cli(['run', input, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens offline with no console error, and its charts show the counts of report.json', async () => {
    const w = await watchedPage(browser);
    await openReport(w, join(out, 'report.html'));
    const r = report(out);
    expect(w.errors).toEqual([]);
    expect(w.console.filter((m) => m.startsWith('error'))).toEqual([]);
    expect(foreign(w, out)).toEqual([]);
    expect(w.requests.some((u) => u.includes('/report-data/index-'))).toBe(true);

    expect(await chart(w, 'outcomes')).toEqual({ accepted: r.accepted, rejected: r.rejected, failed: r.failed, skipped: r.skipped });
    expect(await chart(w, 'rejectedByCode')).toEqual(r.rejectedByCode);
    expect(await chart(w, 'failedByCode')).toEqual(r.failedByCode);
    expect(await chart(w, 'warningsByCode')).toEqual(r.warningsByCode);
    expect(await chart(w, 'stageMs')).toEqual(r.stageMs);
    const cards = await w.page.$$eval('[data-count]', (cs) => Object.fromEntries(cs.map((c) => [c.getAttribute('data-count')!, Number(c.querySelector('b')!.textContent!.replace(/,/g, ''))])));
    expect(cards).toEqual({ read: r.read, accepted: r.accepted, rejected: r.rejected, failed: r.failed, skipped: r.skipped });
    // Blocks removed by rule: the top rules, each with the count report.json gives it.
    for (const [rule, n] of Object.entries(await chart(w, 'rulesByBlocks'))) {
      const [stage, code] = rule.split('/') as [string, string];
      expect(n, rule).toBe(r.removed[stage]![code]);
    }
    const sites = await w.page.$$eval('table.sites tbody tr', (rows) => rows.map((tr) => [tr.getAttribute('data-site'), Number(tr.children[1]!.textContent!.replace(/,/g, ''))]));
    expect(Object.fromEntries(sites)).toEqual(Object.fromEntries(Object.entries(r.sites).map(([s, c]) => [s, c.accepted + c.rejected + c.failed])));
    expect(await w.page.locator('#doc-count').textContent()).toBe(`${r.read} of ${r.read} documents`);
    await w.page.close();
  });

  it('runs nothing a hostile document holds: no dialog, no request, no script error; its text shows as text', async () => {
    const w = await watchedPage(browser);
    await openReport(w, join(out, 'report.html'));
    const docs = readLines<TraceRecord>(join(out, 'trace.jsonl')).filter((t) => t.path.startsWith(HOSTILE_DIR));
    expect(docs.map((d) => d.path).sort()).toEqual([`${HOSTILE_DIR}/${HOSTILE_FILE}`, `${HOSTILE_DIR}/page.html`].sort());
    // Found through the search box, by the hostile folder name, then each opened.
    await w.page.fill('#search', HOSTILE_DIR);
    await w.page.waitForFunction(() => document.querySelectorAll('#doc-list li[data-id]').length === 2);
    expect(await w.page.$$eval('#doc-list a', (as) => as.map((a) => a.textContent).sort())).toEqual(docs.map((d) => d.path).sort());
    for (const doc of docs) {
      await w.page.click(`#doc-list li[data-id="${doc.id}"] a`);
      await w.page.waitForSelector(`#doc-view h3[data-doc="${doc.id}"]`);
      const text = await w.page.locator('#doc-view').innerText();
      for (const h of HOSTILE) expect(text, doc.path).toContain(h);
      expect(text).toContain(doc.path);
    }
    // The site filter lists the hostile folder name as an option's text.
    expect(await w.page.$$eval('#f-site option', (os) => os.map((o) => o.textContent))).toContain(HOSTILE_DIR);
    expect(await w.page.$$eval('table.sites tr[data-site] a', (as) => as.map((a) => a.textContent))).toContain(HOSTILE_DIR);
    const elements = await w.page.evaluate(() => ({
      scripts: document.querySelectorAll('script:not([src])').length,
      images: document.querySelectorAll('img, iframe, link[rel=stylesheet], body style, svg svg').length,
      javascript: document.querySelectorAll('a[href^="javascript:" i]').length,
      onHandlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    expect(elements).toEqual({ scripts: 2, images: 0, javascript: 0, onHandlers: 0 });
    await w.page.waitForTimeout(300);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.console.filter((m) => m.startsWith('error'))).toEqual([]);
    expect(foreign(w, out)).toEqual([]);
    await w.page.close();
  });

  it('searching a path shows that document block by block, each removed block with its stage and rule', async () => {
    const traces = readTraces(out);
    // The benchmark page with most rules at work.
    const doc = traces.filter((t) => t.path.startsWith('benchmark/')).sort((a, b) => new Set(b.blocks.map((x) => x.removed?.code)).size - new Set(a.blocks.map((x) => x.removed?.code)).size)[0]!;
    const w = await watchedPage(browser);
    await openReport(w, join(out, 'report.html'));
    await w.page.fill('#search', doc.path.slice(-30));
    await w.page.waitForFunction((id) => {
      const rows = document.querySelectorAll('#doc-list li[data-id]');
      return rows.length === 1 && rows[0]!.getAttribute('data-id') === id;
    }, doc.id);
    await w.page.press('#search', 'Enter');
    await w.page.waitForSelector(`#doc-view h3[data-doc="${doc.id}"]`);
    const shown = await w.page.$$eval('#doc-view [data-block]', (bs) => bs.map((b) => [b.getAttribute('data-rule'), b.querySelector('.text')!.textContent]));
    expect(shown).toEqual(doc.blocks.map((b) => [b.removed ? `${b.removed.stage}/${b.removed.code}` : '', b.text]));
    expect(shown.filter(([rule]) => rule).length).toBeGreaterThan(2);
    // Filtering by one of its rules lists it among the documents that rule removed something from.
    const rule = shown.find(([r]) => r)![0]!;
    await w.page.goto(`file://${join(out, 'report.html')}#docs?rule=${encodeURIComponent(rule)}`);
    await w.page.waitForSelector(`#doc-list li[data-id="${doc.id}"]`);
    const listed = await w.page.$$eval('#doc-list li[data-id]', (ls) => ls.map((l) => l.getAttribute('data-id')));
    const expected = traces.filter((t) => t.blocks.some((b) => b.removed && `${b.removed.stage}/${b.removed.code}` === rule)).map((t) => t.id);
    expect(listed).toEqual(expected.slice(0, 100));
    expect(w.errors).toEqual([]);
    await w.page.close();
  });
});
