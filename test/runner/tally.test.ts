import { describe, expect, it } from 'vitest';
import { encodeOutcome } from '../../src/runner/encoded.js';
import { unprocessed } from '../../src/runner/process.js';
import { Tally, TallyMismatch } from '../../src/runner/tally.js';
import type { EncodedOutcome } from '../../src/runner/encoded.js';

const accepted = (removed: EncodedOutcome['removed'], warnings: string[] = []): EncodedOutcome => ({
  status: 'accepted', path: 'a.txt', stage: null, code: null, message: null, warnings, removed, article: '{}', rejected: null, trace: '{}',
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
      rejectedByCode: { input_too_large: 1 },
      failedByCode: { read_error: 1 },
      warningsByCode: { charset_guessed: 1, invalid_utf8: 2 },
      removed: { 'dedupe-paragraphs': { duplicate_paragraph: 1 }, 'strip-boilerplate': { error_page: 1, html_nav: 5 } },
    });
  });

  it('refuses to report when a document found has no outcome, or an outcome has no document found', () => {
    const lost = new Tally();
    lost.found();
    lost.found();
    lost.add(accepted({}));
    expect(() => lost.counts()).toThrow(TallyMismatch);
    expect(() => lost.counts()).toThrow(/2 documents found but 1 outcomes/);
    const extra = new Tally();
    extra.add(accepted({}));
    expect(() => extra.counts()).toThrow(TallyMismatch);
    extra.found();
    expect(extra.counts().read).toBe(1);
  });
});
