// Decoded text -> clean Unicode: entities, NFC, no control characters.
import { decodeHTMLStrict } from 'entities';

// C0 controls except \t \n \r, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
const HAS_CONTROL = new RegExp(CONTROL.source);

/** Removes control characters; returns the text and how many were removed. */
export const stripControls = (text: string): { text: string; removed: number } => {
  if (!HAS_CONTROL.test(text)) return { text, removed: 0 };
  let removed = 0;
  const out = text.replace(CONTROL, (c) => {
    removed++;
    // A form feed or vertical tab separates like a line break does.
    return c === '\f' || c === '\v' ? '\n' : '';
  });
  return { text: out, removed };
};

/**
 * Entities in a plain-text dump ("&amp;", "&#8217;", "&nbsp;"), as scrapers leave them. Strict: only entities
 * closed by ";", so "AT&T" or "R&D" stay as they are.
 */
export const decodeTextEntities = (text: string): string => (text.includes('&') ? decodeHTMLStrict(text) : text);

/**
 * Code point ranges that NFC never changes, whatever surrounds them: each is its own NFC form, is no combining
 * mark, and is never the second part of a canonical composition. Text made only of these is already NFC.
 */
export const NFC_INERT: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x02ff], // ASCII, Latin-1, Latin Extended A/B, IPA, spacing modifiers
  [0x0388, 0x0482], // Greek, Cyrillic
  [0x048a, 0x0590], // Cyrillic Supplement, Armenian
  [0x1e00, 0x1f70], // Latin Extended Additional (Vietnamese), part of Greek Extended
  [0x2002, 0x20cf], // punctuation (quotes, dashes, ellipsis), super/subscripts, currency
  [0x2100, 0x2125], // letterlike symbols
  [0x2190, 0x2328], // arrows, math operators, technical
  [0x3000, 0x3029], // CJK punctuation
  [0x3030, 0x3098], // CJK punctuation, hiragana
  [0x309b, 0xa66e], // kana, CJK ideographs, Yi
  [0xabee, 0xd7ff], // Hangul syllables
  [0xfe30, 0xfffd], // CJK compatibility forms, full-width forms, specials
];

// Without the u flag, surrogates (astral characters) fall outside every range: they take the slow path.
const NEEDS_NFC = new RegExp(
  `[^${NFC_INERT.map(([a, b]) => `\\u${a.toString(16).padStart(4, '0')}-\\u${b.toString(16).padStart(4, '0')}`).join('')}]`,
);

/** NFC, skipping the ICU call for text that is NFC by construction (nearly every block of a page). */
export const nfc = (text: string): string => (NEEDS_NFC.test(text) ? text.normalize('NFC') : text);
