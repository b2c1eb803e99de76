// The anatomy stage, after decode as the pipeline runs it: what each block is, for text and for HTML, in the
// languages of the vocabulary. It removes nothing; the stages after it act on the roles.
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../../src/core/doc.js';
import { docFromText, runThrough, sampleThrough } from '../../helpers/docs.js';

const P1 = 'The council approved the new budget on Monday after a debate that lasted well into the night, officials said.';
const P2 = 'The mayor said the vote was a good day for the city and for the residents who had waited for years.';

const roles = (doc: Doc) => doc.blocks.filter((b) => b.role).map((b) => ({ text: b.text, ...b.role }));
const text = (lines: string[]) => runThrough(docFromText(lines.join('\n')), 'anatomy');
const html = (body: string, head = '') => runThrough(docFromText(`<html><head>${head}</head><body>${body}</body></html>`, 'html'), 'anatomy');

describe('anatomy of a text', () => {
  it('finds the headline, a byline with its names and a date line with its date under it', () => {
    const doc = text(['City approves budget', 'By John Roe', 'Published: 12 March 2024', P1, P2]);
    expect(roles(doc)).toEqual([
      { text: 'City approves budget', name: 'headline' },
      { text: 'By John Roe', name: 'byline', names: ['John Roe'], header: true },
      { text: 'Published: 12 March 2024', name: 'date_line', date: '2024-03-12', header: true },
    ]);
    expect(doc.blocks.every((b) => b.removed === null)).toBe(true);
  });

  it.each([
    ['Von Anna Müller', 'Veröffentlicht am 12. März 2024', ['Anna Müller'], '2024-03-12'],
    ['Par Élodie Marchand', 'Publié le 18 août 2024', ['Élodie Marchand'], '2024-08-18'],
    ['Por Ana García', 'Publicado el 3 de mayo de 2024', ['Ana García'], '2024-05-03'],
    ['Di Marco Rossi', 'Pubblicato il 7 giugno 2024', ['Marco Rossi'], '2024-06-07'],
    ['Por João Silva', 'Publicado em 9 de abril de 2024', ['João Silva'], '2024-04-09'],
    ['Door Jan de Vries', 'Gepubliceerd op 5 mei 2023', ['Jan de Vries'], '2023-05-05'],
    ['Przez Anna Nowak', 'Opublikowano: 3 maja 2024', ['Anna Nowak'], '2024-05-03'],
  ])('reads "%s" and "%s"', (byline, dateLine, names, date) => {
    const found = roles(text(['Stadtrat beschließt Haushalt', byline, dateLine, P1, P2]));
    expect(found.map((r) => r.name)).toEqual(['headline', 'byline', 'date_line']);
    expect(found[1]!.names).toEqual(names);
    expect(found[2]!.date).toBe(date);
  });

  it('finds the headline under an error banner glued on top (samples/004), and the agency dateline of the first paragraph', () => {
    const doc = sampleThrough('004_7b4e951b40827333.txt', 'anatomy');
    expect(roles(doc).slice(0, 2)).toEqual([
      { text: 'Zelensky holds tough talks with US on Russia’s territorial demands', name: 'headline' },
      expect.objectContaining({ name: 'dateline', agency: 'MENAFN' }),
    ]);
  });

  it('gives a text that opens with a paragraph no headline (samples/000)', () => {
    expect(roles(sampleThrough('000_056ef794f2a8b55d.txt', 'anatomy')).filter((r) => r.name === 'headline')).toEqual([]);
  });

  it('marks a contributor line anywhere with its names and outlet (samples/002)', () => {
    const line = roles(sampleThrough('002_70c103ae15988b00.txt', 'anatomy')).find((r) => r.name === 'contributor_line');
    expect(line).toMatchObject({ names: ['Clare Sebastian', 'Kristen Holmes', 'Betsy Klein'], agency: 'CNN' });
  });

  it("takes for the headline the line that repeats a whole page's <title> above a paragraph, past the menus", () => {
    // As text-fullpage/7bb1ca90 (gizmodo): the title first, menus, the headline again, then the article.
    const doc = text(['Bedding gave a man feather duvet lung | Gizmodo', 'Home', 'Science', 'Most Popular', 'Bedding gave a man feather duvet lung', 'By Ed Cara', P1, P2]);
    expect(roles(doc).filter((r) => r.name === 'headline').map((r) => r.text)).toEqual(['Bedding gave a man feather duvet lung']);
  });

  it('marks comment headers, a date or a time beside "said:" (en, de, fr, pl), and not an article\'s "he said:" before a quote', () => {
    const doc = text([
      'Open thread', P1, P2,
      'Milan Griffes on September 12, 2018 at 4:47 pm said:', P1,
      'Anna Müller schrieb am 3. Mai 2020 um 10:15:', P2,
      'Jean Dupont a écrit :', '12 mai 2021 à 18:02', P1,
      'Tomek napisał 2021-05-12 o 18:02:', P2,
      'Speaking to reporters, the mayor said:', P1,
    ]);
    expect(roles(doc).filter((r) => r.name === 'comment_header').map((r) => r.text)).toEqual([
      'Milan Griffes on September 12, 2018 at 4:47 pm said:',
      'Anna Müller schrieb am 3. Mai 2020 um 10:15:',
      'Jean Dupont a écrit :',
      'Tomek napisał 2021-05-12 o 18:02:',
    ]);
  });

  it('does not take a menu line for the headline: below the first line a headline is followed by a paragraph', () => {
    const doc = text(['Home', 'News Sport Weather', 'Local Politics Business', 'City approves budget', P1, P2]);
    expect(roles(doc).filter((r) => r.name === 'headline').map((r) => r.text)).toEqual(['City approves budget']);
  });
});

