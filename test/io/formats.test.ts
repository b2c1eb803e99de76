// Output formats: articles and rejected records as JSON Lines, gzip-compressed JSON Lines or Parquet. The Parquet
// files are read back with a second, independent reader (parquet-wasm: the Rust arrow-rs implementation) and hold
// the same records as a JSON Lines run; inspect, the report and merge work whatever the format.
import { cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARQUET_COLUMNS, type RecordKind } from '../../src/io/formats.js';
import { cli, readLines, ROOT, SAMPLES, tempDir } from '../cli/helpers.js';

const parquetWasm = createRequire(import.meta.url)('parquet-wasm/node') as { readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array } };

/** The rows of a Parquet file as parquet-wasm reads them, each a plain object of its columns. */
const readParquet = (file: string): Array<Record<string, unknown>> => {
  const table = tableFromIPC(parquetWasm.readParquet(new Uint8Array(readFileSync(file))).intoIPCStream());
  return table.toArray().map((row) => ({ ...(row.toJSON() as Record<string, unknown>) }));
};

/** A record laid out as its Parquet columns: source.* flattened, lists and maps as JSON text. */
const asColumns = (record: Record<string, unknown>, kind: RecordKind) =>
  Object.fromEntries(
    PARQUET_COLUMNS[kind].map(({ name, type }) => {
      const [a, b] = name.split('.') as [string, string | undefined];
      const v = b === undefined ? record[a] : (record[a] as Record<string, unknown>)[b];
      return [name, type === 'JSON' ? JSON.stringify(v) : v];
    }),
  );

describe('--format', () => {
  const base = tempDir('formats');
  const input = join(base, 'in');
  const out = (f: string) => join(base, `out-${f}`);

  beforeAll(() => {
    cpSync(SAMPLES, join(input, 'samples'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/benchmark/html'), join(input, 'benchmark'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/containers'), join(input, 'containers'), { recursive: true });
    for (const f of ['jsonl', 'jsonl.gz', 'parquet']) expect([0, 1]).toContain(cli(['run', input, '--out', out(f), '--format', f]).code);
  }, 180_000);

  it('parquet: a second reader finds the same records as the JSON Lines run, typed', () => {
    for (const kind of ['articles', 'rejected'] as const) {
      const expected = readLines(join(out('jsonl'), `${kind}.jsonl`));
      const rows = readParquet(join(out('parquet'), `${kind}.parquet`));
      expect(rows.length, kind).toBe(expected.length);
      expect(rows.length).toBeGreaterThan(kind === 'articles' ? 50 : 5);
      rows.forEach((row, i) => {
        const normal = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
        expect(normal, `${kind} row ${i}`).toEqual(asColumns(expected[i]!, kind));
      });
    }
    const first = readParquet(join(out('parquet'), 'articles.parquet'))[0]!;
    expect(typeof first.wordCount).toBe('number');
    expect(typeof first['source.bytes']).toBe('bigint');
  });

  it('jsonl.gz: the same bytes as JSON Lines once inflated; trace.jsonl stays JSON Lines in every format', () => {
    for (const kind of ['articles', 'rejected']) {
      expect(gunzipSync(readFileSync(join(out('jsonl.gz'), `${kind}.jsonl.gz`))).toString('utf8')).toBe(readFileSync(join(out('jsonl'), `${kind}.jsonl`), 'utf8'));
    }
    for (const f of ['jsonl.gz', 'parquet']) expect(readFileSync(join(out(f), 'trace.jsonl'), 'utf8')).toBe(readFileSync(join(out('jsonl'), 'trace.jsonl'), 'utf8'));
  });

  it('inspect and the report read every format alike', () => {
    const listing = cli(['inspect', out('jsonl')]).stdout;
    const doc = cli(['inspect', out('jsonl'), 'riverside-council-budget.html']).stdout;
    for (const f of ['jsonl.gz', 'parquet']) {
      expect(cli(['inspect', out(f)]).stdout, f).toBe(listing.replaceAll(out('jsonl'), out(f)));
      expect(cli(['inspect', out(f), 'riverside-council-budget.html']).stdout, f).toBe(doc);
      const page = readFileSync(join(out(f), 'report.html'), 'utf8');
      expect(page).toContain(`data-count="accepted"><b>${JSON.parse(readFileSync(join(out(f), 'report.json'), 'utf8')).accepted}</b>`);
    }
  });

  it('merge joins shards of any format into any format, as a single run writes it', () => {
    const shards = [0, 1].map((i) => join(base, `shard-${i}`));
    expect([0, 1]).toContain(cli(['run', input, '--out', shards[0]!, '--shard', '0/2', '--format', 'parquet']).code);
    expect([0, 1]).toContain(cli(['run', input, '--out', shards[1]!, '--shard', '1/2', '--format', 'jsonl.gz']).code);
    const merged = join(base, 'merged');
    const r = cli(['merge', ...shards, '--out', merged]);
    expect([0, 1], r.stderr).toContain(r.code);
    for (const f of ['articles.jsonl', 'rejected.jsonl', 'trace.jsonl']) expect(readFileSync(join(merged, f), 'utf8'), f).toBe(readFileSync(join(out('jsonl'), f), 'utf8'));
  });

  it('refuses an unknown format', () => {
    const r = cli(['run', SAMPLES, '--out', join(base, 'x'), '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be jsonl, jsonl.gz, parquet, not "csv"');
  });
});
