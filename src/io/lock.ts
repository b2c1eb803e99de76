// A lock file that keeps two runs off one output folder or state folder. It names its holder; a lock left by a
// process that no longer exists on this host is stale and taken over.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PathError } from './walk.js';

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readHolder = async (file: string): Promise<Holder | null> => {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, startedAt: String(h.startedAt) } : null;
  } catch {
    return null;
  }
};

export interface Lock {
  release(): Promise<void>;
}

/**
 * Takes `file` for this process, or throws a PathError naming the holder. `what` names the guarded folder in
 * messages ("output folder out/").
 */
export const acquireLock = async (file: string, what: string): Promise<Lock> => {
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return { release: () => rm(file, { force: true }) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new PathError(`cannot lock ${what}: ${code ?? (e as Error).message}`);
    }
    const holder = await readHolder(file);
    // A half-written lock, or one from a process of this host that has died (our own pid: reused after a kill).
    const stale = !holder || (holder.host === me.host && (holder.pid === me.pid || !alive(holder.pid)));
    if (!stale) {
      throw new PathError(
        `${what} is in use by another newsclean run (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); ` +
          `if that run is gone, remove ${file}`,
      );
    }
    await rm(file, { force: true });
  }
  throw new PathError(`cannot lock ${what}: another run keeps taking it`);
};

/** Locks a run's output folder and, if it has one, its state folder; returns what releases both. */
export const lockRunFolders = async (out: string, stateDir: string | null): Promise<() => Promise<void>> => {
  const locks: Lock[] = [await acquireLock(join(out, '.newsclean.lock'), `output folder ${out}`)];
  const release = async () => {
    for (const l of locks.reverse()) await l.release();
  };
  try {
    if (stateDir) {
      await mkdir(stateDir, { recursive: true }).catch(() => {});
      locks.push(await acquireLock(join(stateDir, '.newsclean.lock'), `state folder ${stateDir}`));
    }
  } catch (e) {
    await release();
    throw e;
  }
  return release;
};
