// Reads schema.org JSON-LD blocks: the article object, its authors, dates and publisher.
import { decodeHTMLStrict } from 'entities';
import { foldText } from '../../core/text.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const ARTICLE_TYPES = new Set(
  [
    'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
    'ReviewNewsArticle', 'AskPublicNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'DiscussionForumPosting',
    'TechArticle', 'ScholarlyArticle', 'Report', 'SatiricalArticle', 'AdvertiserContentArticle', 'Review', 'Recipe', 'HowTo',
    'MedicalWebPage', 'CreativeWork', 'VideoObject', 'Question',
  ].map((t) => t.toLowerCase()),
);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage', 'aboutpage', 'profilepage', 'qapage', 'faqpage']);
const ORG_TYPES = /organization|newsmediaorganization|corporation|website|brand|localbusiness/i;

export interface JsonLdFacts {
  title: string | null;
  /** Person names, in order. */
  authors: string[];
  /** Names of authors typed as organizations: weak evidence, the site writing as itself. */
  orgAuthors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  language: string | null;
  url: string | null;
  /** True when an article-like object was found (not only a WebPage). */
  isArticle: boolean;
}

/**
 * Parses leniently: pages ship JSON-LD with stray control characters or trailing commas. (CDATA and comment
 * wrappers are already gone: decode unwraps script text before storing it.)
 */
export const parseJsonLd = (raw: string): Json | null => {
  const text = raw.replace(/[\u0000-\u001f]+/g, ' ').trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    try {
      return JSON.parse(text.replace(/,\s*([}\]])/g, '$1')) as Json;
    } catch {
      return null;
    }
  }
};

const isObj = (j: Json | undefined): j is Obj => j != null && typeof j === 'object' && !Array.isArray(j);
const asArray = (j: Json | undefined): Json[] => (j == null ? [] : Array.isArray(j) ? j : [j]);

const types = (o: Obj): string[] => asArray(o['@type']).filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());

/** Every object of the documents, flattening arrays, @graph and nested mainEntity values. */
const collect = (docs: Json[]): Obj[] => {
  const out: Obj[] = [];
  const visit = (j: Json | undefined, depth: number) => {
    if (depth > 6 || j == null) return;
    if (Array.isArray(j)) return j.forEach((x) => visit(x, depth + 1));
    if (!isObj(j)) return;
    out.push(j);
    visit(j['@graph'], depth + 1);
    visit(j.mainEntity, depth + 1);
    visit(j.mainEntityOfPage, depth + 1);
    visit(j.hasPart, depth + 1);
  };
  docs.forEach((d) => visit(d, 0));
  return out;
};

const str = (j: Json | undefined): string | null => {
  if (typeof j === 'string') return decodeHTMLStrict(j).replace(/\s+/g, ' ').trim() || null;
  if (typeof j === 'number') return String(j);
  if (Array.isArray(j)) return str(j[0]);
  if (isObj(j)) return str(j['@value'] ?? j.name);
  return null;
};

const nameOf = (j: Json | undefined, byId: Map<string, Obj>): { name: string | null; org: boolean } => {
  if (typeof j === 'string') return { name: str(j), org: false };
  if (!isObj(j)) return { name: null, org: false };
  const ref = typeof j['@id'] === 'string' ? byId.get(j['@id']) : undefined;
  const o = ref && !j.name ? { ...ref, ...j } : j;
  const org = types(o).some((t) => ORG_TYPES.test(t));
  let name = str(o.name);
  if (!name && (o.givenName || o.familyName)) name = [str(o.givenName), str(o.familyName)].filter(Boolean).join(' ');
  return { name, org };
};

const score = (o: Obj): number => {
  const t = types(o);
  if (t.some((x) => ARTICLE_TYPES.has(x))) return 3 + (o.headline ? 1 : 0) + (o.author ? 1 : 0);
  if (t.some((x) => PAGE_TYPES.has(x))) return 1;
  return 0;
};

/** What the page itself says it is, to tell its main entity from other stories listed in its JSON-LD. */
export interface PageHints {
  /** The page's URLs: canonical, og:url, the URL it was fetched from. */
  urls?: Array<string | null | undefined>;
  /** The page's <title>. */
  title?: string | null;
}

