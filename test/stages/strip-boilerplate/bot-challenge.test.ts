// Bot challenges and access-denied pages of CDNs and firewalls are rejected as `bot_challenge`; articles that
// talk about them are not. Real-shaped pages (test/fixtures/bot-challenge/) through the real decode stage.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../../src/core/doc.js';
import { rejection } from '../../../src/core/stage.js';
import { bindPipeline, DEFAULT_PIPELINE, readPipelineFile } from '../../../src/runner/pipeline.js';
import { newDoc, runStages } from '../../../src/runner/process.js';
import { stripBoilerplate } from '../../../src/stages/strip-boilerplate/index.js';
import { docFromBytes, docFromFile, docFromText, SAMPLES, stagesUpTo } from '../../helpers/docs.js';

const FIXTURES = new URL('../../fixtures/bot-challenge/', import.meta.url).pathname;
const BENCHMARK = new URL('../../fixtures/benchmark/', import.meta.url).pathname;
const METADATA = new URL('../../fixtures/benchmark-metadata/pages/', import.meta.url).pathname;

const strip = (doc: Doc): Doc => runStages(doc, stagesUpTo('strip-boilerplate'));
const stripFile = (file: string): Doc => strip(docFromFile(file));

/** The default strip-boilerplate options with other botChallenge settings. */
const withBotChallenge = (settings: Record<string, unknown>) => {
  const options = (readPipelineFile(DEFAULT_PIPELINE) as { stages: Array<{ stage: string; options: Record<string, any> }> }).stages.find(
    (s) => s.stage === 'strip-boilerplate',
  )!.options;
  return stripBoilerplate.options.parse({ ...options, botChallenge: { ...options.botChallenge, ...settings } });
};
const stripWith = (doc: Doc, opts: ReturnType<typeof withBotChallenge>): Doc =>
  stripBoilerplate.run(runStages(doc, stagesUpTo('anatomy')), opts, { stage: 'strip-boilerplate' });

const challenge = (name: string, evidence: string) => ({
  severity: 'fatal',
  stage: 'strip-boilerplate',
  code: 'bot_challenge',
  detail: `${name}: "${evidence}"`,
});

