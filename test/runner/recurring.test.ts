// The cross-document step on real-shaped pages: the gold bodies of the benchmark articles, each with two lines a site
// repeats on every page (from the stored text dumps): businessinsider.com's promo line between paragraphs, and the
// headline of another story msn.com showed under every article that day. A phrase rule of strip-boilerplate may
// take either first: the assertions allow that (the promo line is the likelier), never that one stays in a body.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectedRecord, StoredTrace, TraceRecord } from '../../src/core/records.js';
import { traceOf } from '../../src/core/trace.js';
import { CrossDocumentStep, findRecurring, RecurringLines, type KeysLine } from '../../src/runner/cross-document.js';
import { DocumentDuplicates } from '../../src/runner/duplicates.js';
import { encodeOutcome, type EncodedOutcome } from '../../src/runner/encoded.js';
import { processDocument } from '../../src/runner/process.js';
import { defaultPipeline } from '../helpers/docs.js';

const BENCH = new URL('../fixtures/benchmark/', import.meta.url);
const truth = JSON.parse(readFileSync(new URL('truth.json', BENCH), 'utf8')) as Record<string, { articleBody: string; url?: string }>;
const ids = Object.keys(truth).sort();

export const PROMO = 'NEU: Unsere spannendste Story täglich per Browser-Push – so einfach geht´s';
export const TEASER = '2 US service members die in Afghanistan chopper crash';

/** A page of the site: the body with the promo line after its second paragraph and the teaser headline under it. */
export const withSiteLines = (body: string): string => {
  const paras = body.split(/\n\s*\n/);
  return [...paras.slice(0, 2), PROMO, ...paras.slice(2), TEASER].join('\n\n') + '\n';
};

/** `n` pages of one site in `folder`, from the gold bodies of articles `from`, `from + 1`, ...: path, text, gold. */
export const sitePages = (folder: string, n: number, from = 0): Array<{ path: string; text: string; gold: string }> =>
  ids.slice(from, from + n).map((k, i) => ({ path: `${folder}/p${String(i).padStart(2, '0')}.txt`, text: withSiteLines(truth[k]!.articleBody), gold: truth[k]!.articleBody }));

/** A page without the site's lines. */
const plainPage = (folder: string, i: number) => ({ path: `${folder}/q${String(i).padStart(2, '0')}.txt`, text: truth[ids[40 + i]!]!.articleBody, gold: truth[ids[40 + i]!]!.articleBody });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const pipeline = defaultPipeline();
const validate = pipeline.stages.find((s) => s.name === 'validate')!;
const OPTS = RecurringLines.parse({});

/** Pass 1 over the pages, the keys counted, pass 2 applied: each page's final records. */
const crossDocument = async (pages: Array<{ path: string; text: string }>, opts = OPTS, perRead?: number) => {
  const outcomes: EncodedOutcome[] = pages.map((p) =>
    encodeOutcome(processDocument({ path: p.path, format: 'text', bytes: Buffer.from(p.text) }, pipeline.stages), opts.minWords),
  );
  const dir = mkdtempSync(join(tmpdir(), 'newsclean-recurring-'));
  dirs.push(dir);
  const keysFile = join(dir, 'keys.jsonl');
  const accepted = outcomes.filter((o) => o.status === 'accepted');
  writeFileSync(keysFile, accepted.map((o) => `${JSON.stringify([o.site, o.fingerprint!, ...o.blockKeys!] satisfies KeysLine)}\n`).join(''));
  const found = await findRecurring(keysFile, opts, perRead);
  const step = new CrossDocumentStep(new DocumentDuplicates(), validate, { found, minWords: opts.minWords });
  const finals = outcomes.map((o) => (o.status === 'accepted' ? step.apply(o.article!, o.trace, o.site, o.blockKeys!, o.fingerprint!) : null));
  return { outcomes, found, finals };
};

