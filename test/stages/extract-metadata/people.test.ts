// Issue 9, item 4: authors are person names, every author of a byline is kept, and a wire or desk credit names the
// publisher, never an author. Documents go through decode, strip-boilerplate and dedupe-paragraphs first.
import { describe, expect, it } from 'vitest';
import { bodyText, keptBlocks } from '../../../src/core/stage.js';
import { cleanAuthors, embeddedByline, wireAgencies } from '../../../src/stages/anatomy/authors.js';
import { extract, htmlDoc, textDoc } from './helpers.js';

const P1 = 'The council approved the new budget on Monday after a debate that lasted most of the night, officials said.';
const P2 = 'A second paragraph follows with more detail about the vote and what comes next for the city and its people.';

const story = (byline: string, head = '') =>
  extract(
    htmlDoc(
      `<html><head><meta charset="utf-8"><title>City approves budget</title>${head}</head><body><nav><a href="/">Home</a></nav>` +
        `<article><h1>City approves budget</h1><p class="byline">${byline}</p><p>${P1}</p><p>${P2}</p></article></body></html>`,
      'https://news.example.com/2024/03/12/budget',
    ),
  );

describe('names without roles, affiliations or the outlet', () => {
  it.each([
    ['Jane Roe, Chief Technology Officer', ['Jane Roe']],
    ['John Doe USA TODAY NETWORK', ['John Doe']],
    ['Jane Doe, Senior Editor', ['Jane Doe']],
    ['Ana Lima de la Universidad de Chile', ['Ana Lima']],
    ['James Lynch from University of Michigan', ['James Lynch']],
    ['Anna Schmidt, Redakteurin', ['Anna Schmidt']],
    ['Marie Dubois, journaliste', ['Marie Dubois']],
    ['About the Author', []],
    ['Über den Autor', []],
    ['Sobre el autor', []],
    ['Follow Author', []],
  ])('%s -> %j', (raw, names) => {
    expect(cleanAuthors([raw])).toEqual(names);
  });

  it('keeps names that only look like roles or outlets in part', () => {
    expect(cleanAuthors(['Michiel de Jong'])).toEqual(['Michiel de Jong']);
    expect(cleanAuthors(['Jean DUPONT'])).toEqual(['Jean DUPONT']);
    expect(cleanAuthors(['Emily Post'])).toEqual(['Emily Post']);
    expect(cleanAuthors(['Wikimedia Foundation'])).toEqual(['Wikimedia Foundation']);
  });

  it('a byline with a role after the name gives the name alone', () => {
    expect(story('By Jane Roe, Chief Technology Officer').metadata.authors?.value).toEqual(['Jane Roe']);
  });
});

describe('every author of a multi-author byline', () => {
  it.each([
    ['By Anna Smith, Ben Jones and Carla Brown', ['Anna Smith', 'Ben Jones', 'Carla Brown']],
    ['Von Anna Müller und Jan Berg', ['Anna Müller', 'Jan Berg']],
    ['Par Jean Dupont et Marie Curie', ['Jean Dupont', 'Marie Curie']],
    ['Por Ana Lima y José Pérez', ['Ana Lima', 'José Pérez']],
    ['Di Mario Rossi e Anna Bianchi', ['Mario Rossi', 'Anna Bianchi']],
    ['Por Ana Lima e João Silva', ['Ana Lima', 'João Silva']],
    ['Door Jan de Vries en Piet Jansen', ['Jan de Vries', 'Piet Jansen']],
    ['Autor: Anna Nowak i Jan Kowalski', ['Anna Nowak', 'Jan Kowalski']],
  ])('%s', (byline, names) => {
    expect(story(byline).metadata.authors?.value).toEqual(names);
  });

  it('a weak conjunction that is also a preposition joins only two full names', () => {
    expect(embeddedByline('By Jane Doe en Madrid')).toBe('Jane Doe');
    expect(cleanAuthors(['Anna Nowak i Jan Kowalski'])).toEqual(['Anna Nowak', 'Jan Kowalski']);
  });
});

describe('wire and desk credits', () => {
  it.each([
    ['Reuters', 'Reuters'],
    ['AP', 'Associated Press'],
    ['dpa', 'dpa'],
    ['AFP', 'AFP'],
    ['Agencia EFE', 'EFE'],
  ])('%s is an agency (%s), not a name', (raw, agency) => {
    expect(cleanAuthors([raw])).toEqual([]);
    expect(wireAgencies([raw])).toEqual([agency]);
  });

  it.each(['Staff', 'Redaktion', 'La Redacción', 'Rédaction', 'Redazione', 'Redactie', 'Redakcja'])('%s names nobody', (raw) => {
    expect(cleanAuthors([raw])).toEqual([]);
  });

  it('a text file "By Reuters" under its headline: no author, Reuters the publisher, the line out of the body', () => {
    const doc = extract(textDoc(`Storm closes coastal roads\n\nBy Reuters\n\n${P1}\n\n${P2}\n`));
    expect(doc.metadata.authors).toBeNull();
    expect(doc.metadata.publisher).toEqual({ value: 'Reuters', source: 'text:byline' });
    expect(bodyText(keptBlocks(doc))).toBe(`${P1}\n\n${P2}`);
  });

  it('"By Jane Doe / AFP" on a page that names no site: Jane Doe the author, AFP the publisher', () => {
    const doc = story('By Jane Doe / AFP');
    expect(doc.metadata.authors?.value).toEqual(['Jane Doe']);
    expect(doc.metadata.publisher?.value).toBe('AFP');
  });

  it('a JSON-LD author that is an agency leaves the known publisher as it is', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'City approves budget', author: { '@type': 'Person', name: 'EFE' }, publisher: { '@type': 'Organization', name: 'Cooperativa' } });
    const doc = story('', `<script type="application/ld+json">${ld}</script>`);
    expect(doc.metadata.authors).toBeNull();
    expect(doc.metadata.publisher?.value).toBe('Cooperativa');
  });
});