// Every fixture, the signal group expected to name it and the title or line it matched.
const PAGES: Array<[file: string, name: string, evidence: string]> = [
  ['cloudflare-managed-challenge.html', 'Cloudflare challenge', 'Just a moment...'],
  ['cloudflare-turnstile-challenge.html', 'Cloudflare challenge', 'Just a moment...'],
  ['cloudflare-checking-browser.html', 'Cloudflare challenge', 'Just a moment...'],
  ['cloudflare-attention-required.html', 'Cloudflare challenge', 'Attention Required! | Cloudflare'],
  ['cloudflare-error-1020.html', 'Cloudflare challenge', 'Access denied | www.example-news.com used Cloudflare to restrict access'],
  ['cloudflare-just-a-moment.txt', 'Cloudflare challenge', 'Just a moment...'],
  ['cloudflare-just-a-moment-fr.html', 'Cloudflare challenge', 'Un instant…'],
  ['cloudflare-just-a-moment-de.html', 'Cloudflare challenge', 'Einen Moment…'],
  ['cloudflare-just-a-moment-es.html', 'Cloudflare challenge', 'Un momento…'],
  ['cloudflare-just-a-moment-it.html', 'Cloudflare challenge', 'Un momento…'],
  ['cloudflare-just-a-moment-pt.html', 'Cloudflare challenge', 'Um momento…'],
  ['cloudflare-just-a-moment-nl.html', 'Cloudflare challenge', 'Een moment…'],
  ['cloudflare-just-a-moment-pl.html', 'Cloudflare challenge', 'Chwileczkę…'],
  ['cloudflare-just-a-moment-ru.html', 'Cloudflare challenge', 'Один момент…'],
  ['cloudflare-just-a-moment-ja.html', 'Cloudflare challenge', 'しばらくお待ちください…'],
  ['cloudflare-just-a-moment-zh.html', 'Cloudflare challenge', '请稍候…'],
  ['akamai-access-denied.html', 'Akamai', 'You don\'t have permission to access "http://www.example-news.com/world/2024/05/14/summit.html" on…'],
  ['akamai-access-denied.txt', 'Akamai', 'You don\'t have permission to access "http://www.example-news.com/world/2024/05/14/summit.html" on…'],
  ['imperva-blocked.html', 'Imperva / Incapsula', 'This request was blocked by our security service'],
  ['imperva-incapsula.txt', 'Imperva / Incapsula', 'Request unsuccessful. Incapsula incident ID: 123000450123456789-12345678901234567'],
  ['distil-pardon-our-interruption.html', 'Imperva / Incapsula', 'Pardon Our Interruption'],
  ['sucuri-access-denied.html', 'Sucuri Website Firewall', 'Sucuri WebSite Firewall - Access Denied'],
  ['cloudfront-request-blocked.html', 'AWS CloudFront / WAF', 'ERROR: The request could not be satisfied'],
  ['aws-waf-captcha.html', 'AWS CloudFront / WAF', "Let's confirm you are human"],
  ['datadome-blocked.html', 'DataDome', 'Please enable JS and disable any ad blocker'],
  ['datadome-captcha.txt', 'DataDome', 'We want to make sure it is actually you we are dealing with and not a robot.'],
  ['perimeterx-access-denied.html', 'PerimeterX / HUMAN', 'Access to this page has been denied'],
  ['perimeterx-press-and-hold.html', 'PerimeterX / HUMAN', 'Robot or human?'],
  ['google-unusual-traffic.html', 'Google unusual traffic', 'Our systems have detected unusual traffic from your computer network. This page checks to see if…'],
  ['google-unusual-traffic.txt', 'Google unusual traffic', 'Our systems have detected unusual traffic from your computer network. This page checks to see if…'],
  ['ddos-guard.html', 'DDoS-Guard', 'DDoS-Guard'],
  ['f5-request-rejected.html', 'F5 BIG-IP', 'The requested URL was rejected. Please consult with your administrator.'],
  ['wordfence-blocked.html', 'Wordfence', 'Your access to this site has been limited by the site owner'],
  ['modsecurity-not-acceptable.html', 'ModSecurity', 'An appropriate representation of the requested resource could not be found on this server. This…'],
  ['are-you-a-robot.html', 'human verification', 'The Daily Example - Are you a robot?'],
  ['verify-human.txt', 'PerimeterX / HUMAN', 'Access to this page has been blocked because we believe you are using automation tools to browse…'],
  ['access-denied-de.html', 'access denied', 'Zugriff verweigert'],
  ['access-denied-fr.html', 'access denied', 'Accès refusé'],
  ['access-denied-es.html', 'access denied', 'Acceso denegado'],
  ['access-denied-it.html', 'access denied', 'Accesso negato'],
  ['access-denied-pt.html', 'access denied', 'Acesso negado'],
  ['access-denied-nl.html', 'access denied', 'Toegang geweigerd'],
  ['access-denied-pl.html', 'access denied', 'Dostęp zabroniony'],
  ['access-denied-ru.html', 'access denied', 'Доступ запрещён'],
  ['verify-human-de.txt', 'human verification', 'Bitte bestätigen Sie, dass Sie ein Mensch sind'],
  ['verify-human-fr.txt', 'human verification', 'Veuillez vérifier que vous êtes un humain'],
  ['verify-human-es.txt', 'human verification', 'Por favor, verifica que eres un ser humano'],
  ['verify-human-it.txt', 'human verification', 'Verifica di essere un essere umano'],
  ['verify-human-pt.txt', 'human verification', 'Confirme que você é humano'],
  ['verify-human-nl.txt', 'human verification', 'Bevestig dat u een mens bent'],
  ['verify-human-pl.txt', 'human verification', 'Potwierdź, że jesteś człowiekiem'],
  ['verify-human-ru.txt', 'human verification', 'Подтвердите, что вы человек'],
];

describe('bot-challenge and access-denied pages', () => {
  it('has an expectation for every page in the fixture folder', () => {
    const files = readdirSync(FIXTURES).filter((f) => /\.(html|txt)$/.test(f));
    expect(files.sort()).toEqual(PAGES.map(([f]) => f).sort());
  });

  it.each(PAGES)('rejects %s as bot_challenge (%s)', (file, name, evidence) => {
    expect(rejection(stripFile(FIXTURES + file))).toEqual(challenge(name, evidence));
  });

  it('knows a challenge by its <title> alone, when the page shows no text without JavaScript', () => {
    const doc = stripFile(FIXTURES + 'cloudflare-managed-challenge.html');
    expect(doc.blocks).toEqual([]);
    expect(rejection(doc)?.code).toBe('bot_challenge');
  });

  it('reads the lines main-content selection removed, when they are all the page has', () => {
    const doc = strip(
      docFromText(
        `<html><head><title>www.example-news.com</title></head><body>
        <div class="main"><p>www.example-news.com</p></div>
        <footer class="footer"><p>Sorry, you have been blocked</p><p>Cloudflare Ray ID: 8a1f2e3d4c5b6a79</p></footer></body></html>`,
        'html',
      ),
    );
    expect(doc.blocks.find((b) => b.text === 'Sorry, you have been blocked')!.removed).not.toBeNull();
    expect(rejection(doc)).toEqual(challenge('Cloudflare challenge', 'Sorry, you have been blocked'));
  });

  it('reads the title a scraper export gives beside the page', () => {
    const doc = strip(newDoc({ path: 'export.jsonl#3', format: 'text', bytes: Buffer.from('www.example-news.com\n'), givenTitle: 'Just a moment...' }));
    expect(rejection(doc)).toEqual(challenge('Cloudflare challenge', 'Just a moment...'));
  });

  it('takes an access-denied page for a bot challenge, and keeps error_page for soft error pages', () => {
    expect(rejection(stripFile(FIXTURES + 'akamai-access-denied.html'))?.code).toBe('bot_challenge');
    expect(rejection(stripFile(SAMPLES + 'html/page-not-found.html'))?.code).toBe('error_page');
    expect(rejection(strip(docFromText('403\n\nForbidden\n')))?.code).toBe('error_page');
  });
});

