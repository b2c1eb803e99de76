// The cross-document step: what only the whole run can tell, applied after every document went through the
// per-document stages (which stay independent of document order). Two parts, in this order:
//   1. recurring lines: a block kept in many documents of one site (or folder) is the site's boilerplate (a footer,
//      a promo line) and goes as `recurring_line`; validate's thresholds then judge the shrunk body again;
//   2. duplicate documents: an article whose final body was accepted before goes as `duplicate_document`
//      (duplicates.ts).
// Pass 1 (the run's stages) leaves, per accepted article, its group and the keys of its kept blocks (a 64-bit hash
// of the text folded as dedupe-paragraphs folds it) in a file; between the passes the keys are counted exactly, in
// as many reads of that file as keep the counting map bounded; pass 2 rewrites the records it changes.
import { z } from 'zod';
import { countMap, removalCounts, toRejected, toTrace } from '../core/article.js';
import type { Block, Doc } from '../core/doc.js';
import { documentFingerprint } from '../core/fingerprint.js';
import type { ArticleRecord, Report, StoredTrace, TraceRecord } from '../core/records.js';
import { fullTrace, traceLine } from '../core/trace.js';
import { bodyText, rejection, type BoundStage } from '../core/stage.js';
import { blockWords, countWords } from '../core/text.js';
import { fileLines } from '../io/jsonl.js';
import { fingerprint as foldText } from '../stages/dedupe-paragraphs/index.js';
import { rejectedLine, reportLine } from '../report/document.js';
import { asDuplicate, DocumentDuplicates } from './duplicates.js';

export const RECURRING_STAGE = 'recurring-lines';
export const RECURRING_CODE = 'recurring_line';

export const RecurringLines = z
  .object({
    /** A block must be kept in at least this many documents of its group (distinct bodies) to be boilerplate. */
    minDocuments: z.number().int().min(2).default(5),
    /** ... and in at least this share of the group's documents. */
    minShare: z.number().gt(0).max(1).default(0.5),
    /** Shorter blocks are never counted: short cells and labels ("Yes", "Share") recur legitimately. */
    minWords: z.number().int().min(1).default(4),
  })
  .strict();
export type RecurringLines = z.infer<typeof RecurringLines>;

export const CrossDocument = z
  .object({
    /** What the step does and why its thresholds are what they are (for the reader of the pipeline file). */
    description: z.string().optional(),
    /** null: off. */
    recurringLines: RecurringLines.nullable().default({ minDocuments: 5, minShare: 0.5, minWords: 4 }),
  })
  .strict();
export type CrossDocument = z.infer<typeof CrossDocument>;

/** When the pipeline file has no `crossDocument` key: recurring lines off (duplicates are always on). */
export const CROSS_DOCUMENT_OFF: CrossDocument = { recurringLines: null };

/** A cheap 64-bit hash (two 32-bit FNV-1a style lanes), as 16 hex digits. */
const hash64 = (s: string): string => {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
};

/** The key of a block's text: dedupe-paragraphs' folding (case, digits, punctuation, space), hashed. */
export const blockKey = (text: string): string => hash64(foldText(text));

type TraceBlock = TraceRecord['blocks'][number];

/** The distinct keys of the kept blocks of at least `minWords` words, in block order. */
export const blockKeys = (blocks: ReadonlyArray<Pick<Block, 'text' | 'removed'> & { words?: number }>, minWords: number): string[] => {
  const keys = new Set<string>();
  for (const b of blocks) if (!b.removed && (b.words ?? countWords(b.text)) >= minWords) keys.add(blockKey(b.text));
  return [...keys];
};

/** One line of the pass-1 keys file per accepted article: its group, its body's fingerprint, its block keys. */
export type KeysLine = [group: string, body: string, ...keys: string[]];

/** Keys counted per read of the keys file: the counting map's bound (about 100 bytes an entry). */
export const KEYS_PER_READ = 400_000;

/** Which of a group's block keys are boilerplate, by group. */
export type Recurring = Map<string, Set<string>>;

/**
 * Counts the keys of a keys file exactly (each distinct body once per group: copies of one article do not make
 * its paragraphs recur) and returns those kept in at least max(minDocuments, minShare x the group's documents).
 * The first read counts everything unless more than `perRead` distinct keys turn up; then the keys are counted in
 * as many more reads, each taking the keys of one hash partition, so that the map never holds more than about
 * `perRead` keys (memory bounded whatever the run's size; the time is one read of the file per partition).
 */
