// The report after a run is built from the lines its workers made for each document (report/document.ts), rewritten
// by the cross-document step where it changed a document: it must be the report the records themselves give.
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectedRecord } from '../../src/core/records.js';
import { writeRunReport } from '../../src/report/after-run.js';
import { buildReport, ReportLinesError } from '../../src/report/build.js';
import { reportLine } from '../../src/report/document.js';
import { cli, readLines, readTraces, ROOT, SAMPLES, tempDir } from '../cli/helpers.js';

/**
 * report.html and report-data/ of a folder, the build's random key replaced, and the page's script and its hash
 * left out: the run's page has the built script, the one built here the test runner's transform of it.
 */
const built = (out: string) => {
  const dir = join(out, 'report-data');
  const key = readdirSync(dir).find((f) => f.startsWith('index-'))!.slice(6, -3);
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f.replace(key, 'KEY'), readFileSync(join(dir, f), 'utf8').replaceAll(key, 'KEY')]));
  const html = readFileSync(join(out, 'report.html'), 'utf8')
    .replaceAll(key, 'KEY')
    .replace(/<script>\(function reportClient[\s\S]*?<\/script>/, '<script>CLIENT</script>')
    .replace(/sha256-[A-Za-z0-9+/=]+/g, 'HASH');
  return { files, html };
};

/** The run's own report, then the same folder's report built again from its records. */
const bothReports = async (out: string) => {
  const fromLines = built(out);
  await buildReport(out, { previous: null });
  return { fromLines, fromRecords: built(out) };
};

const truth = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/benchmark/truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
const ids = Object.keys(truth).sort();
/** A line every page of the site repeats (from a stored text dump): the cross-document step takes it out. */
const TEASER = '2 US service members die in Afghanistan chopper crash';

/** site/: 6 articles ending with the site's line, a copy of one, and a page too short without that line. */
const corpus = (base: string): string => {
  const input = join(base, 'in');
  mkdirSync(join(input, 'site'), { recursive: true });
  for (let i = 0; i < 6; i++) writeFileSync(join(input, 'site', `p${i}.txt`), `${truth[ids[i]!]!.articleBody}\n\n${TEASER}\n`);
  copyFileSync(join(input, 'site', 'p1.txt'), join(input, 'site', 'z-copy.txt'));
  const short = truth[ids[10]!]!.articleBody.split(/\s+/).slice(0, 15).join(' ');
  writeFileSync(join(input, 'site', 'q-short.txt'), `${short}\n\n${TEASER}\n`);
  return input;
};

describe('the report after a run', () => {
  it('is the report its records give, for the samples', async () => {
    const base = tempDir('report-lines-samples');
    cpSync(SAMPLES, join(base, 'in'), { recursive: true });
    const out = join(base, 'out');
    expect(cli(['run', join(base, 'in'), '--out', out, '--progress', '0']).code).toBe(0);
    const { fromLines, fromRecords } = await bothReports(out);
    expect(fromLines).toEqual(fromRecords);
    // Its lines are gone with the run: nothing but the outputs is left in the folder.
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('from lines that do not account for every document, is built from the records instead, with a warning', async () => {
    const base = tempDir('report-lines-short');
    cpSync(SAMPLES, join(base, 'in'), { recursive: true });
    const out = join(base, 'out');
    expect(cli(['run', join(base, 'in'), '--out', out, '--progress', '0']).code).toBe(0);
    const { fromRecords } = await bothReports(out);
    const articles = readLines<ArticleRecord>(join(out, 'articles.jsonl'));
    const rejected = readLines<RejectedRecord>(join(out, 'rejected.jsonl'));
    const lines = readTraces(out).map((t) => reportLine(t, t.status === 'accepted' ? articles.shift()! : rejected.shift()!));
    const file = join(base, 'lines.jsonl');
    writeFileSync(file, lines.slice(1).map((l) => `${l}\n`).join(''));
    await expect(buildReport(out, { previous: null, lines: file })).rejects.toThrow(ReportLinesError);
    const warnings: string[] = [];
    await writeRunReport(out, null, (m) => warnings.push(m), file);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`has ${lines.length - 1} documents, the run processed ${lines.length}: report.html is built from the records instead`))]);
    expect(built(out)).toEqual(fromRecords);
    // The lines were the run's to remove.
    expect(readdirSync(base)).not.toContain('lines.jsonl');
  });

  it('is the report its records give where the cross-document step removed recurring lines and rejected a copy', async () => {
    const base = tempDir('report-lines-cross');
    const input = corpus(base);
    const out = join(base, 'out');
    expect(cli(['run', input, '--out', out, '--progress', '0']).code).toBe(0);
    const traces = readLines<{ path: string; status: string; blocks: Array<{ removed: { code: string } | null }> }>(join(out, 'trace.jsonl'));
    const byPath = Object.fromEntries(traces.map((t) => [t.path, t]));
    // The cases this test is for: lines removed by the step, a copy rejected by it, a page it made too short.
    expect(byPath['site/p0.txt']!.blocks.some((b) => b.removed?.code === 'recurring_line')).toBe(true);
    expect(byPath['site/z-copy.txt']!.status).toBe('rejected');
    const rejected = readLines<{ source: { path: string }; code: string }>(join(out, 'rejected.jsonl'));
    expect(rejected.find((r) => r.source.path === 'site/q-short.txt')?.code).toBe('too_short');
    const { fromLines, fromRecords } = await bothReports(out);
    expect(fromLines).toEqual(fromRecords);
  });

  it('is the report its records give when duplicates are decided as the run writes (recurring lines off)', async () => {
    const base = tempDir('report-lines-inline');
    const input = corpus(base);
    const pipeline = join(base, 'pipeline.json');
    writeFileSync(pipeline, JSON.stringify({ extends: join(ROOT, 'pipelines/news.json'), name: 'news', crossDocument: { recurringLines: null } }));
    const out = join(base, 'out');
    expect(cli(['run', input, '--out', out, '--pipeline', pipeline, '--progress', '0']).code).toBe(0);
    expect(readLines<{ path: string; status: string }>(join(out, 'trace.jsonl')).find((t) => t.path === 'site/z-copy.txt')!.status).toBe('rejected');
    const { fromLines, fromRecords } = await bothReports(out);
    expect(fromLines).toEqual(fromRecords);
  });
});
