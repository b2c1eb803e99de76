// Counts keyed by data (rule ids, codes, folder names, hosts) through the built command line: names that are
// also members of Object.prototype (`constructor`, `__proto__`, `toString`) count like any other name.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, Report } from '../../src/core/records.js';
import { cli, readLines, ROOT, tempDir } from './helpers.js';

const PROSE =
  'The council met on Tuesday evening to discuss the new budget for the town, and after a long debate the members agreed to spend more on schools and roads next year.';
const MORE =
  'Residents who came to the meeting said they welcomed the decision, though several asked how the plan would be paid for without raising local taxes again.';

/** A text article (its own, by `name`: the same text twice is a duplicate) with one marker line that the pipeline's extra rule removes. */
const article = (marker: string, name: string) =>
  `A Headline About the Town Budget\n\n${PROSE} This report is about ${name}.\n\n${marker}\n\n${MORE}\n`;

/** The default pipeline with one more phrase rule, first, removing the line `marker`. */
const pipelineWithRule = (file: string, id: string, marker: string): string => {
  const base = JSON.parse(readFileSync(join(ROOT, 'pipelines', 'news.json'), 'utf8')) as {
    stages: { stage: string; options: { rules?: unknown[] } }[];
  };
  const strip = base.stages.find((s) => s.stage === 'strip-boilerplate')!;
  strip.options.rules = [{ id, description: 'a marker line', match: `^${marker}$` }, ...(strip.options.rules ?? [])];
  writeFileSync(file, JSON.stringify(base));
  return file;
};

describe('a strip-boilerplate rule whose id is `constructor`, over folders named like prototype members', () => {
  let report: Report;
  let run: ReturnType<typeof cli>;
  let out: string;
  beforeAll(() => {
    const base = tempDir('counts');
    const input = join(base, 'in');
    // Folders are sites when documents have no URL: `constructor`, `__proto__` and `toString` are sites too.
    for (const [folder, n] of [['constructor', 2], ['__proto__', 3], ['toString', 1]] as const) {
      mkdirSync(join(input, folder), { recursive: true });
      for (let i = 0; i < n; i++) writeFileSync(join(input, folder, `story-${i}.txt`), article('ZZ MARKER LINE', `${folder} ${'i'.repeat(i + 1)}`));
    }
    writeFileSync(join(input, 'top.txt'), article('ZZ MARKER LINE', 'the top'));
    writeFileSync(join(input, '__proto__', 'short.txt'), 'Too short.\n');
    out = join(base, 'out');
    run = cli(['run', input, '--out', out, '--pipeline', pipelineWithRule(join(base, 'p.json'), 'constructor', 'zz marker line')]);
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  });

  it('runs to the end and counts the rule like any other', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ read: 8, accepted: 7, rejected: 1, failed: 0, skipped: 0 });
    expect(report.removed['strip-boilerplate']).toEqual({ constructor: 7, headline: 7 });
    for (const a of readLines<ArticleRecord>(join(out, 'articles.jsonl'))) {
      expect(a.removed['strip-boilerplate']).toEqual({ constructor: 1, headline: 1 });
      expect(a.body).not.toContain('ZZ MARKER');
    }
  });

  it('counts each folder as a site, `__proto__` included, sorted by name', () => {
    expect(Object.keys(report.sites)).toEqual(['(top)', '__proto__', 'constructor', 'toString']);
    expect(Object.hasOwn(report.sites, '__proto__')).toBe(true);
    expect(report.sites['__proto__']).toEqual({ accepted: 3, rejected: 1, failed: 0, rejectedByCode: { too_short: 1 } });
    expect(report.sites['constructor']).toEqual({ accepted: 2, rejected: 0, failed: 0, rejectedByCode: {} });
    expect(report.sites['toString']).toEqual({ accepted: 1, rejected: 0, failed: 0, rejectedByCode: {} });
    expect(report.sites['(top)']).toEqual({ accepted: 1, rejected: 0, failed: 0, rejectedByCode: {} });
  });

  it('reports the milliseconds spent in each stage, in pipeline order', () => {
    expect(Object.keys(report.stageMs)).toEqual(['decode', 'anatomy', 'strip-boilerplate', 'dedupe-paragraphs', 'extract-metadata', 'validate']);
    for (const ms of Object.values(report.stageMs)) expect(Number.isInteger(ms) && ms >= 0).toBe(true);
  });

  it('refuses `__proto__` as a rule id with the pipeline error, before any output (rule ids are snake_case)', () => {
    const base = tempDir('counts-proto');
    mkdirSync(join(base, 'in'));
    writeFileSync(join(base, 'in', 'a.txt'), article('ZZ MARKER LINE', 'a'));
    const r = cli(['run', join(base, 'in'), '--out', join(base, 'out'), '--pipeline', pipelineWithRule(join(base, 'p.json'), '__proto__', 'zz marker line')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\.0\.id: rule ids are snake_case/);
  });
});

describe('per-site counts from URLs', () => {
  it('uses the host of the URL a document was fetched from, lowercased, without www.', () => {
    const base = tempDir('sites');
    const input = join(base, 'in');
    mkdirSync(join(input, 'crawl'), { recursive: true });
    const sites: Array<[string, string | null]> = [
      ['a', 'https://WWW.Example.COM/news/1'],
      ['b', 'http://example.com:8080/2'],
      ['c', 'https://news.example.org/3'],
      ['d', 'http://constructor/4'],
      ['e', 'not a url'],
      ['f', null],
    ];
    for (const [name, url] of sites) {
      writeFileSync(join(input, 'crawl', `${name}.txt`), article('ZZ MARKER LINE', `page ${name}`));
      if (url) writeFileSync(join(input, 'crawl', `${name}.txt.json`), JSON.stringify({ url }));
    }
    const out = join(base, 'out');
    const r = cli(['run', input, '--out', out]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const accepted = Object.fromEntries(Object.entries(report.sites).map(([site, c]) => [site, c.accepted]));
    // e's URL cannot be parsed and f has none: their folder is their site.
    expect(accepted).toEqual({ constructor: 1, crawl: 2, 'example.com': 2, 'news.example.org': 1 });
  });
});
