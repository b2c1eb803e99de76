import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindPipeline, DEFAULT_PIPELINE, loadPipeline, PipelineError, readPipelineFile } from '../../src/runner/pipeline.js';
import { STAGE_ORDER, STAGES } from '../../src/stages/index.js';

const base = () => readPipelineFile(DEFAULT_PIPELINE) as { stages: Array<{ stage: string; options: any }> };

describe('pipeline files', () => {
  it('loads the default pipeline: six stages in order, with limits', () => {
    const p = loadPipeline(DEFAULT_PIPELINE);
    expect(p.stages.map((s) => s.name)).toEqual(['decode', 'anatomy', 'strip-boilerplate', 'dedupe-paragraphs', 'extract-metadata', 'validate']);
    expect(p.limits).toEqual({ maxInputBytes: 20_000_000, timeoutMs: 10_000 });
  });

  it('gives every option a default, so an empty options object works', () => {
    const p = bindPipeline({ name: 'bare', stages: ['decode', 'anatomy', 'strip-boilerplate', 'dedupe-paragraphs', 'extract-metadata', 'validate'].map((stage) => ({ stage })) });
    expect(p.stages).toHaveLength(6);
  });

  it.each([
    ['an unknown stage', (d: any) => d.stages.splice(5, 0, { stage: 'translate' }), /stages\.5\.stage: unknown stage "translate"/],
    ['a pipeline that does not start with decode', (d: any) => d.stages.reverse(), /stages\.0\.stage: the first stage must be "decode", not "validate"/],
    ['a pipeline that does not end with validate', (d: any) => d.stages.pop(), /stages\.4\.stage: the last stage must be "validate", not "extract-metadata"/],
    ['a stage named like an object property', (d: any) => d.stages.splice(5, 0, { stage: 'constructor' }), /stages\.5\.stage: unknown stage "constructor"/],
    ['a stage named twice', (d: any) => d.stages.splice(3, 0, { stage: 'dedupe-paragraphs' }), /stages\.4\.stage: "dedupe-paragraphs" appears twice/],
    ['a bad regular expression in a rule', (d: any) => (d.stages[2].options.rules[0].match = '(unclosed'), /stages\.2 \(strip-boilerplate\) options: rules\.0\.match: not a valid regular expression/],
    ['a bad error-page pattern', (d: any) => (d.stages[2].options.errorPage.patterns[0] = '[z-a]'), /errorPage\.patterns\.0: not a valid regular expression/],
    ['an unknown option', (d: any) => (d.stages[5].options.minWrods = 3), /stages\.5 \(validate\) options/],
    ['a rule id that is not snake_case', (d: any) => (d.stages[2].options.rules[0].id = 'Legal Disclaimer'), /rules\.0\.id: rule ids are snake_case/],
  ])('refuses %s with a one-line message naming where', (_, mutate, message) => {
    const data = base();
    mutate(data);
    const run = () => bindPipeline(data, 'x.json');
    expect(run).toThrow(PipelineError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('knows the order of every stage, and only of stages it has', () => {
    expect([...STAGE_ORDER].sort()).toEqual(Object.keys(STAGES).sort());
  });

  it.each([
    [['decode', 'anatomy', 'extract-metadata', 'strip-boilerplate', 'validate'], 3, 'strip-boilerplate', 'extract-metadata'],
    [['decode', 'anatomy', 'strip-boilerplate', 'extract-metadata', 'dedupe-paragraphs', 'validate'], 4, 'dedupe-paragraphs', 'extract-metadata'],
    [['decode', 'anatomy', 'dedupe-paragraphs', 'strip-boilerplate', 'extract-metadata', 'validate'], 3, 'strip-boilerplate', 'dedupe-paragraphs'],
    [['decode', 'strip-boilerplate', 'anatomy', 'validate'], 2, 'anatomy', 'strip-boilerplate'],
  ])('refuses stages out of order (%j): one line naming the expected order and where it breaks', (names, at, stage, after) => {
    const run = () => bindPipeline({ name: 'x', stages: names.map((s) => ({ stage: s })) }, 'x.json');
    expect(run).toThrow(PipelineError);
    expect(run).toThrow(
      `x.json: stages.${at}.stage: "${stage}" cannot run after "${after}" (order: decode, anatomy, strip-boilerplate, dedupe-paragraphs, extract-metadata, validate)`,
    );
  });

  it.each([
    [['decode', 'validate']],
    [['decode', 'anatomy', 'validate']],
    [['decode', 'anatomy', 'strip-boilerplate', 'validate']],
    [['decode', 'dedupe-paragraphs', 'validate']],
    [['decode', 'anatomy', 'extract-metadata', 'validate']],
    [['decode', 'anatomy', 'strip-boilerplate', 'extract-metadata', 'validate']],
    [['decode', 'anatomy', 'dedupe-paragraphs', 'extract-metadata', 'validate']],
  ])('accepts any of the middle stages left out, the others in order (%j)', (names) => {
    expect(bindPipeline({ name: 'x', stages: names.map((stage) => ({ stage })) }).stages.map((s) => s.name)).toEqual(names);
  });

  it.each([
    [['decode', 'strip-boilerplate', 'validate'], 1, 'strip-boilerplate'],
    [['decode', 'dedupe-paragraphs', 'extract-metadata', 'validate'], 2, 'extract-metadata'],
  ])('refuses a stage that reads roles without anatomy before it (%j)', (names, at, stage) => {
    expect(() => bindPipeline({ name: 'x', stages: names.map((s) => ({ stage: s })) }, 'x.json')).toThrow(
      `x.json: stages.${at}.stage: "${stage}" reads the roles "anatomy" marks: list { "stage": "anatomy" } after "decode"`,
    );
  });
});

describe('limits', () => {
  const withLimits = (limits: Record<string, unknown>) => ({ ...base(), limits });

  it('accepts a time limit up to the longest timer Node.js has (2147483647 ms)', () => {
    expect(bindPipeline(withLimits({ timeoutMs: 2_147_483_647 })).limits.timeoutMs).toBe(2_147_483_647);
  });

  it.each([2_147_483_648, 1e12, 2 ** 52])('refuses limits.timeoutMs %d, which Node.js would cut to 1 ms, in one line', (timeoutMs) => {
    const run = () => bindPipeline(withLimits({ timeoutMs }), 'x.json');
    expect(run).toThrow(PipelineError);
    expect(run).toThrow(/^x\.json: limits\.timeoutMs: at most 2147483647 ms \(about 24\.8 days\), the longest timer Node\.js has$/);
  });

  it.each([0, -5, 1.5])('refuses limits.timeoutMs %d', (timeoutMs) => {
    expect(() => bindPipeline(withLimits({ timeoutMs }), 'x.json')).toThrow(/^x\.json: limits\.timeoutMs: /);
  });
});

describe('a pipeline file that extends another', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsclean-extends-'));
  const write = (name: string, data: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(data));
    return join(dir, name);
  };

  it('lays its options onto the base: objects merged, arrays appended, values replaced', () => {
    const base = write('base.json', { name: 'base', limits: { maxInputBytes: 1000 }, stages: [{ stage: 'decode', options: { dropSelectors: ['aside'], skipHidden: true } }, { stage: 'validate', options: { minWords: 50 } }] });
    const child = write('child.json', { name: 'child', extends: 'base.json', limits: { timeoutMs: 5000 }, stages: [{ stage: 'decode', options: { dropSelectors: ['.promo'] } }, { stage: 'validate', options: { minWords: 10 } }] });
    expect(readPipelineFile(child)).toEqual({
      name: 'child',
      limits: { maxInputBytes: 1000, timeoutMs: 5000 },
      stages: [
        { stage: 'decode', options: { dropSelectors: ['aside', '.promo'], skipHidden: true } },
        { stage: 'validate', options: { minWords: 10 } },
      ],
    });
    expect(readPipelineFile(base)).toMatchObject({ name: 'base' });
    expect(loadPipeline(child).stageOptions.validate).toMatchObject({ minWords: 10 });
  });

  it('cannot add a stage, and says so; nor extend itself in a cycle', () => {
    write('base2.json', { name: 'b', stages: [{ stage: 'decode' }, { stage: 'validate' }] });
    const adds = write('adds.json', { name: 'c', extends: 'base2.json', stages: [{ stage: 'strip-boilerplate', options: {} }] });
    expect(() => readPipelineFile(adds)).toThrow(/"strip-boilerplate" is not a stage of .*base2\.json, which it extends/);
    write('a.json', { name: 'a', extends: 'b.json', stages: [] });
    const b = write('b.json', { name: 'b', extends: 'a.json', stages: [] });
    expect(() => readPipelineFile(b)).toThrow(PipelineError);
    expect(() => readPipelineFile(b)).toThrow(/"extends" makes a cycle/);
    const missing = write('missing.json', { name: 'm', extends: 'nowhere.json', stages: [] });
    expect(() => readPipelineFile(missing)).toThrow(/cannot read pipeline file .*nowhere\.json: ENOENT/);
  });
});
