// The shapes of report-data/: made by document.ts (each document's view) and build.ts (the index and the chunks),
// read by the page's script (client.ts).
import type { TraceRecord } from '../core/records.js';

/** The columns of the document index (report-data/index-*.js), one entry per document in trace order. */
export interface DocumentIndex {
  codes: string[];
  sites: string[];
  rules: string[];
  warnings: string[];
  path: string[];
  id: string[];
  /** 0 accepted, 1 rejected, 2 failed. */
  status: number[];
  /** Index into codes, -1 when accepted. */
  code: number[];
  site: number[];
  chunk: number[];
  words: number[];
  removedWords: number[];
  /** Indexes into rules / warnings. */
  rule: number[][];
  warning: number[][];
}

/** One document as its view shows it: its record and trace, flattened into arrays (a night writes 100,000 of them). */
export interface DocumentView {
  id: string;
  path: string;
  status: TraceRecord['status'];
  stage: string | null;
  code: string | null;
  message: string | null;
  site: string;
  /** [field, value, where it came from]. */
  meta: Array<[string, string, string]>;
  /** [kind, text, removing stage or null, removing rule code or null, index of the block it duplicates or null]. */
  blocks: Array<[string, string, string | null, string | null, number | null]>;
  /** [severity, stage, code, detail], fatal message excluded. */
  messages: Array<[string, string, string, string]>;
}
