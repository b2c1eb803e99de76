// Evidence from the visible page: the h1, <time> and date-like marks, and byline marks near the headline.
import type { Block, Doc, HtmlMark, HtmlPage } from '../../core/doc.js';
import { blockWords, foldText } from '../../core/text.js';
import { alternation, anyWord, VOCABULARY } from '../../core/vocabulary.js';
import { bylineText, cleanAuthors, deskByline, embeddedByline, isNameList, nameKey, wireAgencies } from '../anatomy/authors.js';
import { parseDate, type DateBounds, type ParseOptions } from '../anatomy/dates.js';
import { headlineBlock } from './lines.js';
import { normalizeTitle, titleOverlap } from './title.js';

const { classWords: CLASS, labels: LABEL } = VOCABULARY;
const ELSEWHERE = new RegExp(anyWord(CLASS.elsewhere), 'u');
const AUTHOR_WORDS = new RegExp(anyWord(CLASS.author), 'u');
const NOT_BYLINE = new RegExp(anyWord(CLASS.notByline), 'u');
/** Nodes from the headline within which a byline is "at the headline", and beyond which a name is "far". */
const NEAR = 40;
const FAR = 100;
/** A block that is only a byline label. */
const AUTHOR_LABEL = new RegExp(`^(?:${alternation(LABEL.author, true)})\\s*:?$`, 'iu');
const DATE_WORDS = new RegExp(anyWord(CLASS.date), 'u');
const PUBLISH_INFO = new RegExp(`\\d|${anyWord([...LABEL.published, ...LABEL.updated, ...LABEL.relativeTime], true)}`, 'iu');
const UPDATED_LINE = new RegExp(anyWord(LABEL.updated, true), 'iu');
const MODIFIED_WORDS = new RegExp(anyWord(CLASS.modified), 'u');

/** Removal codes of page parts that hold other content's dates and names: menus, sidebars, footers, comments, related lists. */
const ELSEWHERE_CODE = /^html_(?:nav|footer|aside|sidebar|comments|related|form|share)$|^link_dense$/;

/** itemprop names of dates that belong to something on the page other than the article. */
const OTHER_THING_DATE = /^(?:uploaddate|startdate|enddate|birthdate|deathdate|foundingdate|validfrom|validthrough|pricevaliduntil|expires|availabilitystarts|availabilityends|datereleased|releasedate|datesent|datereceived)$/;

/** Class/id words of a node and its ancestors (up to a few levels). */
const contextWords = (page: HtmlPage, node: number, depth = 5): string => {
  const words: string[] = [];
  for (let n = node, i = 0; n >= 0 && n < page.nodes.length && i < depth; n = page.nodes[n].parent, i++) words.push(page.nodes[n].words);
  return words.join(' ');
};

const isElsewhere = (page: HtmlPage, node: number): boolean => ELSEWHERE.test(contextWords(page, node));

export interface Headline {
  text: string;
  node: number | null;
  block: Block;
}

/** The visible headline anatomy found (an h1, or a heading that reads like the page's title). */
export const pageHeadline = (doc: Doc): Headline | null => {
  const block = headlineBlock(doc);
  return block ? { text: block.text.replace(/\s+/g, ' ').trim(), node: block.node ?? null, block } : null;
};

export interface Dated {
  value: string;
  source: string;
  /** Distance from the headline in nodes (marks before it count double). */
  distance: number;
  /** itemprop datePublished/dateCreated: stated by markup rather than shown. */
  explicit: boolean;
  modified: boolean;
}

/** How far a node is from the headline, in document order; marks before it count double. */
const distance = (node: number, anchor: number | null): number => {
  if (anchor == null) return node;
  return node >= anchor ? node - anchor : (anchor - node) * 2;
};

const markDate = (m: HtmlMark, bounds: DateBounds, opts: ParseOptions): string | null =>
  parseDate(m.value, bounds, opts) ?? (m.text.length <= 120 ? parseDate(m.text, bounds, opts) : null);

