// `newsclean run`: processes input folders into an output folder and prints a short summary.
import { relative } from 'node:path';
import type { Report } from '../core/records.js';
import { runPipeline } from '../runner/run.js';
import { Interrupted, parseCommandArgs, positiveInt, UsageError, type Command } from './common.js';

const help = `Usage: newsclean run <input-dir>... --out <dir> [--pipeline <file>] [--concurrency <n>]

Cleans every document under the input folders (hidden files skipped): .txt and .html/.htm files (with a
story.html.json or story.json sidecar beside them), WARC files (.warc), scraper exports (.jsonl, .ndjson,
.json), and any of these gzip-compressed (.gz). Writes articles.jsonl, rejected.jsonl, trace.jsonl,
report.json and run.log into the output folder.

Options:
  -o, --out <dir>          output folder (created if missing)
  -p, --pipeline <file>    pipeline file (default: pipelines/news.json)
  -c, --concurrency <n>    worker threads (default: the number of CPUs)
  -h, --help               show this help

Exit codes: 0 run completed, 1 completed but some documents failed, 2 usage or configuration error
(including an input without any document file, and an output file that cannot be written), 130 stopped.`;

/**
 * A one-line counter on stderr, redrawn at most every 200 ms, only when stderr is a terminal: `120 files…` until
 * the background count of the inputs is known, then `120/431 files…`.
 */
const progressLine = () => {
  if (!process.stderr.isTTY) return { update: undefined, clear: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: (done: number, total: number | null) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[K ${total === null ? done : `${done}/${total}`} documents…`);
    },
    clear: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
};

const byCode = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');

const summary = (r: Report, seconds: string, out: string): string => {
  const lines = [`newsclean: ${r.read} documents in ${seconds}s: ${r.accepted} accepted, ${r.rejected} rejected, ${r.failed} failed`];
  if (r.rejected) lines.push(`  rejected: ${byCode(r.rejectedByCode)}`);
  if (r.failed) lines.push(`  failed:   ${byCode(r.failedByCode)}`);
  if (Object.keys(r.warningsByCode).length) lines.push(`  warnings: ${byCode(r.warningsByCode)}`);
  if (Object.keys(r.ignoredByExtension).length) lines.push(`  not documents, not read: ${byCode(r.ignoredByExtension)}`);
  if (Object.keys(r.ignoredRecords).length) lines.push(`  container records that are not documents: ${byCode(r.ignoredRecords)}`);
  lines.push(`  written to ${out}/: articles.jsonl, rejected.jsonl, trace.jsonl, report.json, run.log`);
  if (r.rejected + r.failed) lines.push(`  see why: newsclean inspect ${out}`);
  return lines.join('\n');
};

export const command: Command = {
  help,
  async main(argv) {
    const { values, positionals } = parseCommandArgs('run', argv, {
      out: { type: 'string', short: 'o' },
      pipeline: { type: 'string', short: 'p' },
      concurrency: { type: 'string', short: 'c' },
    });
    if (values.help) {
      console.log(help);
      return 0;
    }
    if (!positionals.length) throw new UsageError("no input folder given (see 'newsclean run --help')");
    if (typeof values.out !== 'string') throw new UsageError("--out <dir> is required (see 'newsclean run --help')");
    const concurrency = positiveInt('concurrency', values.concurrency as string | undefined);

    const progress = progressLine();
    // Ctrl-C stops the run cleanly: temporary files are removed and the previous outputs stay as they were.
    // Further signals while that cleanup runs are ignored (the handler stays registered until the process
    // exits), so an impatient second Ctrl-C cannot leave temporary files behind.
    const stop = new AbortController();
    const interrupt = (signal: NodeJS.Signals) => {
      if (!stop.signal.aborted) stop.abort(new Interrupted(`stopped by ${signal}; previous outputs left as they were`));
    };
    process.on('SIGINT', interrupt).on('SIGTERM', interrupt);
    const warn = (message: string) => {
      progress.clear();
      process.stderr.write(`newsclean: warning: ${message}\n`);
    };
    const { report } = await runPipeline({
      inputs: positionals,
      out: values.out,
      pipeline: values.pipeline as string | undefined,
      concurrency,
      onProgress: progress.update,
      onWarning: warn,
      signal: stop.signal,
    }).finally(() => {
      progress.clear();
      if (!stop.signal.aborted) process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
    });
    const out = relative(process.cwd(), values.out) || '.';
    console.log(summary(report, (report.durationMs / 1000).toFixed(1), out.startsWith('..') ? values.out : out));
    return report.failed ? 1 : 0;
  },
};
