import { describe, expect, it } from 'vitest';
import { removalCounts } from '../../src/core/article.js';
import { encodeOutcome } from '../../src/runner/encoded.js';
import { siteKey } from '../../src/core/site.js';
import { processDocument, unprocessed, WARMUP_INPUTS } from '../../src/runner/process.js';
import type { Doc } from '../../src/core/doc.js';
import type { BoundStage } from '../../src/core/stage.js';
import { defaultPipeline, docFromText } from '../helpers/docs.js';

const ARTICLE = `A Headline About the Town Budget

The council met on Tuesday evening to discuss the new budget for the town, and after a long debate the members agreed to spend more on schools and roads next year.

Residents who came to the meeting said they welcomed the decision, though several asked how the plan would be paid for without raising local taxes again.
`;

describe('siteKey', () => {
  it('is the host of the first URL that has one, lowercased, without www.', () => {
    expect(siteKey(['https://WWW.Example.COM:8080/a?b#c'], 'x/y.html')).toBe('example.com');
    expect(siteKey([null, 'https://news.example.org/1'], 'x/y.html')).toBe('news.example.org');
    expect(siteKey(['https://a.example/1', 'https://b.example/1'], 'y.html')).toBe('a.example');
    expect(siteKey(['http://constructor/'], 'y.html')).toBe('constructor');
  });

  it('without a usable URL, is the first folder of the path, or (top) at the root', () => {
    expect(siteKey([undefined, null], 'news/2024/story.html')).toBe('news');
    expect(siteKey(['not a url', 'file:///tmp/a.html', 'http://www./'], 'blogs/crawl.warc.gz#3')).toBe('blogs');
    expect(siteKey([], 'story.html')).toBe('(top)');
    expect(siteKey([], 'crawl.warc.gz#17')).toBe('(top)');
    expect(siteKey([], '__proto__/a.txt')).toBe('__proto__');
  });
});

describe('processDocument', () => {
  const { stages } = defaultPipeline();

  it('measures each stage that ran, in order, and names the site', () => {
    const o = processDocument({ path: 'local/a.txt', format: 'text', bytes: Buffer.from(ARTICLE), url: 'https://www.town.example/budget' }, stages);
    expect(o.status).toBe('accepted');
    expect(o.site).toBe('town.example');
    expect(Object.keys(o.stageMs)).toEqual(stages.map((s) => s.name));
    for (const ms of Object.values(o.stageMs)) expect(ms).toBeGreaterThanOrEqual(0);
    const e = encodeOutcome(o);
    expect(e).toMatchObject({ site: 'town.example', stageMs: o.stageMs });
  });

  it('measures only the stages a rejected document went through', () => {
    const o = processDocument({ path: 'empty.txt', format: 'text', bytes: Buffer.from('') }, stages);
    expect(o.status).toBe('rejected');
    expect(Object.keys(o.stageMs)).toEqual(['decode']);
    expect(o.site).toBe('(top)');
  });

  it('gives a document that never reached the stages no stage time, and still a site', () => {
    const o = unprocessed({ path: 'feeds/big.html', format: 'html', bytes: null, size: 9, url: 'http://Big.Example/x' }, 'read', 'input_too_large', 'too big');
    expect(o).toMatchObject({ status: 'rejected', site: 'big.example', stageMs: {} });
  });

  it('a stage that throws is timed too, and counted as internal_error (not a failure code by prototype)', () => {
    const boom: BoundStage = { name: 'boom', run: () => { throw new Error('x'); } } as unknown as BoundStage;
    const o = processDocument({ path: 'a.txt', format: 'text', bytes: Buffer.from(ARTICLE) }, [stages[0]!, boom]);
    expect(o).toMatchObject({ status: 'failed' });
    expect(Object.keys(o.stageMs)).toEqual(['decode', 'boom']);
    const rejecting: BoundStage = {
      name: 'reject',
      run: (d: Parameters<BoundStage['run']>[0]) => (d.messages.push({ severity: 'fatal', stage: 'reject', code: 'constructor', detail: '' }), d),
    } as unknown as BoundStage;
    // `constructor` is not one of the failure codes, though `'constructor' in {}` is true.
    expect(processDocument({ path: 'a.txt', format: 'text', bytes: Buffer.from(ARTICLE) }, [stages[0]!, rejecting]).status).toBe('rejected');
  });
});

describe('removalCounts', () => {
  it('counts codes named like Object.prototype members as own keys', () => {
    const doc = docFromText('');
    const codes = ['constructor', '__proto__', 'constructor', 'toString'];
    doc.blocks = codes.map((code, i) => ({ kind: 'paragraph', text: code, removed: { stage: i === 3 ? '__proto__' : 'strip-boilerplate', code } }) as Doc['blocks'][number]);
    const counts = removalCounts(doc);
    expect(JSON.stringify(counts)).toBe('{"strip-boilerplate":{"constructor":2,"__proto__":1},"__proto__":{"toString":1}}');
  });
});

describe('the warm-up documents a worker runs before it is ready', () => {
  it('go through every stage of the default pipeline, HTML with charset detection and text', () => {
    const { stages } = defaultPipeline();
    expect(WARMUP_INPUTS.map((i) => i.format)).toEqual(['html', 'text']);
    for (const input of WARMUP_INPUTS) {
      const o = processDocument(input, stages);
      expect(o.status).toBe('accepted');
      expect(Object.keys(o.stageMs)).toEqual(stages.map((s) => s.name));
    }
    const html = processDocument(WARMUP_INPUTS[0]!, stages);
    expect(html.status === 'accepted' && html.article.source.encodingSource).toBe('detected');
  });
});
