// The facts the page's header lines state, as anatomy recognised them: the headline, bylines, date lines,
// agency datelines, contributor lines. Read from every block, whether a later stage removed it or not: a byline
// taken out of the body is still the evidence. This stage removes nothing.
import type { Block, Doc } from '../../core/doc.js';
import { cleanAuthors } from '../anatomy/authors.js';
import { plausible, type DateBounds } from '../anatomy/dates.js';
import { found, type Field } from './fields.js';
import type { ExtractMetadataOptions } from './options.js';

export interface TextFacts {
  title: Field<string>;
  authors: Field<string[]>;
  publishedAt: Field<string>;
  publisher: Field<string>;
  contributors: Field<string[]>;
}

/** The page's headline block (not a copy of it), when anatomy found one. */
export const headlineBlock = (doc: Doc): Block | null => doc.blocks.find((b) => b.role?.name === 'headline' && !b.role.copy) ?? null;

export const readRoles = (doc: Doc, opts: ExtractMetadataOptions, bounds: DateBounds, siteNames: string[] = []): TextFacts => {
  const facts: TextFacts = { title: null, authors: null, publishedAt: null, publisher: null, contributors: null };
  const alias = (name: string) => opts.publisherAliases[name] ?? name;
  for (const b of doc.blocks) {
    const role = b.role;
    if (!role) continue;
    if (role.name === 'headline' && !role.copy && !doc.html) facts.title ??= found(b.text.replace(/\s+/g, ' ').trim(), 'text:headline');
    else if (role.name === 'byline') {
      const names = cleanAuthors(role.names ?? [], { siteNames });
      if (names.length) facts.authors ??= found(names, 'text:byline');
      if (role.agency) facts.publisher ??= found(role.agency, 'text:byline');
    } else if (role.name === 'date_line' && role.header && role.date && plausible(role.date, bounds)) facts.publishedAt ??= found(role.date, 'text:dateline');
    else if (role.name === 'dateline' && role.agency) facts.publisher ??= found(alias(role.agency), 'text:dateline');
    else if (role.name === 'contributor_line' && role.names) {
      facts.contributors = found([...(facts.contributors?.value ?? []), ...role.names], 'text:contributors');
      if (role.agency) facts.publisher ??= found(alias(role.agency), 'text:contributors');
    }
  }
  return facts;
};
