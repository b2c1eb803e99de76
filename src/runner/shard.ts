// Which shard of a run an input file belongs to: a hash of its relative path, so the partition is the same on
// every machine and stays put when files are added (unlike a position in the listing).
import { createHash } from 'node:crypto';

export interface Shard {
  index: number;
  count: number;
}

export const shardOf = (path: string, count: number): number =>
  createHash('sha256').update(path).digest().readUInt32BE(0) % count;

export const inShard = (path: string, shard: Shard | null): boolean => !shard || shardOf(path, shard.count) === shard.index;

/** `i/n`, 0 <= i < n; null when the text is not one. */
export const parseShard = (text: string): Shard | null => {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index < count ? { index, count } : null;
};

/**
 * The shard index a scheduler gives this process: a Kubernetes Indexed Job's JOB_COMPLETION_INDEX, else a Slurm
 * array task's SLURM_ARRAY_TASK_ID less SLURM_ARRAY_TASK_MIN; null when neither is set.
 */
export const schedulerIndex = (env: NodeJS.ProcessEnv): { index: number; from: string } | null => {
  const k8s = env.JOB_COMPLETION_INDEX;
  if (k8s !== undefined && k8s !== '') return { index: Number(k8s), from: 'JOB_COMPLETION_INDEX' };
  const slurm = env.SLURM_ARRAY_TASK_ID;
  if (slurm !== undefined && slurm !== '') {
    return { index: Number(slurm) - Number(env.SLURM_ARRAY_TASK_MIN || 0), from: 'SLURM_ARRAY_TASK_ID' };
  }
  return null;
};