describe('anatomy of an HTML page', () => {
  it('marks the h1, the byline under it and the caption (samples/html/riverside-council-budget.html)', () => {
    const found = roles(sampleThrough('html/riverside-council-budget.html', 'anatomy'));
    expect(found.find((r) => r.name === 'headline' && !r.copy)?.text).toBe('Riverside council approves £42m budget after late-night vote');
    expect(found.find((r) => r.name === 'byline')).toMatchObject({ names: ['Priya Natarajan', 'Tom Whitfield'], header: true });
  });

  it('marks a French byline and date under the headline (samples/html/fete-du-village-windows-1252.html)', () => {
    const found = roles(sampleThrough('html/fete-du-village-windows-1252.html', 'anatomy'));
    expect(found.find((r) => r.name === 'byline')?.names).toEqual(['Élodie Marchand']);
  });

  it('prefers the h1 that matches the page title, and marks the title repeated, a subtitle, a lead and a caption', () => {
    const doc = html(
      `<nav><h1>Daily Courier</h1></nav><article><h1>Harbour ferry terminal opens in spring</h1><h2 class="subtitle">Two years of works end</h2>` +
        `<p class="standfirst">${P1}</p><figure><img src="x.jpg"><figcaption>The new terminal at dawn</figcaption></figure><p>${P2}</p></article>` +
        `<div class="print-header"><h3>Harbour ferry terminal opens in spring</h3></div>`,
      '<title>Harbour ferry terminal opens in spring | Daily Courier</title>',
    );
    expect(roles(doc).map((r) => [r.text.slice(0, 30), r.name, r.copy ?? false])).toEqual([
      ['Harbour ferry terminal opens i', 'headline', false],
      ['Two years of works end', 'headline', true],
      [P1.slice(0, 30), 'lead', false],
      ['The new terminal at dawn', 'caption', false],
      ['Harbour ferry terminal opens i', 'headline', true],
    ]);
  });

  it('reads lead and subtitle class words in other languages (Vorspann, sottotitolo)', () => {
    const doc = html(`<article><h1>Stadtrat beschließt Haushalt</h1><div class="vorspann"><p>${P1}</p></div><h2 class="sottotitolo">Due anni di lavori</h2><p>${P2}</p></article>`);
    expect(roles(doc).map((r) => r.name)).toEqual(['headline', 'lead', 'headline']);
  });
});
