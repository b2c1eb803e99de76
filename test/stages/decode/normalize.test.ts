import { describe, expect, it } from 'vitest';
import { NFC_INERT, nfc, stripControls } from '../../../src/stages/decode/normalize.js';

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
