// Runs the bound stages over one input: the per-document core that the runner (or a worker) calls.
import { createHash } from 'node:crypto';
import { articleOf, countMap, docId, toRejected, toTrace } from '../core/article.js';
import { FAILURE_CODES } from '../core/codes.js';
import { emptyMetadata, type Doc } from '../core/doc.js';
import type { RawInput } from '../core/input.js';
import type { ArticleRecord, RejectedRecord, TraceRecord } from '../core/records.js';
import { siteKey } from '../core/site.js';
import { isRejected, rejection, type BoundStage } from '../core/stage.js';

export type { RawInput };

/** Milliseconds spent in each stage that ran, by stage name, in the order they ran (unrounded). */
export type StageMs = Record<string, number>;

/** What the report counts besides the records: the document's site and the time its stages took. */
interface OutcomeFacts {
  /** See siteKey. */
  site: string;
  stageMs: StageMs;
}

export type Outcome = OutcomeFacts &
  (
    | { status: 'accepted'; article: ArticleRecord; trace: TraceRecord }
    | { status: 'rejected' | 'failed'; rejected: RejectedRecord; trace: TraceRecord }
  );

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const newDoc = (input: RawInput, hash: string = sha256(input.bytes)): Doc => ({
  id: docId(input.path, hash),
  source: {
    path: input.path,
    format: input.format,
    bytes: input.bytes.byteLength,
    sha256: hash,
    url: input.url ?? null,
    fetchedAt: input.fetchedAt ?? null,
    httpStatus: input.httpStatus ?? null,
    contentType: input.contentType ?? null,
    givenTitle: input.givenTitle ?? null,
    encoding: null,
    encodingSource: null,
  },
  raw: input.bytes,
  blocks: [],
  html: null,
  metadata: emptyMetadata(),
  messages: (input.warnings ?? []).map(({ code, detail }) => ({ severity: 'warn' as const, stage: 'read', code, detail })),
});

const isFailure = (code: string) => Object.hasOwn(FAILURE_CODES, code);

const siteOf = (doc: Doc): string => siteKey([doc.source.url, doc.metadata.url?.value], doc.source.path);

export const outcomeOf = (doc: Doc, stageMs: StageMs = countMap()): Outcome => {
  const facts = { site: siteOf(doc), stageMs };
  const fatal = rejection(doc);
  if (!fatal) return { status: 'accepted', article: articleOf(doc), trace: toTrace(doc, 'accepted'), ...facts };
  const status = isFailure(fatal.code) ? 'failed' : 'rejected';
  return { status, rejected: toRejected(doc, status), trace: toTrace(doc, status), ...facts };
};

/**
 * Runs the stages in order; a fatal message stops the document, a throw becomes `internal_error`. Given
 * `stageMs`, adds the milliseconds each stage took to it (one performance.now() per stage).
 */
export const runStages = (doc: Doc, stages: BoundStage[], stageMs?: StageMs): Doc => {
  let t0 = stageMs ? performance.now() : 0;
  for (const stage of stages) {
    if (isRejected(doc)) break;
    try {
      doc = stage.run(doc);
    } catch (e) {
      const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      doc.messages.push({ severity: 'fatal', stage: stage.name, code: 'internal_error', detail });
    }
    if (stageMs) {
      const t1 = performance.now();
      stageMs[stage.name] = (stageMs[stage.name] ?? 0) + (t1 - t0);
      t0 = t1;
    }
  }
  doc.raw = null;
  return doc;
};

/** One document through the stages; `hash` is the sha256 of its bytes when the caller has it already. */
export const processDocument = (input: RawInput, stages: BoundStage[], hash?: string): Outcome => {
  const stageMs = countMap<number>();
  return outcomeOf(runStages(newDoc(input, hash), stages, stageMs), stageMs);
};

/** An input that never reached the stages (too large, unreadable, timed out): accounted for all the same. */
export const unprocessed = (
  input: Omit<RawInput, 'bytes'> & { bytes: Uint8Array | null; size: number },
  stage: string,
  code: string,
  detail: string,
  hash?: string,
): Outcome => {
  const doc = newDoc({ ...input, bytes: new Uint8Array() }, hash ?? (input.bytes ? sha256(input.bytes) : ''));
  doc.source.bytes = input.size;
  doc.messages.push({ severity: 'fatal', stage, code, detail });
  doc.raw = null;
  return outcomeOf(doc);
};

/**
 * Documents a worker runs once before it says it is ready (worker.ts): the first document a thread processes pays for lazy
 * loading and compiling (charset tables and detection, the rules' regular expressions, language profiles), a few
 * hundred milliseconds that would otherwise count against that document's time limit.
 */
const PROSE =
  'The council met on Tuesday evening to discuss the new budget for the town, and after a long debate the ' +
  'members agreed to spend more on schools, roads and the library next year. Residents welcomed the decision.';
export const WARMUP_INPUTS: RawInput[] = [
  {
    path: 'warmup.html',
    format: 'html',
    // No declared charset and Latin-1 bytes (not UTF-8): charset detection and decoding run too.
    bytes: Buffer.from(
      `<!doctype html><html><head><title>Caf\u00e9 budget - Town News</title>` +
        `<meta property="og:site_name" content="Town News"><meta name="author" content="Jane Doe">` +
        `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Caf\u00e9 budget","datePublished":"2024-03-05T10:00:00Z"}</script>` +
        `</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Caf\u00e9 budget</h1>` +
        `<p class="byline">By Jane Doe</p><time datetime="2024-03-05">March 5, 2024</time><p>${PROSE}</p>` +
        `<p>${PROSE} Le caf\u00e9 du village a ferm\u00e9 apr\u00e8s l'\u00e9t\u00e9\u00a0; \u00e0 c\u00f4t\u00e9, l'\u00e9cole a d\u00e9j\u00e0 rouvert, et le gar\u00e7on de No\u00ebl \u00e9tait l\u00e0.</p><p>Read more: Another story</p></article>` +
        `<footer>\u00a9 Town News. All rights reserved.</footer></body></html>`,
      'latin1',
    ),
  },
  { path: 'warmup.txt', format: 'text', bytes: Buffer.from(`A Headline About the Budget\n\nBy Jane Doe\n\n${PROSE}\n\n${PROSE}\n`) },
];
