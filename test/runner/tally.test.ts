import { describe, expect, it } from 'vitest';
import { encodeOutcome } from '../../src/runner/encoded.js';
import { unprocessed } from '../../src/runner/process.js';
import { Tally } from '../../src/runner/tally.js';
import type { EncodedOutcome } from '../../src/runner/encoded.js';

const accepted = (removed: EncodedOutcome['removed'], warnings: string[] = []): EncodedOutcome => ({
  status: 'accepted', path: 'a.txt', stage: null, code: null, message: null, warnings, removed, article: '{}', rejected: null, trace: '{}',
});

describe('Tally', () => {
  it('keeps read = accepted + rejected + failed, and counts codes, warnings and removals', () => {
    const t = new Tally();
    t.add(accepted({ 'strip-boilerplate': { html_nav: 2 }, 'dedupe-paragraphs': { duplicate_paragraph: 1 } }, ['invalid_utf8']));
    t.add(accepted({ 'strip-boilerplate': { html_nav: 3, error_page: 1 } }, ['invalid_utf8', 'charset_guessed']));
    const input = { path: 'big.txt', format: 'text' as const, bytes: null, size: 99 };
    t.add(encodeOutcome(unprocessed(input, 'read', 'input_too_large', 'too big')));
    t.add(encodeOutcome(unprocessed({ ...input, path: 'gone.txt' }, 'read', 'read_error', 'vanished')));
    expect(t.counts()).toEqual({
      read: 4,
      accepted: 2,
      rejected: 1,
      failed: 1,
      rejectedByCode: { input_too_large: 1 },
      failedByCode: { read_error: 1 },
      warningsByCode: { charset_guessed: 1, invalid_utf8: 2 },
      removed: { 'dedupe-paragraphs': { duplicate_paragraph: 1 }, 'strip-boilerplate': { error_page: 1, html_nav: 5 } },
    });
  });
});