export const findRecurring = async (file: string, opts: RecurringLines, perRead = KEYS_PER_READ): Promise<Recurring> => {
  const groupDocs = new Map<string, number>();
  let total = 0;
  const count = async (part: number, reads: number, counts: Map<string, number> | null): Promise<Map<string, number> | null> => {
    const seen = new Set<string>();
    for await (const line of fileLines(file)) {
      const [group, body, ...keys] = JSON.parse(line) as KeysLine;
      const doc = `${group}\n${body}`;
      if (seen.has(doc)) continue;
      seen.add(doc);
      if (reads === 0) {
        groupDocs.set(group, (groupDocs.get(group) ?? 0) + 1);
        total += keys.length;
      }
      if (!counts) continue;
      for (const k of keys) {
        if (reads > 1 && parseInt(k.slice(0, 7), 16) % reads !== part) continue;
        const gk = `${group}\n${k}`;
        counts.set(gk, (counts.get(gk) ?? 0) + 1);
      }
      // Too many for one map: counted by partitions instead.
      if (reads === 0 && counts.size > perRead) counts = null;
    }
    return counts;
  };
  const out: Recurring = new Map();
  const keep = (counts: Map<string, number>) => {
    for (const [gk, n] of counts) {
      if (n < opts.minDocuments) continue;
      const cut = gk.lastIndexOf('\n');
      const group = gk.slice(0, cut);
      if (n < opts.minShare * groupDocs.get(group)!) continue;
      let set = out.get(group);
      if (!set) out.set(group, (set = new Set()));
      set.add(gk.slice(cut + 1));
    }
  };
  const all = await count(0, 0, new Map());
  if (all) keep(all);
  else {
    const reads = Math.max(2, Math.ceil(total / perRead));
    for (let part = 0; part < reads; part++) keep((await count(part, reads, new Map()))!);
  }
  return out;
};

/** What pass 2 did to one document, for the report's counts. */
export interface Change {
  /** Blocks removed as recurring lines. */
  recurring: number;
  /** Set when the accepted article became a rejection: its code (`too_short`, `duplicate_document`, ...). */
  rejectedAs: string | null;
}

export interface Final {
  status: 'accepted' | 'rejected';
  /** The article's or the rejection's JSON line, and the trace's. */
  record: string;
  trace: string;
  /** The final body's fingerprint when accepted (the state remembers it), else null. */
  fingerprint: string | null;
  change: Change;
  /** The document's report line (report/document.ts) made from its pass-1 line as this step left the document. */
  report(line: string): string;
}

const unchanged = (line: string) => line;

const metadataOf = (a: ArticleRecord): Doc['metadata'] => {
  const field = <T>(key: keyof Doc['metadata'], value: T | null) =>
    value === null || a.metadataSources[key] === undefined ? null : { value, source: a.metadataSources[key]! };
  return {
    title: field('title', a.title),
    authors: a.authors.length ? field('authors', a.authors) : null,
    publishedAt: field('publishedAt', a.publishedAt),
    publisher: field('publisher', a.publisher),
    language: field('language', a.language),
    url: field('url', a.url),
  };
};

/**
 * The cross-document step over accepted articles, in input order: recurring lines out (when `recurring` is given),
 * validate's thresholds again on a shrunk body, then the duplicate check on the final body. Rejected and failed
 * documents pass unchanged.
 */
export class CrossDocumentStep {
  constructor(
    readonly duplicates: DocumentDuplicates,
    /** The pipeline's validate stage, bound to its options. */
    private readonly validate: BoundStage | null,
    private readonly recurring: { found: Recurring; minWords: number } | null,
  ) {}

  /** True when the article of `group` with these block keys has a recurring line to lose. */
  affects(group: string, keys: string[]): boolean {
    const set = this.recurring?.found.get(group);
    return !!set && keys.some((k) => set.has(k));
  }

  /** An accepted article's final records. `fingerprint` is its pass-1 body's when known (saves hashing it again). */
  apply(articleJson: string, traceJson: string, group: string | null, keys: string[] | null, fingerprint?: string): Final {
    let article = articleJson;
    let trace = traceJson;
    let recurring = 0;
    let body: string | null = null;
    let line: (pass1: string) => string = unchanged;
    if (this.recurring && group !== null && keys && this.affects(group, keys)) {
      const shrunk = this.removeRecurring(articleJson, traceJson, this.recurring.found.get(group)!);
      recurring = shrunk.recurring;
      const report = () => shrunk.report;
      if (shrunk.rejected) {
        return { status: 'rejected', record: shrunk.rejected, trace: shrunk.trace, fingerprint: null, change: { recurring, rejectedAs: shrunk.code }, report };
      }
      article = shrunk.article!;
      trace = shrunk.trace;
      body = shrunk.body;
      line = report;
    }
    const fp = body !== null ? documentFingerprint(body) : (fingerprint ?? documentFingerprint((JSON.parse(article) as ArticleRecord).body));
    const id = idOf(article);
    const earlier = this.duplicates.check(fp, id);
    if (earlier) {
      const dup = asDuplicate(article, trace, earlier);
      const report = (pass1: string) => rejectedLine(line(pass1), dup.record);
      return { status: 'rejected', record: dup.rejected, trace: dup.trace, fingerprint: null, change: { recurring, rejectedAs: 'duplicate_document' }, report };
    }
    return { status: 'accepted', record: article, trace, fingerprint: fp, change: { recurring, rejectedAs: null }, report: line };
  }

