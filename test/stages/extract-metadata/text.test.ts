// Text files (issue 2): headline, dateline, contributor and byline lines on the seeds in samples/.
import { describe, expect, it } from 'vitest';
import { bodyText, keptBlocks } from '../../../src/core/stage.js';
import { readContributorLine, readDateline } from '../../../src/stages/anatomy/lines.js';
import { extract, htmlDoc, sample, textDoc } from './helpers.js';

describe('headline', () => {
  it('takes the headline anatomy found in 004 as the title; strip-boilerplate removed it from the body', () => {
    const doc = extract(textDoc(sample('004_7b4e951b40827333.txt')));
    expect(doc.metadata.title).toEqual({ value: 'Zelensky holds tough talks with US on Russia’s territorial demands', source: 'text:headline' });
    const headline = doc.blocks.find((b) => b.text.startsWith('Zelensky holds tough talks'));
    expect(headline?.role).toEqual({ name: 'headline' });
    expect(headline?.removed).toEqual({ stage: 'strip-boilerplate', code: 'headline' });
    expect(bodyText(keptBlocks(doc))).toMatch(/^\(MENAFN\) Ukrainian leader/);
  });

  it.each(['000_056ef794f2a8b55d.txt', '001_ad1ad33f1b01fb71.txt', '002_70c103ae15988b00.txt', '003_d85b2e313ce1bd84.txt'])(
    '%s opens with a paragraph: no title, and extract-metadata removes nothing',
    (name) => {
      const doc = extract(textDoc(sample(name)));
      expect(doc.metadata.title).toBeNull();
      expect(doc.blocks.filter((b) => b.removed?.stage === 'extract-metadata')).toEqual([]);
      expect(doc.blocks.filter((b) => b.role?.name === 'headline')).toEqual([]);
    },
  );
});

describe('dateline', () => {
  it('gives publisher MENAFN on 004 and keeps the paragraph', () => {
    const doc = extract(textDoc(sample('004_7b4e951b40827333.txt')));
    expect(doc.metadata.publisher).toEqual({ value: 'MENAFN', source: 'text:dateline' });
    expect(keptBlocks(doc).some((b) => b.text.startsWith('(MENAFN)'))).toBe(true);
  });
  it.each([
    ['WASHINGTON (AP) — The Senate voted on Tuesday.', 'AP'],
    ['LONDON (Reuters) - Britain said on Monday.', 'Reuters'],
    ['(CNN) — A storm hit the coast.', 'CNN'],
  ])('%s', (line, agency) => {
    expect(readDateline(line)?.agency).toBe(agency);
  });
  it('maps agency abbreviations through publisherAliases', () => {
    const doc = extract(textDoc('WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill after a long debate over its cost.'));
    expect(doc.metadata.publisher?.value).toBe('Associated Press');
  });
  it('ignores a parenthetical remark', () => {
    expect(readDateline('The minister (who had resigned twice before) said nothing.')).toBeNull();
  });
});

describe('contributor lines', () => {
  it("removes 002's contributor line; its names become the authors and CNN the publisher", () => {
    const doc = extract(textDoc(sample('002_70c103ae15988b00.txt')));
    expect(doc.metadata.authors).toEqual({ value: ['Clare Sebastian', 'Kristen Holmes', 'Betsy Klein'], source: 'text:contributors' });
    expect(doc.metadata.publisher).toEqual({ value: 'CNN', source: 'text:contributors' });
    const line = doc.blocks.find((b) => b.text.includes('contributed to this report'));
    expect(line?.removed).toEqual({ stage: 'strip-boilerplate', code: 'contributor_line' });
  });
  it('reads names even when strip-boilerplate removed the line first', () => {
    // The credit sits in an element whose class names the article's meta: strip-boilerplate removes it as a byline.
    const p1 = 'The council approved the new budget on Monday after a debate that lasted most of the night, officials said.';
    const p2 = 'A second paragraph follows with more detail about the vote and what comes next for the city and its people.';
    const html = `<html><body><article><h1>City approves budget</h1><p>${p1}</p><p>${p2}</p><p class="article-meta">Clare Sebastian and Betsy Klein contributed to this report.</p></article></body></html>`;
    const doc = extract(htmlDoc(html));
    const line = doc.blocks.find((b) => b.text.includes('contributed to this report'));
    expect(line?.removed?.stage).toBe('strip-boilerplate');
    expect(doc.metadata.authors?.value).toEqual(['Clare Sebastian', 'Betsy Klein']);
  });
  it('reads an outlet\'s possessive without "s" ("Fox News’ Jessica Napoli contributed to this report.")', () => {
    expect(readContributorLine('Fox News’ Jessica Napoli contributed to this report.')).toEqual({ names: ['Jessica Napoli'], outlet: 'Fox News' });
    expect(readContributorLine("Jane O'Brien contributed to this report.")).toEqual({ names: ["Jane O'Brien"], outlet: null });
  });
  it('reads Reuters credits without the editors', () => {
    expect(readContributorLine('Reporting by Jane Doe and John Roe; Editing by Max Muster')?.names).toEqual(['Jane Doe', 'John Roe']);
    expect(readContributorLine('Additional reporting by Ana Lima in Lisbon')?.names).toEqual(['Ana Lima']);
  });
});

