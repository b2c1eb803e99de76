// The anatomy stage: before any cleaning, says what each block is on the page (headline, lead, byline, date line,
// agency dateline, contributor line, caption) and what it states (names, date, agency), for HTML and for text.
// It removes nothing: strip-boilerplate removes blocks by role, extract-metadata reads the roles.
import { z } from 'zod';
import { defineStage } from '../../core/stage.js';
import { defaultBounds } from './dates.js';
import { markText } from './lines.js';
import { markPage } from './page.js';

export const AnatomyOptions = z
  .object({
    /** A text's headline has at most this many words. */
    maxTitleWords: z.number().int().positive().default(20),
    /** How many lines under the headline (or at the top) are its header: bylines and date lines. */
    bylineWindow: z.number().int().min(0).default(6),
    /** A shown date before this year is not read as a date line. */
    minYear: z.number().int().default(1995),
  })
  .strict();
export type AnatomyOptions = z.infer<typeof AnatomyOptions>;

export const anatomy = defineStage({
  name: 'anatomy',
  options: AnatomyOptions,
  run(doc, opts) {
    const lines = { maxTitleWords: opts.maxTitleWords, bylineWindow: opts.bylineWindow, bounds: defaultBounds(doc.source.fetchedAt, opts.minYear) };
    if (doc.html) markPage(doc.blocks, doc.html, lines);
    else markText(doc.blocks, lines);
    return doc;
  },
});
