// The contenders timed by `npm run bench:stages`, each a function over one in-memory page.
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import { parseDocument } from 'htmlparser2';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import type { BoundStage } from '../core/stage.js';
import { processDocument } from '../runner/process.js';

export interface BenchPage {
  name: string;
  url: string | null;
  bytes: Uint8Array;
  /** UTF-8 decoded once up front: the string tools get text, newsclean gets bytes and decodes itself. */
  html: string;
}

export interface SerialTool {
  name: string;
  what: string;
  run(page: BenchPage): unknown;
}

/** Readability is typed against the DOM lib, which this Node project does not load. */
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

// jsdom reports CSS it cannot parse on the console; that noise is not part of the work measured.
const quietConsole = new VirtualConsole();

export const serialTools = (stages: BoundStage[]): SerialTool[] => [
  { name: 'parse', what: 'htmlparser2 parseDocument only (the floor)', run: (p) => parseDocument(p.html) },
  {
    name: 'newsclean',
    what: 'the whole default pipeline, in-process',
    run: (p) => processDocument({ path: p.name, format: 'html', bytes: p.bytes, url: p.url }, stages),
  },
  { name: 'cheerio', what: 'cheerio.load, default parse5 parser', run: (p) => cheerio.load(p.html) },
  {
    name: 'readability-linkedom',
    what: '@mozilla/readability on linkedom',
    run: (p) => new Readability(parseHTML(p.html).document as unknown as ReadabilityDocument).parse(),
  },
  {
    name: 'readability-jsdom',
    what: '@mozilla/readability on jsdom',
    run: (p) => {
      const dom = new JSDOM(p.html, { url: p.url ?? undefined, virtualConsole: quietConsole });
      const out = new Readability(dom.window.document as ReadabilityDocument).parse();
      dom.window.close();
      return out;
    },
  },
];
