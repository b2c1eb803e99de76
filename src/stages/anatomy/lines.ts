// Evidence in the text itself: headline line, dateline "(AP)", bylines, date lines and contributor lines.
import type { Block } from '../../core/doc.js';
import { blockWords, countWords, endsLikeSentence, foldText, proseRun, SHORT_LINE_COST, SHORT_LINE_WORDS, TITLE_SEPARATOR } from '../../core/text.js';
import { alternation, anyWord, VOCABULARY } from '../../core/vocabulary.js';
import { bylineText, cleanAuthors, embeddedByline, wireAgencies } from './authors.js';
import { isMonthName, parseDate, type DateBounds } from './dates.js';

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
  `\\d{1,2}[:.h]\\d{2}(?::\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?|${anyWord(['am', 'pm', 'a.m.', 'p.m.', 'at', 'on', 'a las', 'à', 'às', 'um', 'om', 'alle', 'ore', 'o', 'godz', 'utc', 'gmt', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'uhr', ...VOCABULARY.weekdays], true)}`,
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

const HAS_DIGIT = /\d/;
/** A date or a time written in figures: 12/03/2024, 2024-03-12, 12.03., 14:30, 9h30. */
const NUMERIC_DATE = /\d{1,4}[./-]\d{1,2}|\d{1,2}[:h]\d{2}/;
/** A month's name, as written (any case, accents). */
const MONTH_WORD = new RegExp(anyWord(VOCABULARY.months.flat(), true), 'iu');

/** A date line has at most this many words ("Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM" has 13). */
const DATE_LINE_WORDS = 20;

/** Publication and update labels anywhere in a stamp ("Nov 18, 2019 · Updated: Nov 19"). */
const STAMP_LABEL = new RegExp(anyWord([...VOCABULARY.labels.published, ...VOCABULARY.labels.updated], true), 'giu');

/**
 * The line holds nothing but the words of dates: labels, weekdays, month names, numbers, times and zones,
 * separators.
 */
const dateRest = (line: string): string =>
  line
    .replace(DATE_LABEL, '')
    .replace(STAMP_LABEL, ' ')
    .replace(DATE_FILLER, ' ')
    .replace(/\b\d{1,4}(?:st|nd|rd|th)?\b/g, ' ')
    .replace(/[\p{L}.]+/gu, (w) => (isMonthName(w) ? ' ' : w))
    .replace(/\b(?:de|del|of|the|le)\b/gi, ' ')
    .replace(/[\s,.:/|()–—@·•+-]+/g, '');
const onlyDateWords = (line: string): boolean => dateRest(line).length <= 3;

/** A short line that is only a date, perhaps with a label and a time: "Published: 12 March 2024". */
export const readDateLine = (text: string, bounds: DateBounds): string | null => {
  const line = dateOnlyLine(text);
  return line ? parseDate(line.replace(DATE_LABEL, ''), bounds) : null;
};

/**
 * The line, spaces collapsed, when it holds nothing but the words of dates and at least one figure; else null.
 * Cheap tests first: every date line has a figure and a month's name or a date or time in figures.
 */
const dateOnlyLine = (text: string): string | null => {
  if (!HAS_DIGIT.test(text) || !(NUMERIC_DATE.test(text) || MONTH_WORD.test(text))) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  return countWords(line) <= DATE_LINE_WORDS && onlyDateWords(line) ? line : null;
};

export interface Headline {
  block: Block;
  title: string;
}

/** Folded titles and their parts around " | " or " - " of three words or more; and the longest a copy may be. */
export const titleKeys = (titles: string[]): { keys: Set<string>; maxLength: number } => {
  const keys = new Set<string>();
  let maxLength = 0;
  for (const t of titles) {
    keys.add(foldText(t));
    maxLength = Math.max(maxLength, t.length + 10);
    for (const part of t.split(TITLE_SEPARATOR)) if (countWords(part) >= 3) keys.add(foldText(part));
  }
  return { keys, maxLength };
};

/** A byline, date line or contributor line: metadata that sits between a headline and the body. */
const isMetadataLine = (text: string, bounds: DateBounds): boolean =>
  !!(bylineText(text) || readDateLine(text, bounds) || readContributorLine(text));

/**
 * The first block is a headline when it is a short line without a closing period followed by a longer
 * paragraph (the bylines and date lines between them aside). Datelines and bylines are never headlines.
 */
