// Turns raw author strings (meta values, JSON-LD names, byline text) into a clean list of names.
import { foldDiacritics, foldText } from '../../core/text.js';
import { isMonthName } from './dates.js';
import { VOCABULARY, WIRE_AGENCIES } from '../../core/vocabulary.js';

const { deskCredits: DESK_CREDITS, roles: ROLE_WORDS, affiliations: AFFILIATION_WORDS, conjunctions: NAME_CONJUNCTIONS, weakConjunctions: WEAK_CONJUNCTIONS } = VOCABULARY.names;
const AUTHOR_BOX_LABELS = VOCABULARY.labels.authorBox;

/** Lowercase, no diacritics, punctuation but hyphens as spaces: the form the word lists are written in. */
const fold = (s: string): string => foldDiacritics(s).replace(/[^\p{L}\p{N}-]+/gu, ' ').trim();
const DESKS = new Set(DESK_CREDITS.map(fold));
const LABELS = new Set(AUTHOR_BOX_LABELS.map(fold));
const ROLES = new Set(ROLE_WORDS.map(fold));
const AFFILIATIONS = new Set(AFFILIATION_WORDS.map(fold));
/** Affiliation words that are never a surname ("Post", "Times" or "Group" may be). */
const ORGANISATIONS = new Set([...AFFILIATIONS].filter((w) => !/^(?:post|times|herald|tribune|gazette|media|group|company|school|college|foundation|stiftung|fondation|fundacion|fondazione|fundacao|stichting|fundacja)$/.test(w)));
const WIRES = new Map(Object.entries(WIRE_AGENCIES).map(([k, v]) => [fold(k), v]));

/** The agency a credit names ("Reuters", "AP", "dpa", "Agencia EFE"), as its publisher name; null for anything else. */
export const wireAgency = (raw: string): string | null => {
  const s = fold(raw.replace(LEADING_LABEL, '').replace(LEADING_BY, ''));
  return WIRES.get(s) ?? WIRES.get(s.replace(/^(?:with|avec|con|mit|com|met|z)\s+/, '')) ?? null;
};

/** Every agency credited among raw author strings, split as names are: "Jane Doe / AFP" gives AFP. */
export const wireAgencies = (raws: Array<string | null | undefined>): string[] => {
  const out: string[] = [];
  for (const raw of raws) {
    if (!raw) continue;
    for (const piece of splitNames(raw.replace(/\s+/g, ' ').trim())) {
      const agency = wireAgency(piece);
      if (agency && !out.includes(agency)) out.push(agency);
    }
  }
  return out;
};

/** A desk credit alone ("Staff", "Redaktion", "La Redacción") or an author-box label ("About the Author"). */
const isDeskOrLabel = (s: string): boolean => {
  const f = fold(s);
  return DESKS.has(f) || LABELS.has(f);
};

/**
 * Cuts a role or an affiliation after a name: "Jane Roe Chief Technology Officer" -> "Jane Roe",
 * "John Doe USA TODAY NETWORK" -> "John Doe", "Ana Lima de la Universidad de Chile" -> "Ana Lima". A part that is
 * only a role ("Chief Technology Officer", "Senior Editor") is no name: null.
 */
