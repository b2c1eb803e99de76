// The report of a run or merge that just completed: built from the report lines the run made as it went (else from
// the published outputs), compared with the state's previous run. A report that cannot be written costs a warning,
// never the run: its outputs are already published.
import { rm } from 'node:fs/promises';
import type { State } from '../io/state.js';
import { buildReport, readSummary, ReportLinesError } from './build.js';

/** `lines`: the run's report lines (report/document.ts), removed once read; null: the report reads the outputs. */
export const writeRunReport = async (out: string, state: State | null, warn: (message: string) => void = () => {}, lines: string | null = null): Promise<void> => {
  let previous = null;
  if (state) {
    try {
      previous = await readSummary(state.summaryFile);
    } catch (e) {
      warn(`${(e as Error).message}: the report compares with no previous run`);
    }
  }
  try {
    // This process has just written the folder's records: they are checked only for what the report reads.
    const build = (fromLines: string | null) => buildReport(out, { previous, trusted: true, ...(fromLines && { lines: fromLines }) });
    // Lines that do not match the run (a bug) cost the time of reading the records, not a wrong page.
    const { summary } = await build(lines).catch((e: unknown) => {
      if (e instanceof ReportLinesError) {
        warn(`${e.message}: report.html is built from the records instead`);
        return build(null);
      }
      throw e;
    });
    if (state) await state.saveSummary(`${JSON.stringify(summary)}\n`);
  } catch (e) {
    warn(`report.html not written: ${(e as Error).message}; build it with 'newsclean report ${out}'`);
  } finally {
    if (lines) await rm(lines, { force: true });
  }
};
