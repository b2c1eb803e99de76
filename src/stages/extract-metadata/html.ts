// Metadata of an HTML page: JSON-LD > meta tags > the visible page (h1, bylines, dates) > URL.
import type { Doc, Metadata } from '../../core/doc.js';
import { cleanAuthors, nameKey, onlySiteNames, wireAgencies } from '../anatomy/authors.js';
import { daysApart, parseDate, urlDate, type DateBounds } from '../anatomy/dates.js';
import { firstOf, found, nonEmpty, type Field } from './fields.js';
import { readJsonLd } from './jsonld.js';
import { languageField } from './language.js';
import { readRoles } from './lines.js';
import { groupBySource, readMeta } from './meta.js';
import type { ExtractMetadataOptions } from './options.js';
import { anchorOf, classedAuthor, fullNameNear, headerReach, headlineDate, headlineLineDate, lineDate, onlyShownDate, pageAuthors, pageDates, pageHeadline, siteOwner } from './page.js';
import { shownNames, shownText } from './shown.js';
import { chooseTitle, stripSiteName, type TitleContext } from './title.js';
import { hostOf, resolveUrl } from './urls.js';

/** An ISO datetime with its zone (Z or an offset). */
const hasZone = (iso: string): boolean => /T.*(?:Z|[+-]\d{2}:\d{2})$/.test(iso);

/** US-style month-first numbers ("03/04/2023") only for pages in US English. */
const monthFirst = (lang: string | null): boolean => lang?.toLowerCase() === 'en-us';

