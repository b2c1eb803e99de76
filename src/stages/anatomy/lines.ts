// Evidence in the text itself: headline line, dateline "(AP)", bylines, date lines and contributor lines.
import type { Block } from '../../core/doc.js';
import { countWords } from '../../core/text.js';
import { alternation, anyWord, VOCABULARY } from '../../core/vocabulary.js';
import { bylineText, cleanAuthors } from './authors.js';
import { findTextDate, parseDate, type DateBounds } from './dates.js';

/** "(MENAFN) Ukrainian ...", "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -", "(CNN) —". */
const DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{L} .,'’-]{0,40}?\s*)?\((\p{Lu}[\p{L}&.\- ]{0,20}?)\)\s*(?:[—–-]+\s*)?\S/u;

/** "CNN’s Jane Doe and John Roe contributed to this report." */
const CONTRIBUTED = /\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|reporting)\b|\bcontributed\s+reporting\b/i;
/** "Reporting by X; Editing by Y", "Additional reporting by X". */
const REPORTING_BY = /^(?:\(?\s*)(?:additional\s+)?(?:reporting|writing|research)\s+by\s+/i;

/** Labels that may stand before a date line ("Published on", "Veröffentlicht am", "Mis à jour le"). */
const DATE_LABEL = new RegExp(
  `^(?:${alternation([...VOCABULARY.labels.published, ...VOCABULARY.labels.updated], true)})\\s*(?:on|el|em|le|il|am|op)?\\s*[:\\-–—]?\\s*`,
  'iu',
);
/** Words a date line may hold besides the date: weekdays, times, zones, "at". */
const DATE_FILLER = new RegExp(
  `\\d{1,2}[:.h]\\d{2}(?::\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?|${anyWord(['am', 'pm', 'a.m.', 'p.m.', 'at', 'a las', 'à', 'um', 'utc', 'gmt', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'uhr', ...VOCABULARY.weekdays], true)}`,
  'giu',
);

export interface Dateline {
  agency: string;
}

export const readDateline = (text: string): Dateline | null => {
  const m = DATELINE.exec(text.trim());
  if (!m) return null;
  const agency = m[1].trim();
  // "(CNN)" or "(Reuters)": an agency is one or two capitalized words, not a parenthetical remark.
  if (agency.split(/\s+/).length > 3 || !/^\p{Lu}/u.test(agency)) return null;
  return { agency };
};

export interface Contributors {
  names: string[];
  /** The outlet from a possessive ("CNN’s Jane Doe ..."), when present. */
  outlet: string | null;
}

/** Reads a contributor line; null when the line is not one. */
export const readContributorLine = (text: string): Contributors | null => {
  // Cheap test first: this runs on every block.
  if (text.length > 400 || !/contribut|(?:reporting|writing|research)\s+by/i.test(text)) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  if (countWords(line) > 40) return null;
  let namesPart: string;
  let outlet: string | null = null;
  if (CONTRIBUTED.test(line)) {
    namesPart = line.slice(0, line.search(CONTRIBUTED));
    namesPart = namesPart.replace(/\b(?:also|have|has)\s*$/i, '');
    const pos = /^([\p{Lu}][\p{L}&.\- ]{0,30}?)[’']s?\s+(.*)$/u.exec(namesPart.trim());
    if (pos) {
      outlet = pos[1].trim();
      namesPart = pos[2];
    }
  } else if (REPORTING_BY.test(line)) {
    // Keep the reporting clauses, drop editing/writing credits of editors.
    namesPart = line
      .replace(/^\(|\)\.?$/g, '')
      .split(/\s*;\s*/)
      .filter((c) => /reporting\s+by/i.test(c))
      .map((c) => c.replace(/^.*?reporting\s+by\s+/i, '').replace(/\s+in\s+[\p{Lu}][\p{L} ]+$/u, ''))
      .join(', ');
  } else return null;
  const names = cleanAuthors([namesPart.replace(/[.;]\s*$/, '')]);
  return names.length ? { names, outlet } : null;
};

/** A short line that is only a date, perhaps with a label and a time: "Published: 12 March 2024". */
export const readDateLine = (text: string, bounds: DateBounds): string | null => {
  const line = text.replace(/\s+/g, ' ').trim();
  if (countWords(line) > 12) return null;
  const unlabeled = line.replace(DATE_LABEL, '');
  const date = parseDate(unlabeled, bounds);
  if (!date) return null;
  // What is left after removing the date's own words must be (almost) nothing.
  const rest = unlabeled
    .replace(DATE_FILLER, ' ')
    .replace(/\b\d{1,4}(?:st|nd|rd|th)?\b/g, ' ')
    .replace(/[\p{L}.]+/gu, (w) => (findTextDate(`1 ${w} 2000`) ? ' ' : w))
    .replace(/\b(?:de|del|of|the|le)\b/gi, ' ')
    .replace(/[\s,.:/|()–—-]+/g, '');
  return rest.length <= 3 ? date : null;
};

export interface Headline {
  block: Block;
  title: string;
}

/** A byline, date line or contributor line: metadata that sits between a headline and the body. */
const isMetadataLine = (text: string, bounds: DateBounds): boolean =>
  !!(bylineText(text) || readDateLine(text, bounds) || readContributorLine(text));

/**
 * The first block is a headline when it is a short line without a closing period followed by a longer
 * paragraph (the bylines and date lines between them aside). Datelines and bylines are never headlines.
 */
export const readHeadline = (kept: Block[], maxWords: number, bounds: DateBounds): Headline | null => {
  // The first line still in the body (or taken out as the headline): lines an earlier stage removed above it
  // (a date stamp, a share button) are not the headline.
  const at = kept.findIndex((b) => !b.removed || b.removed.code === 'headline');
  const first = kept[at];
  const next = kept.slice(at + 1).find((b) => !isMetadataLine(b.text.replace(/\s+/g, ' ').trim(), bounds));
  if (!first || !next) return null;
  const text = first.text.replace(/\s+/g, ' ').trim();
  const words = countWords(text);
  if (words < 2 || words > maxWords) return null;
  if (/[.,;:]["'”’»)\]]*$/u.test(text)) return null;
  if (isMetadataLine(text, bounds)) return null;
  if (countWords(next.text) <= words) return null;
  return { block: first, title: text };
};
