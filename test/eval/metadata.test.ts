import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  aggregateMetadata,
  normalizeName,
  normalizeUrl,
  scoreAuthors,
  scoreDate,
  scoreLanguage,
  scoreMetadataPage,
  scoreSite,
  scoreTitle,
  scoreTitleExact,
  type GoldRecord,
  type MetadataPrediction,
  type PageMetadataScore,
} from '../../src/eval/metadata.js';

const DIR = new URL('../fixtures/benchmark-metadata/', import.meta.url).pathname;

describe('title', () => {
  it('ignores case, spacing, curly quotes and dash styles', () => {
    expect(scoreTitle('Obama admits US gun laws are his \u2018biggest frustration\u2019', "obama admits  US gun laws are his 'biggest frustration'")).toBe(1);
    expect(scoreTitle('A \u2014 B', 'a - b')).toBe(1);
  });

  it('accepts a site suffix on either side, up to two segments', () => {
    expect(scoreTitle('How to Build a Terrarium', 'How to Build a Terrarium | eHow')).toBe(1);
    expect(scoreTitle('How to Build a Terrarium | eHow', 'How to Build a Terrarium')).toBe(1);
    expect(scoreTitle('Headline', 'Headline \u2013 Section \u00bb Site')).toBe(1);
    expect(scoreTitle('Headline', 'Headline - A - B - C')).toBe(0);
  });

  it('does not cut a segment longer than 60 characters', () => {
    expect(scoreTitle('Short', `Short - ${'x'.repeat(61)}`)).toBe(0);
  });

  it('scores a different or missing title 0', () => {
    expect(scoreTitle('Headline one', 'Headline two')).toBe(0);
    expect(scoreTitle('Headline one', null)).toBe(0);
  });

  it('has an exact variant that only trims and NFKC-normalizes', () => {
    expect(scoreTitleExact('Headline', ' Headline ')).toBe(1);
    expect(scoreTitleExact('Headline', 'headline')).toBe(0);
  });
});

describe('authors', () => {
  it('normalizes names: diacritics, case, punctuation, a leading "by"', () => {
    expect(normalizeName('By  César Salza')).toBe('cesar salza');
    expect(normalizeName('Par Sébastien Farcis')).toBe('sebastien farcis');
    expect(normalizeName('Gina Roberts-Grey')).toBe('gina roberts grey');
  });

  it('scores the F1 of the two name sets', () => {
    expect(scoreAuthors(['Ana Sandoiu'], ['ana sandoiu'])).toBe(1);
    expect(scoreAuthors(['A One', 'B Two'], ['A One'])).toBeCloseTo(2 / 3);
    expect(scoreAuthors(['A One'], ['A One', 'Staff'])).toBeCloseTo(2 / 3);
  });

  it('splits a string prediction on , ; | & and "and"', () => {
    expect(scoreAuthors(['A One', 'B Two', 'C Three'], 'A One, B Two and C Three')).toBe(1);
    expect(scoreAuthors(['A One', 'B Two'], 'A One & B Two')).toBe(1);
  });

  it('wants an empty prediction where none is expected', () => {
    expect(scoreAuthors([], [])).toBe(1);
    expect(scoreAuthors([], ['Staff'])).toBe(0);
    expect(scoreAuthors(['A One'], [])).toBe(0);
  });
});

describe('date', () => {
  it('compares the first 10 characters, so a datetime counts with its own local day', () => {
    expect(scoreDate('2023-12-17', '2023-12-17T23:30-05:00')).toBe(1);
    expect(scoreDate('2023-12-17', '2023-12-18T04:30:00Z')).toBe(0);
    expect(scoreDate('2023-12-17', '2023-12-17')).toBe(1);
  });

  it('scores a non-ISO string 0', () => {
    expect(scoreDate('2022-05-04', 'Wed, 04 May 2022 02:41:00 GMT')).toBe(0);
    expect(scoreDate('2022-05-05', '2022-5-5 22:17:36')).toBe(0);
  });

  it('accepts one day either way in the within-1-day variant', () => {
    expect(scoreDate('2023-12-17', '2023-12-18T04:30:00Z', 1)).toBe(1);
    expect(scoreDate('2024-03-01', '2024-02-29', 1)).toBe(1);
    expect(scoreDate('2023-12-17', '2023-12-19', 1)).toBe(0);
  });

  it('wants no date where none is expected', () => {
    expect(scoreDate(null, null)).toBe(1);
    expect(scoreDate(null, '2020-01-01')).toBe(0);
  });
});

