import { describe, expect, it } from 'vitest';
import { asDuplicate, rejectedTrace } from '../../src/runner/duplicates.js';
import { encodeOutcome } from '../../src/runner/encoded.js';
import { processDocument } from '../../src/runner/process.js';
import type { TraceRecord } from '../../src/core/records.js';
import { defaultPipeline } from '../helpers/docs.js';

const PROSE =
  'The council met on Tuesday evening to discuss the new budget for the town, and after a long debate the members agreed ' +
  'to spend more on schools and roads next year. Residents who came said they welcomed the decision.';

/** What asDuplicate wrote before it edited the trace's text: parsed, changed and written again. */
const parsedRewrite = (traceJson: string, fatal: object) => {
  const trace = JSON.parse(traceJson) as TraceRecord;
  return JSON.stringify({ ...trace, status: 'rejected', messages: [...trace.messages, fatal] });
};

describe('rejectedTrace', () => {
  const fatal = { severity: 'fatal', stage: 'dedupe-documents', code: 'duplicate_document', detail: 'the same article as 0123456789abcdef, accepted in this run' };

  it('writes what parsing the trace and writing it again writes, with and without messages, for tricky paths and texts', () => {
    const seen = { withMessages: 0, without: 0 };
    const paths = ['a.txt', 'dir/"quoted",\\"status":"accepted",.txt', 'x/\u2028é\ud83d\ude00.txt', 'messages":[]}.txt'];
    for (const path of paths) {
      for (const extra of ['', '\n\n"status":"accepted","messages":[]} \\', ' \u00e9\u201c\u201d']) {
        for (const bytes of [Buffer.from(`A Headline About the Budget\n\n${PROSE}${extra}\n\n${PROSE}\n`), Buffer.from(`Café budget\n\n\u00ad${PROSE}\u0007${extra}\n\n${PROSE}\n`, 'latin1')]) {
          const out = encodeOutcome(processDocument({ path, format: 'text', bytes }, defaultPipeline().stages));
          if (out.status !== 'accepted') continue;
          const article = JSON.parse(out.article!);
          seen[article.messages.length ? 'withMessages' : 'without']++;
          expect(rejectedTrace(out.trace, article, fatal)).toBe(parsedRewrite(out.trace, fatal));
          expect(asDuplicate(out.article!, out.trace, { id: '0123456789abcdef', when: 'this run' }).trace).toBe(parsedRewrite(out.trace, fatal));
        }
      }
    }
    expect(seen.withMessages).toBeGreaterThan(0);
    expect(seen.without).toBeGreaterThan(0);
  });

  it('falls back to parsing for a trace of another shape', () => {
    const trace = JSON.stringify({ path: 'a.txt', schemaVersion: 1, id: 'abc', status: 'accepted', blocks: [], messages: [] });
    expect(rejectedTrace(trace, { schemaVersion: 1, id: 'abc', source: { path: 'a.txt' } }, fatal)).toBe(parsedRewrite(trace, fatal));
  });
});
