// Runs decode then extract-metadata on real inputs: sample text files and vendored benchmark pages.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Doc, Format } from '../../../src/core/doc.js';
import { newDoc } from '../../../src/runner/process.js';
import { decode } from '../../../src/stages/decode/index.js';
import { extractMetadata } from '../../../src/stages/extract-metadata/index.js';

export const SAMPLES = new URL('../../../samples/', import.meta.url).pathname;
export const BENCH = new URL('../../fixtures/benchmark-metadata/', import.meta.url).pathname;

export interface GoldRecord {
  file: string;
  url?: string;
  title: string;
  authors?: string[];
  date?: string | null;
  fields: string[];
}
export const GOLD: Record<string, GoldRecord> = JSON.parse(readFileSync(`${BENCH}gold.json`, 'utf8'));

export const decoded = (bytes: Uint8Array, format: Format, url: string | null = null, path = 'doc'): Doc =>
  decode.run(newDoc({ path, format, bytes, url, fetchedAt: null }), decode.options.parse({}), { stage: 'decode' });

export const extract = (doc: Doc, options: unknown = {}): Doc =>
  extractMetadata.run(doc, extractMetadata.options.parse(options), { stage: 'extract-metadata' });

/** A text document as decoded, with given lines marked removed as strip-boilerplate would. */
export const textDoc = (text: string, removedByStrip: (line: string) => boolean = () => false): Doc => {
  const doc = decoded(Buffer.from(text, 'utf8'), 'text');
  for (const b of doc.blocks) if (removedByStrip(b.text)) b.removed = { stage: 'strip-boilerplate', code: 'error_page' };
  return doc;
};

export const sample = (name: string): string => readFileSync(`${SAMPLES}${name}`, 'utf8');

/** A benchmark page decoded with its known URL and run through extract-metadata. */
export const page = (id: string): { doc: Doc; gold: GoldRecord } => {
  const gold = GOLD[id];
  const bytes = gunzipSync(readFileSync(`${BENCH}${gold.file}`));
  return { doc: extract(decoded(bytes, 'html', gold.url ?? null, `${id}.html`)), gold };
};
