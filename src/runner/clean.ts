// One document cleaned in-process, exactly as `run` cleans each of its documents: the entry point for a program
// that has a page in hand (a crawler), and the code path of `newsclean clean`.
import type { Format } from '../core/doc.js';
import type { RawInput } from '../core/input.js';
import { isHtml } from '../io/readers/export.js';
import { DEFAULT_PIPELINE, loadPipeline, type Pipeline } from './pipeline.js';
import { processDocument, unprocessed, type Outcome } from './process.js';

export interface CleanOptions {
  /** `html` or `text`; by default HTML when `path` ends in .html/.htm or the bytes start like a page. */
  format?: Format;
  /** Its name in the records (`source.path`) and part of its id; default `document`. */
  path?: string;
  /** The URL it was fetched from; the host names its site, and it is the last resort for the canonical URL. */
  url?: string;
  /** When it was fetched (ISO 8601): the latest publication date it can have. */
  fetchedAt?: string;
  /** The HTTP Content-Type it was served with: its charset outranks the page's own declaration. */
  contentType?: string;
  /** The HTTP status it was served with: 400 or more is rejected as http_error. */
  httpStatus?: number;
  /** A pipeline file, or a pipeline from loadPipeline; default pipelines/news.json. */
  pipeline?: string | Pipeline;
}

const loaded = new Map<string, Pipeline>();
const pipelineOf = (p: CleanOptions['pipeline']): Pipeline => {
  if (p !== undefined && typeof p !== 'string') return p;
  const file = p ?? DEFAULT_PIPELINE;
  let pipeline = loaded.get(file);
  if (!pipeline) loaded.set(file, (pipeline = loadPipeline(file)));
  return pipeline;
};

/** A RawInput (as a reader gives it) through the pipeline's stages: the outcome `run` would write for it. */
export const cleanInput = (input: RawInput, pipeline?: CleanOptions['pipeline']): Outcome => processDocument(input, pipelineOf(pipeline).stages);

/**
 * Cleans one document given as text or bytes (any charset: bytes are decoded as `run` decodes files). Returns the
 * outcome: `{ status: 'accepted', article, trace }` or `{ status: 'rejected' | 'failed', rejected, trace }`, the
 * records `run` writes to articles.jsonl or rejected.jsonl, and trace.jsonl. Throws PipelineError for a bad
 * pipeline file; never for a bad document.
 */
export const cleanDocument = (input: string | Uint8Array, options: CleanOptions = {}): Outcome => {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const path = options.path ?? 'document';
  const raw: RawInput = {
    path,
    format: options.format ?? (isHtml(path, bytes) ? 'html' : 'text'),
    bytes,
    ...(options.url !== undefined && { url: options.url }),
    ...(options.fetchedAt !== undefined && { fetchedAt: options.fetchedAt }),
    ...(options.contentType !== undefined && { contentType: options.contentType }),
    ...(options.httpStatus !== undefined && { httpStatus: options.httpStatus }),
  };
  const pipeline = pipelineOf(options.pipeline);
  const max = pipeline.limits.maxInputBytes;
  // As the file reader does for a file this large: not processed, accounted for.
  if (bytes.byteLength > max) {
    return unprocessed({ ...raw, size: bytes.byteLength }, 'read', 'input_too_large', `the document has ${bytes.byteLength} bytes; the limit (limits.maxInputBytes) is ${max}`);
  }
  return cleanInput(raw, pipeline);
};