export const fromHtml = (doc: Doc, opts: ExtractMetadataOptions, bounds: DateBounds): Metadata => {
  const page = doc.html!;
  const meta = readMeta(page);
  const ld = readJsonLd(page.jsonLd, { urls: [page.canonical, ...meta.urls.map((u) => u.value), doc.source.url], title: page.title });
  const url = firstOf(
    found(resolveUrl(page.canonical, doc.source.url), 'html:canonical'),
    ...meta.urls.map((u) => found(resolveUrl(u.value, doc.source.url), u.source)),
    found(resolveUrl(ld.url, doc.source.url), 'jsonld'),
    found(resolveUrl(doc.source.url, null), 'source'),
  );
  const host = hostOf(url?.value ?? doc.source.url);

  const publisher = firstOf(found(ld.publisher, 'jsonld'), ...meta.siteNames.map((s) => found(s.value, s.source)));
  const siteNames = [ld.publisher, ...meta.siteNames.map((s) => s.value), ...ld.orgAuthors].filter((s): s is string => !!s);
  const tctx: TitleContext = { siteNames, host };

  // Title: JSON-LD > meta > <title>, site suffix cut; the visible h1 wins when it is the headline the meta title wraps.
  const metaTitle = firstOf(found(ld.title, 'jsonld'), ...meta.titles.map((t) => found(t.value, t.source)), found(page.title, 'html:title'));
  const h1 = pageHeadline(doc);
  const cleanMeta = metaTitle ? { ...metaTitle, value: stripSiteName(metaTitle.value, tctx) } : null;
  const h1Text = h1 ? stripSiteName(h1.text, tctx) : null;
  // The page's only h1, in the article or its header (not a menu, sidebar or teaser), is the article's headline.
  const h1s = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1 && b.text.trim());
  const h1IsHeadline = !!h1 && h1s.length === 1 && (!h1.block.removed || /^(?:headline|outside_main_content|html_header)$/.test(h1.block.removed.code));
  const pick = chooseTitle(cleanMeta?.value ?? null, h1Text, tctx, h1IsHeadline);
  const title = pick === 'h1' ? found(h1Text, 'html:h1') : pick === 'meta' ? cleanMeta : null;

  const anchor = anchorOf(doc, title?.value ?? null, h1);
  const text = readRoles(doc, opts, bounds, siteNames);
  const language = languageField(doc, opts.minLanguageChars, [
    { value: page.lang, source: 'html:lang' },
    ...meta.languages.map((l) => ({ value: l.value, source: l.source })),
    { value: ld.language, source: 'jsonld' },
  ]);
  const popts = { monthFirst: monthFirst(language?.value ?? null) };

  // Authors: the first source that yields a person who is not the site itself.
  const authorFields: Array<Field<string[]>> = [];
  // JSON-LD persons the page never shows are a CMS account, not the byline; meta tags naming the same are too.
  let ldNames = cleanAuthors(ld.authors, { siteNames });
  // A site named after the person who writes it ("Pamela Anderson"): the JSON-LD author equal to the site's name is
  // the author when the article's element is classed with that author ("hentry author-pamela-anderson").
  if (!ldNames.length) ldNames = cleanAuthors(ld.authors).filter((n) => classedAuthor(page, n));
  const isShown = ldNames.length ? shownNames(shownText(doc)) : null;
  const unseen = isShown && !ldNames.some(isShown) ? new Set(ldNames.map(nameKey)) : null;
  if (!unseen) authorFields.push(found(nonEmpty(ldNames), 'jsonld'));
  // JSON-LD crediting only the site or a desk says the page names no person: meta names are then not trusted.
  const siteCredited = onlySiteNames([...ld.authors, ...ld.orgAuthors], siteNames);
  for (const m of siteCredited ? [] : groupBySource(meta.authors)) {
    const values = m.source === 'meta:twitter:creator' ? m.values.filter((v) => !/^@|twitter\.com/.test(v)) : m.values;
    const names = cleanAuthors(values, { siteNames });
    if (unseen && names.every((n) => unseen.has(nameKey(n)))) continue;
    authorFields.push(found(nonEmpty(names), m.source));
  }
  const credits: string[] = [];
  const marked = pageAuthors(doc, anchor, siteNames, opts.bylineWindow, credits);
  authorFields.push(text.authors, marked ? found(marked.names, marked.source) : null);
  let authors = firstOf(...authorFields) ?? text.contributors ?? null;
  // A multi-author byline keeps every author: structured data often credits only the first ("By April Roach and
  // Daniel O'Mahony" with a JSON-LD author April Roach).
  if (authors && marked && marked.names.length > authors.value.length) {
    const shown = new Set(marked.names.map(nameKey));
    const known = new Set(authors.value.map(nameKey));
    // The others must be full names too ("5 Min Read", "CNN", a lone "Minh" are a byline's leftovers).
    const extra = marked.names.filter((n) => !known.has(nameKey(n)));
    const full = extra.every((n) => /^\p{Lu}[\p{L}'’.-]*(?: (?:\p{Ll}{1,3} )?\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(n));
    if (full && authors.value.every((n) => shown.has(nameKey(n)))) authors = found(marked.names, marked.source);
  }
  // A lone given name in the markup ("Todd") gives way to the full name the byline shows ("Todd Bates").
  if (authors && authors.value.length === 1 && !authors.value[0].includes(' ')) {
    const given = authors.value[0];
    const full =
      marked?.names.find((n) => n.toLowerCase().startsWith(`${given.toLowerCase()} `)) ??
      fullNameNear(doc, anchor, given, opts.bylineWindow);
    if (full) authors = found([full], 'html:byline');
  }

  // A personal site named after its owner, with no byline: the owner wrote it.
  if (!authors) {
    const owner = siteOwner(doc, host, siteNames);
    if (owner) authors = found([owner], 'html:copyright');
  }

  const dates = pageDates(page, anchor, bounds, popts);
  const declaredAll = [
    found(parseDate(ld.datePublished, bounds, popts), 'jsonld'),
    ...meta.dates.map((d) => found(parseDate(d.value, bounds, popts), d.source)),
  ].filter((d): d is NonNullable<typeof d> => d != null);
  // A declared time without a zone ("2022-05-10T23:35:55") may be the server's clock, UTC or local: another declared
  // value within a day of it that states its zone is the precise one.
  const zoned = declaredAll[0] && !hasZone(declaredAll[0].value) ? declaredAll.find((d) => hasZone(d.value) && daysApart(d.value, declaredAll[0].value) <= 1) : undefined;
  let declared = zoned ?? declaredAll[0] ?? null;
  // A creation date alone (dateCreated, dc.date.created: when the record was made, not published) yields to the one
  // day the article's date lines show.
  if (declared && /created/.test(declared.source) && !ld.datePublished) {
    const shownDay = onlyShownDate(doc);
    if (shownDay) declared = { value: shownDay, source: 'text:dateline' };
  }
  // A date shown in the page header (under the headline, before the body; at most 4x the usual distance) is the
  // day the reader sees; when the declared one disagrees (a UTC timestamp past midnight, a first-draft or
  // republication date), the shown one wins. A plain text line is weaker evidence than a dated element: it only
  // corrects a bare declared day (often the server's UTC day) by a day or two, never replaces a declared datetime
  // or a distant day (an "updated" line).
  const shownLine = declared && declared.value.length === 10 ? headlineLineDate(doc, anchor, opts.headlineDateDistance, bounds, popts) : null;
  const shown =
    headlineDate(dates, headerReach(doc, anchor, opts.headlineDateDistance, 4 * opts.headlineDateDistance)) ??
    (shownLine && daysApart(shownLine, declared!.value) <= 2 ? { value: shownLine, source: 'text:dateline' } : null);
  const publishedAt =
    shown && declared && shown.value.slice(0, 10) !== declared.value.slice(0, 10)
      ? found(shown.value, shown.source)
      : firstOf(
          declared,
          ...dates.filter((d) => !d.modified).map((d) => found(d.value, d.source)),
          text.publishedAt,
          found(lineDate(doc, anchor, opts.bylineWindow, bounds, popts), 'text:dateline'),
          found(urlDate(url?.value ?? doc.source.url, bounds) ?? urlDate(doc.source.url, bounds), 'url'),
          found(parseDate(ld.dateModified, bounds, popts), 'jsonld:dateModified'),
          ...meta.modified.map((d) => found(parseDate(d.value, bounds, popts), d.source)),
          ...dates.filter((d) => d.modified).map((d) => found(d.value, d.source)),
        );

  // A wire or desk credit in the byline or the structured data names the publisher when nothing else does.
  const wire = wireAgencies([...ld.authors, ...ld.orgAuthors, ...meta.authors.map((a) => a.value), ...credits])[0];
  return { title, authors, publishedAt, publisher: publisher ?? text.publisher ?? found(wire, 'html:byline'), language, url };
};
