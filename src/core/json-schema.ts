// JSON Schemas of the records, generated from their zod schemas (zod's toJSONSchema), so other tools can validate
// newsclean's output without it. Committed under schema/ and kept in step by a test.
import { z } from 'zod';
import { ArticleRecord, COUNTS_VALUES, RejectedRecord, Report, SCHEMA_VERSION, StoredTrace } from './records.js';

export const RECORD_SCHEMAS = {
  article: { schema: ArticleRecord, title: 'newsclean article record (articles.jsonl)' },
  rejected: { schema: RejectedRecord, title: 'newsclean rejected record (rejected.jsonl)' },
  trace: { schema: StoredTrace, title: 'newsclean trace record (trace.jsonl)' },
  report: { schema: Report, title: 'newsclean run report (report.json)' },
} as const;
export type RecordName = keyof typeof RECORD_SCHEMAS;

const convert = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
    override: (ctx) => {
      // A Counts map (a z.custom that keeps prototype keys): an object of string keys to its value schema.
      const value = COUNTS_VALUES.get(ctx.zodSchema as unknown as z.ZodType);
      if (!value) return;
      const { $schema: _, ...inner } = convert(value);
      Object.assign(ctx.jsonSchema, { type: 'object', additionalProperties: inner });
    },
  }) as Record<string, unknown>;

/** The JSON Schema (draft 2020-12) of one record kind, with its id and title. */
export const jsonSchema = (name: RecordName): Record<string, unknown> => {
  const { $schema, ...rest } = convert(RECORD_SCHEMAS[name].schema);
  return { $schema, $id: `https://newsclean.dev/schema/v${SCHEMA_VERSION}/${name}.schema.json`, title: RECORD_SCHEMAS[name].title, ...rest };
};
