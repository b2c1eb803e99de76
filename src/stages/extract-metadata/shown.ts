// Whether a name is shown on the page. Structured data may credit a CMS account (an editor, the uploader) that the
// reader never sees; a name that appears nowhere in the page's text is weak evidence of authorship.
import type { Doc } from '../../core/doc.js';
import { foldDiacritics } from '../../core/text.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;

/** The word occurs in the text as a whole word; words of unspaced scripts (Han, kana) as substrings. */
const hasWord = (text: string, word: string): boolean => {
  if (!LATIN_WORD.test(word)) return text.includes(word);
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = i > 0 ? text[i - 1] : ' ';
    const after = text[i + word.length] ?? ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
};

/** The words of a name, initials aside. */
const wordsOf = (name: string): string[] => name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);

/** The page's visible text: every block (removed ones too) and the text of marked elements, lowercased. */
export const shownText = (doc: Doc): string => {
  const parts: string[] = [];
  for (const b of doc.blocks) parts.push(b.text);
  for (const m of doc.html?.marks ?? []) if (m.tag !== 'meta' && m.text) parts.push(m.text);
  return parts.join('\n').toLowerCase();
};

/**
 * A test for names on the page: true when every word of the name (initials aside) appears in the text, in any
 * order and case; diacritics are folded only when the plain search fails, as folding the page is the costly part.
 */
export const shownNames = (text: string): ((name: string) => boolean) => {
  let folded: string | null = null;
  return (name) => {
    if (wordsOf(name.toLowerCase()).every((w) => hasWord(text, w))) return true;
    folded ??= foldDiacritics(text);
    return wordsOf(foldDiacritics(name)).every((w) => hasWord(folded!, w));
  };
};
