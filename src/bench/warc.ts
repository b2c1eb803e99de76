// `npm run bench:warc`: one streaming pass over a WARC.gz of 100 and of 1,000 response records, each in a
// fresh process, reporting documents per second and the process's peak memory: it must not grow with the file.
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { listHtmlFiles, readPage } from '../eval/dataset.js';
import { runPipelineInChild } from './child.js';

const help = `Usage: npm run bench:warc -- [--dir <folder>] [--sizes 100,1000] [--json-only]

Writes a WARC.gz (one gzip member per record, request + response pairs as wget writes them) of each size from
the pages of a folder, cycling through them, then runs the pipeline over it in a new process (as
'newsclean run' does) and reports documents/s and peak RSS, and the ratio of the largest run's peak RSS to the
smallest's.`;

const ROOT = new URL('../../', import.meta.url).pathname;

const CRLF = '\r\n';
const record = (type: string, uri: string, i: number, block: Buffer): Buffer => {
  const head = [
    'WARC/1.0', `WARC-Type: ${type}`, `WARC-Target-URI: ${uri}`, 'WARC-Date: 2024-03-12T10:00:00Z',
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}>`,
    `Content-Type: application/http;msgtype=${type}`, `Content-Length: ${block.length}`,
  ].join(CRLF);
  return gzipSync(Buffer.concat([Buffer.from(head + CRLF + CRLF, 'latin1'), block, Buffer.from(CRLF + CRLF)]));
};

/** Written member by member: this process must stay small, since a child's peak RSS starts from its parent's. */
const writeWarc = (file: string, pages: Uint8Array[], n: number): void => {
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < n; i++) {
      const uri = `https://example.org/page/${i}`;
      const body = Buffer.from(pages[i % pages.length]!);
      writeSync(fd, record('request', uri, 2 * i, Buffer.from(`GET /page/${i} HTTP/1.1${CRLF}Host: example.org${CRLF}${CRLF}`)));
      const http = Buffer.from(`HTTP/1.1 200 OK${CRLF}Content-Type: text/html${CRLF}Content-Length: ${body.length}${CRLF}${CRLF}`, 'latin1');
      writeSync(fd, record('response', uri, 2 * i + 1, Buffer.concat([http, body])));
    }
  } finally {
    closeSync(fd);
  }
};

const main = (argv: string[]): number => {
  const { values } = parseArgs({ args: argv, options: { dir: { type: 'string' }, sizes: { type: 'string' }, 'json-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const shared = resolve(ROOT, '../shared/benchmark/html');
  const dir = values.dir ?? (existsSync(shared) ? shared : join(ROOT, 'test/fixtures/benchmark/html'));
  const sizes = (values.sizes ?? '100,1000').split(',').map(Number);
  const pages = listHtmlFiles(dir).map(readPage);
  const work = mkdtempSync(join(tmpdir(), 'newsclean-bench-warc-'));
  const rows: Array<{ records: number; mb: number; seconds: number; docsPerSecond: number; peakRssMb: number }> = [];
  try {
    for (const n of sizes) {
      const input = join(work, `in-${n}`);
      mkdirSync(input, { recursive: true });
      const file = join(input, 'crawl.warc.gz');
      writeWarc(file, pages, n);
      const m = runPipelineInChild([input], join(work, `out-${n}`));
      if (m.read !== n) throw new Error(`expected ${n} documents, the run read ${m.read}`);
      rows.push({ records: n, mb: statSync(file).size / 1e6, seconds: m.ms / 1000, docsPerSecond: n / (m.ms / 1000), peakRssMb: m.maxRssKb / 1024 });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ratio = rows.at(-1)!.peakRssMb / rows[0]!.peakRssMb;
  if (!values['json-only']) {
    console.log(`pages from ${dir}\n`);
    console.log('records  WARC.gz MB  seconds  docs/s  peak RSS MB');
    for (const r of rows) {
      console.log(`${String(r.records).padStart(7)}  ${r.mb.toFixed(1).padStart(10)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.docsPerSecond.toFixed(0).padStart(6)}  ${r.peakRssMb.toFixed(0).padStart(11)}`);
    }
    console.log(`\npeak RSS, ${rows.at(-1)!.records} records / ${rows[0]!.records} records: ${ratio.toFixed(2)}x`);
  }
  console.log(JSON.stringify({ rows, peakRssRatio: Number(ratio.toFixed(3)) }));
  return 0;
};

process.exitCode = main(process.argv.slice(2));
