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
  // "By Staff and news service reports": a desk, no person; the gold keeps "Staff", the rules do not.
  ['trafilatura-twincities.com-mayor', 'shown date wins over a UTC timestamp past midnight', ['title', 'date']],
  ['trafilatura-gazetadopovo.com.br-pacheco', 'date glued to a place name ("Brasília03/05/2022") beats a UTC timestamp', ['title', 'date']],
  ['trafilatura-eldeber.com.bo-autos', 'a byline line under the headline corrects a bare declared day'],
  ['trafilatura-eltiempo.com-candidatos', 'a dated element between headline and body, beyond the usual distance', ['title', 'date']],
  ['trafilatura-hoy.com-daran', 'JSON-LD person never shown on the page: no author'],
  ['trafilatura-brasil247.com-militares', 'unseen JSON-LD and meta author, section name in an author-classed h1: no author'],
  ['trafilatura-legrandcontinent.eu.heran', '"Auteur" label block, the name on the next block'],
  ['trafilatura-pawszilla.com.celine', 'desk byline "By Staff Writer"', ['title']],
  ['trafilatura-paginasiete.bo-carabineros', 'desk byline "Por Redacción ..." inside a date element', ['title']],
  ['trafilatura-france.attc.org-privatisations', "the site's name as byline at the headline beats names in a list far below", ['date', 'authors']],
  ['trafilatura-eluniversal.com-senador', 'meta title cut short; the full headline is an h2', ['title', 'authors']],
  ['trafilatura-bettycrocker.com.pineapple', 'brand desk as byline: no author', ['title', 'authors']],
  ['trafilatura-wikimediafoundation.org.turkey', "the site's own name as an explicit byline"],
] as Array<[string, string, string[]?]>)('%s (%s)', (id, _why, fields = ALL) => {
  const { doc, gold } = page(id);
  const m = doc.metadata;

  it('has the headline as title', () => {
    // Curly and straight apostrophes are the same title (the scorer folds them too).
    const apostrophes = (t: string | undefined) => t?.trim().replace(/[‘’]/g, "'");
    expect(apostrophes(m.title?.value)).toBe(apostrophes(gold.title));
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

describe('desk credits', () => {
  // The gold keeps "Staff Writer" and "Redacción ..." as authors; issue 3 says authors are people, never "Staff".
  it.each(['trafilatura-pawszilla.com.celine', 'trafilatura-paginasiete.bo-carabineros'])('names nobody for a desk byline (%s)', (id) => {
    expect(page(id).doc.metadata.authors).toBeNull();
  });
});

describe('authors the page shows', () => {
  it('prefers the visible byline over a JSON-LD person the page never shows', () => {
    const { doc } = page('trafilatura-wsvn.com-crash');
    // Byline: "By Jessica Holly, Gail Levy, 7 News WSVN"; JSON-LD credits "Kathleen Ditton", shown nowhere.
    expect(doc.metadata.authors?.value).toEqual(expect.arrayContaining(['Jessica Holly', 'Gail Levy']));
    expect(doc.metadata.authors?.value).not.toContain('Kathleen Ditton');
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
