// pipelines/examples/: the pipelines people copy, each run on what it was written for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scorePage, pagePrecision } from '../../src/eval/body.js';
import { cleanDocument } from '../../src/runner/clean.js';
import { DEFAULT_PIPELINE, loadPipeline, readPipelineFile } from '../../src/runner/pipeline.js';
import { ROOT } from '../cli/helpers.js';

const example = (name: string) => join(ROOT, 'pipelines', 'examples', `${name}.json`);
const truth = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/benchmark/truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
const ascom = (key: string) => ({
  bytes: gunzipSync(readFileSync(join(ROOT, 'test/fixtures/publisher-ascom', `${key}.html.gz`))),
  truth: truth[key]!.articleBody,
});

const PAGES = ['5ae11e580afc12d3ba1a12944281e6a7a5dded5c98b4efcf24aedcb28f0d5b22', 'c69e539d689a8335a69042727f1b58edab09d5d99fb607ec625a63151a537dc2'];

describe('pipelines/examples/publisher-ascom.json', () => {
  it.each(PAGES.map((k, i) => [i === 0 ? 'the page it was written for' : 'another page of the site', k]))('on %s: the company profile goes, the release stays whole', (_, key) => {
    const { bytes, truth: body } = ascom(key);
    const base = cleanDocument(bytes, { path: `${key}.html` });
    const withRule = cleanDocument(bytes, { path: `${key}.html`, pipeline: example('publisher-ascom') });
    expect(base.status).toBe('accepted');
    expect(withRule.status).toBe('accepted');
    if (base.status !== 'accepted' || withRule.status !== 'accepted') return;
    expect(base.article.body).toMatch(/Ascom is headquartered in Baar/);
    expect(withRule.article.body).not.toMatch(/Ascom is (a global solutions provider focused|headquartered in Baar)/);
    const before = scorePage(body, base.article.body);
    const after = scorePage(body, withRule.article.body);
    expect(after.fn).toBe(before.fn);
    expect(pagePrecision(after)!).toBeGreaterThan(pagePrecision(before)! + 0.1);
  });

  it('extends news.json: every rule of it, plus its own', () => {
    const rules = (data: unknown) => ((data as { stages: Array<{ stage: string; options: { rules?: Array<{ id: string }> } }> }).stages.find((s) => s.stage === 'strip-boilerplate')!.options.rules ?? []).map((r) => r.id);
    const base = rules(readPipelineFile(DEFAULT_PIPELINE));
    expect(rules(readPipelineFile(example('publisher-ascom')))).toEqual([...base, 'ascom_company_profile']);
    expect(loadPipeline(example('publisher-ascom')).name).toBe('news-ascom');
  });
});

describe('pipelines/examples/strict.json and lenient.json', () => {
  const brief = 'Brief\n\nThe harbour bridge will close for repairs on Monday and Tuesday nights, the city council said.\n';
  const short = `Ferry terminal plan approved\n\n${'The council approved the plan for the new ferry terminal after a long debate about its cost and its design. '.repeat(5)}\n`;

  it('lenient accepts a 16-word brief that news.json rejects as too_short', () => {
    expect(cleanDocument(brief)).toMatchObject({ status: 'rejected', rejected: { code: 'too_short' } });
    expect(cleanDocument(brief, { pipeline: example('lenient') }).status).toBe('accepted');
    expect(loadPipeline(example('lenient')).limits).toEqual({ maxInputBytes: 50_000_000, timeoutMs: 30_000 });
  });

  it('strict rejects as too_short an article of about 100 words that news.json accepts', () => {
    expect(cleanDocument(short).status).toBe('accepted');
    expect(cleanDocument(short, { pipeline: example('strict') })).toMatchObject({ status: 'rejected', rejected: { code: 'too_short' } });
  });
});
