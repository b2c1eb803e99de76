// Date parsing for metadata: ISO values from markup, and the common written forms of en, es, fr, pt (it, de too).
import { foldDiacritics } from '../../core/text.js';
import { alternation, MONTHS } from '../../core/vocabulary.js';

const MONTH = alternation([...MONTHS.keys()]);

/** A month name or abbreviation in one of the languages read ("Feb", "juin", "diciembre"). */
export const isMonthName = (word: string): boolean => MONTHS.get(foldDiacritics(word).replace(/\.$/, '')) !== undefined;

export interface DateBounds {
  /** Latest plausible instant (the fetch time, or now). */
  latest: Date;
  /** Earliest plausible year. */
  minYear: number;
}

export const defaultBounds = (fetchedAt: string | null | undefined, minYear = 1995): DateBounds => {
  const f = fetchedAt ? new Date(fetchedAt) : null;
  return { latest: f && !Number.isNaN(f.getTime()) ? f : new Date(), minYear };
};

const pad = (n: number) => String(n).padStart(2, '0');

const validDay = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The instant of an ISO string, or for a bare date its UTC midnight. */
const instant = (iso: string): number => {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : /[Z+-]\d{0,2}:?\d{0,2}$/.test(iso.slice(19)) ? iso : `${iso}Z`);
  return t;
};

/** Keeps a date inside the plausible window: not before `minYear`, not after `latest` (a day of slack for time zones). */
export const plausible = (iso: string, bounds: DateBounds): boolean => {
  const year = Number(iso.slice(0, 4));
  if (year < bounds.minYear) return false;
  const t = instant(iso);
  if (Number.isNaN(t)) return false;
  const slack = iso.length === 10 || !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? 36 * 3600e3 : 60e3;
  return t <= bounds.latest.getTime() + slack;
};

const dateOnly = (y: number, m: number, d: number): string | null =>
  validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;

const fullYear = (y: string): number => {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
};

const ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i;

/** Parses an ISO 8601 value (as markup gives it), keeping the page's own offset. */
export const parseIso = (s: string): string | null => {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, zone] = m;
  const day = dateOnly(Number(y), Number(mo), Number(d));
  if (!day) return null;
  if (hh === undefined) return day;
  if (Number(hh) > 23 || Number(mi) > 59) return day;
  let z = '';
  if (zone) z = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${day}T${pad(Number(hh))}:${mi}:${ss ?? '00'}${z}`;
};

const TEXT_PATTERNS: Array<{ re: RegExp; ymd: (m: RegExpExecArray) => [number, number, number] }> = [
  // 17 de diciembre de 2023, 17 décembre 2023, 17th Dec. 2023, Sun, 17 Dec 2023
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|eme|o|º|°)?\\.?\\s*(?:de\\s+|-)?(${MONTH})\\b\\.?,?\\s*(?:de\\s+|del\\s+|-)?(\\d{4})\\b`),
    ymd: (m) => [Number(m[3]), MONTHS.get(m[2])!, Number(m[1])],
  },
  // Dec. 17, 2023 / December 17th 2023 / diciembre 17 de 2023
  {
    re: new RegExp(`\\b(${MONTH})\\b\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:de\\s+)?(\\d{4})\\b`),
    ymd: (m) => [Number(m[3]), MONTHS.get(m[1])!, Number(m[2])],
  },
  // 2023/12/17, 2023.12.17
  { re: /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/, ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
];

// Digits may be glued to a word by markup ("Brasília03/05/2022"): only other digits must not touch the date.
const NUMERIC = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;

export interface ParseOptions {
  /** For an ambiguous "03/04/2023": month first (US) when true, day first otherwise. */
  monthFirst?: boolean;
}

/** Finds a written date in free text ("Publicado el 4 de mayo de 2022", "Dec. 17, 2023", "17/12/2023"). */
export const findTextDate = (text: string, opts: ParseOptions = {}): string | null => {
  const s = foldDiacritics(text);
  const iso = parseIso(s);
  if (iso) return iso;
  let best: { index: number; value: string } | null = null;
  for (const p of TEXT_PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const [y, mo, d] = p.ymd(m);
    const value = dateOnly(y, mo, d);
    if (value && (!best || m.index < best.index)) best = { index: m.index, value };
  }
  if (best) return best.value;
  const m = NUMERIC.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = fullYear(m[4]);
  if (m[4].length === 2 && m[2] !== '/' && m[2] !== '.') return null;
  if (a > 12) return dateOnly(y, b, a);
  if (b > 12) return dateOnly(y, a, b);
  return opts.monthFirst ? dateOnly(y, a, b) : dateOnly(y, b, a);
};

/** Parses a date value from markup or text: ISO first, then Unix time, then written forms. */
export const parseDate = (raw: string | null | undefined, bounds: DateBounds, opts: ParseOptions = {}): string | null => {
  if (!raw) return null;
  const s = raw.trim();
  if (!s) return null;
  let value: string | null = null;
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    value = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  } else if (/^\d{8}$/.test(s)) {
    value = dateOnly(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
  } else {
    value = findTextDate(s, opts);
  }
  return value && plausible(value, bounds) ? value : null;
};

/** A date in a URL path: /2023/12/17/, /2023-12-17-, /20231217/. Month-only paths give no day. */
export const urlDate = (url: string | null | undefined, bounds: DateBounds): string | null => {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  if (!m) return null;
  const value = dateOnly(Number(m[1]), Number(m[2]), Number(m[3]));
  return value && plausible(value, bounds) ? value : null;
};

/** The page's calendar day of an ISO value (its own offset kept, as the day printed on the page). */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** Whole days between the calendar days of two ISO values. */
export const daysApart = (a: string, b: string): number =>
  Math.abs(Date.parse(`${dayOf(a)}T00:00:00Z`) - Date.parse(`${dayOf(b)}T00:00:00Z`)) / 864e5;
