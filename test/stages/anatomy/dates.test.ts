import { describe, expect, it } from 'vitest';
import { daysApart, defaultBounds, findTextDate, parseDate, parseIso, plausible, urlDate } from '../../../src/stages/anatomy/dates.js';

const bounds = defaultBounds('2024-06-01T00:00:00Z');

describe('ISO values from markup', () => {
  it("keeps the page's own offset and time", () => {
    expect(parseIso('2022-05-04T01:10:21-04:00')).toBe('2022-05-04T01:10:21-04:00');
    expect(parseIso('2020-01-17T21:08:00+0000')).toBe('2020-01-17T21:08:00+00:00');
    expect(parseIso('2019-08-02T15:57:41.000Z')).toBe('2019-08-02T15:57:41Z');
  });
  it('gives a bare date as YYYY-MM-DD and rejects impossible days', () => {
    expect(parseIso('2023-12-17')).toBe('2023-12-17');
    expect(parseIso('2023-02-30')).toBeNull();
  });
});

describe('written dates in en, es, fr, pt', () => {
  it.each([
    ['17 de diciembre de 2023', '2023-12-17'],
    ['Publicado el 4 de mayo de 2022', '2022-05-04'],
    ['17 décembre 2023', '2023-12-17'],
    ['1er février 2020', '2020-02-01'],
    ['Dec. 17, 2023', '2023-12-17'],
    ['December 17th, 2023 10:32 AM', '2023-12-17'],
    ['Sun, 17 Dec 2023 10:00:00 GMT', '2023-12-17'],
    ['30 de março de 2021', '2021-03-30'],
    ['Posted on September 21, 2020 by Adi Tzlil', '2020-09-21'],
    ['2023/12/17', '2023-12-17'],
  ])('%s -> %s', (text, iso) => {
    expect(findTextDate(text)).toBe(iso);
  });

  it('reads 17/12/2023 day first, 12/17/2023 month first, and an ambiguous one by the hint', () => {
    expect(findTextDate('17/12/2023')).toBe('2023-12-17');
    expect(findTextDate('12/17/2023')).toBe('2023-12-17');
    expect(findTextDate('03/04/2023')).toBe('2023-04-03');
    expect(findTextDate('03/04/2023', { monthFirst: true })).toBe('2023-03-04');
  });
});

describe('numeric dates glued to words by markup', () => {
  it('reads a date whose digits touch a letter, not one whose digits touch other digits', () => {
    // Gazeta do Povo's credit box: place name and date in adjacent elements, no space between their texts.
    expect(findTextDate('PorRodolfo CostaBrasília03/05/2022 21:440')).toBe('2022-05-03');
    expect(findTextDate('ref 103/05/20221')).toBeNull();
  });
});

describe('days apart', () => {
  it('compares calendar days, whatever the time of day or offset', () => {
    expect(daysApart('2022-05-03', '2022-05-04T23:59:00-04:00')).toBe(1);
    expect(daysApart('2020-02-19', '2017-04-12T18:33:59+02:00')).toBeGreaterThan(2);
  });
});

describe('plausible window', () => {
  it('refuses dates after the fetch time or before 1995', () => {
    expect(parseDate('2025-01-01', bounds)).toBeNull();
    expect(parseDate('1994-12-31', bounds)).toBeNull();
    expect(parseDate('2024-05-31T18:00:00-05:00', bounds)).toBe('2024-05-31T18:00:00-05:00');
    expect(parseDate('2024-05-31T23:00:00-05:00', bounds)).toBeNull();
    expect(plausible('2024-06-01T10:00:00Z', bounds)).toBe(false);
  });
  it('reads Unix timestamps', () => {
    expect(parseDate('1651641021', bounds)).toBe('2022-05-04T05:10:21Z');
  });
});

describe('dates in URLs', () => {
  it('finds /2023/12/17/ and compact /20231217/ but not a month-only path', () => {
    expect(urlDate('https://example.com/news/2023/12/17/story', bounds)).toBe('2023-12-17');
    expect(urlDate('https://example.com/a/20231217/story', bounds)).toBe('2023-12-17');
    expect(urlDate('https://example.com/2020/01/management-of-forests/', bounds)).toBeNull();
    expect(urlDate('not a url', bounds)).toBeNull();
  });
});
