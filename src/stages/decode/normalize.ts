// Decoded text -> clean Unicode: entities, NFC, no control characters or invisible formatting.
import { decodeHTMLStrict } from 'entities';

// C0 controls except \t \n \r, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/**
 * Invisible formatting: soft hyphen, zero-width space, ZWNJ/ZWJ, LRM/RLM, bidi embeddings and isolates, the Arabic
 * letter mark, word joiner, and U+FEFF (a BOM is gone before this: anywhere here it is a zero-width no-break space).
 */
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

// One class, not an alternation: this runs on every block.
const HAS_ANY = new RegExp(`[${CONTROL.source.slice(1, -1)}${INVISIBLE.source.slice(1, -1)}]`);

/**
 * Scripts where ZWNJ and ZWJ choose the shape of letters (Persian "می‌خواهم", Devanagari "क्‍ष"): Arabic, Syriac,
 * Thaana, N'Ko, the Indic scripts, Tibetan, Myanmar, Khmer, Mongolian, and the Arabic presentation forms.
 */
const JOINING = /[\u0600-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af\ua8e0-\ua8ff\ufb50-\ufdff\ufe70-\ufefe]/;
// Emoji that ZWJ joins (👩‍💻, 🏳️‍🌈, 👍🏽‍...): a pictograph, a skin tone, or the emoji variation selector before it.
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\ufe0f]$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

/** ZWNJ/ZWJ at `i` is kept between letters of a joining script, and ZWJ also inside an emoji sequence. */
const joinerKept = (text: string, i: number): boolean => {
  const before = text[i - 1];
  const after = text[i + 1];
  if (before !== undefined && after !== undefined && JOINING.test(before) && JOINING.test(after)) return true;
  return text[i] === '\u200d' && EMOJI_BEFORE.test(text.slice(Math.max(0, i - 2), i)) && EMOJI_AFTER.test(text.slice(i + 1, i + 3));
};

/**
 * Removes control characters (counted: they are a sign of broken input) and invisible formatting (not counted:
 * soft hyphens and direction marks are normal in good pages). ZWNJ and ZWJ stay where they shape a joining script
 * or an emoji; between Latin letters or at a word's edge they go.
 */
export const stripControls = (text: string): { text: string; removed: number } => {
  if (!HAS_ANY.test(text)) return { text, removed: 0 };
  let removed = 0;
  const out = text
    .replace(CONTROL, (c) => {
      removed++;
      // A form feed or vertical tab separates like a line break does.
      return c === '\f' || c === '\v' ? '\n' : '';
    })
    .replace(INVISIBLE, (c, i: number, all: string) => ((c === '\u200c' || c === '\u200d') && joinerKept(all, i) ? c : ''));
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