/** Dates the page shows: itemprop datePublished first, then <time> and date-like elements nearest the headline. */
export const pageDates = (page: HtmlPage, anchor: number | null, bounds: DateBounds, opts: ParseOptions): Dated[] => {
  const out: Dated[] = [];
  for (const m of page.marks) {
    const ip = (m.itemprop ?? '').toLowerCase();
    const modified = /modified/.test(ip) || MODIFIED_WORDS.test(m.words);
    const dateLike = m.tag === 'time' || /date|published/.test(ip) || DATE_WORDS.test(m.words);
    // uploadDate (a video's), startDate, validFrom, birthDate...: the date of another thing than the article.
    if (!dateLike || OTHER_THING_DATE.test(ip) || isElsewhere(page, m.node)) continue;
    const value = markDate(m, bounds, opts);
    if (!value) continue;
    const explicit = /datepublished|datecreated/.test(ip);
    const source = explicit ? 'html:itemprop' : m.tag === 'time' ? 'html:time' : 'html:date';
    out.push({ value, source, distance: distance(m.node, anchor), explicit, modified });
  }
  // Explicit markup first, then by closeness to the headline; modified dates last.
  const rank = (d: Dated) => (d.modified ? 2e6 : 0) + (d.explicit ? 0 : 1e6) + d.distance;
  return out.sort((a, b) => rank(a) - rank(b));
};

/** A shown date right under the headline: what a reader takes as the publication day. */
export const headlineDate = (dates: Dated[], maxDistance: number): Dated | null =>
  dates.find((d) => !d.explicit && !d.modified && d.distance <= maxDistance) ?? null;

/**
 * How far below the headline (in nodes) the page header reaches: up to the first body paragraph, at least
 * `min` and at most `max` nodes. Bylines and dates shown there belong to the article.
 */
export const headerReach = (doc: Doc, anchor: number | null, min: number, max: number): number => {
  if (anchor == null) return min;
  const body = doc.blocks.find((b) => b.node != null && b.node > anchor && !b.removed && b.kind === 'paragraph' && blockWords(b) >= 15);
  return body ? Math.min(max, Math.max(min, body.node! - anchor)) : min;
};

/** The blocks around the headline: a few above it (kickers, bylines over the title) and `window` below. */
export const aroundHeadline = (doc: Doc, anchor: number | null, window: number): Block[] => {
  if (anchor == null) return [];
  const at = doc.blocks.findIndex((b) => b.node != null && b.node >= anchor);
  if (at < 0) return [];
  // Nearest first, alternating below and above.
  const out: Block[] = [];
  for (let i = 1; i <= window; i++) {
    if (doc.blocks[at + i]) out.push(doc.blocks[at + i]);
    if (i <= 2 && at - i >= 0) out.push(doc.blocks[at - i]);
  }
  return out;
};

/** The headline block for anchoring: a heading whose text is the chosen title, else the h1. */
export const anchorOf = (doc: Doc, title: string | null, h1: Headline | null): number | null => {
  if (title) {
    if (h1 && h1.node != null && titleOverlap(h1.text, title) >= 0.5) return h1.node;
    const t = normalizeTitle(title);
    const heading = doc.blocks.find((b) => b.kind === 'heading' && b.node != null && normalizeTitle(b.text) === t);
    if (heading) return heading.node!;
  }
  return h1?.node ?? null;
};

/** A date inside one of the short lines around the headline ("Posted on May 4, 2022 by Jane Doe"). */
export const lineDate = (doc: Doc, anchor: number | null, window: number, bounds: DateBounds, opts: ParseOptions): string | null => {
  for (const b of aroundHeadline(doc, anchor, window)) {
    if (blockWords(b) > 25 || UPDATED_LINE.test(b.text)) continue;
    const d = parseDate(b.text, bounds, opts);
    if (d) return d;
  }
  return null;
};

/**
 * A short line right under the headline that carries a date ("Ariel Melgar Cabrera 3/5/2022 22:41"): the day the
 * reader sees, like a dated mark there. Only lines within `maxDistance` nodes of the headline count.
 */
export const headlineLineDate = (doc: Doc, anchor: number | null, maxDistance: number, bounds: DateBounds, opts: ParseOptions): string | null => {
  if (anchor == null) return null;
  const at = doc.blocks.findIndex((b) => b.node != null && b.node > anchor);
  if (at < 0) return null;
  for (let i = at; i < doc.blocks.length && i < at + 4; i++) {
    const b = doc.blocks[i];
    if (b.node == null || b.node - anchor > maxDistance) break;
    if (blockWords(b) > 12 || UPDATED_LINE.test(b.text)) continue;
    const d = parseDate(b.text, bounds, opts);
    if (d) return d;
  }
  return null;
};

