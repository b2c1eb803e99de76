// Night over night: with --state, a night's report.html compares with the previous completed run and links to
// the documents behind each change; `newsclean report` rebuilds the same page, or compares with another run.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.js';
import { launchChromium, openReport, watchedPage } from './browser.js';

const PLACES = ['Northgate', 'Riverside', 'Eastfield', 'Millbrook', 'Kingsbridge', 'Ashford'];
const TOPICS = ['budget', 'ferry', 'school', 'library', 'bridge', 'market'];

/** Article n of a site: distinct headline, numbers and sentences. */
const article = (n: number) => {
  const place = PLACES[n % PLACES.length]!;
  const topic = TOPICS[Math.floor(n / PLACES.length) % TOPICS.length]!;
  return (
    `${place} ${topic} plan number ${n} approved\n\n` +
    `The ${place} council voted on Tuesday to approve the ${topic} plan, which will cost ${100 + n} thousand pounds over the next ${2 + (n % 5)} years, after a debate that lasted until late in the evening.\n\n` +
    `Residents of ${place} had asked for the ${topic} work for a long time, and ${n + 3} of them spoke at the meeting; most welcomed the decision, while some said the money should have gone to roads instead.\n\n` +
    `Work on the ${topic} is expected to start in ${['March', 'April', 'May', 'June'][n % 4]}, and the council will publish a report on its progress every ${n % 2 ? 'month' : 'quarter'}.\n`
  );
};

/** What a changed layout looks like from the scraper's side: error pages where articles were. */
const errorPage = (n: number) => `Page not found\n\nSorry, the page you were looking for (story ${n}) does not exist.\n\nGo back to the front page\n`;

describe('report.html night over night (--state)', () => {
  const base = tempDir('report-nights');
  const input = join(base, 'in');
  const state = join(base, 'state');
  let browser: Browser;
  const write = (name: string, text: string) => {
    mkdirSync(join(input, name, '..'), { recursive: true });
    writeFileSync(join(input, name), text);
  };

  beforeAll(async () => {
    // Night one: two sites of good articles.
    for (let i = 0; i < 24; i++) write(`courier/a${i}.txt`, article(i));
    for (let i = 0; i < 24; i++) write(`gazette/a${i}.txt`, article(100 + i));
    expect(cli(['run', input, '--out', join(base, 'night1'), '--state', state]).code).toBe(0);
    // Night two: courier's new pages are error pages; gazette's now end with a list of links.
    for (let i = 24; i < 48; i++) write(`courier/a${i}.txt`, errorPage(i));
    for (let i = 24; i < 48; i++) write(`gazette/a${i}.txt`, `${article(100 + i)}\nRead more:\nCouncil elections: who is standing\nFerry timetable changes\n`);
    expect(cli(['run', input, '--out', join(base, 'night2'), '--state', state]).code).toBe(0);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the first night has nothing to compare with; the second names the new code, the site that jumped and the rule that fired', async () => {
    const first = readFileSync(join(base, 'night1', 'report.html'), 'utf8');
    expect(first).toContain('No previous run to compare with');
    expect(existsSync(join(base, 'night1', 'report-previous.json'))).toBe(false);

    const w = await watchedPage(browser);
    await openReport(w, join(base, 'night2', 'report.html'));
    const changes = await w.page.$$eval('#changes li.change', (ls) => ls.map((l) => `${l.getAttribute('data-kind')} ${l.getAttribute('data-subject')}`));
    expect(changes).toContain('new_code error_page');
    expect(changes).toContain('site_rejections courier');
    expect(changes).toContain('rule_more strip-boilerplate/read_more_list');
    // The site that did not change is not flagged.
    expect(changes.filter((c) => c.includes('gazette'))).toEqual([]);
    const night1 = JSON.parse(readFileSync(join(base, 'night1', 'report.json'), 'utf8')) as { runId: string };
    expect(await w.page.locator('#changes').innerText()).toContain(night1.runId);

    // Its link lists courier's rejected documents of the night: the 24 error pages.
    await w.page.click('#changes li[data-kind="site_rejections"][data-subject="courier"] a');
    await w.page.waitForFunction(() => document.getElementById('doc-count')!.textContent!.startsWith('24 of'));
    const listed = await w.page.$$eval('#doc-list li[data-id] a', (as) => as.map((a) => a.textContent!));
    expect(listed.sort()).toEqual(Array.from({ length: 24 }, (_, i) => `courier/a${24 + i}.txt`).sort());
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('newsclean report rebuilds the same comparison from the folder, compares with another run, or with none', () => {
    const night2 = join(base, 'night2');
    const r = cli(['report', night2]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/48 documents; [3-9] changes since the previous run/);
    expect(readFileSync(join(night2, 'report.html'), 'utf8')).toContain('data-subject="courier"');

    // Against night two itself: nothing changed.
    const same = cli(['report', night2, '--previous', night2]);
    expect(same.stdout).toContain('0 changes since the previous run');
    const none = cli(['report', night2, '--no-previous']);
    expect(none.stdout).toContain('no previous run to compare with');
    expect(existsSync(join(night2, 'report-previous.json'))).toBe(false);
  });

  it('a night with nothing new (every input skipped) flags no rule and no site', () => {
    const night3 = join(base, 'night3');
    expect(cli(['run', input, '--out', night3, '--state', state]).code).toBe(0);
    const r = cli(['report', night3]);
    expect(r.stdout).toContain('0 documents; 0 changes since the previous run');
  });

  it('says what is wrong with a folder that is not a completed output', () => {
    const r = cli(['report', join(base, 'in')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds no newsclean output');
    expect(cli(['report', join(base, 'missing')]).stderr).toContain('output folder not found');
  });
});
