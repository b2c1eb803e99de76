// Title cleaning: site-name suffixes off, and the choice between the meta title and the visible headline.
import { TITLE_SEPARATOR } from '../../core/text.js';
import { nameKey } from '../anatomy/authors.js';


export const normalizeTitle = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐-―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export interface TitleContext {
  /** Names the site goes by: og:site_name, publisher, application-name. */
  siteNames: string[];
  /** The page's host, e.g. "www.example.com". */
  host: string | null;
}

/** True when a title segment names the site: equal to a site name or the domain ("BBC News" ~ bbc.co.uk). */
const namesSite = (segment: string, ctx: TitleContext): boolean => {
  const k = nameKey(segment);
  if (!k) return false;
  for (const s of ctx.siteNames) {
    const sk = nameKey(s);
    if (sk.length >= 3 && (k === sk || (k.length >= 3 && (sk.includes(k) || k.includes(sk))))) return true;
  }
  if (ctx.host) {
    const labels = ctx.host.toLowerCase().replace(/^www\d?\./, '').split('.');
    const domainKey = labels.join('');
    const main = labels.length > 1 ? labels[labels.length - 2].length <= 3 && labels.length > 2 ? labels[labels.length - 3] : labels[labels.length - 2] : labels[0];
    if (k === domainKey || k === main || (main.length >= 4 && k.startsWith(main)) || (k.length >= 4 && main.startsWith(k))) return true;
  }
  return false;
};

/** First segments that name a page type, not the article: "Blog Archive » Headline". */
const GENERIC_PREFIX = /^(?:blog archive|archives?|blog|home|news|inicio|accueil)$/i;

/** Splits on separators that stand between spaces. */
const segments = (title: string): string[] => title.split(TITLE_SEPARATOR).map((s) => s.trim()).filter(Boolean);

/**
 * Removes " | Site" / "Site - " parts that name the site. With no known site name, a short last segment after
 * " | " is still cut when the rest is clearly the headline.
 */
export const stripSiteName = (title: string, ctx: TitleContext): string => {
  let parts = segments(title);
  if (parts.length < 2) {
    // CJK titles glue the site name on without spaces: "标题-新华网".
    const cjk = /^(.*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}].*?)\s*[-_|｜]\s*([^-_|｜]{1,12})$/u.exec(title.trim());
    if (cjk && cjk[1].length >= 2 * cjk[2].length) return cjk[1];
    return title.trim();
  }
  while (parts.length > 1 && namesSite(parts[parts.length - 1], ctx)) parts = parts.slice(0, -1);
  while (parts.length > 1 && (namesSite(parts[0], ctx) || GENERIC_PREFIX.test(parts[0]))) parts = parts.slice(1);
  // Re-join the kept parts with the separators they had.
  const start = title.indexOf(parts[0]);
  const last = parts[parts.length - 1];
  const kept = title.slice(start, title.lastIndexOf(last) + last.length).trim();
  // A short " | Section" tail ("Headline | Nacional | Site") goes too when the rest is clearly the headline.
  const m = /^(.*\S)\s+\|\s+([^|]{1,40})$/u.exec(kept);
  if (m && m[1].split(/\s+/).length >= 4 && m[2].split(/\s+/).length <= 3) return m[1];
  return kept;
};

/** A meta title that says nothing about the article (the site name, "Home", "News"). */
export const isGenericTitle = (title: string, ctx: TitleContext): boolean => {
  const t = normalizeTitle(title);
  if (t.split(' ').length <= 1 && t.length < 12) return true;
  return namesSite(title, ctx) || /^(home|news|article|blog|untitled|index)$/i.test(t);
};

const words = (s: string): Set<string> => new Set(s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));

/** Share of the smaller title's words found in the other; for scripts without spaces, of its characters. */
export const titleOverlap = (a: string, b: string): number => {
  const [x, y] = [normalizeTitle(a), normalizeTitle(b)];
  let wx = words(x);
  let wy = words(y);
  if (wx.size <= 2 && wy.size <= 2) {
    wx = new Set([...x.replace(/\s/g, '')]);
    wy = new Set([...y.replace(/\s/g, '')]);
  }
  const [small, big] = wx.size <= wy.size ? [wx, wy] : [wy, wx];
  if (!small.size) return 0;
  let shared = 0;
  for (const w of small) if (big.has(w)) shared++;
  return shared / small.size;
};

const looksLikeHeadline = (t: string): boolean => {
  const n = normalizeTitle(t);
  return n.split(' ').length >= 3 || (n.length >= 6 && !/\s/.test(n) && /[^\x00-\x7f]/.test(n));
};

/**
 * Picks the visible headline over the meta title when they disagree but speak of the same thing (meta titles are
 * often shortened, truncated or SEO-rewritten), or when the meta title is generic. An h1 unrelated to the meta
 * title is more likely the site's logo or a section name.
 */
export const chooseTitle = (meta: string | null, h1: string | null, ctx: TitleContext, h1IsHeadline = false): 'meta' | 'h1' | null => {
  if (!meta && !h1) return null;
  if (!meta) return h1 && !isGenericTitle(h1, ctx) ? 'h1' : null;
  if (!h1) return 'meta';
  const m = normalizeTitle(meta);
  const h = normalizeTitle(h1);
  if (m === h) return 'meta';
  if (isGenericTitle(h1, ctx) || !looksLikeHeadline(h1)) return 'meta';
  if (isGenericTitle(meta, ctx)) return 'h1';
  // "Headline Subtitle in capitals": the h1 element holds the headline and a standfirst glued on; the meta title is
  // the headline.
  if (h.startsWith(`${m} `) && m.split(' ').length >= 4 && /^\p{Lu}/u.test(h1.trim().slice(meta.trim().length).trim()) && /[\p{L}\p{N}]$/u.test(meta.trim())) return 'meta';
  if (titleOverlap(meta, h1) >= 0.5) return 'h1';
  // The article's own headline, reworded for search engines and social cards: the reader sees the h1.
  return h1IsHeadline && h.split(' ').length >= 4 && titleOverlap(meta, h1) >= 0.25 ? 'h1' : 'meta';
};
