// The deployment files we ship: the Kubernetes manifest checked as the API server would need it (without
// kubectl), the Slurm scripts by `bash -n`, and every newsclean option they use against `newsclean <cmd> --help`.
// The shell scripts are also run for real with a stand-in `newsclean` on the PATH that records its arguments.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;
const K8S = join(ROOT, 'deploy/kubernetes/newsclean-nightly.yaml');
const SLURM_SHARDS = join(ROOT, 'deploy/slurm/newsclean-shards.sbatch');
const SLURM_MERGE = join(ROOT, 'deploy/slurm/newsclean-merge.sbatch');

// The lead's flags for issue 7, which the nightly commands need; checked pending while `run --help` lacks them.
const PENDING_RUN = ['--state', '--shards'];

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

/** The long options a command's help lists (`  -o, --out <dir>   ...`), or null if the command is unknown. */
const helpOptions = (command: string): Set<string> | null => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), command, '--help'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return new Set([...r.stdout.matchAll(/^\s+(?:-\w,\s+)?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!));
};
const runHelp = helpOptions('run');
const mergeHelp = helpOptions('merge');
const runReady = runHelp !== null && PENDING_RUN.every((o) => runHelp.has(o));

/** The long options of the `newsclean <command> ...` line(s) of a shell script. */
const usedOptions = (script: string, command: string): string[] => {
  const lines = script.split('\n').filter((l) => new RegExp(`^\\s*(?:exec\\s+)?newsclean\\s+${command}\\b`).test(l));
  return lines.flatMap((l) => [...l.matchAll(/(?<=\s)--[a-z][a-z-]*/g)].map((m) => m[0]));
};

// ---- cron -------------------------------------------------------------------------------------------------

const CRON_FIELDS: Array<[min: number, max: number, names?: string[]]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12, ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']],
  [0, 7, ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']],
];

/** A standard 5-field cron expression (numbers, names, `*`, ranges, steps, lists), as CronJob accepts. */
const isCron = (expr: string): boolean => {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  return fields.every((field, f) => {
    const [min, max, names] = CRON_FIELDS[f]!;
    const value = (v: string): number | null => {
      const i = names?.indexOf(v.toLowerCase()) ?? -1;
      if (i >= 0) return i + (f === 3 ? 1 : 0);
      if (!/^\d+$/.test(v)) return null;
      const n = Number(v);
      return n >= min && n <= max ? n : null;
    };
    return field.split(',').every((part) => {
      const m = /^(\*|[^/-]+(?:-[^/-]+)?)(?:\/(\d+))?$/.exec(part);
      if (!m) return false;
      if (m[2] !== undefined && Number(m[2]) < 1) return false;
      if (m[1] === '*') return true;
      const [a, b] = m[1]!.split('-');
      const lo = value(a!);
      const hi = b === undefined ? lo : value(b);
      return lo !== null && hi !== null && lo <= hi;
    });
  });
};

describe('isCron', () => {
  it('accepts the usual forms and refuses the rest', () => {
    for (const ok of ['0 1 * * *', '*/15 2-5 * * mon-fri', '0 0 1,15 jan,jul 0', '30 23 * * 7']) expect(isCron(ok), ok).toBe(true);
    for (const bad of ['0 1 * *', '60 1 * * *', '0 24 * * *', '0 1 0 * *', '0 1 * 13 *', '0 1 * * 8', '@daily', '5-1 * * * *', '*/0 * * * *', '0 1 * * * *']) {
      expect(isCron(bad), bad).toBe(false);
    }
  });
});

// ---- Kubernetes -------------------------------------------------------------------------------------------

const parsed = parseAllDocuments(readFileSync(K8S, 'utf8'));
const docs = (Array.isArray(parsed) ? parsed : [parsed]).map((d) => {
  if (d.errors.length > 0) throw new Error(`${K8S}: ${d.errors.map((e) => e.message).join('; ')}`);
  return d.toJS() as Obj;
});
const byKind = (kind: string): Obj[] => docs.filter((d) => d.kind === kind);
const cronJob = (name: string): Obj => {
  const c = byKind('CronJob').find((d) => d.metadata?.name === name);
  if (!c) throw new Error(`no CronJob ${name}`);
  return c;
};
const container = (c: Obj): Obj => c.spec.jobTemplate.spec.template.spec.containers[0];
/** The script given to `sh -c`. */
const shellScript = (c: Obj): string => {
  const cmd = container(c).command as string[];
  expect(cmd.slice(0, 2)).toEqual(['/bin/sh', '-c']);
  return cmd[2]!;
};