describe('bylines and date lines near the top', () => {
  const article = (top: string[]) =>
    [...top, 'The council approved the new budget on Monday after a debate that lasted most of the night, officials said.', 'A second paragraph follows with more detail about the vote and what comes next for the city.'].join('\n');

  it('takes "By Jane Doe and John Roe, Reuters" as authors and removes the line', () => {
    const doc = extract(textDoc(article(['City approves budget', 'By Jane Doe and John Roe, Reuters'])));
    expect(doc.metadata.title?.value).toBe('City approves budget');
    expect(doc.metadata.authors).toEqual({ value: ['Jane Doe', 'John Roe'], source: 'text:byline' });
    expect(doc.blocks.find((b) => b.text.startsWith('By Jane'))?.removed?.code).toBe('byline');
  });

  it('takes "Published: 12 March 2024" and "March 12, 2024 10:32 AM" as the date; the line leaves the body', () => {
    for (const line of ['Published: 12 March 2024', 'March 12, 2024 10:32 AM']) {
      const doc = extract(textDoc(article(['City approves budget', line])));
      expect(doc.metadata.publishedAt).toEqual({ value: '2024-03-12', source: 'text:dateline' });
      expect(doc.blocks.find((b) => b.text === line)?.removed).not.toBeNull();
    }
  });
});

// Issue 9, confirmed through the CLI: text files as a scraper saves them, paragraphs separated by blank lines.
describe('metadata lines another stage already removed', () => {
  const BODY =
    'The council approved the new budget on Monday after a debate that lasted most of the night, officials said.\n\n' +
    'A second paragraph follows with more detail about the vote and what comes next for the city and its people.\n';

  it('reads the date of a "Published:" line that strip-boilerplate removed, and leaves its removal as it was', () => {
    const doc = extract(textDoc(`City approves budget\n\nPublished: 12 March 2024\n\n${BODY}`));
    expect(doc.metadata.title).toEqual({ value: 'City approves budget', source: 'text:headline' });
    expect(doc.metadata.publishedAt).toEqual({ value: '2024-03-12', source: 'text:dateline' });
    // strip-boilerplate owns this removal: extract-metadata reads the line and does not mark it again.
    expect(doc.blocks.find((b) => b.text === 'Published: 12 March 2024')?.removed?.stage).toBe('strip-boilerplate');
    expect(bodyText(keptBlocks(doc))).toBe(BODY.trim());
  });

  it('takes the headline above a "By" line as the title and removes both from the body', () => {
    const doc = extract(textDoc(`Storm closes coastal roads\n\nBy John Roe\n\n${BODY}`));
    expect(doc.metadata.title).toEqual({ value: 'Storm closes coastal roads', source: 'text:headline' });
    expect(doc.metadata.authors).toEqual({ value: ['John Roe'], source: 'text:byline' });
    expect(bodyText(keptBlocks(doc))).toBe(BODY.trim());
  });

  it('skips a byline and a date line together between the headline and the body', () => {
    const doc = extract(textDoc(`Storm closes coastal roads\n\nBy John Roe\n\nUpdated: March 12, 2024\n\n${BODY}`));
    expect(doc.metadata.title?.value).toBe('Storm closes coastal roads');
    expect(doc.metadata.authors?.value).toEqual(['John Roe']);
    expect(doc.metadata.publishedAt?.value).toBe('2024-03-12');
    expect(bodyText(keptBlocks(doc))).toBe(BODY.trim());
  });

  it('a text dump: the headline under a share button strip-boilerplate removed is still the title', () => {
    const doc = extract(textDoc(`Tweet\n\nSenate adjourns after two deaths\n\nBy Tim Childers - Staff Reporter\n\n${BODY}`));
    expect(doc.blocks[0]?.removed?.stage).toBe('strip-boilerplate');
    expect(doc.metadata.title).toEqual({ value: 'Senate adjourns after two deaths', source: 'text:headline' });
    expect(doc.metadata.authors?.value).toEqual(['Tim Childers']);
    expect(bodyText(keptBlocks(doc))).toBe(BODY.trim());
  });

  it('never takes a lone short line before bylines as a headline when no paragraph follows', () => {
    const doc = extract(textDoc('Storm closes coastal roads\n\nBy John Roe\n'));
    expect(doc.metadata.title).toBeNull();
  });
});

describe('language', () => {
  it('detects English on the samples and gives null for a few words', () => {
    expect(extract(textDoc(sample('000_056ef794f2a8b55d.txt'))).metadata.language).toEqual({ value: 'en', source: 'detected' });
    expect(extract(textDoc('Hola mundo')).metadata.language).toBeNull();
  });
  it('detects Spanish and French', () => {
    const es = 'El presidente anunció este martes un nuevo plan económico para enfrentar la inflación, que según los analistas podría reducir los precios de los alimentos en los próximos meses.';
    const fr = "Le gouvernement a présenté mardi un nouveau plan pour lutter contre l'inflation, qui selon les économistes pourrait faire baisser les prix de l'alimentation dans les prochains mois.";
    expect(extract(textDoc(es)).metadata.language?.value).toBe('es');
    expect(extract(textDoc(fr)).metadata.language?.value).toBe('fr');
  });
});
