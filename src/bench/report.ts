// `npm run bench:report`: how fast the report of a large night opens. Generates a corpus (the one of bench:scale),
// runs `newsclean run` over it (which writes report.html), times `newsclean report` rebuilding the page alone, then
// opens report.html in Debian's chromium (playwright-core) and times the first view, the document index and one
// document found by search.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCliInChild } from './child.js';
import { generate, PER_FOLDER, sampleSentences } from './corpus.js';

const help = `Usage: npm run bench:report -- [--documents 100000] [--corpus <dir>] [--rounds 3] [--keep]

  --documents <n>  documents to generate (a multiple of ${PER_FOLDER}; default 100000)
  --corpus <dir>   run over this folder instead of generating one
  --rounds <n>     times the page is opened in a new browser page (default 3; the median is printed)
  --keep           keep the generated corpus and the output folder (their paths are printed)`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => bytes / (1 << 20);

const folderBytes = (dir: string): { bytes: number; files: number } => {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    bytes += statSync(join(dir, name)).size;
    files++;
  }
  return { bytes, files };
};

const main = async (argv: string[]): Promise<number> => {
  const { values } = parseArgs({ args: argv, options: { documents: { type: 'string' }, corpus: { type: 'string' }, rounds: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const documents = Number(values.documents ?? 100_000);
  const rounds = Number(values.rounds ?? 3);
  if (!values.corpus && (!Number.isInteger(documents) || documents <= 0 || documents % PER_FOLDER)) {
    console.error(`newsclean bench:report: --documents must be a positive multiple of ${PER_FOLDER}`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'newsclean-bench-report-'));
  const corpus = values.corpus ?? join(work, 'corpus');
  const out = join(work, 'out');
  try {
    if (!values.corpus) {
      const t0 = performance.now();
      generate(corpus, documents, documents, sampleSentences());
      console.log(`generated ${documents} documents under ${corpus} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const run = runCliInChild(['run', corpus, '--out', out, '--progress', '0'], join(work, 'peak'));
    if (run.status !== 0 && run.status !== 1) throw new Error(`newsclean run exited ${run.status}: ${run.stderr.trim()}`);
    console.log(run.stdout.split('\n')[0]);
    console.log(`run (report.html included): ${(run.ms / 1000).toFixed(1)} s, peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MB`);
    const rebuild = runCliInChild(['report', out], join(work, 'peak'));
    if (rebuild.status !== 0) throw new Error(`newsclean report exited ${rebuild.status}: ${rebuild.stderr.trim()}`);
    console.log(`newsclean report alone: ${(rebuild.ms / 1000).toFixed(1)} s, peak RSS ${(rebuild.maxRssKb / 1024).toFixed(0)} MB`);
    const html = statSync(join(out, 'report.html')).size;
    const data = folderBytes(join(out, 'report-data'));
    const index = readdirSync(join(out, 'report-data')).find((n) => n.startsWith('index-'))!;
    const indexBytes = statSync(join(out, 'report-data', index)).size;
    console.log(`report.html ${mb(html).toFixed(2)} MB; report-data/ ${data.files} files, ${mb(data.bytes).toFixed(0)} MB (index ${mb(indexBytes).toFixed(1)} MB)`);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    const firstView: number[] = [];
    const indexReady: number[] = [];
    const openDoc: number[] = [];
    try {
      for (let r = 0; r < rounds; r++) {
        const page = await browser.newPage();
        const t0 = performance.now();
        await page.goto(`file://${join(out, 'report.html')}`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('[data-chart="outcomes"] g.bar', { state: 'visible' });
        firstView.push(performance.now() - t0);
        await page.waitForFunction(() => / of [\d,]+ documents$/.test(document.getElementById('doc-count')?.textContent ?? ''), undefined, { timeout: 120_000 });
        indexReady.push(performance.now() - t0);
        const t1 = performance.now();
        // A document in the middle of the night, by the name the generator gave it.
        const target = `/${String(Math.floor(documents / 2)).padStart(6, '0')}.`;
        await page.fill('#search', target);
        await page.waitForFunction(() => document.querySelectorAll('#doc-list li[data-id]').length === 1, undefined, { timeout: 60_000 });
        await page.press('#search', 'Enter');
        await page.waitForSelector('#doc-view [data-block]', { timeout: 60_000 });
        openDoc.push(performance.now() - t1);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const s = (xs: number[]) => `${(median(xs) / 1000).toFixed(2)} s`;
    console.log(`chromium, median of ${rounds}: first view (charts visible) ${s(firstView)}; document index loaded ${s(indexReady)}; search + open one document ${s(openDoc)}`);
    console.log(JSON.stringify({ documents, runSeconds: run.ms / 1000, reportSeconds: rebuild.ms / 1000, reportPeakRssMb: rebuild.maxRssKb / 1024, htmlBytes: html, dataBytes: data.bytes, dataFiles: data.files, indexBytes, firstViewMs: median(firstView), indexMs: median(indexReady), openDocumentMs: median(openDoc) }));
    if (values.keep) console.log(`kept ${work}`);
    return 0;
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
};

process.exitCode = await main(process.argv.slice(2));
