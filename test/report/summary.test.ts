// The report's counts from the trace agree with report.json, which the runner counts on its own.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esc, jsonForScript } from '../../src/report/page.js';
import { traceWordCounts } from '../../src/core/article.js';
import { readSummary, summarizeOutput } from '../../src/report/build.js';
import { countDocument } from '../../src/report/summary.js';
import { processDocument } from '../../src/runner/process.js';
import { defaultPipeline } from '../helpers/docs.js';
import { cli, ROOT, SAMPLES, tempDir } from '../cli/helpers.js';

describe('summarizeOutput', () => {
  it('counts every rule and site as report.json does, and words kept plus removed add up', async () => {
    const base = tempDir('report-summary');
    const input = join(base, 'in');
    cpSync(SAMPLES, join(input, 'samples'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/benchmark/html'), join(input, 'benchmark'), { recursive: true });
    const out = join(base, 'out');
    expect(cli(['run', input, '--out', out]).code).toBe(0);
    const { report, stats } = await summarizeOutput(out);
    expect(stats.documents).toBe(report.read - report.skipped);
    const blocks = Object.fromEntries(Object.entries(stats.rules).map(([rule, r]) => [rule, r.blocks]));
    const expected = Object.fromEntries(Object.entries(report.removed).flatMap(([stage, codes]) => Object.entries(codes).map(([code, n]) => [`${stage}/${code}`, n])));
    expect(blocks).toEqual(expected);
    for (const [site, s] of Object.entries(stats.sites)) {
      const r = report.sites[site]!;
      expect({ accepted: s.accepted, rejected: s.rejected, failed: s.failed }, site).toEqual({ accepted: r.accepted, rejected: r.rejected, failed: r.failed });
    }
    const words = Object.values(stats.sites).reduce((n, s) => n + s.words, 0);
    const removed = Object.values(stats.rules).reduce((n, r) => n + r.words, 0);
    expect(words).toBe(stats.words);
    expect(removed).toBe(stats.removedWords);
    expect(removed).toBeGreaterThan(0);
    expect(removed).toBeLessThan(words);
  });

  it('reads a summary saved under schema version 1 (same report format) to compare with, and refuses another', async () => {
    const base = tempDir('report-summary-v1');
    const out = join(base, 'out');
    expect(cli(['run', SAMPLES, '--out', out, '--progress', '0']).code).toBe(0);
    const summary = await summarizeOutput(out);
    const file = join(base, 'summary.json');
    writeFileSync(file, JSON.stringify({ ...summary, report: { ...summary.report, schemaVersion: 1 } }));
    expect(await readSummary(file)).toEqual(summary);
    writeFileSync(file, JSON.stringify({ ...summary, report: { ...summary.report, schemaVersion: 99 } }));
    await expect(readSummary(file)).rejects.toThrow(/is not a newsclean run summary: report\.schemaVersion/);
  });
});

describe('countDocument', () => {
  it('counts a trace the stages just made from its blocks\' word counts, as it counts the same trace read back', () => {
    const { stages } = defaultPipeline();
    let blocks = 0;
    for (const f of readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' }).filter((n) => /\.(txt|html)$/.test(n))) {
      const o = processDocument({ path: f, format: f.endsWith('.html') ? 'html' : 'text', bytes: readFileSync(join(SAMPLES, f)) }, stages);
      expect(traceWordCounts(o.trace)).toHaveLength(o.trace.blocks.length);
      const readBack = JSON.parse(JSON.stringify(o.trace)) as typeof o.trace;
      expect(traceWordCounts(readBack)).toBeUndefined();
      expect(countDocument(o.trace), f).toEqual(countDocument(readBack));
      blocks += o.trace.blocks.length;
    }
    expect(blocks).toBeGreaterThan(50);
  });
});

describe('the page escapes', () => {
  it('markup in text and attributes, and </script> or <!-- in the inline JSON', () => {
    expect(esc(`"><img src=x onerror=alert(1)>'&`)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;');
    const json = jsonForScript({ site: '</script><script>alert(1)</script><!--', line: '\u2028' });
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ site: '</script><script>alert(1)</script><!--', line: '\u2028' });
  });
});
