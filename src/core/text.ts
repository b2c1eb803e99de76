// Small text helpers shared by stages.

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
const WORD_CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[\p{L}\p{N}](?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}'’_-])*/gu;

/**
 * Words as the record counts them: runs of letters, digits and joiners. In scripts written without spaces
 * (Han, kana) every character counts as a word, so a Japanese paragraph is not "one word".
 */
export const countWords = (text: string): number => (CJK.test(text) ? text.match(WORD_CJK) : text.match(WORD))?.length ?? 0;

// Block texts never change after decode, so each block's count is computed once whichever stage asks first.
const blockWordCache = new WeakMap<{ text: string }, number>();

/** `countWords` of a block's text, cached per block. */
export const blockWords = (block: { text: string }): number => {
  let n = blockWordCache.get(block);
  if (n === undefined) blockWordCache.set(block, (n = countWords(block.text)));
  return n;
};

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
