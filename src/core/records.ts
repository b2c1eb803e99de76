// The records newsclean writes. Other tools read these names: change them only with a version bump.
import { z } from 'zod';
import { Block, Message, Removal, Source } from './doc.js';

/**
 * The version of the record formats below; a consumer checks it (`schemaVersion`), schema/ describes it. 2: a trace
 * block that is part of its record's text carries no text (StoredTrace); the other formats are those of 1.
 */
export const SCHEMA_VERSION = 2;
const SchemaVersion = z.literal(SCHEMA_VERSION);

/** Removed block counts: stage -> rule code -> count. */
export const RemovalCounts = z.record(z.string(), z.record(z.string(), z.number().int()));
export type RemovalCounts = z.infer<typeof RemovalCounts>;

const RecordSource = Source.pick({
  path: true,
  format: true,
  bytes: true,
  sha256: true,
  url: true,
  fetchedAt: true,
  httpStatus: true,
  encoding: true,
  encodingSource: true,
});

export const ArticleRecord = z.object({
  schemaVersion: SchemaVersion,
  id: z.string().regex(/^[0-9a-f]{16}$/),
  source: RecordSource,
  title: z.string().min(1).nullable(),
  authors: z.array(z.string().min(1)),
  publishedAt: z.string().datetime({ offset: true, local: true }).or(z.string().date()).nullable(),
  publisher: z.string().min(1).nullable(),
  language: z.string().min(2).nullable(),
  url: z.string().url().nullable(),
  body: z.string().min(1),
  wordCount: z.number().int().positive(),
  /** Where each metadata value came from, e.g. { title: 'jsonld', publisher: 'meta:og:site_name' }. */
  metadataSources: z.record(z.string(), z.string()),
  removed: RemovalCounts,
  /** Non-fatal messages (warnings, notes). */
  messages: z.array(Message),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const RejectedRecord = z.object({
  schemaVersion: SchemaVersion,
  id: z.string(),
  source: RecordSource,
  status: z.enum(['rejected', 'failed']),
  stage: z.string(),
  code: z.string(),
  message: z.string(),
  /** The body as it stood before the rejecting stage ran. */
  text: z.string(),
  removed: RemovalCounts,
  messages: z.array(Message),
});
export type RejectedRecord = z.infer<typeof RejectedRecord>;

const TraceBlock = Block.pick({ kind: true, text: true }).extend({ removed: Removal.nullable() });

/** Every block of one document with its fate and its text: what `newsclean inspect <out> <doc>` shows. */
export const TraceRecord = z.object({
  schemaVersion: SchemaVersion,
  id: z.string(),
  path: z.string(),
  status: z.enum(['accepted', 'rejected', 'failed']),
  blocks: z.array(TraceBlock),
  messages: z.array(Message),
});
export type TraceRecord = z.infer<typeof TraceRecord>;

/**
 * A trace record as trace.jsonl holds it (core/trace.ts): a block that is part of the record's text (an article's
 * `body`, a rejection's `text`) has no `text` of its own; those blocks are, in order, that text's pieces between
 * blank lines ("\n\n").
 */
export const StoredTrace = TraceRecord.extend({
  blocks: z.array(
    TraceBlock.extend({
      text: TraceBlock.shape.text
        .optional()
        .describe("Absent when the block is part of its record's text (an article's body, a rejection's text): those blocks are, in order, that text split at blank lines (\"\\n\\n\")."),
    }),
  ),
});
export type StoredTrace = z.infer<typeof StoredTrace>;

/**
 * z.record for the report's maps, keeping every key: zod's record builds its output on a plain object, where a
 * `__proto__` key (a folder, a rule id) would vanish. Checks like z.record; the output is the input itself.
 */
export const Counts = <V extends z.ZodType>(value: V) => {
  const counts = z.custom<Record<string, z.output<V>>>().superRefine((x, ctx) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) {
      ctx.addIssue({ code: 'custom', message: 'expected an object' });
      return;
    }
    for (const [key, v] of Object.entries(x)) {
      const r = value.safeParse(v);
      if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
    }
  });
  COUNTS_VALUES.set(counts, value);
  return counts;
};

/** The value schema of each Counts map, for its JSON Schema (core/json-schema.ts): a map of string to that. */
export const COUNTS_VALUES = new WeakMap<z.ZodType, z.ZodType>();

const Count = z.number().int().min(0);

/** Per-site counts; a site is the host of a document's URL without `www.`, else its first folder, else `(top)`. */
export const SiteCounts = z.object({
  accepted: Count,
  rejected: Count,
  failed: Count,
  rejectedByCode: Counts(Count),
});
export type SiteCounts = z.infer<typeof SiteCounts>;

export const Report = z.object({
  schemaVersion: SchemaVersion,
  pipeline: z.string(),
  inputs: z.array(z.string()),
  /** The run's id; a run resumed after a stop keeps it. */
  runId: z.string().optional(),
  /** The shard of the inputs this run processed (`--shard i/n`); null for the whole input. */
  shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }).nullable().optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** How many times the run was started again after a stop before it completed. */
  resumes: z.number().int().min(0).optional(),
  /** Documents found: files, and records of WARC files and exports; read = accepted + rejected + failed + skipped. */
  read: z.number().int(),
  /** Files in the input folders that are not documents (other extensions), by extension; they are not read. */
  ignoredByExtension: Counts(Count),
  /** Records of containers that are not documents (`warc request`, `warc response image/png`), by kind; not read. */
  ignoredRecords: Counts(Count),
  accepted: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int(),
  /** Documents found but not processed by this run (unchanged since an earlier run with the same state); 0 otherwise. */
  skipped: Count,
  rejectedByCode: Counts(Count),
  failedByCode: Counts(Count),
  warningsByCode: Counts(Count),
  /** Removed blocks summed over all documents: stage -> rule code -> count. */
  removed: Counts(Counts(Count)),
  /** Milliseconds spent in each stage, summed over all documents (in the workers, so it can exceed durationMs), rounded; in pipeline order. */
  stageMs: Counts(z.number().min(0)),
  /** Outcomes by site (host of the document's URL without `www.`, else its first folder, else `(top)`), sorted by site. */
  sites: Counts(SiteCounts),
});
export type Report = z.infer<typeof Report>;
