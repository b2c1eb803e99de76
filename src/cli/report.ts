// `newsclean report`: builds report.html again from an output folder (after a merge, or with a newer template).
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { buildReport, readSummary, summarizeOutput } from '../report/build.js';
import type { RunSummary } from '../report/summary.js';
import { parseCommandArgs, UsageError, type Command } from './common.js';

const help = `Usage: newsclean report <out-dir> [--previous <out-dir-or-summary> | --no-previous]

Builds report.html in an output folder from its files (report.json, trace.jsonl, articles.jsonl,
rejected.jsonl): counts and charts, changes since the previous run, and a searchable view of every
document; the per-document data goes to report-data/ beside it. Open report.html in a browser: it
needs no network and no server.

'run' and 'merge' write it themselves; this command rebuilds it, comparing with the same previous
run as before (report-previous.json, written by runs with --state) unless told otherwise.

Options:
  --previous <path>   compare with this run: an earlier output folder, or a run summary file
                      (report-previous.json, or report-summary.json of a state folder)
  --no-previous       compare with nothing
  -h, --help          show this help

Exit codes: 0 written, 2 usage error or an output folder that is missing or incomplete.`;

const previousRun = async (path: string): Promise<RunSummary> => {
  const st = await stat(path).catch(() => null);
  if (!st) throw new UsageError(`--previous: ${path} not found`);
  if (st.isDirectory()) return summarizeOutput(path);
  const summary = await readSummary(path);
  if (!summary) throw new UsageError(`--previous: ${path} not found`);
  return summary;
};

export const command: Command = {
  help,
  async main(argv) {
    const { values, positionals } = parseCommandArgs('report', argv, {
      previous: { type: 'string' },
      'no-previous': { type: 'boolean' },
    });
    if (values.help) {
      console.log(help);
      return 0;
    }
    const [dir, ...extra] = positionals;
    if (!dir) throw new UsageError("no output folder given (see 'newsclean report --help')");
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}" (see 'newsclean report --help')`);
    if (values.previous !== undefined && values['no-previous']) throw new UsageError('give --previous <path> or --no-previous, not both');
    const st = await stat(dir).catch(() => null);
    if (!st?.isDirectory()) throw new UsageError(`output folder not found: ${dir}`);
    const previous = values['no-previous'] ? null : values.previous !== undefined ? await previousRun(values.previous as string) : undefined;
    const { file, changes, summary } = await buildReport(dir, { previous });
    const shown = relative(process.cwd(), file);
    const compared = changes === null ? 'no previous run to compare with' : `${changes.length} change${changes.length === 1 ? '' : 's'} since the previous run`;
    console.log(`newsclean: wrote ${shown.startsWith('..') ? file : shown} (${summary.stats.documents} documents; ${compared})`);
    return 0;
  },
};
