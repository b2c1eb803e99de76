// strip-boilerplate on scraped text dumps: the seeds in samples/, through the real decode stage.
import { describe, expect, it } from 'vitest';
import { isRejected } from '../../../src/core/stage.js';
import { runStages } from '../../../src/runner/process.js';
import { docFromText, kept, keptText, removedWith, sampleThrough, stagesUpTo } from '../../helpers/docs.js';

const strip = (name: string) => sampleThrough(name, 'strip-boilerplate');

describe('strip-boilerplate on 004 (error page glued on a MENAFN article)', () => {
  const doc = strip('004_7b4e951b40827333.txt');

  it('cuts the error-page header off and keeps the article', () => {
    expect(isRejected(doc)).toBe(false);
    expect(removedWith(doc, 'error_page')).toEqual([
      '403',
      'Sorry!!',
      "Error! We're sorry, but the page you were looking for doesn't exist.",
    ]);
    expect(removedWith(doc, 'headline')).toEqual(['Zelensky holds tough talks with US on Russia’s territorial demands']);
    expect(kept(doc)[0]!.text).toMatch(/^\(MENAFN\) Ukrainian leader/);
  });

  it('removes the legal disclaimer and the trailing "Most popular stories" list', () => {
    const body = keptText(doc);
    for (const junk of ['Legal Disclaimer', 'MENAFN provides', 'Most popular stories', 'Market Research', 'B2BINPAY', 'CommentsNo comment']) {
      expect(body).not.toContain(junk);
    }
    expect(removedWith(doc, 'legal_disclaimer')[0]).toBe('Legal Disclaimer:');
    expect(removedWith(doc, 'trailing_headlines')[0]).toBe('Most popular stories');
    expect(body).toContain('abandon its bid to join NATO in favor of permanent neutrality.');
  });
});

describe('strip-boilerplate on 001 (promo line and "Read more:" list)', () => {
  const doc = strip('001_ad1ad33f1b01fb71.txt');

  it('removes the promo line and the "Read more:" list with its two headlines', () => {
    expect(removedWith(doc, 'promo_line')).toEqual(['Latest updates on the Ukraine war']);
    expect(removedWith(doc, 'read_more_list')).toEqual([
      'Read more:',
      'Russia apprehends Uzbek citizen linked to general’s assassination',
      'Zelenskyy and Putin ‘must reach an agreement’, asserts Trump',
    ]);
  });

  it('keeps every sentence of the article', () => {
    expect(kept(doc)).toHaveLength(doc.blocks.length - 4);
    expect(keptText(doc)).toContain('Upon speaking with Sky News on Wednesday evening');
  });
});

describe('strip-boilerplate leaves clean articles alone', () => {
  it.each(['000_056ef794f2a8b55d.txt', '003_d85b2e313ce1bd84.txt'])('%s loses no block', (name) => {
    const doc = strip(name);
    expect(doc.blocks.filter((b) => b.removed)).toEqual([]);
  });
  it('002 loses only its contributor line, by its role', () => {
    const doc = strip('002_70c103ae15988b00.txt');
    expect(doc.blocks.filter((b) => b.removed).map((b) => [b.removed!.code, b.role?.name])).toEqual([['contributor_line', 'contributor_line']]);
  });
});

describe('error pages', () => {
  const run = (text: string) => runStages(docFromText(text), stagesUpTo('strip-boilerplate'));

  it('rejects a document that is only an error page', () => {
    const doc = run('404\nPage not found\nSorry, the page you requested does not exist.\n');
    expect(doc.messages.find((m) => m.severity === 'fatal')).toMatchObject({ stage: 'strip-boilerplate', code: 'error_page' });
  });

  it('does not take an article that quotes an error message for an error page', () => {
    const article = [
      'Visitors to the ministry website on Monday were greeted by an unusual notice.',
      'The message read: "Sorry, the page you were looking for does not exist," according to several screenshots shared online, and officials said the outage lasted for most of the afternoon before the site was restored.',
      'A spokesperson blamed a failed software update and said no data had been lost during the incident, adding that an internal review would publish its findings within a month.',
    ].join('\n');
    const doc = run(article);
    expect(isRejected(doc)).toBe(false);
    expect(kept(doc)).toHaveLength(3);
  });
});

describe('date lines', () => {
  const run = (line: string) => runStages(docFromText(`${line}\nThe council met on Monday and approved the budget for next year after a long debate.`), stagesUpTo('strip-boilerplate'));
  it.each([
    ['Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM', 'date_line'],
    ['| UPDATED: 11:05, Tue, Nov 19, 2019', 'date_line'],
    ['17 de diciembre de 2023', 'date_line'],
    // A labelled date is the page-meta phrase rule's, which runs first.
    ['Published: 12 March 2024', 'page_meta_label_i18n'],
  ])('removes a line that is only a date: %s (%s)', (line, code) => expect(removedWith(run(line), code)).toEqual([line]));
  it.each(['5040', 'Released on March 12, 2024 by the ministry.', 'May 2019 was hot'])('keeps %s', (line) => {
    expect(removedWith(run(line), 'date_line')).toEqual([]);
  });
});