const withoutRole = (name: string): string | null => {
  const words = name.split(' ');
  const folded = words.map(fold);
  // "University of Michigan", "7 News WSVN": an organisation, not a person.
  if (folded.slice(0, 2).some((w) => ORGANISATIONS.has(w))) return null;
  const roleAt = folded.findIndex((w) => ROLES.has(w));
  if (roleAt === 0 || (roleAt === 1 && words.length > 2)) return null;
  let cut = roleAt > 1 ? roleAt : words.length;
  // "from/at/of/de <organisation>": only when an organisation word follows.
  const linkAt = folded.findIndex((w, i) => i >= 2 && /^(?:from|at|of|von|vom|der|de|du|des|del|della|da|di|van|z|ze)$/.test(w) && folded.slice(i + 1).some((x) => AFFILIATIONS.has(x)));
  if (linkAt > 0 && linkAt < cut && folded.slice(linkAt + 1).some((x) => AFFILIATIONS.has(x))) cut = linkAt;
  // Trailing words in capitals after a name in mixed case: the outlet ("USA TODAY NETWORK").
  const capsFrom = (() => {
    let i = cut;
    while (i > 0 && /^[\p{Lu}\p{N}&.'’-]{2,}$/u.test(words[i - 1]) && /\p{Lu}{2}/u.test(words[i - 1])) i--;
    return i;
  })();
  if (capsFrom >= 2 && capsFrom < cut && words.slice(0, capsFrom).every((w) => !/^\p{Lu}{2,}$/u.test(w)) && (cut - capsFrom >= 2 || folded.slice(capsFrom, cut).some((w) => AFFILIATIONS.has(w)))) cut = capsFrom;
  return words.slice(0, cut).join(' ');
};

/** Words that introduce a byline in the languages we read. */
const BY = String.raw`(?:(?:written|posted|published|reported|text|words|story|photos?)\s+by|by|par|por|von|door|di|przez|de|publicado\s+por|geschrieben\s+von|scritto\s+da|geschreven\s+door|escrito\s+por|publie\s+par|publié\s+par|redigé\s+par|rédigé\s+par|autor(?:a|es)?|author(?:s)?|auteur(?:e|s)?|texto|reportagem)\s*[:\-–—]?`;
const LEADING_BY = new RegExp(`^\\s*${BY}\\s+`, 'iu');
const LEADING_LABEL = /^\s*(?:author|authors|autor|autora|autores|auteur|auteurs|by|par|por|von|byline)\s*[:\-–—|]\s*/iu;

/** A part that is a role or a status, not a name. */
const NOT_A_NAME =
  /^(?:staff|staff writers?|editors?|editorial|editorial (?:staff|team|board)|admin|administrator|webmaster|anonymous|anonimo|anónimo|unknown|null|undefined|none|no author|guest|guest author|contributor|contributors|redaccion|redacción|redação|redacao|rédaction|redaction|team|news desk|newsdesk|desk|correspondent|reporter|updated?|posted|published|publicado|actualizado|mis à jour|share|follow|more|home|news|et al\.?|by|ph\.?d\.?|m\.?d\.?|mph|rdn?|rn|mba|dr\.?)$/iu;

/** Trailing role or time phrases glued to a name ("Jane Doe, Staff Writer", "Jane Doe Updated 3 hours ago"). */
const TAIL = new RegExp(
  [
    // A status phrase: "Jane Doe | Updated 3 hours ago", "Jane Doe Published 12 May".
    String.raw`\s*[,|•·–—-]?\s*\b(?:updated|posted|published|publicado|actualizado|atualizado|mis à jour|publié|modifié|il y a|hace|says|said)\b.*$`,
    // A date after a little word: "Jane Doe on 12 May", "Jane Doe le 3 mars".
    String.raw`\s+(?:on|le|el|am|at|em|il)\s+\d.*$`,
    // A role: "Jane Doe, Staff Writer".
    String.raw`\s+staff$`,
    String.raw`\s*[,|•·–—-]?\s*\b(?:staff|senior|chief|contributing|special|political|science|health)?\s*(?:writer|reporter|correspondent|editor|columnist|journalist|periodista|redactor|redactora|journaliste|rédacteur|rédactrice|photographer|contributor)s?\b.*$`,
  ].join('|'),
  'iu',
);

const PARTICLE = String.raw`(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ter|bin|al|el|y|e)`;
const PARTICLE_WORD = new RegExp(`^${PARTICLE}$`, 'u');

/** A newsroom desk rather than a person: "Redacción EC", "Redação Brasil 247", "Newsroom", "HLNF Staff Report". */
const DESK = /^(?:redacci[oó]n|reda[cç][aã]o|r[ée]daction|redazione|newsroom|news desk)\b|\bstaff\b/iu;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URLISH = /^(?:https?:\/\/|www\.)\S+$/i;
const HANDLE = /^@\w+$/;
const INNER_HANDLE = /\s*@\w+/g;
const HAS_DIGIT_RUN = /\d{2,}/;

/** True when the raw strings credit only the site's names or desks, and at least one of them. */
export const onlySiteNames = (raws: string[], siteNames: string[]): boolean => {
  const persons = raws.filter((r) => !deskByline(r));
  const all = cleanAuthors(persons);
  return (all.length > 0 || persons.length < raws.length) && all.every((n) => isSiteName(n, siteNames));
};

export interface AuthorOptions {
  /** Names of the site or publisher: an author equal to one of them is the site, not a person. */
  siteNames?: string[];
}

/** Letters and digits only, lowercased, no diacritics: for comparing names with site names. */
export const nameKey = (s: string): string => foldText(s).replaceAll(' ', '');

/** The name part of a profile URL: ".../author/jane-doe/" -> "Jane Doe"; null when there is none. */
export const nameFromUrl = (url: string): string | null => {
  let path: string;
  try {
    path = new URL(url.startsWith('www.') ? `https://${url}` : url).pathname;
  } catch {
    return null;
  }
  const m = /\/(?:author|authors|autor|autores|auteur|auteurs|profile|perfil|people|staff|journalist|periodista|columnist|writers?)\/(?:\d+-)?([a-z][a-z-]+[a-z])\/?(?:\.html?)?$/i.exec(path);
  if (!m || !m[1].includes('-')) return null;
  return m[1]
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
};

const isSiteName = (name: string, siteNames: string[]): boolean => {
  const k = nameKey(name);
  if (k.length < 2) return true;
  // "BettyCrocker.com" names the site "bettycrocker".
  return siteNames.flatMap((s) => [s, s.replace(/\.(?:com|net|org|info|co|[a-z]{2})(?:\.[a-z]{2})?$/i, '')]).some((s) => {
    const sk = nameKey(s);
    if (sk.length < 3) return false;
    if (k === sk || (k.length >= 4 && k.includes(sk))) return true;
    // A one-word name inside the site's name ("Google" for "Google Online Security Blog") is the site.
    if (!/\s/.test(name.trim()) && k.length >= 4 && sk.includes(k)) return true;
    if (k.length < 4 || !sk.includes(k) || k.length < 0.5 * sk.length) return false;
    // "Daniel Lemire's blog" is a person's site: the person stays an author.
    return !s.toLowerCase().includes(`${name.toLowerCase()}'s`) && !s.toLowerCase().includes(`${name.toLowerCase()}’s`);
  });
};

/** "Adam Aaronson PhillyVoice" -> "Adam Aaronson": a trailing word that is the site's name goes. */
const withoutSiteWords = (name: string | null, siteNames: string[]): string | null => {
  if (!name) return null;
  const keys = new Set(siteNames.map(nameKey).filter((k) => k.length >= 4));
  const words = name.split(' ');
  while (words.length > 2 && keys.has(nameKey(words[words.length - 1]))) words.pop();
  return words.join(' ');
};

/** Splits "A and B", "A, B y C", "A & B", "A; B", "A | B" into names; "Doe, Jane" stays whole. */
const STRONG_JOIN = new RegExp(String.raw`\s*(?:;|\||&|\s+/\s+|\s+(?:${NAME_CONJUNCTIONS.join('|')})\s+|\s+[·•]\s+)\s*`, 'iu');
/** A weak conjunction between two full names: "Jan de Vries en Piet Jansen", "Anna Nowak i Jan Kowalski". */
const WEAK_JOIN = new RegExp(String.raw`(?<=\p{Lu}[\p{L}.'’-]*\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}.'’-]*)\s+(?:${WEAK_CONJUNCTIONS.join('|')})\s+(?=\p{Lu}[\p{L}.'’-]*\s+(?:\p{Ll}+\s+)?\p{Lu})`, 'u');
export const splitNames = (s: string): string[] =>
  withoutAffiliation(s)
    .split(STRONG_JOIN)
    .flatMap((p) => p.split(WEAK_JOIN))
    .flatMap((p) => {
      const commas = p.split(/\s*,\s*/);
      const inverted = commas.length === 2 && commas.every((c) => /^\p{L}[\p{L}'’-]*$/u.test(c));
      return inverted ? [p] : commas;
    })
    .map((p) => p.trim())
    .filter(Boolean);

/** "Jane Roe, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project": what follows a role is its affiliation. */
const withoutAffiliation = (s: string): string => {
  const parts = s.split(',');
  const role = parts.findIndex((c, i) => i > 0 && isRole(c));
  return role > 0 ? parts.slice(0, role).join(',') : s;
};

/** A part that opens with a role or title ("Senior Staff Technologist", "Chief Technology Officer"). */
const isRole = (part: string): boolean => ROLES.has(fold(part.trim().split(' ')[0] ?? ''));

/** Cleans one name: no "By", no e-mail, no role or date tail, no surrounding punctuation. */
export const cleanName = (raw: string): string | null => {
  let s = raw.replace(EMAIL, ' ').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  if (URLISH.test(s)) {
    const fromUrl = nameFromUrl(s);
    return fromUrl && !NOT_A_NAME.test(fromUrl) ? fromUrl : null;
  }
  if (HANDLE.test(s)) return null;
  s = s.replace(INNER_HANDLE, ' ').trim();
  s = s.replace(LEADING_LABEL, '').replace(LEADING_BY, '');
  s = s.replace(TAIL, '');
  s = s.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ');
  s = s.replace(/^[\s"'“”‘’«»:,;.\-–—|•·]+|[\s"'“”‘’«»:,;\-–—|•·]+$/gu, '').trim();
  if (!s || s.length > 60 || s.length < 2) return null;
  if (HAS_DIGIT_RUN.test(s) || /https?:|www\./i.test(s)) return null;
  // "March 3" (what is left of "March 3, 2024" split at its comma) is a date; "7 News WSVN" is a name.
  if (/\d/.test(s) && s.split(/[\s.,]+/).some(isMonthName)) return null;
  if (NOT_A_NAME.test(s) || DESK.test(s) || isDeskOrLabel(s) || wireAgency(s)) return null;
  const unroled = withoutRole(s);
  if (!unroled) return null;
  s = unroled;
  if (s.split(/\s+/).length > 6) return null;
  if (!/\p{L}/u.test(s)) return null;
  // A name in a cased script has a capital letter ("satter", "admin" are handles, not names), and at most one
  // lowercase word besides particles ("Mobasir hassan" yes, "View all posts by Daniel Lemire" no).
  if (/\p{Ll}/u.test(s) && !/\p{Lu}/u.test(s)) return null;
  const words = s.split(' ');
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !PARTICLE_WORD.test(w)).length;
  if (lower > 1 || (lower === 1 && words.length < 2)) return null;
  return s;
};

/** A clean, deduplicated list of names from raw strings; site and publisher names left out. */
export const cleanAuthors = (raws: Array<string | null | undefined>, opts: AuthorOptions = {}): string[] => {
  const siteNames = opts.siteNames ?? [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    if (!raw) continue;
    // Raw strings arrive decoded (parser, JSON-LD reader, text entities): no second entity decode.
    const text = raw.replace(/\s+/g, ' ').trim();
    const pieces = URLISH.test(text) ? [text] : splitNames(text.replace(LEADING_LABEL, '').replace(LEADING_BY, ''));
    for (const piece of pieces) {
      const name = withoutSiteWords(cleanName(piece), siteNames);
      if (!name || isSiteName(name, siteNames)) continue;
      const key = nameKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
};

const NAME_TOKEN = String.raw`(?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*\.?|\p{Lu}\.)(?=[\s,;|)•·]|$)`;
const NAME = String.raw`${NAME_TOKEN}(?:\s+(?:${PARTICLE}\s+)*${NAME_TOKEN}){0,4}`;
const JOIN = String.raw`(?:,|&|\s/|\b(?:${NAME_CONJUNCTIONS.join('|')})\b|\b(?:${WEAK_CONJUNCTIONS.join('|')})\b(?=\s+${NAME_TOKEN}\s+(?:${PARTICLE}\s+)*${NAME_TOKEN}))`;
const NAMES = new RegExp(String.raw`^${NAME}(?:\s*${JOIN}\s*${NAME})*`, 'u');
// An introducer counts at the start, after a separator or a date ("May 4, 2022 by"), not inside a sentence.
const INTRODUCER =
  /(?:^|[|•·,(:–—-]\s*|\d\s+|\s{2,}|\b(?:posted|published|written)\s+on\s+[^|]{0,30}?\s)(?:written\s+by|posted\s+by|published\s+by|reported\s+by|publicado\s+por|escrito\s+por|publié\s+par|geschrieben\s+von|scritto\s+da|geschreven\s+door|by|par|por|von|door|di|przez|auteurs?|autor(?:es|a|in)?|autorka|authors?)\s*:?\s+/giu;
const TRAILING_PARTICLE = new RegExp(String.raw`(?:\s+${PARTICLE})+$`, 'iu');

/** "ByAlex Bozarjian" -> "By Alex Bozarjian": the introducer glued to the name by markup. */
const unglue = (s: string): string => s.replace(/(^|[\s|])(By|Por|Par)(?=\p{Lu}[\p{Ll}.])/gu, '$1$2 ');

/** True when the whole text is a list of capitalized names: "Isabel Caro, Rocío Latorre y José Miguel Wilson". */
export const isNameList = (text: string): boolean => {
  const t = text.trim();
  const m = NAMES.exec(t);
  return !!m && m[0].length === t.length;
};

/**
 * Finds a byline inside a longer text: "Posted on May 4, 2022 by Adi Tzlil", "yas! | By Cara Stiles | April 13".
 * Returns the capitalized names right after the first introducer, or null.
 */
export const embeddedByline = (raw: string): string | null => {
  const text = unglue(raw);
  for (const m of text.matchAll(INTRODUCER)) {
    const rest = text.slice((m.index ?? 0) + m[0].length);
    const n = NAMES.exec(rest);
    // A lone capital without a period after the name starts the next sentence ("Daniel Lemire A computer ...").
    if (!n) continue;
    let name = n[0].replace(/\s+\p{Lu}$/u, '').replace(TRAILING_PARTICLE, '');
    // "Jane Doe Feb 8": a month name before a number is the date, not the name.
    const tail = /\s+(\p{L}+)\.?$/u.exec(name);
    if (tail && isMonthName(tail[1]) && /^\s*\d/.test(rest.slice(n[0].length))) name = name.slice(0, tail.index);
    return name;
  }
  return null;
};

/** Bylines that credit a desk or no one in particular rather than a person. */
const DESK_BYLINE =
  /^(?:(?:[\p{L}.'’-]+ ){0,2}staff(?: writers?| reporters?| reports?)?|(?:redacci[oó]n|reda[cç][aã]o|r[ée]daction|redazione)(?: [\p{L}\d .'’-]+)?|newsroom|news desk|unknown|anonymous)$/iu;

/** The desk a byline credits ("By Staff Writer", "Por Redacción Diario Pagina Siete"), or null: a desk credit names nobody. */
export const deskByline = (raw: string): string | null => {
  const s = raw
    .replace(/\s+/g, ' ')
    .replace(LEADING_LABEL, '')
    .replace(LEADING_BY, '')
    .replace(/^[\s"'“”:,;.|•·–—-]+|[\s"'“”:,;.|•·–—-]+$/gu, '')
    .trim();
  if (!s || s.length > 50 || /\d/.test(s) || !/^\p{Lu}/u.test(s) || s.split(' ').length > 5) return null;
  return DESK_BYLINE.test(s) ? s : null;
};

/** Labels that introduce the author's name on a line of its own, in the languages read. */
const LABEL_LINE =
  /^(?:(?:written|posted|reported)\s+by|by|par|por|von|door|di|przez|publicado\s+por|escrito\s+por|publié\s+par|geschrieben\s+von|scritto\s+da|geschreven\s+door|auteurs?|autor(?:es|a|in)?|autorka|authors?|责任编辑|编辑|作者|记者|文)\s*[:：]?\s*(.+)$/iu;

/** A line that is a byline: "By Jane Doe", "Por Juan Pérez | Fotos: ...", "责任编辑：焦鹏". Returns the text after the introducer. */
export const bylineText = (line: string): string | null => {
  const s = unglue(line.replace(/\s+/g, ' ').trim());
  const m = LABEL_LINE.exec(s);
  if (!m) return null;
  // Latin introducers need a space after them ("Bypass" is no byline); CJK labels a colon.
  const intro = s.slice(0, s.length - m[1].length);
  if (/[\p{Script=Han}]/u.test(intro) ? !/[:：]\s*$/.test(intro) : !/\s$/.test(intro)) return null;
  return m[1];
};
