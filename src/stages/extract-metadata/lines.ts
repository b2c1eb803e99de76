// Reads the metadata lines of a document's blocks (headline, byline, date line, dateline, contributor line) and
// removes those that are metadata rather than body. Facts are read from every block that may carry one, whether an
// earlier stage removed it or not: strip-boilerplate takes date lines and bylines out of the body (`date_line`,
// `byline`, `headline`) before this stage runs, and their text is still the evidence. A block an earlier stage
// removed keeps its removal: this stage never marks it again.
import type { Block, Doc } from '../../core/doc.js';
import { remove } from '../../core/stage.js';
import { bylineText, cleanAuthors, embeddedByline, wireAgencies } from '../anatomy/authors.js';
import type { DateBounds } from '../anatomy/dates.js';
import { found, type Field } from './fields.js';
import type { ExtractMetadataOptions } from './options.js';
import { readContributorLine, readDateline, readDateLine, readHeadline } from '../anatomy/lines.js';

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

/**
 * Removals that say a block is not part of the article at all (outside the main content, a menu, a teaser, a caption,
 * a repeated paragraph): its lines say nothing about this article. Any other removal (a phrase rule such as
 * `date_line`, `byline`, `headline`) took a line of the article out of the body, and that line is still evidence.
 */
const NOT_THE_ARTICLE = /^(?:html_.*|outside_main_content|no_main_content|teaser|link_dense|caption|error_page|duplicate_paragraph)$/;

/** The blocks whose lines are read: every block of the article, kept or removed from the body by an earlier stage. */
export const metadataBlocks = (doc: Doc): Block[] => doc.blocks.filter((b) => !b.removed || !NOT_THE_ARTICLE.test(b.removed.code));

/** Reads headline, dateline, byline, date and contributor lines from the blocks, and removes those that are metadata. */
export const readText = (doc: Doc, opts: ExtractMetadataOptions, stage: string, bounds: DateBounds, start: LinesStart, siteNames: string[] = []): TextFacts => {
  const facts: TextFacts = { title: null, authors: null, publishedAt: null, publisher: null, contributors: null };
  let kept = metadataBlocks(doc);
  let window: Block[];
  if (typeof start === 'object') {
    kept = kept.filter((b) => (b.node ?? -1) > (start.after.node ?? -1));
    window = kept.slice(0, opts.bylineWindow);
  } else {
    // The body starts at its first line still kept (or taken out as the headline); of the lines an earlier stage
    // removed above it, the two nearest may still be its date stamp or byline. The window counts from the top.
    const top = Math.max(0, kept.findIndex((b) => !b.removed || b.removed.code === 'headline'));
    let lines = kept.slice(Math.max(0, top - 2), top + opts.bylineWindow + 1);
    if (start === 'text') {
      const headline = readHeadline(kept.slice(top), opts.maxTitleWords, bounds);
      if (headline) {
        facts.title = found(headline.title, 'text:headline');
        remove(headline.block, stage, 'headline');
        lines = lines.filter((b) => b !== headline.block);
      }
    }
    const above = lines.filter((b) => kept.indexOf(b) < top);
    window = [...above, ...lines.filter((b) => kept.indexOf(b) >= top).slice(0, opts.bylineWindow)];
  }
  // Bylines and date lines sit above the first real paragraph.
  for (const block of window) {
    const text = block.text.trim();
    const by = text.split(/\s+/).length <= 16 && bylineText(text) ? embeddedByline(text) : null;
    if (by) {
      // "By Jane Doe and John Roe, Reuters": the last single word after a comma is the agency.
      const names = cleanAuthors([by.replace(/,\s*\p{Lu}[\p{L}.]*\s*$/u, '')], { siteNames });
      // "By Reuters", "Von dpa", "By Jane Doe, AFP": the agency is the publisher, not an author.
      const agency = wireAgencies([by])[0];
      if (agency) facts.publisher ??= found(agency, 'text:byline');
      if (names.length || agency) {
        if (names.length) facts.authors ??= found(names, 'text:byline');
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
