// The trusted summary (the report after a run) is the one a schema-checked read gives.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, summarizeOutput } from '../../src/report/build.js';
import { cli, SAMPLES, tempDir } from '../cli/helpers.js';

describe('the report after a run (trusted records)', () => {
  const base = tempDir('report-trusted');
  const out = join(base, 'out');
  cpSync(SAMPLES, join(base, 'in'), { recursive: true });
  expect(cli(['run', join(base, 'in'), '--out', out]).code).toBe(0);

  /** report.html and report-data/, the build's random key replaced. */
  const built = () => {
    const dir = join(out, 'report-data');
    const key = readdirSync(dir).find((f) => f.startsWith('index-'))!.slice(6, -3);
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f.replace(key, 'KEY'), readFileSync(join(dir, f), 'utf8').replaceAll(key, 'KEY')]));
    return { files, html: readFileSync(join(out, 'report.html'), 'utf8').replaceAll(key, 'KEY') };
  };

  it('summarizes and builds the same report as a schema-checked read', async () => {
    expect(await summarizeOutput(out, { trusted: true })).toEqual(await summarizeOutput(out));
    await buildReport(out, { previous: null });
    const checked = built();
    await buildReport(out, { previous: null, trusted: true });
    expect(built()).toEqual(checked);
  });

  it('still says a record is not one, or that the outputs do not agree', async () => {
    const trace = join(out, 'trace.jsonl');
    const lines = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    const first = JSON.parse(lines[0]!) as { id: string; blocks: Array<Record<string, unknown>> };
    const rewrite = (record: unknown) => {
      writeFileSync(trace, [JSON.stringify(record), ...lines.slice(1)].map((l) => `${l}\n`).join(''));
      // The manifest holds the file's size: keep them agreeing.
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Record<string, number> };
      manifest.files['trace.jsonl'] = readFileSync(trace).length;
      writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
    };
    /** The message of the checked read, once the trusted read is seen to give the same. */
    const problem = async (record: unknown) => {
      rewrite(record);
      const [checked, trusted] = await Promise.all(
        [false, true].map((t) => summarizeOutput(out, { trusted: t }).then(() => 'no error', (e: Error) => e.message)),
      );
      expect(trusted).toBe(checked);
      return checked;
    };
    try {
      expect(await problem({ ...first, blocks: [{ ...first.blocks[0], text: 7 }] })).toMatch(/trace\.jsonl: record 1 is not a trace record/);
      expect(await problem({ ...first, status: 'done' })).toMatch(/trace\.jsonl: record 1 is not a trace record/);
      expect(await problem({ ...first, messages: [{}] })).toMatch(/trace\.jsonl: record 1 is not a trace record/);
      expect(await problem({ ...first, id: '0000000000000000' })).toMatch(/trace record 1 \(.*\) has no matching record in .*: the outputs do not agree/);
    } finally {
      rewrite(first);
    }
  });
});
