import { describe, expect, it } from 'vitest';
import { bylineText, cleanAuthors, deskByline, embeddedByline, nameFromUrl, splitNames } from '../../../src/stages/anatomy/authors.js';

describe('cleanAuthors', () => {
  it('drops "By", e-mails, dates, roles and handles', () => {
    expect(cleanAuthors(['By Jane Doe'])).toEqual(['Jane Doe']);
    expect(cleanAuthors(['Jane Doe jane.doe@example.com'])).toEqual(['Jane Doe']);
    expect(cleanAuthors(['Jane Doe | Updated 3 hours ago'])).toEqual(['Jane Doe']);
    expect(cleanAuthors(['Jane Doe, Staff Writer'])).toEqual(['Jane Doe']);
    expect(cleanAuthors(['Williams Perdomo @wperdomod'])).toEqual(['Williams Perdomo']);
    expect(cleanAuthors(['Grant Tinsley, PhD'])).toEqual(['Grant Tinsley']);
  });

  it('splits "A and B", "A, B y C", "A & B" and keeps "Doe, Jane" whole', () => {
    expect(cleanAuthors(['Jane Doe and John Roe'])).toEqual(['Jane Doe', 'John Roe']);
    expect(cleanAuthors(['Isabel Caro, Rocío Latorre y José Miguel Wilson'])).toEqual(['Isabel Caro', 'Rocío Latorre', 'José Miguel Wilson']);
    expect(cleanAuthors(['Luana Patriolino & Raphael Felice'])).toEqual(['Luana Patriolino', 'Raphael Felice']);
    expect(splitNames('Doe, Jane')).toEqual(['Doe, Jane']);
  });

  it('dedupes case-insensitively and ignores statuses, desks and lowercase handles', () => {
    expect(cleanAuthors(['Grace Zokovitch', 'GRACE ZOKOVITCH'])).toEqual(['Grace Zokovitch']);
    expect(cleanAuthors(['Staff', 'Redacción EC', 'anónimo', 'satter', 'No Author'])).toEqual([]);
    // An outlet's staff credit (meta author and JSON-LD of a real page) names no person.
    expect(cleanAuthors(['HLNF Staff Report', 'Staff and news service reports', 'Jane Doe'])).toEqual(['Jane Doe']);
  });

  it('never yields a status, an e-mail, a URL, a date or a leading "By"', () => {
    const raws = [
      'Updated', 'Updated: March 3, 2024', 'jane.doe@example.com', 'https://example.com/news/2024/03/story',
      'www.example.com', 'March 3, 2024', '03/03/2024 10:32', 'By', 'By: Jane Doe', 'BY JOHN ROE', 'Staff Reports',
    ];
    expect(cleanAuthors(raws)).toEqual(['Jane Doe', 'JOHN ROE']);
  });

  it("leaves out the site's own name, but not a person whose blog it is", () => {
    expect(cleanAuthors(['El Colombiano'], { siteNames: ['El Colombiano'] })).toEqual([]);
    expect(cleanAuthors(['Betty Crocker Kitchens'], { siteNames: ['BettyCrocker.com'] })).toEqual([]);
    expect(cleanAuthors(['Daniel Lemire'], { siteNames: ["Daniel Lemire's blog"] })).toEqual(['Daniel Lemire']);
    expect(cleanAuthors(['Adam Aaronson PhillyVoice'], { siteNames: ['PhillyVoice'] })).toEqual(['Adam Aaronson']);
  });

  it('takes the name from a profile URL, or drops the URL', () => {
    expect(nameFromUrl('https://example.com/author/jane-doe/')).toBe('Jane Doe');
    expect(cleanAuthors(['https://www.facebook.com/RadioBioBio'])).toEqual([]);
    expect(cleanAuthors(['https://www.pagina12.com.ar/autores/289094-luciana-bertoia'])).toEqual(['Luciana Bertoia']);
  });
});

describe('bylines inside text', () => {
  it('finds the names after an introducer at the start, after a separator or after a date', () => {
    expect(embeddedByline('Posted on September 21, 2020 by Adi Tzlil')).toBe('Adi Tzlil');
    expect(embeddedByline('yas! | By Cara Stiles | April 13, 2020')).toBe('Cara Stiles');
    expect(embeddedByline('ByAlex Bozarjian')).toBe('Alex Bozarjian');
    expect(embeddedByline('Amelie Marie Nishizawa Feb 8, 2020')).toBeNull();
    expect(embeddedByline('By Amelie Marie Nishizawa Feb 8, 2020')).toBe('Amelie Marie Nishizawa');
  });
  it('ignores "by" inside a sentence', () => {
    expect(embeddedByline('Management of Intact Forestlands by Indigenous Peoples Key to Protecting Climate')).toBeNull();
  });
  it('reads labelled byline lines, Latin and CJK', () => {
    expect(bylineText('Written by: Julie Mollins')).toBe('Julie Mollins');
    expect(bylineText('Auteur : Kossivi Tiassou')).toBe('Kossivi Tiassou');
    expect(bylineText('责任编辑： 焦鹏')).toBe('焦鹏');
    expect(bylineText('Bypass surgery is common')).toBeNull();
  });
});

describe('desk bylines', () => {
  it('keeps a byline crediting a desk as written, though cleanAuthors drops it', () => {
    expect(cleanAuthors(['By Staff Writer'])).toEqual([]);
    expect(deskByline('By Staff Writer')).toBe('Staff Writer');
    expect(deskByline('Redacción Diario Pagina Siete')).toBe('Redacción Diario Pagina Siete');
    expect(deskByline('Publié par Unknown')).toBe('Unknown');
    expect(deskByline('by HLNF Staff Report')).toBe('HLNF Staff Report');
  });
  it('refuses persons, brands and anything with digits', () => {
    expect(deskByline('By Jane Doe')).toBeNull();
    expect(deskByline('By Betty Crocker Kitchens')).toBeNull();
    expect(deskByline('Staff 2022')).toBeNull();
    expect(deskByline('staff')).toBeNull();
  });
});
