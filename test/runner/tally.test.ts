import { describe, expect, it } from 'vitest';
import { encodeOutcome } from '../../src/runner/encoded.js';
import { unprocessed } from '../../src/runner/process.js';
import { Report, SCHEMA_VERSION } from '../../src/core/records.js';
import { Tally, TallyMismatch, TallySnapshotError } from '../../src/runner/tally.js';
import type { EncodedOutcome } from '../../src/runner/encoded.js';

const accepted = (removed: EncodedOutcome['removed'], warnings: string[] = [], more: Partial<EncodedOutcome> = {}): EncodedOutcome => ({
  status: 'accepted', id: '0123456789abcdef', path: 'a.txt', fingerprint: null, stage: null, code: null, message: null, warnings, removed, site: '(top)', stageMs: {},
  article: '{}', rejected: null, trace: '{}', report: '', ...more,
});
const rejected = (code: string, more: Partial<EncodedOutcome> = {}): EncodedOutcome => ({
  ...accepted({}), status: 'rejected', stage: 'validate', code, message: code, article: null, rejected: '{}', ...more,
});

describe('Tally', () => {
  it('counts the documents found as read, checks read = accepted + rejected + failed, and counts codes, warnings and removals', () => {
    const t = new Tally();
    for (let i = 0; i < 4; i++) t.found();
    t.ignored('.png');
    t.ignored('.png');
    t.ignored('');
    t.ignoredRecord('warc request');
    t.add(accepted({ 'strip-boilerplate': { html_nav: 2 }, 'dedupe-paragraphs': { duplicate_paragraph: 1 } }, ['invalid_utf8']));
    t.add(accepted({ 'strip-boilerplate': { html_nav: 3, error_page: 1 } }, ['invalid_utf8', 'charset_guessed']));
    const input = { path: 'big.txt', format: 'text' as const, bytes: null, size: 99 };
    t.add(encodeOutcome(unprocessed(input, 'read', 'input_too_large', 'too big')));
    t.add(encodeOutcome(unprocessed({ ...input, path: 'gone.txt' }, 'read', 'read_error', 'vanished')));
    expect(t.counts()).toEqual({
      read: 4,
      ignoredByExtension: { '(none)': 1, '.png': 2 },
      ignoredRecords: { 'warc request': 1 },
      accepted: 2,
      rejected: 1,
      failed: 1,
      skipped: 0,
      rejectedByCode: { input_too_large: 1 },
      failedByCode: { read_error: 1 },
      warningsByCode: { charset_guessed: 1, invalid_utf8: 2 },
      removed: { 'dedupe-paragraphs': { duplicate_paragraph: 1 }, 'strip-boilerplate': { error_page: 1, html_nav: 5 } },
      stageMs: {},
      sites: {
        '(top)': { accepted: 2, rejected: 1, failed: 1, rejectedByCode: { input_too_large: 1 } },
      },
    });
  });

  it('refuses to report when a document found has no outcome, or an outcome has no document found', () => {
    const lost = new Tally();
    lost.found();
    lost.found();
    lost.add(accepted({}));
    expect(() => lost.counts()).toThrow(TallyMismatch);
    expect(() => lost.counts()).toThrow(/2 documents found but 1 accounted for/);
    const extra = new Tally();
    extra.add(accepted({}));
    expect(() => extra.counts()).toThrow(TallyMismatch);
    extra.found();
    expect(extra.counts().read).toBe(1);
  });

  it('counts skipped documents in the check: read = accepted + rejected + failed + skipped', () => {
    const t = new Tally();
    for (let i = 0; i < 3; i++) t.found();
    t.add(accepted({}));
    t.skip();
    expect(() => t.counts()).toThrow(/3 documents found but 2 accounted for \(1 accepted, 0 rejected, 0 failed, 1 skipped\)/);
    t.skip();
    expect(t.counts()).toMatchObject({ read: 3, accepted: 1, skipped: 2 });
    expect(t.done).toBe(3);
  });

  it('sums the milliseconds of each stage over the documents, rounded at the end, in the order of the pipeline', () => {
    const t = new Tally();
    const docs: Array<Record<string, number>> = [
      { decode: 1.4, 'strip-boilerplate': 0.3 }, // stopped by strip-boilerplate: the stages after it never ran
      { decode: 2.4, 'strip-boilerplate': 0.3, validate: 0.6 },
      {}, // never reached the stages (read error, timeout)
    ];
    for (const stageMs of docs) {
      t.found();
      t.add(accepted({}, [], { stageMs }));
    }
    const { stageMs } = t.counts();
    expect(stageMs).toEqual({ decode: 4, 'strip-boilerplate': 1, validate: 1 });
    expect(Object.keys(stageMs)).toEqual(['decode', 'strip-boilerplate', 'validate']);
  });

  it('counts outcomes per site, sites sorted', () => {
    const t = new Tally();
    const outcomes = [
      accepted({}, [], { site: 'example.com' }),
      rejected('too_short', { site: 'example.com' }),
      rejected('too_short', { site: 'example.com' }),
      rejected('bot_challenge', { site: 'example.com' }),
      accepted({}, [], { site: 'blogs' }),
      { ...rejected('read_error', { site: 'blogs' }), status: 'failed' as const },
    ];
    for (const o of outcomes) {
      t.found();
      t.add(o);
    }
    const { sites } = t.counts();
    expect(sites).toEqual({
      blogs: { accepted: 1, rejected: 0, failed: 1, rejectedByCode: {} },
      'example.com': { accepted: 1, rejected: 3, failed: 0, rejectedByCode: { bot_challenge: 1, too_short: 2 } },
    });
    expect(Object.keys(sites)).toEqual(['blogs', 'example.com']);
  });

  it('counts keys named like Object.prototype members (constructor, __proto__, toString) like any other', () => {
    const t = new Tally();
    // As a worker's outcome arrives: JSON-like objects whose own keys may be `__proto__`.
    const removed = JSON.parse('{"strip-boilerplate":{"constructor":2,"__proto__":3,"toString":1},"__proto__":{"x":1}}') as EncodedOutcome['removed'];
    for (let i = 0; i < 2; i++) {
      t.found();
      t.add(accepted(removed, ['constructor', '__proto__'], { site: '__proto__' }));
    }
    for (const code of ['constructor', '__proto__', 'hasOwnProperty']) {
      t.found();
      t.add(rejected(code, { site: 'constructor' }));
    }
    t.ignored('.constructor');
    t.ignored('__proto__');
    t.ignoredRecord('constructor');
    const counts = t.counts();
    expect(counts.removed['strip-boilerplate']).toEqual(JSON.parse('{"__proto__":6,"constructor":4,"toString":2}'));
    expect(Object.hasOwn(counts.removed, '__proto__')).toBe(true);
    expect(counts.removed['__proto__']).toEqual({ x: 2 });
    expect(counts.warningsByCode).toEqual(JSON.parse('{"__proto__":2,"constructor":2}'));
    expect(counts.rejectedByCode).toEqual(JSON.parse('{"__proto__":1,"constructor":1,"hasOwnProperty":1}'));
    expect(Object.keys(counts.sites)).toEqual(['__proto__', 'constructor']);
    expect(counts.sites['constructor']).toMatchObject({ rejected: 3 });
    expect(counts.ignoredByExtension).toEqual(JSON.parse('{".constructor":1,"__proto__":1}'));
    expect(counts.ignoredRecords).toEqual({ constructor: 1 });
    // As written: the JSON keeps every key, and the report schema keeps them too.
    const json = JSON.stringify(counts);
    expect(json).toContain('"__proto__":{"accepted":2');
    expect(JSON.parse(json)).toEqual(counts);
    const report = Report.parse({ schemaVersion: SCHEMA_VERSION, pipeline: 'p', inputs: [], startedAt: '', durationMs: 0, ...counts });
    expect(JSON.stringify(report)).toBe(JSON.stringify({ schemaVersion: SCHEMA_VERSION, pipeline: 'p', inputs: [], startedAt: '', durationMs: 0, ...counts }));
  });

  it('the report schema checks the new maps as it checks the others', () => {
    const t = new Tally();
    const report = { schemaVersion: SCHEMA_VERSION, pipeline: 'p', inputs: [], startedAt: '', durationMs: 0, ...t.counts() };
    expect(Report.safeParse(report).success).toBe(true);
    const bad = Report.safeParse({ ...report, sites: { 'a.com': { accepted: 'x', rejected: 0, failed: 0, rejectedByCode: {} } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['sites', 'a.com', 'accepted']);
    expect(Report.safeParse({ ...report, stageMs: { decode: -1 } }).success).toBe(false);
    expect(Report.safeParse({ ...report, removed: { s: { c: 1.5 } } }).success).toBe(false);
    expect(Report.safeParse({ ...report, rejectedByCode: [] }).success).toBe(false);
  });

  it('snapshots the counts of the documents accounted for, as JSON, and a restored tally goes on from them', () => {
    const t = new Tally();
    const outcomes = [
      accepted(JSON.parse('{"strip-boilerplate":{"constructor":2,"__proto__":1}}'), ['invalid_utf8'], { site: '__proto__', stageMs: { decode: 1.25 } }),
      rejected('too_short', { site: 'a.com', stageMs: { decode: 0.5, validate: 0.25 } }),
    ];
    for (const o of outcomes) {
      t.found();
      t.add(o);
    }
    t.found();
    t.skip();
    t.found(); // in flight at the checkpoint: not in the snapshot, found again by the resumed run
    t.ignored('.png'); // the walk's own counts: counted again by the resumed run's walk
    t.ignoredRecord('warc request');
    const snapshot = JSON.parse(JSON.stringify(t.snapshot())) as unknown;
    const r = Tally.restore(snapshot);
    expect(r.done).toBe(3);
    expect(r.read).toBe(3);
    r.found();
    r.add({ ...rejected('too_short', { site: 'a.com', stageMs: { decode: 0.25 } }), status: 'failed', code: 'read_error' });
    r.ignored('.png');
    const counts = r.counts();
    expect(counts).toMatchObject({ read: 4, accepted: 1, rejected: 1, failed: 1, skipped: 1, ignoredByExtension: { '.png': 1 }, ignoredRecords: {} });
    expect(JSON.stringify(counts.removed)).toBe('{"strip-boilerplate":{"__proto__":1,"constructor":2}}');
    expect(counts.stageMs).toEqual({ decode: 2, validate: 0 });
    expect(JSON.stringify(counts.sites)).toBe(
      '{"__proto__":{"accepted":1,"rejected":0,"failed":0,"rejectedByCode":{}},' +
        '"a.com":{"accepted":0,"rejected":1,"failed":1,"rejectedByCode":{"too_short":1}}}',
    );
    expect(counts.warningsByCode).toEqual({ invalid_utf8: 1 });
  });

  it('refuses to restore what is not a snapshot', () => {
    expect(() => Tally.restore(null)).toThrow(TallySnapshotError);
    expect(() => Tally.restore({ ...new Tally().snapshot(), version: 2 })).toThrow(/not a tally snapshot: version/);
    expect(() => Tally.restore({ ...new Tally().snapshot(), sites: { a: { accepted: -1, rejected: 0, failed: 0, rejectedByCode: {} } } })).toThrow(
      /sites\.a\.accepted/,
    );
  });
});
