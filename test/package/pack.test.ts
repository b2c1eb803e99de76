// What a user installs is what is tested: the package packed with `npm pack`, installed from the tarball into an
// empty folder, imported by name (with its types) and run as the `newsclean` bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES, tempDir } from '../cli/helpers.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

describe('the packed package', () => {
  const base = tempDir('pack');
  const app = join(base, 'app');
  let tarball = '';

  beforeAll(() => {
    // dist/ is fresh from npm test's build; --ignore-scripts keeps prepare from rewriting it under the other tests.
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', base], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(base, packed[0]!.filename);
    const files = packed[0]!.files.map((f) => f.path);
    // Built output and the default pipeline, no sources or tests.
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('pipelines/news.json');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    npm(['init', '-y'], (execFileSync('mkdir', ['-p', app]), app));
    npm(['install', '--no-audit', '--no-fund', '--omit=dev', tarball], app);
  }, 300_000);

  it('is imported by name: cleanDocument and runPipeline work, and its types check', async () => {
    writeFileSync(
      join(app, 'use.mts'),
      `import { cleanDocument, runPipeline, type ArticleRecord, type Outcome } from 'newsclean';
import { readFileSync } from 'node:fs';
const outcome: Outcome = cleanDocument(readFileSync(process.argv[2]!), { path: 'story.html' });
const article: ArticleRecord | null = outcome.status === 'accepted' ? outcome.article : null;
const { report } = await runPipeline({ inputs: [process.argv[3]!], out: process.argv[4]! });
console.log(JSON.stringify({ title: article?.title ?? null, read: report.read, accepted: report.accepted }));
`,
    );
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    const check = spawnSync(tsc, ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'use.mts'], { cwd: app, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    execFileSync(tsc, ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'use.mts'], { cwd: app });
    const out = join(base, 'out');
    const r = spawnSync(process.execPath, ['use.mjs', join(SAMPLES, 'html', 'riverside-council-budget.html'), SAMPLES, out], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { title: string | null; read: number; accepted: number };
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { read: number; accepted: number };
    expect(got).toEqual({ title: expect.any(String), read: report.read, accepted: report.accepted });
    expect(got.read).toBeGreaterThan(5);
  });

  it('installs the newsclean bin, which cleans a document as the checkout does', () => {
    const bin = join(app, 'node_modules', '.bin', 'newsclean');
    const sample = join(SAMPLES, 'html', 'riverside-council-budget.html');
    const installed = spawnSync(bin, ['clean', sample], { cwd: app, encoding: 'utf8' });
    const local = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'clean', sample], { encoding: 'utf8' });
    expect(installed.status).toBe(0);
    expect(installed.stdout).toBe(local.stdout);
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
