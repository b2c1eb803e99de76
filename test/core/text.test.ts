import { describe, expect, it } from 'vitest';
import { blockWords, countWords, endsLikeSentence, normalizeSpace } from '../../src/core/text.js';

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
