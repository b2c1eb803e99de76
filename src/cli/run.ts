// `newsclean run`: processes input folders into an output folder and prints a short summary.
import { basename, relative } from 'node:path';
import type { Report } from '../core/records.js';
import { runPipeline } from '../runner/run.js';
import { parseShard, schedulerIndex, type Shard } from '../runner/shard.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../io/formats.js';
import { progressReporter } from './progress.js';
import { Interrupted, parseCommandArgs, positiveInt, UsageError, type Command } from './common.js';

const help = `Usage: newsclean run <input-dir>... --out <dir> [--state <dir>] [--shard <i>/<n> | --shards <n>]
                     [--max-reject-rate <share>] [--format jsonl|jsonl.gz|parquet] [--progress <seconds>]
                     [--pipeline <file>] [--concurrency <n>]

Cleans every document under the input folders (hidden files skipped): .txt and .html/.htm files (with a
story.html.json or story.json sidecar beside them), WARC files (.warc), scraper exports (.jsonl, .ndjson,
.json), and any of these gzip-compressed (.gz). Writes articles.jsonl, rejected.jsonl, trace.jsonl,
report.json, run.log and report.html (with its data in report-data/) into the output folder.

The outputs are written as the run goes and published together when it completes (manifest.json last).
A run that is killed or stopped is completed by starting the same command again.

Options:
  -o, --out <dir>          output folder (created if missing)
  -s, --state <dir>        state folder of incremental runs: inputs unchanged since its last run are
                           skipped, articles it already accepted are rejected as duplicate_document
      --shard <i>/<n>      process only shard i (0..n-1) of the inputs (by a hash of each file's path);
                           combine the shards with 'newsclean merge'
      --shards <n>         the same, with i from the scheduler: JOB_COMPLETION_INDEX (Kubernetes
                           Indexed Job), else SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN (Slurm array)
      --max-reject-rate <share>
                           exit 4 when more than this share (0..1) of the processed documents are
                           rejected or failed (the outputs are still published)
      --format <format>    articles and rejected records as jsonl (default), jsonl.gz or parquet
                           (articles.parquet, ...); trace.jsonl stays JSON Lines
      --progress <seconds> when stderr is not a terminal, a progress line every <seconds> (default 30;
                           0: none); on a terminal, a bar with the rate and time left, redrawn in place
  -p, --pipeline <file>    pipeline file (default: pipelines/news.json)
  -c, --concurrency <n>    worker threads (default: the number of CPUs)
  -h, --help               show this help

Exit codes: 0 run completed, 1 completed but some documents failed, 2 usage or configuration error
(including an input without any document file, a folder locked by another run, an unusable state and
an output file that cannot be written), 3 internal error, 4 completed but the rejection rate passed
--max-reject-rate, 130 stopped (resumable).`;

const byCode = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');

const summary = (r: Report, seconds: string, out: string, files: string[]): string => {
  const skipped = r.skipped ? `, ${r.skipped} skipped (unchanged)` : '';
  const lines = [`newsclean: ${r.read} documents in ${seconds}s: ${r.accepted} accepted, ${r.rejected} rejected, ${r.failed} failed${skipped}`];
  if (r.rejected) lines.push(`  rejected: ${byCode(r.rejectedByCode)}`);
  if (r.failed) lines.push(`  failed:   ${byCode(r.failedByCode)}`);
  if (Object.keys(r.warningsByCode).length) lines.push(`  warnings: ${byCode(r.warningsByCode)}`);
  if (Object.keys(r.ignoredByExtension).length) lines.push(`  not documents, not read: ${byCode(r.ignoredByExtension)}`);
  if (Object.keys(r.ignoredRecords).length) lines.push(`  container records that are not documents: ${byCode(r.ignoredRecords)}`);
  lines.push(`  written to ${out}/: ${files.join(', ')}, report.html`);
  lines.push(`  open ${out}/report.html in a browser${r.rejected + r.failed ? `, or see why on the terminal: newsclean inspect ${out}` : ''}`);
  return lines.join('\n');
};

