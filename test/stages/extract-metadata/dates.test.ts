// Publication dates people agree with (issue 9 item 4), on real pages of the metadata benchmark through the real
// stage order.
import { describe, expect, it } from 'vitest';
import { page } from './helpers.js';

describe('declared dates', () => {
  it("never takes a video's uploadDate, and a creation date alone yields to the day the page shows", () => {
    // <meta itemprop="uploadDate" content="01/10/2017"> of the recipe's video next to the headline; itemprop
    // dateCreated 01/01/2004 (no datePublished); the page shows "Updated June 13, 2019" only.
    const { doc, gold } = page('trafilatura-bettycrocker.com.pineapple');
    expect(doc.metadata.publishedAt).toEqual({ value: gold.date, source: 'text:dateline' });
  });

  it.each([
    // JSON-LD "2022-05-10T23:35:55" (no zone); cXenseParse:recs:publishtime 2022-05-11T04:10:00-03:00.
    ['trafilatura-elpais.com.uy-gobierno', '2022-05-11T04:10:00-03:00'],
    // JSON-LD "2022-05-05T22:17:36" (no zone); cXenseParse:recs:publishtime 2022-05-6T12:00:00.000Z.
    ['trafilatura-elcolumbiano.com-alcaldia', '2022-05-06T12:00:00Z'],
  ])('prefers a declared time with its zone to one without, within a day of it (%s)', (id, value) => {
    const { doc, gold } = page(id);
    expect(doc.metadata.publishedAt?.value).toBe(value);
    expect(value.slice(0, 10)).toBe(gold.date);
  });
});
