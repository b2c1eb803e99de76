// Real pages of the metadata benchmark (vendored in test/fixtures): each case names the evidence it exercises.
// Expected values come from the human-annotated gold.json, not from our own output.
import { describe, expect, it } from 'vitest';
import { page } from './helpers.js';

const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.normalize('NFC').toLowerCase());
const ALL = ['title', 'date', 'authors'];

describe.each([
  ['trafilatura-biobiochile.cl-gremios', 'JSON-LD article with a Person author; "| Section | Site" title'],
  ['trafilatura-correiobraziliense.com.br-poderes', 'two JSON-LD authors'],
  ['trafilatura-timesofisrael.com.washington', 'byline mark under the headline, no JSON-LD author'],
  ['trafilatura-latercera.com-laagenda', '"A, B y C" byline'],
  ['trafilatura-abc7news.com-Napa', '"ByJ.R. Stone" glued byline line'],
  ['trafilatura-lemire.me.json', "author box on a blog named after its author"],
  ['trafilatura-xinhuanet.com.c_1125597921', 'CJK title with a glued site name; 责任编辑 line'],
  ['trafilatura-regards.fr.enquetes', 'byline and date line above an h2 headline'],
  // The gold splits "Staff and news service reports" into two names: we drop "Staff" on purpose.
  ['trafilatura-twincities.com-mayor', 'shown date wins over a UTC timestamp past midnight', ['title', 'date']],
  ['trafilatura-eluniversal.com-senador', 'meta title cut short; the full headline is an h2', ['title', 'authors']],
  ['trafilatura-bettycrocker.com.pineapple', 'brand desk as byline: no author', ['title', 'authors']],
  ['trafilatura-wikimediafoundation.org.turkey', "the site's own name as an explicit byline"],
] as Array<[string, string, string[]?]>)('%s (%s)', (id, _why, fields = ALL) => {
  const { doc, gold } = page(id);
  const m = doc.metadata;

  it('has the headline as title', () => {
    expect(m.title?.value).toBe(gold.title.trim());
  });
  if (fields.includes('date') && gold.date)
    it('has the publication day', () => {
      expect(m.publishedAt?.value.slice(0, 10)).toBe(gold.date);
    });
  if (fields.includes('authors'))
    it('has the authors', () => {
      expect(lower(m.authors?.value)).toEqual(lower(gold.authors));
    });
});

describe('publisher, language and url', () => {
  it('takes the publisher from JSON-LD, the language from <html lang> and the canonical link', () => {
    const { doc, gold } = page('trafilatura-biobiochile.cl-gremios');
    expect(doc.metadata.publisher).toEqual({ value: 'BioBioChile', source: 'jsonld' });
    expect(doc.metadata.language).toEqual({ value: 'es', source: 'html:lang' });
    expect(doc.metadata.url).toEqual({ value: gold.url, source: 'html:canonical' });
    expect(doc.metadata.authors?.source).toBe('jsonld');
  });

  it('keeps the offset of a declared datetime', () => {
    const { doc } = page('trafilatura-biobiochile.cl-gremios');
    expect(doc.metadata.publishedAt).toEqual({ value: '2022-05-04T01:10:21-04:00', source: 'jsonld' });
  });
});
