// `newsclean schema`: the JSON Schema of a record kind, generated from the zod schemas the records are checked with.
import { jsonSchema, RECORD_SCHEMAS, type RecordName } from '../core/json-schema.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';

const NAMES = Object.keys(RECORD_SCHEMAS) as RecordName[];

const help = `Usage: newsclean schema [${NAMES.join('|')}]

Prints the JSON Schema (draft 2020-12) of a record kind: article (articles.jsonl), rejected
(rejected.jsonl), trace (trace.jsonl) or report (report.json); without a kind, all four as one
JSON object by kind. Every record carries schemaVersion; the same schemas are in the package's
schema/ folder.

Options:
  -h, --help   show this help`;

export const command: Command = {
  help,
  async main(argv) {
    const { values, positionals } = parseCommandArgs('schema', argv, {});
    if (values.help) {
      console.log(help);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`schema takes at most one kind (see 'newsclean schema --help')`);
    const name = positionals[0];
    if (name !== undefined && !NAMES.includes(name as RecordName)) throw new UsageError(`unknown record kind "${name}" (kinds: ${NAMES.join(', ')})`);
    const out = name ? jsonSchema(name as RecordName) : Object.fromEntries(NAMES.map((n) => [n, jsonSchema(n)]));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};
