// The extract-metadata stage: title, authors, date, publisher, language and url, each with where it came from.
import type { Metadata } from '../../core/doc.js';
import { defineStage } from '../../core/stage.js';
import { defaultBounds } from '../anatomy/dates.js';
import { fromHtml } from './html.js';
import { ExtractMetadataOptions } from './options.js';
import { fromText } from './plain.js';

export { ExtractMetadataOptions } from './options.js';

export const extractMetadata = defineStage({
  name: 'extract-metadata',
  options: ExtractMetadataOptions,
  run(doc, opts) {
    const bounds = defaultBounds(doc.source.fetchedAt, opts.minYear);
    const found = doc.html ? fromHtml(doc, opts, bounds) : fromText(doc, opts, bounds);
    // Fields already set (by a reader's sidecar, say) are kept.
    const metadata = { ...doc.metadata };
    for (const key of Object.keys(found) as Array<keyof Metadata>) {
      if (metadata[key] == null) (metadata as Record<string, unknown>)[key] = found[key];
    }
    // A title given beside the page (a scraper export's field) is the last resort: scrapers often store <title>.
    if (!metadata.title && doc.source.givenTitle) metadata.title = { value: doc.source.givenTitle, source: 'source:title' };
    return { ...doc, metadata };
  },
});

