// Every command and code example of the README runs as written: the fenced `sh` and `ts` blocks are taken from
// the README itself, so they cannot drift from what the code does.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES, tempDir } from './cli/helpers.js';

interface Example {
  lang: string;
  line: number;
  code: string;
}

/** The fenced code blocks of the README (indented ones inside lists too), with their language and line. */
const examples = (): Example[] => {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w+)?\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    out.push({ lang: open[2] ?? '', line: i + 1, code: body.join('\n') });
    i = j;
  }
  return out;
};

const all = examples();
const QUICK_START = all.find((e) => e.code.includes('npm ci && npm start'))!;
const shell = all.filter((e) => e.lang === 'sh' && e !== QUICK_START);
const typescript = all.filter((e) => e.lang === 'ts');

describe('README examples', () => {
  const sandbox = tempDir('readme');
  const bin = join(sandbox, '.bin');

  beforeAll(() => {
    cpSync(SAMPLES, join(sandbox, 'samples'), { recursive: true });
    cpSync(SAMPLES, join(sandbox, 'incoming'), { recursive: true });
    cpSync(join(ROOT, 'deploy'), join(sandbox, 'deploy'), { recursive: true });
    cpSync(join(ROOT, 'pipelines'), join(sandbox, 'pipelines'), { recursive: true });
    mkdirSync(bin);
    // `newsclean` is the checkout's built CLI; `sbatch` a stand-in that accepts a job and gives it an id.
    writeFileSync(join(bin, 'newsclean'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`);
    writeFileSync(join(bin, 'sbatch'), '#!/bin/sh\necho "$@" >> "$(dirname "$0")/sbatch.calls"\necho 4242\n');
    for (const f of ['newsclean', 'sbatch']) chmodSync(join(bin, f), 0o755);
    // `import ... from 'newsclean'` resolves to the checkout, through its package exports.
    mkdirSync(join(sandbox, 'node_modules'));
    symlinkSync(ROOT, join(sandbox, 'node_modules', 'newsclean'), 'dir');
  });

  it('has the examples this test runs', () => {
    expect(shell.length).toBeGreaterThanOrEqual(3);
    expect(typescript.length).toBe(2);
  });

  it.each(shell.map((e) => [e.line, e]))('the sh block at line %i runs and exits 0', (_, e) => {
    const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', e.code], { cwd: sandbox, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, timeout: 120_000 });
    expect(r.status, `${e.code}\n${r.stderr}`).toBe(0);
  });

  it.each(typescript.map((e) => [e.line, e]))('the ts block at line %i type-checks and runs', (line, e) => {
    const name = `example-${line}`;
    writeFileSync(join(sandbox, `${name}.mts`), e.code);
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    const flags = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), '--skipLibCheck'];
    const compiled = spawnSync(tsc, [...flags, `${name}.mts`], { cwd: sandbox, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    const run = spawnSync(process.execPath, [`${name}.mjs`], { cwd: sandbox, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).not.toBe('');
  });

  it('the quick start: npm start is the documented command, and that command runs on samples/', () => {
    // `npm ci` is CI's own first step and `npm test` is the run this test is part of; `npm start` is checked by
    // what it runs, without rebuilding dist/ under the other tests.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const documented = /`npm start` runs `([^`]+)`/.exec(readme)![1]!;
    expect(pkg.scripts.start).toBe(`tsc -p tsconfig.json && ${documented}`);
    const [cmd, ...args] = documented.split(' ');
    expect(cmd).toBe('node');
    const out = join(sandbox, 'quick-start');
    const r = spawnSync(process.execPath, [join(ROOT, args[0]!), ...args.slice(1).map((a) => (a === 'out' ? out : a === 'samples' ? SAMPLES : a))], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html');
  });
});
