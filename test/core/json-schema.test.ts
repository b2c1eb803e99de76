// The records' JSON Schemas: generated from the zod schemas, committed under schema/, and what real output
// lines validate against with a standard validator (ajv, draft 2020-12).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { jsonSchema, RECORD_SCHEMAS, type RecordName } from '../../src/core/json-schema.js';
import { SCHEMA_VERSION } from '../../src/core/records.js';
import { cli, readLines, ROOT, SAMPLES, tempDir } from '../cli/helpers.js';

const NAMES = Object.keys(RECORD_SCHEMAS) as RecordName[];
const committed = (name: RecordName) => JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8')) as Record<string, unknown>;

describe('JSON Schemas of the records', () => {
  it.each(NAMES)('schema/%s.schema.json is the one generated from the zod schema, and newsclean schema prints it', (name) => {
    expect(committed(name)).toEqual(jsonSchema(name));
    const r = cli(['schema', name]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(committed(name));
  });

  it('validates every line of a real run (articles, rejected, trace, report) with ajv', () => {
    const base = tempDir('schema');
    const input = join(base, 'in');
    cpSync(SAMPLES, join(input, 'samples'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/containers'), join(input, 'containers'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/benchmark/html'), join(input, 'benchmark'), { recursive: true });
    const out = join(base, 'out');
    expect([0, 1]).toContain(cli(['run', input, '--out', out]).code);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const files: Record<Exclude<RecordName, 'report'>, string> = { article: 'articles.jsonl', rejected: 'rejected.jsonl', trace: 'trace.jsonl' };
    const validators = Object.fromEntries(NAMES.map((n) => [n, ajv.compile(committed(n))]));
    let lines = 0;
    for (const [name, file] of Object.entries(files) as Array<[RecordName, string]>) {
      const validate = validators[name]!;
      const records = readLines(join(out, file));
      expect(records.length, file).toBeGreaterThan(3);
      for (const record of records) {
        lines++;
        expect(validate(record) ? null : { file, errors: validate.errors }).toBeNull();
      }
    }
    const report = validators.report!;
    expect(report(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))) ? null : report.errors).toBeNull();
    expect(lines).toBeGreaterThan(100);
    // And the schemas reject what is not a record.
    const article = validators.article!;
    const good = readLines(join(out, 'articles.jsonl'))[0]!;
    expect(article({ ...good, schemaVersion: SCHEMA_VERSION + 1 })).toBe(false);
    expect(article({ ...good, wordCount: -1 })).toBe(false);
    expect(article({ ...good, extra: true })).toBe(false);
  });

  it('refuses an unknown kind', () => {
    const r = cli(['schema', 'articles']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown record kind "articles" \(kinds: article, rejected, trace, report\)/);
  });
});
