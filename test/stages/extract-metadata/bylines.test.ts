// Bylines people agree with (issue 9 item 4), on real pages of the metadata benchmark through the real stage order.
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '../../../src/stages/anatomy/authors.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extract, htmlDoc, page, rawDoc } from './helpers.js';

/** A page of benchmark-trafilatura (vendored; no metadata gold) through the stages up to extract-metadata. */
const segmentsPage = (id: string) =>
  extract(rawDoc(gunzipSync(readFileSync(new URL(`../../fixtures/benchmark-trafilatura/pages/${id}.html.gz`, import.meta.url))), 'html', null, `${id}.html`)).metadata;

describe('every author of a multi-author byline', () => {
  it('keeps the second author the JSON-LD leaves out (names in blocks of one byline element)', () => {
    // <div class="author">By <a>April Roach</a><a>@aprilroach28</a><a>Daniel O'Mahony</a></div>; JSON-LD: April Roach.
    const { doc } = page('trafilatura-standard.co.uk.caribbean');
    expect(doc.metadata.authors?.value).toEqual(['April Roach', "Daniel O'Mahony"]);
  });

  it('cuts the affiliation that follows a role', () => {
    expect(cleanAuthors(['By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project'])).toEqual([
      'Daniel Kahn Gillmor',
    ]);
    const { doc } = page('readability-aclu');
    expect(doc.metadata.authors?.value).toEqual(['Daniel Kahn Gillmor']);
  });
});

describe('sites that name their writer another way', () => {
  it("takes the owner of a personal site from its copyright line when the domain is the owner's name", () => {
    const { doc, gold } = page('trafilatura-gregoryszorc.com.python3');
    expect(doc.metadata.authors).toEqual({ value: gold.authors, source: 'html:copyright' });
  });

  it('never takes an organisation holding the copyright', () => {
    expect(page('trafilatura-viconsortium.com-cocaine').doc.metadata.authors).toBeNull();
  });

  it('takes the account name in the author element at the headline when no name is shown', () => {
    // "by <span class="author vcard fn">oz</span> on December 4, 2006"
    expect(page('trafilatura-hearya.com.metal').doc.metadata.authors?.value).toEqual(['oz']);
  });

  it('never takes initials, a desk abbreviation or an account named after the site (larepublica_pe)', () => {
    expect(page('trafilatura-larepublica.pe-minedu').doc.metadata.authors).toBeNull();
  });
});

describe('account names and sites named after their writer', () => {
  it('reads the "by" line and the account name above a chapter title', () => {
    // <p>by</p><h3>delta201</h3><h1>Chapter 1: Prologue - Murdered</h1>
    expect(page('trafilatura-royalroad.com.melas').doc.metadata.authors?.value).toEqual(['delta201']);
  });

  it("keeps a JSON-LD author equal to the site's name when the article element is classed with that author", () => {
    // og:site_name "Pamela Anderson", JSON-LD author "Pamela Anderson", <article class="hentry author-pamela-anderson">
    const { doc, gold } = page('trafilatura-pamelaandersonfoundation.org.yellow');
    expect(doc.metadata.authors).toEqual({ value: gold.authors, source: 'jsonld' });
  });

  it("still drops a JSON-LD author that is only the site's name", () => {
    expect(page('trafilatura-larepublica.pe-minedu').doc.metadata.authors).toBeNull();
    expect(page('trafilatura-lopinion.fr.glyphosate').doc.metadata.authors?.value ?? []).not.toContain("L'Opinion");
  });
});

describe('one-word authors', () => {
  it.each(['trafilatura-elavegan.com-Peanut', 'trafilatura-flawlessfood.co.uk.olive', 'trafilatura-foxyfolksy.com.buttercream'])(
    'keeps a one-word author the header shows (%s)',
    (id) => {
      const { doc, gold } = page(id);
      expect(doc.metadata.authors?.value.map((n) => n.toLowerCase())).toEqual(gold.authors?.map((n) => n.toLowerCase()));
    },
  );
});

describe('what a multi-author byline adds', () => {
  const article = (byline: string) =>
    extract(
      htmlDoc(
        `<html><head><title>City council approves the new budget</title><script type="application/ld+json">` +
          `{"@type":"NewsArticle","headline":"City council approves the new budget","author":{"@type":"Person","name":"Jane Roe"}}</script></head>` +
          `<body><article><h1>City council approves the new budget</h1><p class="byline">${byline}</p>` +
          `<p>${'The council voted on Tuesday to approve the budget for next year after a long debate. '.repeat(4)}</p></article></body></html>`,
      ),
    ).metadata.authors?.value;

  it('adds the other people of the byline to the structured-data author', () => {
    expect(article('By Jane Roe and John Doe')).toEqual(['Jane Roe', 'John Doe']);
  });

  it("adds no outlet or leftover of the byline (\"CNN\", \"5 Min Read\", a lone given name)", () => {
    expect(article('By Jane Roe, CNN')).toEqual(['Jane Roe']);
    expect(article('By Jane Roe and Minh')).toEqual(['Jane Roe']);
  });
});

describe('guards of these rules on pages without metadata gold (benchmark-trafilatura)', () => {
  it('takes no business that holds the copyright and names the site ("Schlosswirt Juval" on schlosswirtjuval.it)', () => {
    expect(segmentsPage('t066').authors).toBeNull();
  });

  it('reads no author from a menu ("Texte" / "Bücher" above the headline)', () => {
    expect(segmentsPage('t522').authors?.value ?? []).not.toContain('Bücher');
  });

  it('takes no desk abbreviation for an account name ("red.")', () => {
    expect(segmentsPage('t264').authors?.value ?? []).not.toContain('red.');
  });

  it('keeps a one-word JSON-LD author shown in the author box under the article ("Floyd")', () => {
    expect(segmentsPage('t042').authors?.value).toEqual(['Floyd']);
  });
});