/** `--shard i/n`, or `--shards n` with i from a scheduler's environment; null for the whole input. */
export const shardOption = (shard: string | undefined, shards: string | undefined, env = process.env): Shard | null => {
  if (shard !== undefined && shards !== undefined) throw new UsageError('give --shard <i>/<n> or --shards <n>, not both');
  if (shard !== undefined) {
    const s = parseShard(shard);
    if (!s) throw new UsageError(`--shard must be <i>/<n> with 0 <= i < n, not "${shard}"`);
    return s;
  }
  if (shards === undefined) return null;
  const count = positiveInt('shards', shards)!;
  const from = schedulerIndex(env);
  if (!from) throw new UsageError('--shards <n> takes the shard index from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID, and neither is set (give --shard <i>/<n>)');
  if (!Number.isInteger(from.index) || from.index < 0 || from.index >= count) {
    throw new UsageError(`${from.from} gives shard index ${from.index}, not within 0..${count - 1} for --shards ${count}`);
  }
  return { index: from.index, count };
};

const secondsOption = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of seconds (0 or more), not "${value}"`);
  return n;
};

export const formatOption = (value: string | undefined): OutputFormat | undefined => {
  if (value === undefined) return undefined;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be ${OUTPUT_FORMATS.join(', ')}, not "${value}"`);
  return value as OutputFormat;
};

const shareOption = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a share between 0 and 1, not "${value}"`);
  return n;
};

export const command: Command = {
  help,
  async main(argv) {
    const { values, positionals } = parseCommandArgs('run', argv, {
      out: { type: 'string', short: 'o' },
      pipeline: { type: 'string', short: 'p' },
      concurrency: { type: 'string', short: 'c' },
      state: { type: 'string', short: 's' },
      shard: { type: 'string' },
      shards: { type: 'string' },
      'max-reject-rate': { type: 'string' },
      progress: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) {
      console.log(help);
      return 0;
    }
    if (!positionals.length) throw new UsageError("no input folder given (see 'newsclean run --help')");
    if (typeof values.out !== 'string') throw new UsageError("--out <dir> is required (see 'newsclean run --help')");
    const concurrency = positiveInt('concurrency', values.concurrency as string | undefined);
    const shard = shardOption(values.shard as string | undefined, values.shards as string | undefined);
    const maxRejectRate = shareOption('max-reject-rate', values['max-reject-rate'] as string | undefined);
    const format = formatOption(values.format as string | undefined);

    const progress = progressReporter({ intervalSeconds: secondsOption('progress', values.progress as string | undefined) ?? 30 });
    // Ctrl-C stops the run cleanly: temporary files are removed and the previous outputs stay as they were.
    // Further signals while that cleanup runs are ignored (the handler stays registered until the process
    // exits), so an impatient second Ctrl-C cannot leave temporary files behind.
    const stop = new AbortController();
    const interrupt = (signal: NodeJS.Signals) => {
      if (!stop.signal.aborted) stop.abort(new Interrupted(`stopped by ${signal}; what was done is kept: run the same command again to resume`));
    };
    process.on('SIGINT', interrupt).on('SIGTERM', interrupt);
    const warn = (message: string) => {
      progress.clear();
      process.stderr.write(`newsclean: warning: ${message}\n`);
    };
    const { report, files } = await runPipeline({
      inputs: positionals,
      out: values.out,
      pipeline: values.pipeline as string | undefined,
      concurrency,
      state: values.state as string | undefined,
      shard,
      format,
      onProgress: progress.update,
      onWarning: warn,
      signal: stop.signal,
    }).finally(() => {
      progress.clear();
      if (!stop.signal.aborted) process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
    });
    const out = relative(process.cwd(), values.out) || '.';
    console.log(summary(report, (report.durationMs / 1000).toFixed(1), out.startsWith('..') ? values.out : out, Object.values(files).map((f) => basename(f))));
    const processed = report.read - report.skipped;
    const bad = report.rejected + report.failed;
    if (maxRejectRate !== undefined && processed > 0 && bad / processed > maxRejectRate) {
      process.stderr.write(`newsclean: ${bad} of ${processed} processed documents (${((100 * bad) / processed).toFixed(1)}%) were rejected or failed, above --max-reject-rate ${maxRejectRate}\n`);
      return 4;
    }
    return report.failed ? 1 : 0;
  },
};
