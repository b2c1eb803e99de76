// Reads the metadata lines of a document's blocks (headline, byline, date line, dateline, contributor line) and
// removes those that are metadata rather than body.
import type { Block, Doc } from '../../core/doc.js';
import { keptBlocks, remove } from '../../core/stage.js';
import { bylineText, cleanAuthors, embeddedByline } from './authors.js';
import type { DateBounds } from './dates.js';
import { found, type Field } from './fields.js';
import type { ExtractMetadataOptions } from './options.js';
import { readContributorLine, readDateline, readDateLine, readHeadline } from './text.js';

export interface TextFacts {
  title: Field<string>;
  authors: Field<string[]>;
  publishedAt: Field<string>;
  publisher: Field<string>;
  contributors: Field<string[]>;
}

/**
 * Where bylines and date lines are looked for: under a page's headline block; from the first kept block of a page
 * without one; in a text file, under the headline line it opens with (or from its first line when it has none).
 */
export type LinesStart = { after: Block } | 'top' | 'text';

/** Reads headline, dateline, byline, date and contributor lines from the blocks, and removes those that are metadata. */
export const readText = (doc: Doc, opts: ExtractMetadataOptions, stage: string, bounds: DateBounds, start: LinesStart, siteNames: string[] = []): TextFacts => {
  const facts: TextFacts = { title: null, authors: null, publishedAt: null, publisher: null, contributors: null };
  let kept = keptBlocks(doc);
  if (typeof start === 'object') kept = kept.filter((b) => (b.node ?? -1) > (start.after.node ?? -1));
  else if (start === 'text') {
    const headline = readHeadline(kept, opts.maxTitleWords, bounds);
    if (headline) {
      facts.title = found(headline.title, 'text:headline');
      remove(headline.block, stage, 'headline');
      kept = kept.filter((b) => b !== headline.block);
    }
  }
  // Bylines and date lines sit above the first real paragraph.
  for (const block of kept.slice(0, opts.bylineWindow)) {
    const text = block.text.trim();
    const by = text.split(/\s+/).length <= 16 && bylineText(text) ? embeddedByline(text) : null;
    if (by) {
      // "By Jane Doe and John Roe, Reuters": the last single word after a comma is the agency.
      const names = cleanAuthors([by.replace(/,\s*\p{Lu}[\p{L}.]*\s*$/u, '')], { siteNames });
      if (names.length) {
        facts.authors ??= found(names, 'text:byline');
        remove(block, stage, 'byline');
        continue;
      }
    }
    const date = readDateLine(text, bounds);
    if (date) {
      facts.publishedAt ??= found(date, 'text:dateline');
      remove(block, stage, 'dateline');
      continue;
    }
    const dateline = readDateline(text);
    if (dateline && !facts.publisher) {
      facts.publisher = found(opts.publisherAliases[dateline.agency] ?? dateline.agency, 'text:dateline');
    }
    if (text.split(/\s+/).length > 30) break;
  }
  // Contributor lines may already be marked by strip-boilerplate: read them from every block that holds one.
  for (const block of doc.blocks) {
    if (block.removed && block.removed.stage === stage) continue;
    const c = readContributorLine(block.text);
    if (!c) continue;
    const names = [...(facts.contributors?.value ?? []), ...c.names];
    facts.contributors = found(names, 'text:contributors');
    if (c.outlet) facts.publisher ??= found(opts.publisherAliases[c.outlet] ?? c.outlet, 'text:contributors');
    remove(block, stage, 'contributor_line');
  }
  return facts;
};