/** A final's trace with every block's text (trace.jsonl leaves out those of its record's text). */
const finalTrace = (f: { trace: string; record: string }): TraceRecord => traceOf(JSON.parse(f.trace) as StoredTrace, JSON.parse(f.record) as ArticleRecord | RejectedRecord);
const recurringTexts = (trace: TraceRecord) => trace.blocks.filter((b) => b.removed?.code === 'recurring_line').map((b) => b.text);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('recurring lines', () => {
  it("takes a site's footer and promo lines out of every page, as recurring_line, and leaves each article's own text", async () => {
    const pages = sitePages('businessinsider.com', 8);
    const { outcomes, finals, found } = await crossDocument(pages);
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    expect(found.get('businessinsider.com')?.size).toBeGreaterThan(0);
    for (const [i, f] of finals.entries()) {
      expect(f!.status).toBe('accepted');
      const trace = finalTrace(f!);
      const gone = recurringTexts(trace);
      expect(gone).toContain(TEASER);
      expect(gone.every((t) => t === PROMO || t === TEASER)).toBe(true);
      for (const line of [PROMO, TEASER]) expect(trace.blocks.find((b) => b.text === line)!.removed).not.toBeNull();
      for (const b of trace.blocks) if (b.removed?.code === 'recurring_line') expect(b.removed).toEqual({ stage: 'recurring-lines', code: 'recurring_line' });
      // No line of the article itself goes.
      const gold = norm(pages[i]!.gold);
      for (const t of gone) expect(gold.includes(norm(t)), t).toBe(false);
      const article = JSON.parse(f!.record) as ArticleRecord;
      const before = JSON.parse(outcomes[i]!.article!) as ArticleRecord;
      for (const t of gone) expect(article.body).not.toContain(t);
      // Body, word count and removal counts agree with the trace, as a stage's removal does.
      expect(article.body).toBe(trace.blocks.filter((b) => !b.removed).map((b) => b.text).join('\n\n'));
      expect(article.wordCount).toBeLessThan(before.wordCount);
      expect(article.removed['recurring-lines']).toEqual({ recurring_line: gone.length });
      expect(f!.change.recurring).toBe(gone.length);
    }
  });

  it('counts the same in bounded reads as in one (the keys partitioned by hash)', async () => {
    const pages = sitePages('businessinsider.com', 8);
    const one = await crossDocument(pages);
    const many = await crossDocument(pages, OPTS, 5);
    expect([...many.found.get('businessinsider.com')!].sort()).toEqual([...one.found.get('businessinsider.com')!].sort());
    expect(many.finals.map((f) => f!.record)).toEqual(one.finals.map((f) => f!.record));
  });

  it('keeps the lines of a group below the threshold: fewer than minDocuments pages, or less than minShare of the site', async () => {
    const few = await crossDocument(sitePages('businessinsider.com', 4));
    expect(few.found.size).toBe(0);
    expect(few.finals.every((f) => f!.status === 'accepted' && f!.change.recurring === 0)).toBe(true);
    // 6 pages with the lines among 14 of the same folder: 6 < half of 14.
    const mixed = [...sitePages('site', 6), ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => plainPage('site', i))];
    const r = await crossDocument(mixed);
    expect(r.found.size).toBe(0);
    expect(r.finals.flatMap((f) => recurringTexts(finalTrace(f!)))).toEqual([]);
    // With 7 of 14 they go (half), and only from the pages that have them.
    const half = await crossDocument([...sitePages('site', 7), ...[0, 1, 2, 3, 4, 5, 6].map((i) => plainPage('site', i))]);
    expect(half.finals.map((f) => f!.change.recurring > 0)).toEqual([...Array(7).fill(true), ...Array(7).fill(false)]);
  });

  it('the same article scraped five times: one accepted, the copies duplicate_document naming it, and none loses its body', async () => {
    const page = sitePages('businessinsider.com', 1)[0]!;
    const copies = [0, 1, 2, 3, 4].map((i) => ({ path: `wire/copy-${i}.txt`, text: page.text }));
    const { outcomes, finals, found } = await crossDocument(copies);
    expect(found.size).toBe(0);
    expect(finals[0]!.status).toBe('accepted');
    for (const f of finals.slice(1)) {
      const r = JSON.parse(f!.record) as RejectedRecord;
      expect(r).toMatchObject({ status: 'rejected', code: 'duplicate_document', stage: 'dedupe-documents' });
      expect(r.message).toContain(outcomes[0]!.id);
      expect(r.text).toBe((JSON.parse(outcomes[0]!.article!) as ArticleRecord).body);
    }
  });

  it('an article that only the recurring lines made long enough is rejected as too_short, with its records consistent', async () => {
    const pages = sitePages('businessinsider.com', 8);
    pages.push({ path: 'businessinsider.com/brief.txt', text: withSiteLines('Markets opened higher on Tuesday, led by technology shares.'), gold: '' });
    const { outcomes, finals } = await crossDocument(pages);
    expect(outcomes.at(-1)!.status).toBe('accepted');
    const f = finals.at(-1)!;
    expect(f.status).toBe('rejected');
    expect(f.change.rejectedAs).toBe('too_short');
    const r = JSON.parse(f.record) as RejectedRecord;
    expect(r).toMatchObject({ status: 'rejected', stage: 'validate', code: 'too_short' });
    expect(r.message).toMatch(/^the clean body has \d+ words; the minimum is 20 \(after \d+ recurring lines? of the site went\)$/);
    const trace = finalTrace(f);
    expect(trace.status).toBe('rejected');
    expect(trace.messages.at(-1)).toMatchObject({ severity: 'fatal', code: 'too_short' });
    expect(r.text).toBe(trace.blocks.filter((b) => !b.removed).map((b) => b.text).join('\n\n'));
    expect(r.removed['recurring-lines']!.recurring_line).toBe(recurringTexts(trace).length);
  });

  it('is decided the same whatever the order the documents were processed in (counts, not first come)', async () => {
    const pages = sitePages('businessinsider.com', 8);
    const a = await crossDocument(pages);
    const b = await crossDocument([...pages].reverse());
    expect([...b.found.get('businessinsider.com')!].sort()).toEqual([...a.found.get('businessinsider.com')!].sort());
    expect(b.finals.map((f) => f!.record).reverse()).toEqual(a.finals.map((f) => f!.record));
  });
});
