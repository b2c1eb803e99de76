import { describe, expect, it } from 'vitest';
import { blockWords, countWords, endsLikeSentence, keyText, normalizeSpace } from '../../src/core/text.js';

describe('countWords', () => {
  it('counts runs of letters and digits, with apostrophes, hyphens and marks inside a word', () => {
    expect(countWords('Zelensky’s 12-point plan, the “peace formula”, was re-tabled.')).toBe(8);
    expect(countWords("rock 'n' roll")).toBe(3);
    expect(countWords('é̀a — 😀 ***')).toBe(1);
    expect(countWords('')).toBe(0);
  });

  it('counts each Han or kana character as a word, and Latin runs beside them once', () => {
    expect(countWords('先日、不正にiPhoneを')).toBe(7);
    expect(countWords('오늘 뉴스')).toBe(2); // Hangul is written with spaces
  });

  it('handles letters outside the Basic Multilingual Plane as letters', () => {
    expect(countWords('word𝐀b 𠀀𠀁x')).toBe(4);
  });

  it('agrees with the regular expression it replaces', () => {
    const re = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[\p{L}\p{N}](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}'’_-])*/gu;
    for (const s of ['Ukraine’s President said: “we’ll see”.', 'x_y-z 3.14 - -a a- ¿Qué? Ça va.', 'Ελληνικά και русский текст', 'العربية ١٢٣']) {
      expect(countWords(s)).toBe(s.match(re)?.length ?? 0);
    }
  });

  it('is cached per block by blockWords', () => {
    const block = { text: 'one two three' };
    expect(blockWords(block)).toBe(3);
    expect(blockWords(block)).toBe(3);
  });
});

describe('normalizeSpace and endsLikeSentence', () => {
  it('collapses spaces, trims lines and keeps at most one blank line', () => {
    expect(normalizeSpace('  a\u00a0 b \r\n\r\n\r\n c\t')).toBe('a b\n\nc');
  });
  it('sees sentence ends through closing quotes and brackets', () => {
    expect(endsLikeSentence('He said “no.”')).toBe(true);
    expect(endsLikeSentence('Read more')).toBe(false);
  });
});

describe('keyText', () => {
  it('is the lowercased text without [^\\p{L}\\p{N}], digits kept or each made 0, for every code point', () => {
    const byRegex = (t: string, zero: boolean) => (zero ? t.toLowerCase().replace(/\p{N}/gu, '0') : t.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, '');
    const differ: string[] = [];
    for (let cp = 0; cp < 0x20000; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const t = `a${c}B${c}${c} 17`;
      for (const zero of [false, true]) if (keyText(t, zero) !== byRegex(t, zero)) differ.push(`${cp.toString(16)}/${zero}`);
    }
    expect(differ).toEqual([]);
    expect(keyText('The U.S. said 12 people, “at least”, died.', false)).toBe('theussaid12peopleatleastdied');
    expect(keyText('The U.S. said 12 people', true)).toBe('theussaid00people');
  });
});
