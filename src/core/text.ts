// Small text helpers shared by stages.

// What each character is, computed once per code unit and kept (BMP only; astral code points, rare in news text,
// are classified on the fly): its class for counting words (the low bits) and whether it is a letter or a digit
// (for keyText).
const OTHER = 1;
const LETTER = 2; // \p{L} or \p{N}: starts or continues a word
const JOINER = 3; // \p{M}, apostrophes, '_' and '-': continue a word, never start one
const IDEOGRAPH = 4; // Han and kana: each one a word of its own
const WORD_CLASS = 7;
const IS_LETTER = 8; // \p{L}
const IS_DIGIT = 16; // \p{N}
const classes = new Uint8Array(0x10000);
const classify = (ch: string): number =>
  (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(ch)
    ? IDEOGRAPH
    : /[\p{L}\p{N}]/u.test(ch)
      ? LETTER
      : /[\p{M}'’_-]/u.test(ch)
        ? JOINER
        : OTHER) |
  (/\p{L}/u.test(ch) ? IS_LETTER : /\p{N}/u.test(ch) ? IS_DIGIT : 0);
const infoOf = (code: number, text: string, i: number): number => {
  let c = classes[code]!;
  if (c === 0) classes[code] = c = classify(text[i]!);
  return c;
};
const classOf = (code: number, text: string, i: number): number => infoOf(code, text, i) & WORD_CLASS;

/**
 * Words as the record counts them: runs of letters and digits, with marks, apostrophes, '_' and '-' inside
 * (the regular expression /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*\/u). In scripts written without spaces (Han,
 * kana) every character counts as a word, so a Japanese paragraph is not "one word". A scan, not a regex: it
 * runs on every block of every page.
 */
export const countWords = (text: string): number => {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let c: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      c = classify(String.fromCodePoint(text.codePointAt(i)!)) & WORD_CLASS;
      i++;
    } else c = classOf(code, text, i);
    if (c === IDEOGRAPH) {
      words++;
      inWord = false;
    } else if (c === LETTER) {
      if (!inWord) words++;
      inWord = true;
    } else if (c !== JOINER) inWord = false;
  }
  return words;
};

/** `countWords` of a block's text, kept on the block: several stages ask for every block. */
export const blockWords = (block: { text: string; words?: number }): number => (block.words ??= countWords(block.text));

/** Collapses runs of spaces/tabs, trims lines, and keeps at most one blank line between paragraphs. */
export const normalizeSpace = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, (c) => (c === '\u200c' || c === '\u200d' ? c : ''))
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Collapses all whitespace to single spaces. */
export const oneLine = (text: string): string => normalizeSpace(text).replace(/\s+/g, ' ');

/** Ends like a sentence (allowing closing quotes and brackets). */
export const endsLikeSentence = (text: string): boolean => /[.!?…:;]["'”’»)\]]*$/u.test(text.trim());

/** Lowercased, compatibility-decomposed, without combining marks ("Pérez" -> "perez", "ﬁ" -> "fi"): for comparing names and words. */
export const foldDiacritics = (text: string): string =>
  // ASCII has nothing to decompose: most class names, labels and English text skip the normalization.
  NON_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : text.toLowerCase();
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * The folding for comparing titles, names and labels: `foldDiacritics`, with every run of characters other than
 * letters and digits as one space, trimmed ("Pérez-Roe, Jr." -> "perez roe jr").
 */
export const foldText = (text: string): string => foldDiacritics(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A text as a key for comparing copies: lowercased, letters and digits only, every digit 0 when `zeroDigits` (the
 * same as replacing \p{N} by 0 and dropping [^\p{L}\p{N}]+). One pass, runs of letters copied as slices: a third of
 * the cost of the two regex replaces, and it runs on every kept block and every body.
 */
export const keyText = (text: string, zeroDigits: boolean): string => {
  const lower = text.toLowerCase();
  const keep = zeroDigits ? IS_LETTER : IS_LETTER | IS_DIGIT;
  let out = '';
  let run = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const astral = code >= 0xd800 && code <= 0xdbff && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const info = astral ? classify(String.fromCodePoint(lower.codePointAt(i)!)) : infoOf(code, lower, i);
    if (info & keep) {
      if (run < 0) run = i;
    } else {
      if (run >= 0) out += lower.slice(run, i);
      run = -1;
      if (info & IS_DIGIT) out += '0';
    }
    if (astral) {
      i++;
      if (info & keep && run < 0) run = i - 1;
    }
  }
  return run >= 0 ? out + lower.slice(run) : out;
};

/** Separators between a headline and a site name: " | Site", " - Site", " – Site", " :: Site", " » Site". */
export const TITLE_SEPARATOR = /\s+(?:[|–—·»:]{1,2}|-{1,2})\s+/u;

/** A line of fewer words that does not end a sentence is a short line (a menu item, a label)... */
export const SHORT_LINE_WORDS = 8;
/** ...and costs at least this many words of prose when the article's run is measured. */
export const SHORT_LINE_COST = 6;

/**
 * The run of blocks with the most prose net of short lines (a maximum-sum segment): a prose block (`shortLineWords`
 * words or more, or a sentence of three) counts its words, any other costs `shortLineCost` or its words. Where a
 * text's article is among its menus, tickers and footers. Indices into `blocks`; start -1 when none has prose.
 */
export const proseRun = (blocks: ReadonlyArray<{ text: string; words?: number }>, shortLineWords: number, shortLineCost: number): { start: number; end: number } => {
  let [best, start, end, sum, from] = [0, -1, -1, 0, 0];
  blocks.forEach((b, i) => {
    if (sum <= 0) [sum, from] = [0, i];
    const words = blockWords(b);
    sum += words >= shortLineWords || (words >= 3 && endsLikeSentence(b.text)) ? words : -Math.max(shortLineCost, words);
    if (sum > best) [best, start, end] = [sum, from, i];
  });
  return { start, end };
};