describe('site, language, url', () => {
  it('matches sites by containment of their letters and digits', () => {
    expect(scoreSite('the Guardian', 'Guardian')).toBe(1);
    expect(scoreSite('BBC News', 'bbc')).toBe(1);
    expect(scoreSite('Le Monde.fr', 'lemonde')).toBe(1);
    expect(scoreSite('BBC News', 'CNN')).toBe(0);
    // the shorter side needs 3 characters
    expect(scoreSite('Abcdef', 'ab')).toBe(0);
  });

  it('compares the primary language subtag', () => {
    expect(scoreLanguage('en', 'en-US')).toBe(1);
    expect(scoreLanguage('pt-BR', 'PT')).toBe(1);
    expect(scoreLanguage('en', 'fr')).toBe(0);
  });

  it('compares urls without scheme, www, fragment, utm parameters and trailing slash', () => {
    expect(normalizeUrl('https://www.example.com/a/b/?utm_source=x&id=3#top')).toBe(normalizeUrl('http://example.com/a/b?id=3'));
    expect(normalizeUrl('https://example.com/a')).not.toBe(normalizeUrl('https://example.com/b'));
  });
});

describe('scoreMetadataPage and aggregateMetadata', () => {
  const gold: GoldRecord = {
    file: 'pages/x.html.gz',
    source: 'trafilatura',
    url: 'https://www.example.com/news/1',
    domain: 'example.com',
    title: 'A headline',
    authors: [],
    date: '2020-01-02',
    fields: ['title', 'authors', 'date'],
  };
  const none: MetadataPrediction = { title: null, authors: [], publishedAt: null, publisher: null, language: null, url: null };

  it('scores only the annotated fields, and counts coverage only where a value is expected', () => {
    const s = scoreMetadataPage(gold, { ...none, title: 'A headline | Example', publisher: 'Example News' });
    expect(s.title).toEqual({ score: 1, covered: true });
    expect(s.authors).toEqual({ score: 1, covered: null });
    expect(s.date).toEqual({ score: 0, covered: false });
    expect(s.site).toBeUndefined();
    expect(s.language).toBeUndefined();
    expect(s.site_vs_domain).toEqual({ score: 1, covered: true });
  });

  it('pools the scored fields for micro accuracy and averages them for macro', () => {
    const pages: PageMetadataScore[] = [
      scoreMetadataPage(gold, { ...none, title: 'A headline', publishedAt: '2020-01-02' }),
      scoreMetadataPage(gold, { ...none, title: 'Other' }),
    ];
    const agg = aggregateMetadata(pages);
    expect(agg.fields.title).toEqual({ pages: 2, coverage: 1, accuracy: 0.5 });
    expect(agg.fields.authors!.accuracy).toBe(1);
    expect(agg.fields.date).toEqual({ pages: 2, coverage: 0.5, accuracy: 0.5 });
    expect(agg.accuracy_micro).toBeCloseTo(4 / 6);
    expect(agg.accuracy_macro).toBeCloseTo(2 / 3);
  });
});

// The benchmark README gives what Readability.js 0.6.0 on linkedom scores on these 278 pages
// (byline as authors, publishedTime as date). Reproducing it checks the scorer against the reference one.
describe('Readability.js reference figures', () => {
  const decode = (bytes: Buffer): string => {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
    const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1];
    return charset && iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
  };

  it('are reproduced', () => {
    const gold = JSON.parse(readFileSync(`${DIR}gold.json`, 'utf8')) as Record<string, GoldRecord>;
    const all: PageMetadataScore[] = [];
    const human: PageMetadataScore[] = [];
    for (const g of Object.values(gold)) {
      const { document } = parseHTML(decode(gunzipSync(readFileSync(DIR + g.file))));
      const r = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
      const s = scoreMetadataPage(g, {
        title: r?.title || null,
        authors: r?.byline || null,
        publishedAt: r?.publishedTime || null,
        publisher: r?.siteName || null,
        language: r?.lang || null,
        url: null,
      });
      all.push(s);
      if (g.source === 'trafilatura') human.push(s);
    }
    // The README rounds to 3 places (its title figure, 257/275 = 0.93455, is printed 0.934): allow 0.001.
    const near = (got: number[], want: number[]) => got.forEach((g, i) => expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(0.001));
    const a = aggregateMetadata(all);
    const acc = (f: keyof typeof a.fields) => a.fields[f]!.accuracy;
    near([acc('title'), acc('authors'), acc('date'), acc('site'), acc('language'), a.accuracy_micro], [0.934, 0.681, 0.696, 0.945, 1, 0.82]);
    const h = aggregateMetadata(human);
    near((['title', 'authors', 'date', 'site'] as const).map((f) => h.fields[f]!.accuracy), [0.892, 0.537, 0.628, 0.636]);
  });
});
