// Bot challenges among real articles, through the built CLI: rejected as `bot_challenge`, the articles kept.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, RejectedRecord, Report } from '../../src/core/records.js';
import { cli, copySamples, readLines, ROOT, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'bot-challenge');
const CHALLENGES = ['cloudflare-turnstile-challenge.html', 'akamai-access-denied.txt', 'access-denied-de.html'];
const ARTICLES = ['short-brief-access-denied.html', 'cloudflare-outage.txt'];

describe('newsclean run on a crawl with bot challenges in it', () => {
  let run: ReturnType<typeof cli>;
  let out: string;
  beforeAll(() => {
    const dir = join(tempDir('bot-challenge'), 'crawl');
    copySamples(dir);
    mkdirSync(join(dir, 'blocked'));
    for (const f of CHALLENGES) copyFileSync(join(FIXTURES, f), join(dir, 'blocked', f));
    for (const f of ARTICLES) copyFileSync(join(FIXTURES, 'articles', f), join(dir, f));
    out = join(tempDir('bot-challenge-out'), 'out');
    run = cli(['run', dir, '--out', out]);
  });

  it('writes each challenge page to rejected.jsonl with code bot_challenge and the signal that matched', () => {
    expect(run.code, run.stderr).toBe(0);
    const rejected = readLines<RejectedRecord>(join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.source.path, r.status, r.stage, r.code])).toEqual(
      CHALLENGES.sort().map((f) => [`blocked/${f}`, 'rejected', 'strip-boilerplate', 'bot_challenge']),
    );
    const cloudflare = rejected.find((r) => r.source.path === 'blocked/cloudflare-turnstile-challenge.html')!;
    expect(cloudflare.messages).toContainEqual({
      severity: 'fatal',
      stage: 'strip-boilerplate',
      code: 'bot_challenge',
      detail: 'Cloudflare challenge: "Just a moment..."',
    });
  });

  it('counts them in report.json and keeps the articles that only mention such pages', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.rejectedByCode).toEqual({ bot_challenge: 3 });
    const accepted = readLines<ArticleRecord>(join(out, 'articles.jsonl')).map((a) => a.source.path);
    expect(accepted).toEqual(expect.arrayContaining(ARTICLES));
    expect(report.accepted).toBe(accepted.length);
    expect(run.stdout).toContain('bot_challenge 3');
  });
});
