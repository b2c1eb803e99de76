// `newsclean merge`: joins the output folders of a sharded run into one, as a single run would have written it.
import { relative } from 'node:path';
import { mergeShards } from '../runner/merge.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';
import { formatOption } from './run.js';

const help = `Usage: newsclean merge <shard-out-dir>... --out <dir> [--state <dir>] [--pipeline <file>]
                      [--format jsonl|jsonl.gz|parquet]

Combines the outputs of the shards of one run ('newsclean run --shard i/n' or '--shards n') into
one output folder: records in the order a single run writes them, counts summed, and the
cross-document step (recurring_line, then duplicate_document) run across all shards. Every shard 0..n-1
must be given and complete; otherwise nothing is written and the exit code is 2, so a scheduler
can retry later.

Options:
  -o, --out <dir>      output folder (created if missing)
  -s, --state <dir>    state folder for the duplicate step across nights: articles accepted by
                       earlier merges are rejected as duplicate_document
  -p, --pipeline <f>   the pipeline file the shards ran (default pipelines/news.json): its
                       crossDocument thresholds and validate options; another pipeline's name
                       leaves recurring lines out, with a warning
      --format <f>     the merged articles and rejected records as jsonl (default), jsonl.gz or
                       parquet; the shards may be in any format
  -h, --help           show this help

Exit codes: 0 merged, 2 usage error, a shard missing, incomplete or from another run, or an
output that cannot be written, 3 internal error.`;

export const command: Command = {
  help,
  async main(argv) {
    const { values, positionals } = parseCommandArgs('merge', argv, {
      out: { type: 'string', short: 'o' },
      state: { type: 'string', short: 's' },
      pipeline: { type: 'string', short: 'p' },
      format: { type: 'string' },
    });
    if (values.help) {
      console.log(help);
      return 0;
    }
    if (!positionals.length) throw new UsageError("no shard output folder given (see 'newsclean merge --help')");
    if (typeof values.out !== 'string') throw new UsageError("--out <dir> is required (see 'newsclean merge --help')");
    const { report } = await mergeShards({
      shards: positionals,
      out: values.out,
      state: values.state as string | undefined,
      ...(typeof values.pipeline === 'string' && { pipeline: values.pipeline }),
      format: formatOption(values.format as string | undefined),
      onWarning: (message) => process.stderr.write(`newsclean: warning: ${message}\n`),
    });
    const rel = relative(process.cwd(), values.out) || '.';
    const out = rel.startsWith('..') ? values.out : rel;
    const dups = report.rejectedByCode.duplicate_document ?? 0;
    console.log(`newsclean: merged ${positionals.length} shards into ${out}: ${report.read} documents, ${report.accepted} accepted, ${report.rejected} rejected (${dups} duplicate_document), ${report.failed} failed, ${report.skipped} skipped`);
    return report.failed ? 1 : 0;
  },
};
