import { describe, expect, it } from 'vitest';
import { parseJsonLd, readJsonLd } from '../../../src/stages/extract-metadata/jsonld.js';
import { decoded } from './helpers.js';

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