export const readHeadline = (kept: Block[], maxWords: number, bounds: DateBounds): Headline | null => {
  // Lines decode took out (hidden ones) are not the headline.
  const at = kept.findIndex((b) => !b.removed);
  const first = kept[at];
  const next = kept.slice(at + 1).find((b) => !isMetadataLine(b.text.replace(/\s+/g, ' ').trim(), bounds));
  if (!first || !next) return null;
  const text = first.text.replace(/\s+/g, ' ').trim();
  const words = countWords(text);
  if (words < 2 || words > maxWords) return null;
  // Two sentences ("... its advertiser. All opinions are mine") are prose; a row of figures ("Palm Bay 18 22 13 17
  // — 70") is a table.
  if (/\p{Ll}[.!?]\s+\p{Lu}/u.test(text)) return null;
  if ((text.match(/\d+/g)?.length ?? 0) * 2 > words) return null;
  if (/[.,;:]["'”’»)\]]*$/u.test(text)) return null;
  if (isMetadataLine(text, bounds)) return null;
  if (countWords(next.text) <= words) return null;
  return { block: first, title: text };
};

/** What the line readers need: where dates may fall, how long a headline may be, how many lines a header has. */
export interface LineOptions {
  maxTitleWords: number;
  bylineWindow: number;
  bounds: DateBounds;
}

/** A block's text on one line. */
const line = (b: Block) => b.text.replace(/\s+/g, ' ').trim();

/**
 * The headline of a text: the line that reads as one (see `readHeadline`) opening the article's run of prose or right
 * above it (bylines and date lines between them aside); else the first such line at the top, past short lines that
 * cannot be one (an error banner glued on top), never past the first paragraph.
 */
export const textHeadline = (blocks: Block[], opts: LineOptions): number => {
  const live = blocks.filter((b) => !b.removed);
  // A whole page's text opens with its <title>: the headline is the line that repeats it (or its part before the
  // site's name) above a paragraph, wherever the menus put it.
  const title = live[0] ? titleKeys([line(live[0])]) : null;
  if (title && countWords(live[0]!.text) >= 3) {
    for (let i = 1; i < live.length; i++) {
      const text = line(live[i]!);
      if (text.length <= title.maxLength && title.keys.has(foldText(text)) && opensProse(live, i + 1, opts.bounds)) return blocks.indexOf(live[i]!);
    }
  }
  // Where the article starts, by the measure (and the default line lengths) of strip-boilerplate's text selection.
  const { start } = proseRun(live, SHORT_LINE_WORDS, SHORT_LINE_COST);
  let above = start - 1;
  while (above >= 0 && isMetadataLine(line(live[above]!), opts.bounds)) above--;
  // Below the first line, a headline must be followed by a paragraph of prose, not by another line of a menu, a
  // list or a table.
  const at = (i: number) =>
    i >= 0 && readHeadline(live.slice(i), opts.maxTitleWords, opts.bounds) && (i === 0 || opensProse(live, i + 1, opts.bounds)) ? blocks.indexOf(live[i]!) : -1;
  // A headline of eight words or more counts as prose and opens the run itself.
  for (const i of [start, above]) if (at(i) >= 0) return at(i);
  // At the top, past an error banner glued on the article (its sentence may open the run), up to the first
  // paragraph: a line longer than a headline.
  for (let i = 0; i < live.length && i <= start + 1; i++) {
    const text = line(live[i]!);
    if (countWords(text) > opts.maxTitleWords) break;
    if (!isMetadataLine(text, opts.bounds) && at(i) >= 0) return at(i);
  }
  return -1;
};

/**
 * One of the next lines that are not bylines or date lines is a paragraph: a dozen words or more, ending a sentence
 * (a caption or a credit may stand between a headline and its first paragraph).
 */
const opensProse = (blocks: Block[], from: number, bounds: DateBounds): boolean => {
  for (let i = from, lines = 0; i < blocks.length && lines < 3; i++) {
    const text = blocks[i]!.text.replace(/\s+/g, ' ').trim();
    if (blocks[i]!.removed || isMetadataLine(text, bounds)) continue;
    if (countWords(text) >= 12 && endsLikeSentence(text)) return true;
    lines++;
  }
  return false;
};

/**
 * Marks the header lines of an article, the few lines between its headline and its body (and the two just above
 * the headline): bylines with their names and agency, date lines with their date, an agency dateline on the
 * first paragraph. Stops at the first long paragraph.
 */
export const markHeaderLines = (window: Block[], bounds: DateBounds): void => {
  for (const block of window) {
    if (block.role) continue;
    const text = block.text.replace(/\s+/g, ' ').trim();
    const by = text.split(' ').length <= 16 && bylineText(text) ? embeddedByline(text) : null;
    if (by) {
      // "By Jane Doe and John Roe, Reuters": the last single word after a comma is the agency.
      const names = cleanAuthors([by.replace(/,\s*\p{Lu}[\p{L}.]*\s*$/u, '')]);
      // "By Reuters", "Von dpa", "By Jane Doe, AFP": the agency is the publisher, not an author.
      const agency = wireAgencies([by])[0];
      if (names.length || agency) {
        block.role = { name: 'byline', names, header: true, ...(agency ? { agency } : {}) };
        continue;
      }
    }
    const date = readDateLine(text, bounds);
    if (date) {
      block.role = { name: 'date_line', date, header: true };
      continue;
    }
    const dateline = readDateline(text);
    if (dateline) block.role = { name: 'dateline', agency: dateline.agency };
    if (text.split(' ').length > 30) break;
  }
};

/** Marks every contributor line ("CNN’s Jane Doe contributed to this report.") with its names and outlet. */
export const markContributorLines = (blocks: Block[]): void => {
  for (const block of blocks) {
    if (block.role) continue;
    const c = readContributorLine(block.text);
    if (c) block.role = { name: 'contributor_line', names: c.names, ...(c.outlet ? { agency: c.outlet } : {}) };
  }
};

/** "... said:", "... a écrit :", "... schrieb am 3. Mai 2020 um 10:15:" closing a short line. */
const COMMENT_SAID = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(VOCABULARY.labels.commentSaid, true)})(?![\\p{L}\\p{N}]).{0,40}:$`, 'iu');
/** A clock time ("4:47 pm", "10.15 Uhr") or a year. */
const TIME_OR_YEAR = /(?<!\d)(?:\d{1,2}[:.]\d{2}(?!\d)|(?:19|20)\d{2}(?!\d))/u;

/**
 * A comment's header: a short line naming who said something when ("Milan Griffes on September 12, 2018 at 4:47 pm
 * said:", "Anna schrieb am 3. Mai 2020 um 10:15:"), or "<name> says:" over a line with the date. An article's "He
 * said:" before a quote has no time or year beside it.
 */
const isCommentHeader = (text: string, next: string | undefined): boolean => {
  if (!text.trimEnd().endsWith(':')) return false;
  const line = text.replace(/\s+/g, ' ').trim();
  if (countWords(line) > 16) return false;
  if (!COMMENT_SAID.test(line)) return false;
  const dated = (s: string) => TIME_OR_YEAR.test(s);
  return dated(line) || (next !== undefined && countWords(next) <= 10 && dated(next));
};

/** Marks comment headers: the first one under an article opens its comment thread. */
export const markCommentHeaders = (blocks: Block[]): void => {
  blocks.forEach((block, i) => {
    if (!block.role && !block.removed && isCommentHeader(block.text, blocks[i + 1]?.text)) block.role = { name: 'comment_header' };
  });
};

/**
 * Marks the date and time stamps elsewhere on the page (teaser dates, "Updated" lines): role date_line, with the
 * date when it parses, and without one for a stamp without a year ("Wed, Nov 20"): a month name and a day.
 */
export const markDateStamps = (blocks: Block[], bounds: DateBounds): void => {
  for (const block of blocks) {
    // The word count first (kept on the block): most blocks are paragraphs, far longer than a stamp.
    if (block.role || blockWords(block) > DATE_LINE_WORDS) continue;
    const line = dateOnlyLine(block.text);
    if (!line) continue;
    const date = parseDate(line.replace(DATE_LABEL, ''), bounds);
    if (date) block.role = { name: 'date_line', date };
    else if (line.split(/[\s,]+/).some(isMonthName)) block.role = { name: 'date_line' };
  }
};

/** Roles in a text document: its headline, the header lines under it, contributor lines anywhere. */
export const markText = (blocks: Block[], opts: LineOptions): void => {
  const at = textHeadline(blocks, opts);
  const live = blocks.filter((b) => !b.removed);
  if (at >= 0) blocks[at]!.role = { name: 'headline' };
  const top = at >= 0 ? live.indexOf(blocks[at]!) : 0;
  const below = at >= 0 ? live.slice(top + 1, top + 1 + opts.bylineWindow) : live.slice(0, opts.bylineWindow);
  markHeaderLines([...live.slice(Math.max(0, top - 2), top), ...below], opts.bounds);
  markContributorLines(blocks);
  markCommentHeaders(blocks);
  markDateStamps(blocks, opts.bounds);
};
