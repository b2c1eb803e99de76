// The README is the reference for codes and commands: it must keep up with the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_REMOVAL_CODES, FAILURE_CODES, REJECTION_CODES, WARNING_CODES } from '../src/core/codes.js';
import { STAGES } from '../src/stages/index.js';
import { HtmlOptions } from '../src/stages/strip-boilerplate/content.js';
import { ErrorPageOptions } from '../src/stages/strip-boilerplate/error-page.js';
import { TextOptions } from '../src/stages/strip-boilerplate/text-content.js';

const STAGE_LIST = Object.values(STAGES);

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pipeline = JSON.parse(readFileSync(new URL('../pipelines/news.json', import.meta.url), 'utf8'));
const strip = pipeline.stages.find((s: { stage: string }) => s.stage === 'strip-boilerplate').options;

describe('README', () => {
  it('gives the set-up-and-run command and the test command on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm test');
  });

  it('documents every option of every stage', () => {
    const nested = [HtmlOptions, TextOptions, ErrorPageOptions].flatMap((o) => Object.keys(o.parse({})));
    const options = [...STAGE_LIST.flatMap((stage) => Object.keys(stage.options.parse({}) as object)), ...nested];
    const missing = options.filter((o) => !['compiledRules', 'errorPatterns'].includes(o) && !readme.includes(`\`${o}\``));
    expect(missing).toEqual([]);
  });

  it.each([
    ['rejection', Object.keys(REJECTION_CODES)],
    ['failure', Object.keys(FAILURE_CODES)],
    ['warning', Object.keys(WARNING_CODES)],
    ['built-in removal', Object.keys(BUILTIN_REMOVAL_CODES)],
    ['default drop-tag', Object.values(HtmlOptions.parse({}).dropTags)],
    ['pipeline rule', strip.rules.map((r: { id: string }) => r.id)],
    ['pipeline class', strip.html.boilerplateClasses.map((c: { code: string }) => c.code)],
  ])('lists every %s code', (_, codes) => {
    const missing = (codes as string[]).filter((c) => !readme.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });
});