/** A URL without scheme, www., query, fragment and trailing slash, for comparing. */
const urlKey = (u: string): string => u.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '');

const objUrls = (o: Obj): string[] => {
  const main = o.mainEntityOfPage;
  const raw = [o.url, o['@id'], isObj(main) ? (main['@id'] ?? main.url) : main];
  return raw.filter((u): u is string => typeof u === 'string' && /^(?:https?:)?\/\/|^www\./i.test(u)).map(urlKey);
};


/**
 * The page's main entity among the article objects: the one a WebPage names as its mainEntity, or whose URL is the
 * page's, or whose headline the page's title holds; else the first. Other articles (a list of stories, a sidebar)
 * are never read.
 */
const mainArticle = (articles: Obj[], objs: Obj[], hints: PageHints): Obj => {
  if (articles.length === 1) return articles[0];
  const named = new Set<Obj>();
  for (const o of objs) {
    if (!types(o).some((t) => PAGE_TYPES.has(t))) continue;
    for (const m of asArray(o.mainEntity)) if (isObj(m)) named.add(m);
  }
  const byName = articles.find((a) => named.has(a));
  if (byName) return byName;
  const pageUrls = new Set((hints.urls ?? []).filter((u): u is string => !!u).map(urlKey));
  const byUrl = articles.find((a) => objUrls(a).some((u) => pageUrls.has(u)));
  if (byUrl) return byUrl;
  const title = hints.title ? foldText(hints.title) : '';
  const byTitle = title ? articles.find((a) => { const h = str(a.headline) ?? str(a.name); return !!h && foldText(h).length > 10 && title.includes(foldText(h)); }) : undefined;
  return byTitle ?? articles[0];
};

export const readJsonLd = (scripts: string[], hints: PageHints = {}): JsonLdFacts => {
  const facts: JsonLdFacts = { title: null, authors: [], orgAuthors: [], datePublished: null, dateModified: null, publisher: null, language: null, url: null, isArticle: false };
  const docs = scripts.map(parseJsonLd).filter((d): d is Json => d != null);
  const objs = collect(docs);
  const byId = new Map<string, Obj>();
  for (const o of objs) if (typeof o['@id'] === 'string' && !byId.has(o['@id'])) byId.set(o['@id'], o);

  const ranked = objs.map((o, i) => ({ o, s: score(o), i })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s || a.i - b.i);
  const articles = ranked.filter((r) => r.s >= 3).map((r) => r.o);
  const article = articles.length ? mainArticle(articles, objs, hints) : ranked[0]?.o;
  if (!article) return facts;
  facts.isArticle = score(article) >= 3;
  // Fields missing on the article may sit on the WebPage object of the same graph, never on another article.
  const sources = [article, ...ranked.filter((r) => r.s < 3).map((r) => r.o)];
  const first = (key: string): Json | undefined => sources.find((o) => o[key] != null && o[key] !== '')?.[key];

  facts.title = str(article.headline) ?? str(article.name) ?? str(first('headline'));
  for (const a of asArray(article.author ?? article.creator ?? first('author'))) {
    const { name, org } = nameOf(a, byId);
    if (!name) continue;
    (org ? facts.orgAuthors : facts.authors).push(name);
  }
  facts.datePublished = str(article.datePublished) ?? str(article.dateCreated) ?? str(first('datePublished')) ?? str(article.uploadDate);
  facts.dateModified = str(article.dateModified) ?? str(first('dateModified'));
  const pub = article.publisher ?? first('publisher') ?? objs.find((o) => types(o).some((t) => /newsmediaorganization/.test(t)));
  facts.publisher = nameOf(asArray(pub)[0] ?? null, byId).name;
  if (!facts.publisher) {
    const site = objs.find((o) => types(o).includes('website'));
    if (site) facts.publisher = str(site.name);
  }
  facts.language = str(article.inLanguage) ?? str(first('inLanguage'));
  const main = article.mainEntityOfPage;
  facts.url = str(article.url) ?? (isObj(main) ? str(main['@id']) : typeof main === 'string' ? main : null);
  return facts;
};