/** A full name on a short line near the headline that starts with the given name ("Todd" -> "Todd Bates"). */
export const fullNameNear = (doc: Doc, anchor: number | null, given: string, window: number): string | null => {
  const prefix = `${given.toLowerCase()} `;
  for (const b of aroundHeadline(doc, anchor, window)) {
    const t = b.text.replace(/\s+/g, ' ').trim();
    if (t.split(' ').length <= 4 && t.toLowerCase().startsWith(prefix) && isNameList(t)) return t;
  }
  return null;
};

/** Whether `node` is `ancestor` or lies within it, a few levels down. */
const within = (page: HtmlPage, node: number, ancestor: number, depth = 4): boolean => {
  for (let n = node, i = 0; n >= 0 && i <= depth; n = page.nodes[n]?.parent ?? -1, i++) if (n === ancestor) return true;
  return false;
};

/** An account name in small letters and digits ("oz", "delta201"). */
const USER_NAME = /^(?!.*(?:admin|editor|user|staff|test|webmaster))[\p{Ll}][\p{Ll}\d_.-]{1,19}$/u;
/** Words that an author element may hold but that name nobody. */
const NOT_A_HANDLE = new RegExp(`^(?:${alternation([...LABEL.author, ...LABEL.authorBox, ...VOCABULARY.names.deskCredits, 'admin', 'administrator', 'editor', 'staff', 'guest', 'anonymous', 'unknown', 'webmaster', 'root', 'user'])})$`, 'u');
const HANDLE_LINE = /^@[\w.]+$/u;

/**
 * The names of a byline element whose text runs its children together ("By April Roach@aprilroach28Daniel
 * O'Mahony01 October 2020"): its blocks, one name each, without the label, handles and dates. Null when the element
 * holds fewer than two blocks.
 */
const innerByline = (doc: Doc, node: number): string | null => {
  const page = doc.html!;
  const inner = doc.blocks.filter((b) => b.node != null && b.node >= node && within(page, b.node, node));
  if (inner.length < 2) return null;
  const texts = inner.map((b) => b.text.replace(/\s+/g, ' ').trim()).filter((t) => t && !AUTHOR_LABEL.test(t) && !HANDLE_LINE.test(t));
  // Each remaining block a full name of its own (two to four words); a place, a role or a credit line spoils it.
  const names = texts.filter((t) => !/\d{4}/.test(t));
  const full = (t: string) => !/[,;|]/.test(t) && t.split(' ').length >= 2 && t.split(' ').length <= 4 && cleanAuthors([t]).join() === t;
  return names.length >= 2 && names.every(full) ? names.join(', ') : null;
};

export interface Named {
  names: string[];
  source: string;
}

