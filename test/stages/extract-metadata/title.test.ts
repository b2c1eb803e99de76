import { describe, expect, it } from 'vitest';
import { chooseTitle, stripSiteName } from '../../../src/stages/extract-metadata/title.js';

const ctx = { siteNames: ['BioBioChile'], host: 'www.biobiochile.cl' };

describe('stripSiteName', () => {
  it('cuts " | Site" and "Site - " parts that name the site or the domain', () => {
    expect(stripSiteName('Gremios no descartan nueva movilización | Nacional | BioBioChile', ctx)).toBe('Gremios no descartan nueva movilización');
    expect(stripSiteName('BioBioChile - Gremios no descartan nueva movilización', ctx)).toBe('Gremios no descartan nueva movilización');
    expect(stripSiteName('Headline of the story - The Planetary Press', { siteNames: ['The Planetary Press'], host: null })).toBe('Headline of the story');
  });
  it('keeps a dash that belongs to the headline', () => {
    expect(stripSiteName('Sanna Marin tapasi Angela Merkelin - Saksa haluaa pitää kiinni', ctx)).toBe('Sanna Marin tapasi Angela Merkelin - Saksa haluaa pitää kiinni');
  });
  it('cuts a site name glued to a CJK title and a "Blog Archive »" prefix', () => {
    expect(stripSiteName('武汉的声音：有英勇的你，才有英雄的城！-新华网', { siteNames: [], host: null })).toBe('武汉的声音：有英勇的你，才有英雄的城！');
    expect(stripSiteName('Blog Archive » Interning of Small Integers in Python', { siteNames: [], host: null })).toBe('Interning of Small Integers in Python');
  });
});

describe('chooseTitle', () => {
  it('prefers the visible h1 when the meta title is a truncated or reworded form of it', () => {
    expect(chooseTitle('Senador republicano califica a Biden de', 'Senador republicano califica a Biden de "incapacitado"', ctx)).toBe('h1');
    expect(chooseTitle('The seven secrets of hotel owners', 'Seven secrets that hotel owners do not want you to know', ctx)).toBe('h1');
  });
  it('keeps the meta title when the h1 is the site name or unrelated', () => {
    expect(chooseTitle('Gremios no descartan nueva movilización', 'BioBioChile', ctx)).toBe('meta');
    expect(chooseTitle('Gremios no descartan nueva movilización', 'Most read stories this week', ctx)).toBe('meta');
  });
});
