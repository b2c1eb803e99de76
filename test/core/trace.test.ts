// A trace as trace.jsonl holds it leaves out the texts its record already holds, and gives them all back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectedRecord, TraceRecord } from '../../src/core/records.js';
import { fullTrace, storedTrace, traceOf, TraceTextError } from '../../src/core/trace.js';
import { processDocument } from '../../src/runner/process.js';
import { defaultPipeline, SAMPLES } from '../helpers/docs.js';

const { stages } = defaultPipeline();
const outcomes = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(txt|html)$/.test(f))
  .sort()
  .map((f) => processDocument({ path: f, format: f.endsWith('.html') ? 'html' : 'text', bytes: readFileSync(join(SAMPLES, f)) }, stages));
const recordOf = (o: (typeof outcomes)[number]): ArticleRecord | RejectedRecord => (o.status === 'accepted' ? o.article : o.rejected);

describe('storedTrace / traceOf', () => {
  it('leaves out the text of every block of the article body, and keeps the removed ones', () => {
    const o = outcomes.find((x) => x.status === 'accepted')!;
    const stored = storedTrace(o.trace, recordOf(o));
    const kept = stored.blocks.filter((b) => !b.removed);
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.every((b) => b.text === undefined)).toBe(true);
    expect(stored.blocks.filter((b) => b.removed).every((b) => typeof b.text === 'string')).toBe(true);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(o.trace).length - (o.status === 'accepted' ? o.article.body.length : 0) + 100);
  });

  it('gives back every sample trace exactly from its record, accepted or rejected', () => {
    expect(outcomes.some((o) => o.status === 'rejected')).toBe(true);
    for (const o of outcomes) {
      const record = recordOf(o);
      const line = JSON.stringify(storedTrace(o.trace, record));
      expect(traceOf(JSON.parse(line), record), o.trace.path).toEqual(o.trace);
    }
  });

  it('for a rejection, leaves out the blocks of its text: those kept and those its rejecting stage removed', () => {
    const o = outcomes.find((x) => x.status === 'rejected')!;
    const r = recordOf(o) as RejectedRecord;
    const stored = storedTrace(o.trace, r);
    const left = stored.blocks.filter((b) => b.text === undefined);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((b) => !b.removed || b.removed.stage === r.stage)).toBe(true);
  });

  const trace = (texts: string[]): TraceRecord => ({
    schemaVersion: 2,
    id: 'x',
    path: 'x.txt',
    status: 'accepted',
    blocks: [...texts.map((text) => ({ kind: 'paragraph' as const, text, removed: null })), { kind: 'paragraph', text: 'Menu', removed: { stage: 'strip-boilerplate', code: 'nav' } }],
    messages: [],
  });
  const article = (t: TraceRecord) => ({ body: t.blocks.filter((b) => !b.removed).map((b) => b.text).join('\n\n') }) as ArticleRecord;

  it('writes every text when a block would not split back out of the body (a blank line inside, a trailing line break)', () => {
    for (const texts of [['one', 'two\n\nthree'], ['one\n', 'two'], []]) {
      const t = trace(texts);
      expect(storedTrace(t, article(t))).toBe(t);
    }
    // Empty texts and a leading line break split back exactly, so they are left out.
    const t = trace(['', 'one', '\ntwo', '']);
    const stored = storedTrace(t, article(t));
    expect(stored.blocks.filter((b) => b.text === undefined)).toHaveLength(4);
    expect(fullTrace(stored, article(t).body)).toEqual(t);
  });

  it('writes every text when the record does not hold those blocks (a body that is not theirs)', () => {
    const t = trace(['one', 'two']);
    expect(storedTrace(t, { body: 'one\n\nthree' } as ArticleRecord)).toBe(t);
  });

  it('takes a trace with every text as it is (as schema version 1 wrote them), and refuses a text that does not fit', () => {
    const t = trace(['one', 'two']);
    expect(fullTrace(t, 'anything')).toBe(t);
    const stored = storedTrace(t, article(t));
    expect(() => fullTrace(stored, 'one')).toThrow(TraceTextError);
    expect(() => fullTrace(stored, 'one\n\ntwo\n\nthree')).toThrow(/3 blocks, the trace 2 without a text/);
  });
});
