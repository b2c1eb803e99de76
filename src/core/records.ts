// The records newsclean writes. Other tools read these names: change them only with a version bump.
import { z } from 'zod';
import { Block, Message, Removal, Source } from './doc.js';

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

/** Every block of one document with its fate: what `newsclean inspect <out> <doc>` shows. */
export const TraceRecord = z.object({
  id: z.string(),
  path: z.string(),
  status: z.enum(['accepted', 'rejected', 'failed']),
  blocks: z.array(Block.pick({ kind: true, text: true }).extend({ removed: Removal.nullable() })),
  messages: z.array(Message),
});
export type TraceRecord = z.infer<typeof TraceRecord>;

export const Report = z.object({
  pipeline: z.string(),
  inputs: z.array(z.string()),
  startedAt: z.string(),
  durationMs: z.number(),
  /** Documents found: files, and records of WARC files and exports; read = accepted + rejected + failed. */
  read: z.number().int(),
  /** Files in the input folders that are not documents (other extensions), by extension; they are not read. */
  ignoredByExtension: z.record(z.string(), z.number().int()),
  /** Records of containers that are not documents (`warc request`, `warc response image/png`), by kind; not read. */
  ignoredRecords: z.record(z.string(), z.number().int()),
  accepted: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int(),
  rejectedByCode: z.record(z.string(), z.number().int()),
  failedByCode: z.record(z.string(), z.number().int()),
  warningsByCode: z.record(z.string(), z.number().int()),
  removed: RemovalCounts,
});
export type Report = z.infer<typeof Report>;
