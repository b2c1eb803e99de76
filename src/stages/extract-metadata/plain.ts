// Metadata of a text document: only its lines say anything (headline, byline, dateline, contributors).
import type { Doc, Metadata } from '../../core/doc.js';
import { cleanAuthors } from '../anatomy/authors.js';
import { urlDate, type DateBounds } from '../anatomy/dates.js';
import { found } from './fields.js';
import { languageField } from './language.js';
import { readRoles } from './lines.js';
import type { ExtractMetadataOptions } from './options.js';
import { resolveUrl } from './urls.js';

export const fromText = (doc: Doc, opts: ExtractMetadataOptions, bounds: DateBounds): Metadata => {
  const text = readRoles(doc, opts, bounds);
  const authors = text.authors && text.contributors
    ? { value: cleanAuthors([...text.authors.value, ...text.contributors.value]), source: text.authors.source }
    : (text.authors ?? text.contributors);
  return {
    title: text.title,
    authors,
    publishedAt: text.publishedAt ?? found(urlDate(doc.source.url, bounds), 'url'),
    publisher: text.publisher,
    language: languageField(doc, opts.minLanguageChars, []),
    url: found(resolveUrl(doc.source.url, null), 'source'),
  };
};
