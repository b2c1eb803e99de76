// Reads <meta> tags: OpenGraph, article:*, Dublin Core, Twitter, Parse.ly, Sailthru, itemprop and plain names.
import type { HtmlPage } from '../../core/doc.js';

/** A value found in the page, labelled with where it came from. */
export interface Found {
  value: string;
  source: string;
}

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title', 'headline', 'title'];
// Specific keys first: a plain "author" often holds the site's name while parsely/dc hold the writer.
const AUTHOR_KEYS = [
  'article:author', 'og:article:author', 'article:author_name', 'parsely-author', 'sailthru.author', 'cxenseparse:author',
  'cse_author', 'dc.creator', 'dcterms.creator', 'dc:creator', 'citation_author', 'byl', 'author', 'book:author', 'creator',
  'mediator_author', 'twitter:creator',
];
const DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'published_time', 'og:published_time',
  'datepublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date',
  'dc.date.created', 'dcterms.created', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date',
  'citation_publication_date', 'citation_date', 'article.published', 'article_date_original', 'cxenseparse:recs:publishtime',
  'original-publish-date', 'datecreated', 'dc.date.available',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod'];
const SITE_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'dcterms.publisher', 'apple-mobile-web-app-title', 'al:android:app_name'];
const LANGUAGE_KEYS = ['og:locale', 'content-language', 'dc.language', 'dcterms.language', 'language', 'inlanguage'];
const URL_KEYS = ['og:url', 'twitter:url', 'parsely-link'];

// Contents come entity-decoded from the parser: decoding again would turn "&amp;lt;" into "<".
const inOrder = (page: HtmlPage, keys: string[]): Found[] => {
  const out: Found[] = [];
  for (const key of keys)
    for (const m of page.meta) if (m.key === key && m.content.trim()) out.push({ value: m.content.trim(), source: `meta:${key}` });
  return out;
};

/** All values of each key, grouped: several `parsely-author` tags name several authors. */
export const groupBySource = (found: Found[]): Array<{ values: string[]; source: string }> => {
  const groups = new Map<string, string[]>();
  for (const f of found) groups.set(f.source, [...(groups.get(f.source) ?? []), f.value]);
  return [...groups].map(([source, values]) => ({ source, values }));
};

export interface MetaFacts {
  titles: Found[];
  authors: Found[];
  dates: Found[];
  modified: Found[];
  siteNames: Found[];
  languages: Found[];
  urls: Found[];
}

export const readMeta = (page: HtmlPage): MetaFacts => ({
  titles: inOrder(page, TITLE_KEYS),
  authors: inOrder(page, AUTHOR_KEYS),
  dates: inOrder(page, DATE_KEYS),
  modified: inOrder(page, MODIFIED_KEYS),
  siteNames: inOrder(page, SITE_KEYS),
  languages: inOrder(page, LANGUAGE_KEYS),
  urls: inOrder(page, URL_KEYS),
});