/** Author names from byline marks (itemprop=author, rel=author, author/byline class words) or "By ..." lines near the headline. */
export const pageAuthors = (doc: Doc, anchor: number | null, siteNames: string[], window: number, credits: string[] = []): Named | null => {
  const page = doc.html!;
  // Candidates are ranked by kind of evidence (`base`: markup, then lines) and distance from the headline.
  type Candidate = { names: string[]; rank: number; distance: number };
  const found: Candidate[] = [];
  // A byline crediting a desk ("By Staff Writer", "Por Redacción ...") right at the headline, or the site's own name
  // in an explicit byline ("Written by Miami Today"), stands in when no person is named near the headline.
  let desk = null as Candidate | null;
  let siteByline = null as Candidate | null;
  // A user name in an author element at the headline ("by <span class="author vcard">oz</span>"): the byline of a
  // blog that names its writers by their account, used when no name is found.
  let handle = null as string | null;
  const siteKeys = siteNames.map(nameKey).filter((k) => k.length >= 4);
  const considerByline = (text: string, base: number, d: number) => {
    const before = found.length;
    consider(text, base, d);
    if (found.length === before && !siteByline) {
      // Only the site's exact name: "Written by Miami Today" yes, "By Betty Crocker Kitchens" (a brand desk) no.
      const names = cleanAuthors([text]);
      const keys = new Set(siteNames.map(nameKey));
      if (names.length === 1 && keys.has(nameKey(names[0]))) siteByline = { names, rank: base + d, distance: d };
    }
  };
  const consider = (text: string, base: number, d: number) => {
    const rank = base + d;
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t || t.length > 200) return;
    // "Jane Doe | Publicado hace 3 horas": the first part that is short enough is the name.
    const first = t.split(/\s+[|•·]\s+/)[0];
    const short = (first.split(' ').length <= 6 && !/\d{2,}/.test(first)) || isNameList(first);
    const raw = embeddedByline(t) ?? (short ? first : null);
    if (!raw) return;
    const names = cleanAuthors([raw], { siteNames });
    // "By Reuters", "Jane Doe / AFP": the agency is collected for the publisher, never an author.
    if (d <= NEAR) credits.push(...wireAgencies([raw]));
    if (names.length && names.length <= 5) found.push({ names, rank, distance: d });
    else if (!names.length && d <= NEAR && (!desk || rank < desk.rank)) {
      const name = deskByline(raw);
      if (name) desk = { names: [name], rank, distance: d };
    }
  };
  for (const m of page.marks) {
    const ip = (m.itemprop ?? '').toLowerCase();
    const explicit = /^(?:author|creator)$/.test(ip) || /\bauthor\b/.test(m.rel ?? '');
    const d = distance(m.node, anchor);
    // A credit line right under the headline names the source ("JIJI"); further away it is a photo credit.
    const credit = /\bcredits?\b/.test(m.words) && anchor != null && d <= 3 && !/\b(?:photo|image|foto)/i.test(m.text);
    if (!explicit && !credit && !AUTHOR_WORDS.test(m.words) && !DATE_WORDS.test(m.words)) continue;
    // The page's h1 is a headline or a section name, never a byline.
    if (m.tag === 'h1' || isElsewhere(page, m.node) || NOT_BYLINE.test(m.words)) continue;
    if (anchor != null && d > 600) continue;
    // Date-like containers often hold "Posted on May 4 by Jane Doe": only their embedded byline counts.
    if (!explicit && !credit && !AUTHOR_WORDS.test(m.words)) {
      const by = embeddedByline(m.text);
      if (by) consider(by, 2000, d);
      continue;
    }
    const t = m.text.replace(/\s+/g, ' ').trim();
    if (!handle && d <= NEAR && USER_NAME.test(t) && !NOT_A_HANDLE.test(t) && !siteKeys.some((k) => nameKey(t).includes(k))) handle = t;
    consider(innerByline(doc, m.node) ?? m.text, explicit ? 0 : 1000, d);
  }
  // "By Jane Doe" lines around the headline; further down only short lines that are nothing but a byline.
  aroundHeadline(doc, anchor, window * 3).forEach((b, i) => {
    const words = blockWords(b);
    if (words > (i < window ? 25 : 8)) return;
    const by = bylineText(b.text) ? (embeddedByline(b.text) ?? bylineText(b.text)) : i < window ? embeddedByline(b.text) : null;
    if (by) return considerByline(by, 3000, distance(b.node ?? 0, anchor));
    // "Jane Doe | Published 3 hours ago": a name list, then a date or a publishing word.
    const [first, ...rest] = b.text.split(/\s+[|•·]\s+/);
    if (i < window * 2 && rest.length && isNameList(first) && PUBLISH_INFO.test(rest.join(' '))) consider(first, 3000, distance(b.node ?? 0, anchor));
  });
  // A label on a line of its own, the name on the next ("Auteur" / "Uriel Gadessaud"), near the headline: below it,
  // or in the two lines above it ("by" / "delta201" over a chapter's title).
  const at = anchor == null ? -1 : doc.blocks.findIndex((b) => b.node != null && b.node > anchor);
  for (let i = Math.max(at - 4, 0); at >= 0 && i < doc.blocks.length - 1 && i < at + window * 3; i++) {
    const next = doc.blocks[i + 1];
    if (!AUTHOR_LABEL.test(doc.blocks[i].text.trim())) continue;
    // Not a menu's items ("Texte" / "Bücher").
    if ([doc.blocks[i], next].some((b) => b.removed && ELSEWHERE_CODE.test(b.removed.code))) continue;
    const t = next.text.replace(/\s+/g, ' ').trim();
    const d = distance(next.node ?? 0, anchor);
    if (blockWords(next) <= 6 && isNameList(t)) consider(t, 1500, d);
    else if (!handle && d <= NEAR && USER_NAME.test(t) && !NOT_A_HANDLE.test(t) && !siteKeys.some((k) => nameKey(t).includes(k))) handle = t;
  }
  // Blocks held by an author element ("author title") below the headline.
  for (const b of doc.blocks) {
    if (b.node == null || anchor == null || b.node <= anchor || b.node - anchor > 200 || blockWords(b) > 6) continue;
    const words = page.nodes[b.node]?.words ?? '';
    if (AUTHOR_WORDS.test(words) && !NOT_BYLINE.test(words) && !isElsewhere(page, b.node)) consider(b.text, 1500, distance(b.node, anchor));
  }
  // A labelled line anywhere ("Author: Jane Doe", "责任编辑：焦鹏").
  for (const b of doc.blocks) {
    if (b.removed || blockWords(b) > 8 || !/[:：]/.test(b.text)) continue;
    const by = bylineText(b.text);
    if (by) consider(by, 4000, distance(b.node ?? 0, anchor));
  }
  found.sort((a, b) => a.rank - b.rank);
  const standIn = (siteByline && siteByline.distance <= NEAR ? siteByline : null) ?? desk ?? siteByline;
  // A person named only far from the headline (a list further down) yields to an explicit byline at the headline.
  const best = found[0] && (found[0].distance <= FAR || !standIn || standIn.distance > NEAR) ? found[0] : standIn;
  // A desk credit ("By Staff Writer", "Redacción") is no person: it keeps a far-off name out, and names nobody.
  if (!best && handle && !desk) return { names: [handle], source: 'html:byline' };
  if (!best || best === desk) return null;
  return { names: best.names, source: 'html:byline' };
};