describe('deploy/kubernetes/newsclean-nightly.yaml', () => {
  it('holds a PersistentVolumeClaim and two CronJobs, each with its apiVersion and a valid name', () => {
    expect(docs.map((d) => `${d.apiVersion} ${d.kind} ${d.metadata?.name}`)).toEqual([
      'v1 PersistentVolumeClaim newsclean-data',
      'batch/v1 CronJob newsclean-shards',
      'batch/v1 CronJob newsclean-merge',
    ]);
    for (const d of docs) {
      // DNS-1123 labels; a CronJob's name leaves room for the 11-character suffix of its Jobs (52 at most).
      expect(d.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      if (d.kind === 'CronJob') expect(d.metadata.name.length).toBeLessThanOrEqual(52);
    }
    const pvc = byKind('PersistentVolumeClaim')[0]!;
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']); // pods of one Job on several nodes
    expect(pvc.spec.resources.requests.storage).toMatch(/^\d+(Ki|Mi|Gi|Ti)$/);
  });

  it('schedules both CronJobs with valid 5-field cron expressions, never two nights at once, the merge later', () => {
    const times: number[] = [];
    for (const c of byKind('CronJob')) {
      expect(isCron(c.spec.schedule), c.spec.schedule).toBe(true);
      expect(c.spec.concurrencyPolicy).toBe('Forbid');
      expect(typeof c.spec.timeZone).toBe('string');
      const [minute, hour] = c.spec.schedule.split(/\s+/).map(Number);
      expect(Number.isInteger(minute) && Number.isInteger(hour)).toBe(true);
      const start = (hour * 60 + minute) * 60;
      times.push(start);
      // The night is `date +%F` in the pod: a Job, retries included, must be over before midnight.
      const end = start + c.spec.startingDeadlineSeconds + c.spec.jobTemplate.spec.activeDeadlineSeconds;
      expect(end, c.metadata.name).toBeLessThan(24 * 3600);
      expect(container(c).env).toContainEqual({ name: 'TZ', value: 'UTC' });
      expect(c.spec.timeZone).toBe('Etc/UTC');
    }
    const [shards, merge] = [cronJob('newsclean-shards'), cronJob('newsclean-merge')].map((c) => byKind('CronJob').indexOf(c));
    expect(times[merge!]!).toBeGreaterThan(times[shards!]!);
  });

  it('runs the shards as an Indexed Job with completions == parallelism == --shards == the merge\'s shard count', () => {
    const job = cronJob('newsclean-shards').spec.jobTemplate.spec;
    expect(job.completionMode).toBe('Indexed');
    const script = shellScript(cronJob('newsclean-shards'));
    const shards = Number(/--shards\s+(\d+)/.exec(script)?.[1]);
    expect(shards).toBeGreaterThan(1);
    expect(job.completions).toBe(shards);
    expect(job.parallelism).toBe(shards);
    expect(Number(/^\s*shards=(\d+)\s*$/m.exec(shellScript(cronJob('newsclean-merge')))?.[1])).toBe(shards);
    // Each index on its own, and an overall ceiling.
    expect(job.backoffLimitPerIndex).toBeGreaterThanOrEqual(1);
    expect(job.backoffLimit).toBeGreaterThanOrEqual(job.backoffLimitPerIndex);
    expect(job.backoffLimit).toBeLessThanOrEqual(shards * job.backoffLimitPerIndex);
  });

  it('gives every pod restartPolicy Never (a podFailurePolicy needs it), resources, and mounts only declared volumes', () => {
    const claims = new Set(byKind('PersistentVolumeClaim').map((d) => d.metadata.name));
    for (const c of byKind('CronJob')) {
      const job = c.spec.jobTemplate.spec;
      const pod = job.template.spec;
      expect(['Never', 'OnFailure']).toContain(pod.restartPolicy);
      if (job.podFailurePolicy) expect(pod.restartPolicy).toBe('Never');
      const volumes = new Map<string, Obj>((pod.volumes as Obj[]).map((v) => [v.name, v]));
      expect(volumes.size, 'volume names are unique').toBe(pod.volumes.length);
      for (const v of volumes.values()) if (v.persistentVolumeClaim) expect(claims).toContain(v.persistentVolumeClaim.claimName);
      for (const ctr of pod.containers as Obj[]) {
        expect(ctr.image).toBe('newsclean:latest');
        expect(ctr.imagePullPolicy).toBe('IfNotPresent');
        for (const m of ctr.volumeMounts as Obj[]) expect([...volumes.keys()], `${c.metadata.name}: ${m.name}`).toContain(m.name);
        expect((ctr.volumeMounts as Obj[]).map((m) => m.mountPath)).toContain('/data');
        expect(ctr.resources.requests.cpu).toBeDefined();
        expect(ctr.resources.requests.memory).toMatch(/^\d+(Mi|Gi)$/);
        expect(ctr.resources.limits.memory).toMatch(/^\d+(Mi|Gi)$/);
      }
    }
  });

  it('maps exit codes for the Job: 1, 2 and 4 fail the shard at once, disruptions are not counted; merge retries 2', () => {
    const rules = (c: Obj): Obj[] => c.spec.jobTemplate.spec.podFailurePolicy.rules;
    const shardRules = rules(cronJob('newsclean-shards'));
    expect(shardRules[0]).toEqual({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] });
    const failIndex = shardRules.find((r) => r.action === 'FailIndex')!;
    expect(failIndex.onExitCodes).toEqual({ containerName: 'newsclean', operator: 'In', values: [1, 2, 4] });
    expect(container(cronJob('newsclean-shards')).name).toBe('newsclean');
    const mergeRules = rules(cronJob('newsclean-merge'));
    const failJob = mergeRules.find((r) => r.action === 'FailJob')!;
    expect(failJob.onExitCodes.values).toEqual([1, 4]);
    expect(mergeRules.flatMap((r) => r.onExitCodes?.values ?? [])).not.toContain(2); // 2: shards not ready, retried
    expect(cronJob('newsclean-merge').spec.jobTemplate.spec.backoffLimit).toBeGreaterThanOrEqual(5);
  });

  it('uses in the shard command only options that `newsclean run --help` lists (besides the pending ones)', () => {
    expect(runHelp, 'dist/cli.js run --help (npm run build first)').not.toBeNull();
    const used = usedOptions(shellScript(cronJob('newsclean-shards')), 'run');
    expect(used).toEqual(expect.arrayContaining(['--out', ...PENDING_RUN]));
    for (const o of used.filter((o) => !PENDING_RUN.includes(o))) expect([...runHelp!], o).toContain(o);
  });

  (runReady ? it : it.todo)('`newsclean run --help` lists --state and --shards, which the shard command uses', () => {
    for (const o of usedOptions(shellScript(cronJob('newsclean-shards')), 'run')) expect([...runHelp!], o).toContain(o);
  });

  (mergeHelp ? it : it.todo)('uses in the merge command only options that `newsclean merge --help` lists', () => {
    const used = usedOptions(shellScript(cronJob('newsclean-merge')), 'merge');
    expect(used).toEqual(expect.arrayContaining(['--out', '--state']));
    for (const o of used) expect([...mergeHelp!], o).toContain(o);
  });
});

