// Builds documents for stage tests: real files through the real decode stage, or blocks from lines.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Block, Doc, Format } from '../../src/core/doc.js';
import type { BoundStage } from '../../src/core/stage.js';
import { bindPipeline, DEFAULT_PIPELINE, readPipelineFile, type Pipeline } from '../../src/runner/pipeline.js';
import { newDoc, runStages } from '../../src/runner/process.js';

export const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

export const defaultPipeline = (): Pipeline => bindPipeline(readPipelineFile(DEFAULT_PIPELINE), DEFAULT_PIPELINE);

/** The default pipeline's stages up to and including `last`. */
export const stagesUpTo = (last: string): BoundStage[] => {
  const stages = defaultPipeline().stages;
  return stages.slice(0, stages.findIndex((s) => s.name === last) + 1);
};

export const docFromBytes = (path: string, bytes: Uint8Array, format: Format = path.match(/\.html?(\.gz)?$/) ? 'html' : 'text', url: string | null = null): Doc =>
  newDoc({ path, format, bytes: path.endsWith('.gz') ? gunzipSync(bytes) : bytes, url });

export const docFromFile = (file: string, url: string | null = null): Doc =>
  docFromBytes(file.split('/').pop()!, readFileSync(file), undefined, url);

export const docFromText = (text: string, format: Format = 'text'): Doc =>
  docFromBytes(format === 'html' ? 'test.html' : 'test.txt', Buffer.from(text, 'utf8'), format);

/** Runs the default pipeline's stages up to `last` on a sample file. */
export const sampleThrough = (name: string, last: string): Doc => runStages(docFromFile(SAMPLES + name), stagesUpTo(last));

export const kept = (doc: Doc): Block[] => doc.blocks.filter((b) => !b.removed);
export const keptText = (doc: Doc): string => kept(doc).map((b) => b.text).join('\n');
export const removedWith = (doc: Doc, code: string): string[] => doc.blocks.filter((b) => b.removed?.code === code).map((b) => b.text);

/** Runs the default pipeline's stages up to `last` on a document. */
export const runThrough = (doc: Doc, last: string): Doc => runStages(doc, stagesUpTo(last));