const COPYRIGHT = /(?:©|\(c\)|copyright)\s*(?:\(c\)|©)?\s*(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?\s*)?(?:by\s+)?(\p{Lu}[^.,|©\d]{2,40})/iu;

/**
 * The person a personal site is named after: the copyright holder ("Copyright (c) 2012- Gregory Szorc") when the
 * site's domain is that name (gregoryszorc.com). A blog that shows no byline is its owner's.
 */
/** The name part of a host, letters and digits only: "www.gregoryszorc.com" -> "gregoryszorc", "x.co.uk" -> "x". */
export const domainKey = (host: string | null): string | null => {
  if (!host) return null;
  const labels = host.toLowerCase().replace(/^www\d?\./, '').split('.');
  if (labels.length < 2) return null;
  const domain = labels[labels.length - 2].length <= 3 && labels.length > 2 ? labels[labels.length - 3] : labels[labels.length - 2];
  return domain.replace(/-/g, '') || null;
};

const PERSON_WORD = /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u;

export const siteOwner = (doc: Doc, host: string | null, siteNames: string[] = []): string | null => {
  const key = domainKey(host);
  if (!key) return null;
  // A business that names itself (og:site_name, publisher "Schlosswirt Juval") is no person.
  const sites = new Set(siteNames.map(nameKey));
  for (const b of doc.blocks) {
    if (blockWords(b) > 30) continue;
    const m = COPYRIGHT.exec(b.text);
    if (!m) continue;
    const [name] = cleanAuthors([m[1].trim()]);
    // A person's name: two or three words in capitals and small letters ("VI Consortium" is an organisation).
    const words = name?.split(' ') ?? [];
    if (words.length >= 2 && words.length <= 3 && words.every((w) => PERSON_WORD.test(w)) && nameKey(name!) === key && !sites.has(key)) return name!;
  }
  return null;
};

/** Whether an element of the page is classed with the author's name ("author-pamela-anderson", "author_jane_doe"). */
export const classedAuthor = (page: HtmlPage, name: string): boolean => {
  const key = foldText(name);
  if (!key.includes(' ')) return false;
  const re = new RegExp(`(?:^| )author ${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`);
  return page.nodes.some((n) => re.test(n.words));
};


/** The one day the article's date lines show (anatomy's role), outside menus, sidebars, comments and related lists. */
export const onlyShownDate = (doc: Doc): string | null => {
  const days = new Set<string>();
  let first: string | null = null;
  for (const b of doc.blocks) {
    if (b.role?.name !== 'date_line' || !b.role.date || (b.removed && ELSEWHERE_CODE.test(b.removed.code))) continue;
    if (doc.html && b.node != null && isElsewhere(doc.html, b.node)) continue;
    first ??= b.role.date;
    days.add(b.role.date.slice(0, 10));
  }
  return days.size === 1 ? first : null;
};

