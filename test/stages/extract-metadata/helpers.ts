// Runs the real stage order on real inputs (sample text files, vendored benchmark pages, documents written as a
// crawler would save them): decode, strip-boilerplate and dedupe-paragraphs with the default pipeline's options,
// then extract-metadata, so what this stage reads is what the stages before it left.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Doc, Format } from '../../../src/core/doc.js';
import type { BoundStage } from '../../../src/core/stage.js';
import { newDoc, runStages } from '../../../src/runner/process.js';
import { decode } from '../../../src/stages/decode/index.js';
import { extractMetadata } from '../../../src/stages/extract-metadata/index.js';
import { stagesUpTo } from '../../helpers/docs.js';

export const SAMPLES = new URL('../../../samples/', import.meta.url).pathname;
export const BENCH = new URL('../../fixtures/benchmark-metadata/', import.meta.url).pathname;
export const CASES = new URL('../../fixtures/metadata-cases/', import.meta.url).pathname;

export interface GoldRecord {
  file: string;
  url?: string;
  title: string;
  authors?: string[];
  date?: string | null;
  fields: string[];
}
export const GOLD: Record<string, GoldRecord> = JSON.parse(readFileSync(`${BENCH}gold.json`, 'utf8'));

/** A document as a reader hands it over: not decoded yet. */
export const rawDoc = (bytes: Uint8Array, format: Format, url: string | null = null, path = format === 'html' ? 'doc.html' : 'doc.txt'): Doc =>
  newDoc({ path, format, bytes, url, fetchedAt: null });

/** The decode stage alone: for tests of a reader of decode's output (JSON-LD scripts). */
export const decoded = (bytes: Uint8Array, format: Format, url: string | null = null, path = 'doc'): Doc =>
  decode.run(rawDoc(bytes, format, url, path), decode.options.parse({}), { stage: 'decode' });

const BEFORE: BoundStage[] = stagesUpTo('dedupe-paragraphs');

/**
 * Runs decode, strip-boilerplate and dedupe-paragraphs as the default pipeline does, then extract-metadata with
 * `options` (the pipeline's own when omitted).
 */
export const extract = (doc: Doc, options?: unknown): Doc => {
  if (options === undefined) return runStages(doc, stagesUpTo('extract-metadata'));
  const metadata: BoundStage = {
    name: 'extract-metadata',
    run: (d) => extractMetadata.run(d, extractMetadata.options.parse(options), { stage: 'extract-metadata' }),
  };
  return runStages(doc, [...BEFORE, metadata]);
};

/** A text file's document, before any stage. */
export const textDoc = (text: string): Doc => rawDoc(Buffer.from(text, 'utf8'), 'text');

/** An HTML file's document, before any stage. */
export const htmlDoc = (html: string, url: string | null = null): Doc => rawDoc(Buffer.from(html, 'utf8'), 'html', url);

export const sample = (name: string): string => readFileSync(`${SAMPLES}${name}`, 'utf8');

/** A fixture of test/fixtures/metadata-cases. */
export const fixture = (name: string): string => readFileSync(`${CASES}${name}`, 'utf8');

/** A benchmark page with its known URL, through the stages up to extract-metadata. */
export const page = (id: string): { doc: Doc; gold: GoldRecord } => {
  const gold = GOLD[id];
  const bytes = gunzipSync(readFileSync(`${BENCH}${gold.file}`));
  return { doc: extract(rawDoc(bytes, 'html', gold.url ?? null, `${id}.html`)), gold };
};
