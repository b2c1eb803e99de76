import { describe, expect, it } from 'vitest';
import { shownNames, shownText } from '../../../src/stages/extract-metadata/shown.js';
import { page } from './helpers.js';

describe('shownNames', () => {
  const isShown = shownNames('por josé miguel wilson y rocío latorre\n责任编辑：焦鹏\nsanchez');
  it('finds every word of the name, in any case and order, initials aside', () => {
    expect(isShown('José Miguel Wilson')).toBe(true);
    expect(isShown('Latorre, Rocío')).toBe(true);
    expect(isShown('J. Wilson')).toBe(true);
    expect(isShown('焦鹏')).toBe(true);
  });
  it('folds diacritics when the plain search fails', () => {
    expect(isShown('Jose Miguel Wilson')).toBe(true);
    expect(isShown('Sánchez')).toBe(true);
  });
  it('needs whole words', () => {
    expect(isShown('Jose Wil')).toBe(false);
    expect(isShown('Isabel Caro')).toBe(false);
  });
});

describe('shownText of a real page', () => {
  it('holds the visible byline, not the JSON-LD author the page never shows', () => {
    // WSVN: JSON-LD credits "Kathleen Ditton"; the byline reads "By Jessica Holly, Gail Levy, 7 News WSVN".
    const isShown = shownNames(shownText(page('trafilatura-wsvn.com-crash').doc));
    expect(isShown('Jessica Holly')).toBe(true);
    expect(isShown('Kathleen Ditton')).toBe(false);
  });
});
