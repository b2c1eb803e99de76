import { describe, expect, it } from 'vitest';
import { bindPipeline, DEFAULT_PIPELINE, loadPipeline, PipelineError, readPipelineFile } from '../../src/runner/pipeline.js';

const base = () => readPipelineFile(DEFAULT_PIPELINE) as { stages: Array<{ stage: string; options: any }> };

describe('pipeline files', () => {
  it('loads the default pipeline: five stages in order, with limits', () => {
    const p = loadPipeline(DEFAULT_PIPELINE);
    expect(p.stages.map((s) => s.name)).toEqual(['decode', 'strip-boilerplate', 'dedupe-paragraphs', 'extract-metadata', 'validate']);
    expect(p.limits).toEqual({ maxInputBytes: 20_000_000, timeoutMs: 10_000 });
  });

  it('gives every option a default, so an empty options object works', () => {
    const p = bindPipeline({ name: 'bare', stages: ['decode', 'strip-boilerplate', 'dedupe-paragraphs', 'extract-metadata', 'validate'].map((stage) => ({ stage })) });
    expect(p.stages).toHaveLength(5);
  });

  it.each([
    ['an unknown stage', (d: any) => d.stages.splice(4, 0, { stage: 'translate' }), /stages\.4\.stage: unknown stage "translate"/],
    ['a pipeline that does not start with decode', (d: any) => d.stages.reverse(), /stages\.0\.stage: the first stage must be "decode", not "validate"/],
    ['a pipeline that does not end with validate', (d: any) => d.stages.pop(), /stages\.3\.stage: the last stage must be "validate", not "extract-metadata"/],
    ['a stage named twice', (d: any) => d.stages.splice(2, 0, { stage: 'dedupe-paragraphs' }), /stages\.3\.stage: "dedupe-paragraphs" appears twice/],
    ['a bad regular expression in a rule', (d: any) => (d.stages[1].options.rules[0].match = '(unclosed'), /stages\.1 \(strip-boilerplate\) options: rules\.0\.match: not a valid regular expression/],
    ['a bad error-page pattern', (d: any) => (d.stages[1].options.errorPage.patterns[0] = '[z-a]'), /errorPage\.patterns\.0: not a valid regular expression/],
    ['an unknown option', (d: any) => (d.stages[4].options.minWrods = 3), /stages\.4 \(validate\) options/],
    ['a rule id that is not snake_case', (d: any) => (d.stages[1].options.rules[0].id = 'Legal Disclaimer'), /rules\.0\.id: rule ids are snake_case/],
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
});