// ---- running the scripts with a stand-in newsclean ----------------------------------------------------------

const fake = mkdtempSync(join(tmpdir(), 'newsclean-deploy-test-'));
afterAll(() => rmSync(fake, { recursive: true, force: true }));
writeFileSync(join(fake, 'newsclean'), '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$FAKE_ARGS"\nexit "${FAKE_RC:-0}"\n');
chmodSync(join(fake, 'newsclean'), 0o755);

/** Runs a script with the stand-in newsclean: its exit status and the arguments newsclean was given. */
const runScript = (argv: string[], env: Record<string, string>): { status: number | null; args: string[]; stderr: string } => {
  const argsFile = join(fake, 'args');
  rmSync(argsFile, { force: true });
  const r = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'utf8',
    env: { PATH: `${fake}:${process.env.PATH}`, FAKE_ARGS: argsFile, ...env },
  });
  let args: string[] = [];
  try {
    args = readFileSync(argsFile, 'utf8').split('\n').slice(0, -1);
  } catch {
    // newsclean was not called
  }
  return { status: r.status, args, stderr: r.stderr };
};

describe('the Kubernetes commands, run by sh', () => {
  it('shard pod i runs newsclean run into the night\'s shard-i folder with its own state, exec so it gets SIGTERM', () => {
    const script = shellScript(cronJob('newsclean-shards'));
    expect(script).toMatch(/^\s*exec newsclean run /m);
    const r = runScript(['/bin/sh', '-c', script], { JOB_COMPLETION_INDEX: '5', NIGHT: '2025-03-12' });
    expect(r.status).toBe(0);
    expect(r.args).toEqual(['run', '/data/incoming', '--out', '/data/out/2025-03-12/shard-5', '--state', '/data/state/shard-5', '--shards', '8', '--concurrency', '2', '--max-reject-rate', '0.5']);
    // Without NIGHT, today's date.
    const today = runScript(['/bin/sh', '-c', script], { JOB_COMPLETION_INDEX: '0', TZ: 'UTC' });
    expect(today.args[3]).toMatch(/^\/data\/out\/\d{4}-\d{2}-\d{2}\/shard-0$/);
    // Not an Indexed Job: refuses rather than writing shard-"" .
    expect(runScript(['/bin/sh', '-c', script], {}).status).not.toBe(0);
    // newsclean's exit code is the pod's.
    expect(runScript(['/bin/sh', '-c', script], { JOB_COMPLETION_INDEX: '1', FAKE_RC: '4' }).status).toBe(4);
  });

  it('the merge pod names every shard folder of the night, not a glob', () => {
    const r = runScript(['/bin/sh', '-c', shellScript(cronJob('newsclean-merge'))], { NIGHT: '2025-03-12' });
    expect(r.status).toBe(0);
    expect(r.args).toEqual(['merge', ...Array.from({ length: 8 }, (_, i) => `/data/out/2025-03-12/shard-${i}`), '--out', '/data/out/2025-03-12/merged', '--state', '/data/state/merged']);
    expect(runScript(['/bin/sh', '-c', shellScript(cronJob('newsclean-merge'))], { FAKE_RC: '2' }).status).toBe(2);
  });
});

