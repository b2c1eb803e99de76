import { describe, expect, it } from 'vitest';
import { parseJsonLd, readJsonLd } from '../../../src/stages/extract-metadata/jsonld.js';
import { decoded, extract, htmlDoc } from './helpers.js';

describe('readJsonLd', () => {
  it('finds the article in a @graph and resolves authors given by @id', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Example Times' },
        { '@type': 'WebPage', '@id': '#page', name: 'Headline - Example Times' },
        { '@type': 'NewsArticle', headline: 'Headline &amp; more', author: { '@id': '#p1' }, datePublished: '2023-12-17T10:00:00+01:00', dateModified: '2023-12-18', publisher: { '@id': '#org' } },
        { '@type': 'Person', '@id': '#p1', name: 'Jane Doe' },
        { '@type': 'Organization', '@id': '#org', name: 'Example Media' },
      ],
    });
    expect(readJsonLd([graph])).toMatchObject({
      title: 'Headline & more',
      authors: ['Jane Doe'],
      datePublished: '2023-12-17T10:00:00+01:00',
      dateModified: '2023-12-18',
      publisher: 'Example Media',
      isArticle: true,
    });
  });

  it('keeps organization authors apart and reads author arrays', () => {
    const ld = readJsonLd([
      JSON.stringify([{ '@type': 'BlogPosting', headline: 'H', author: [{ '@type': 'Person', name: 'A B' }, { '@type': 'Organization', name: 'Org' }, 'C D'] }]),
    ]);
    expect(ld.authors).toEqual(['A B', 'C D']);
    expect(ld.orgAuthors).toEqual(['Org']);
  });

  it('survives control characters, trailing commas and broken blocks', () => {
    expect(parseJsonLd('{"@type":"Article",\n"headline":"X\tY",}')).toEqual({ '@type': 'Article', headline: 'X Y' });
    expect(readJsonLd(['{ broken', '{"@type":"Article","headline":"Y"}']).title).toBe('Y');
    expect(readJsonLd([]).title).toBeNull();
  });

  it('reads JSON-LD wrapped in CDATA or a comment once decode has stored it', () => {
    for (const [open, close] of [['//<![CDATA[', '//]]>'], ['<!--', '-->']]) {
      const html = `<html><head><script type="application/ld+json">${open}
        {"@type":"NewsArticle","headline":"Wrapped","author":{"@type":"Person","name":"Jane Doe"},}
        ${close}</script></head><body><p>Jane Doe wrote this.</p></body></html>`;
      const doc = decoded(Buffer.from(html), 'html');
      expect(readJsonLd(doc.html!.jsonLd)).toMatchObject({ title: 'Wrapped', authors: ['Jane Doe'], isArticle: true });
    }
  });
});

// Issue 9, item 4: JSON-LD is read for the page's main entity only, not the other stories a page lists.
describe('the main entity among other stories', () => {
  const P1 = 'The council approved the new budget on Monday after a debate that lasted most of the night, officials said.';
  const P2 = 'A second paragraph follows with more detail about the vote and what comes next for the city and its people.';
  const URL = 'https://news.example.com/2024/03/12/budget';
  const other = (n: number) => ({ '@type': 'NewsArticle', headline: `Other story number ${n} about the weather`, url: `https://news.example.com/other-${n}`, author: { '@type': 'Person', name: `Writer Number${n}` }, datePublished: `2024-01-0${n}` });
  const run = (ld: unknown) =>
    extract(
      htmlDoc(
        `<html><head><meta charset="utf-8"><title>City approves budget - Courier</title><link rel="canonical" href="${URL}">` +
          `<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><article><p>${P1}</p><p>${P2}</p></article></body></html>`,
        URL,
      ),
    );

  it('takes the article whose URL is the page, not the stories listed before it', () => {
    const main = { '@type': 'NewsArticle', headline: 'City approves budget', url: URL, author: { '@type': 'Person', name: 'Jane Doe' }, datePublished: '2024-03-12T09:00:00+01:00' };
    const doc = run([other(1), other(2), main]);
    expect(doc.metadata.title?.value).toBe('City approves budget');
    expect(doc.metadata.publishedAt?.value).toBe('2024-03-12T09:00:00+01:00');
  });

  it('takes the mainEntity of the WebPage in a @graph, and never an ItemList of other stories', () => {
    const graph = {
      '@graph': [
        { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: other(1) }] },
        { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Home' }] },
        other(2),
        { '@type': 'WebPage', '@id': `${URL}#page`, mainEntity: { '@type': 'NewsArticle', headline: 'City approves budget', datePublished: '2024-03-12' } },
      ],
    };
    const doc = run(graph);
    expect(doc.metadata.title?.value).toBe('City approves budget');
    expect(doc.metadata.publishedAt?.value).toBe('2024-03-12');
    // The main article names no author: another story's author is not borrowed.
    expect(doc.metadata.authors).toBeNull();
  });

  it('reads a WebPage of the same graph for what the article lacks', () => {
    const ld = readJsonLd([JSON.stringify({ '@graph': [{ '@type': 'WebPage', inLanguage: 'de-DE' }, { '@type': 'NewsArticle', headline: 'H' }] })]);
    expect(ld.language).toBe('de-DE');
  });
});
