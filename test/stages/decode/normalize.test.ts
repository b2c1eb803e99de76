import { describe, expect, it } from 'vitest';
import { decodeTextEntities, NFC_INERT, nfc, stripControls } from '../../../src/stages/decode/normalize.js';

describe('nfc', () => {
  it('composes decomposed text, and leaves composed text (in any script) as it is', () => {
    expect(nfc('Cafe\u0301 de\u0301ja\u0300')).toBe('Café déjà');
    expect(nfc('\u1100\u1161')).toBe('가'); // Hangul jamo
    expect(nfc('\u0397\u0301')).toBe('Ή'); // Greek: 0x389
    expect(nfc('\u212b')).toBe('Å'); // a singleton (Angstrom sign) outside the inert ranges
    const composed = 'Ünïcödé “quotes” — €5 Москва 東京 서울 Ελλάδα Việt Nam 😀';
    expect(nfc(composed)).toBe(composed);
  });

  it('claims only ranges NFC never touches: own NFC form, no mark, never composed onto a preceding character', () => {
    // Every character that appears after the first in some canonical decomposition can compose backwards.
    const tails = new Set<number>();
    for (let c = 0; c < 0x30000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const d = String.fromCodePoint(c).normalize('NFD');
      if (d.length > 1) for (const ch of [...d].slice(1)) tails.add(ch.codePointAt(0)!);
    }
    const bad: string[] = [];
    for (const [from, to] of NFC_INERT) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        if (ch.normalize('NFC') !== ch || /\p{M}/u.test(ch) || tails.has(c)) bad.push(c.toString(16));
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('stripControls', () => {
  it('removes control characters, a form feed becoming a line break, and counts them', () => {
    expect(stripControls('a\u0007b\u000cc\u0085d')).toEqual({ text: 'ab\ncd', removed: 3 });
    expect(stripControls('clean\ttext\n')).toEqual({ text: 'clean\ttext\n', removed: 0 });
  });
});

describe('stripControls and invisible formatting', () => {
  it('removes soft hyphens, zero-width and bidi controls without counting them; counts only control characters', () => {
    const text = 'Mit\u00adtel\u00adal\u00adter\u200b \u200eשלום\u200f \u202aa\u202c\u202b\u202d\u202eb \u2066c\u2067\u2068\u2069 \u061cd\u2060e\ufeff\u0007';
    expect(stripControls(text)).toEqual({ text: 'Mittelalter שלום ab c de', removed: 1 });
  });

  it('keeps ZWNJ/ZWJ between letters of Arabic-script and Indic words and inside emoji sequences, and only there', () => {
    for (const kept of ['می\u200cخواهم', 'کتاب\u200cخانه', 'क्\u200dष', 'ক্\u200dয', 'ന്\u200d', '👨\u200d👩\u200d👧\u200d👦', '🏳️\u200d🌈', '👩🏽\u200d💻']) {
      const word = kept === 'ന്\u200d' ? `${kept}ന` : kept;
      expect(stripControls(word).text).toBe(word);
    }
    expect(stripControls('Auf\u200clage \u200dword\u200c \u200c\u200d 👍\u200d x 😀\u200d!').text).toBe('Auflage word  👍 x 😀!');
  });

  it('leaves text without any of them as it is (the same string)', () => {
    const text = 'Ünïcödé “quotes” — Москва 東京 👩‍💻';
    expect(stripControls(text).text).toBe(text);
  });
});

describe('decodeTextEntities (text dumps)', () => {
  it('decodes references closed by ";", the windows-1252 range of numeric ones included, and nothing else', () => {
    expect(decodeTextEntities('Tom &amp; Jerry&#8217;s &#150; &#146;s &eacute;t&eacute; &#1114112;')).toBe('Tom & Jerry’s – ’s été \ufffd');
    // A dump is not markup: "AT&T", "R&D", "&copy 2024" or "&notice" are words, left alone.
    expect(decodeTextEntities('AT&T, R&D, &copy 2024, &notice, &amp')).toBe('AT&T, R&D, &copy 2024, &notice, &amp');
  });

  it('decodes once: "&amp;lt;" is "&lt;"', () => {
    expect(decodeTextEntities('Why &amp;lt;b&amp;gt; tags and R&amp;amp;D')).toBe('Why &lt;b&gt; tags and R&amp;D');
  });
});