describe('articles that mention them are not rejected', () => {
  it.each(readdirSync(FIXTURES + 'articles').sort())('keeps %s', (file) => {
    const doc = stripFile(FIXTURES + 'articles/' + file);
    expect(rejection(doc)).toBeUndefined();
  });

  it('keeps a short brief that says "access denied" and "just a moment" in its sentences', () => {
    const doc = stripFile(FIXTURES + 'articles/short-brief-access-denied.html');
    const words = doc.blocks.filter((b) => !b.removed).reduce((n, b) => n + b.words!, 0);
    expect(words).toBeLessThan(150);
    expect(rejection(doc)).toBeUndefined();
  });

  it('keeps a longer article even when a line of it, or its title, is a challenge phrase', () => {
    const outage = stripFile(FIXTURES + 'articles/cloudflare-outage.txt');
    expect(outage.blocks.map((b) => b.text)).toContain('Just a moment...');
    expect(rejection(outage)).toBeUndefined();
    const feature = stripFile(FIXTURES + 'articles/access-denied-feature.html');
    expect(feature.html!.title).toBe('Access Denied');
    expect(rejection(feature)).toBeUndefined();
  });

  it('rejects none of the seed samples', () => {
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) expect(rejection(stripFile(SAMPLES + file))).toBeUndefined();
    for (const file of readdirSync(SAMPLES + 'html')) expect(rejection(stripFile(SAMPLES + 'html/' + file))?.code).not.toBe('bot_challenge');
  });

  it('rejects none of the benchmark pages, their text dumps or the metadata pages', { timeout: 60_000 }, () => {
    const flagged: string[] = [];
    const check = (path: string, bytes: Uint8Array) => {
      if (rejection(strip(docFromBytes(path, bytes)))?.code === 'bot_challenge') flagged.push(path);
    };
    for (const dir of [BENCHMARK + 'html/', METADATA]) for (const f of readdirSync(dir)) check(f, readFileSync(dir + f));
    for (const dir of ['text-readability/', 'text-fullpage/']) for (const f of readdirSync(BENCHMARK + dir)) check(f, readFileSync(BENCHMARK + dir + f));
    expect(readdirSync(METADATA).length).toBeGreaterThan(200);
    expect(flagged).toEqual([]);
  });
});

describe('botChallenge options', () => {
  it('leaves a page with more kept words than maxWords alone', () => {
    const file = FIXTURES + 'cloudflare-attention-required.html';
    expect(rejection(stripWith(docFromFile(file), withBotChallenge({})))?.code).toBe('bot_challenge');
    expect(rejection(stripWith(docFromFile(file), withBotChallenge({ maxWords: 10 })))).toBeUndefined();
  });

  it('never takes a block longer than maxBlockWords for a challenge line', () => {
    const quote = `Our systems have detected unusual traffic from your computer network, the page said, and ${'then it asked the reporter to wait while it checked the connection again '.repeat(5)}`;
    expect(rejection(stripWith(docFromText(quote), withBotChallenge({})))).toBeUndefined();
    expect(rejection(stripWith(docFromText(quote), withBotChallenge({ maxBlockWords: 100 })))?.code).toBe('bot_challenge');
  });

  it('recognizes nothing without signals, and names the first group that matches', () => {
    const file = FIXTURES + 'perimeterx-access-denied.html';
    expect(rejection(stripWith(docFromFile(file), withBotChallenge({ signals: [] })))).toBeUndefined();
    const mine = withBotChallenge({ signals: [{ name: 'my firewall', patterns: ['^please verify you are a human$'] }] });
    expect(rejection(stripWith(docFromFile(file), mine))).toEqual(challenge('my firewall', 'Please verify you are a human'));
  });

  it('refuses a pattern that is not a regular expression, naming where it is', () => {
    const data = readPipelineFile(DEFAULT_PIPELINE) as { stages: Array<{ stage: string; options: any }> };
    data.stages[2]!.options.botChallenge.signals[0].patterns[0] = '(unclosed';
    expect(() => bindPipeline(data, 'x.json')).toThrow(/botChallenge\.signals\.0\.patterns\.0: not a valid regular expression/);
  });
});
