// The run's JSON log (pino), written under a temporary name and renamed into place at the end like every output.
import pino, { type Logger } from 'pino';
import { rename, rm } from 'node:fs/promises';
import { publish, tempPathFor } from './atomic.js';

export interface RunLog {
  logger: Logger;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export const openRunLog = (file: string, level: pino.Level = 'debug'): RunLog => {
  const tmp = tempPathFor(file);
  // Synchronous writes: one short line per document, and nothing is lost if the process dies mid-run.
  const dest = pino.destination({ dest: tmp, sync: true });
  const logger = pino({ level, base: { pid: process.pid } }, dest);
  const close = () => {
    dest.flushSync();
    dest.end();
  };
  return {
    logger,
    async commit() {
      close();
      await publish(tmp, file);
    },
    /** Keeps the log of a run that did not complete beside the good one, as `<name>.failed.log`. */
    async abort() {
      close();
      await rename(tmp, file.replace(/\.log$/, '') + '.failed.log').catch(() => rm(tmp, { force: true }));
    },
  };
};