  private removeRecurring(articleJson: string, traceJson: string, set: Set<string>) {
    const a = JSON.parse(articleJson) as ArticleRecord;
    const t = fullTrace(JSON.parse(traceJson) as StoredTrace, a.body);
    const minWords = this.recurring!.minWords;
    let recurring = 0;
    const blocks = t.blocks.map((b): TraceBlock & { words?: number } => ({ ...b }));
    for (const b of blocks) {
      if (b.removed || blockWords(b) < minWords || !set.has(blockKey(b.text))) continue;
      b.removed = { stage: RECURRING_STAGE, code: RECURRING_CODE };
      recurring++;
    }
    const plain = blocks.map(({ kind, text, removed }) => ({ kind, text, removed }));
    const doc: Doc = {
      id: a.id,
      source: { ...a.source, contentType: null, givenTitle: null },
      raw: null,
      blocks: blocks as Block[],
      html: null,
      metadata: metadataOf(a),
      messages: a.messages.map((m) => ({ ...m })),
    };
    const removed = removalCounts(doc);
    const kept = blocks.filter((b) => !b.removed);
    const body = bodyText(kept as Block[]);
    if (this.validate) this.validate.run(doc);
    const fatal = rejection(doc);
    if (fatal) {
      // The records validate's verdict makes, as the runner builds them, saying what made the body short.
      fatal.detail = `${fatal.detail} (after ${recurring} recurring line${recurring === 1 ? '' : 's'} of the site went)`;
      const trace = toTrace(doc, 'rejected');
      const record = toRejected(doc, 'rejected');
      return { recurring, rejected: JSON.stringify(record), code: fatal.code, trace: traceLine(trace, record), article: null, body: null, report: reportLine(trace, record) };
    }
    const wordCount = kept.reduce((n, b) => n + blockWords(b), 0);
    const next: ArticleRecord = { ...a, body, wordCount, removed };
    const trace = { ...t, blocks: plain };
    return { recurring, rejected: null, code: null, trace: traceLine(trace, next), article: JSON.stringify(next), body, report: reportLine(trace, next) };
  }
}

/** An article line's id without parsing it: JSON.stringify of an ArticleRecord starts with its schemaVersion and id. */
const idOf = (articleJson: string): string => {
  const m = /^\{"schemaVersion":\d+,"id":"([0-9a-f]+)"/.exec(articleJson);
  return m ? m[1]! : (JSON.parse(articleJson) as ArticleRecord).id;
};

/** Counts of what pass 2 changed, to move in the report: removals added, accepted documents rejected, by site. */
export class Changes {
  recurring = 0;
  readonly moved: Array<{ site: string; code: string }> = [];

  add(site: string, c: Change): void {
    this.recurring += c.recurring;
    if (c.rejectedAs) this.moved.push({ site, code: c.rejectedAs });
  }

  /** The report's counts (summed by pass 1, or over the shards) with these changes moved in. */
  applyTo(report: Pick<Report, 'accepted' | 'rejected' | 'rejectedByCode' | 'removed' | 'sites'>): void {
    const bump = (m: Record<string, number>, k: string, by = 1) => {
      m[k] = (m[k] ?? 0) + by;
    };
    for (const { site, code } of this.moved) {
      report.accepted--;
      report.rejected++;
      bump(report.rejectedByCode, code);
      const s = report.sites[site];
      if (s) {
        s.accepted--;
        s.rejected++;
        bump(s.rejectedByCode, code);
        s.rejectedByCode = sortKeys(s.rejectedByCode);
      }
    }
    report.rejectedByCode = sortKeys(report.rejectedByCode);
    if (this.recurring) {
      const stage = (report.removed[RECURRING_STAGE] ??= countMap<number>());
      bump(stage, RECURRING_CODE, this.recurring);
      report.removed = sortKeys(report.removed);
    }
  }
}

const sortKeys = <V>(o: Record<string, V>): Record<string, V> => {
  const out = countMap<V>();
  for (const k of Object.keys(o).sort()) out[k] = o[k]!;
  return out;
};