// ---- Slurm ------------------------------------------------------------------------------------------------

const sbatchArray = (script: string): [number, number] => {
  const m = /^#SBATCH\s+--array=(\d+)-(\d+)\s*$/m.exec(script);
  if (!m) throw new Error('no #SBATCH --array=a-b');
  return [Number(m[1]), Number(m[2])];
};

describe('deploy/slurm', () => {
  const shards = readFileSync(SLURM_SHARDS, 'utf8');
  const merge = readFileSync(SLURM_MERGE, 'utf8');

  it('both scripts pass bash -n', () => {
    for (const file of [SLURM_SHARDS, SLURM_MERGE]) {
      const r = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
      expect(r.status, `${file}: ${r.stderr}`).toBe(0);
    }
  });

  it('the array is 0-(N-1), N shards given by the task count, and the merge takes N shard folders', () => {
    const [lo, hi] = sbatchArray(shards);
    expect(lo).toBe(0);
    const n = hi - lo + 1;
    expect(n).toBeGreaterThan(1);
    expect(shards).toMatch(/--shards "\$SLURM_ARRAY_TASK_COUNT"/);
    expect(Number(/^shards=(\d+)\b/m.exec(merge)?.[1])).toBe(n);
  });

  it('uses only options that `newsclean run --help` lists (besides the pending ones)', () => {
    expect(runHelp).not.toBeNull();
    const used = usedOptions(shards, 'run');
    expect(used).toEqual(expect.arrayContaining(['--out', ...PENDING_RUN]));
    for (const o of used.filter((o) => !PENDING_RUN.includes(o))) expect([...runHelp!], o).toContain(o);
  });

  (runReady ? it : it.todo)('`newsclean run --help` lists --state and --shards, which the array task uses', () => {
    for (const o of usedOptions(shards, 'run')) expect([...runHelp!], o).toContain(o);
  });

  (mergeHelp ? it : it.todo)('the merge script uses only options that `newsclean merge --help` lists', () => {
    for (const o of usedOptions(merge, 'merge')) expect([...mergeHelp!], o).toContain(o);
  });

  const task = { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '8', SLURM_CPUS_PER_TASK: '4', NIGHT: '2025-03-12', NEWSCLEAN_DATA: '/scratch/news' };

  it('task i runs newsclean run into its own out and state folders, with the array size as the shard count', () => {
    const r = runScript(['bash', SLURM_SHARDS], task);
    expect(r.status).toBe(0);
    expect(r.args).toEqual(['run', '/scratch/news/incoming', '--out', '/scratch/news/out/2025-03-12/shard-3', '--state', '/scratch/news/state/shard-3', '--shards', '8', '--concurrency', '4', '--max-reject-rate', '0.5']);
    // An array that starts at 1: the folders follow newsclean's index (ID - MIN).
    const one = runScript(['bash', SLURM_SHARDS], { ...task, SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1' });
    expect(one.args[3]).toBe('/scratch/news/out/2025-03-12/shard-3');
  });

  it('exit 1 (complete, some documents failed) lets afterok go on; 2, 3 and 4 fail the task', () => {
    const one = runScript(['bash', SLURM_SHARDS], { ...task, FAKE_RC: '1' });
    expect(one.status).toBe(0);
    expect(one.stderr).toMatch(/shard 3 completed with failed documents/);
    for (const rc of [2, 3, 4]) expect(runScript(['bash', SLURM_SHARDS], { ...task, FAKE_RC: String(rc) }).status).toBe(rc);
  });

  it('the merge task names the N shard folders of the night', () => {
    const r = runScript(['bash', SLURM_MERGE], { NIGHT: '2025-03-12', NEWSCLEAN_DATA: '/scratch/news' });
    expect(r.status).toBe(0);
    expect(r.args).toEqual(['merge', ...Array.from({ length: 8 }, (_, i) => `/scratch/news/out/2025-03-12/shard-${i}`), '--out', '/scratch/news/out/2025-03-12/merged', '--state', '/scratch/news/state/merged']);
  });
});
