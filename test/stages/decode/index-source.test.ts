// What the decode stage records on doc.source (the charset and how it was chosen), and what it makes of the
// HTTP header and status a reader passes in.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../../src/core/doc.js';
import { processDocument } from '../../../src/runner/process.js';
import { newDoc } from '../../../src/runner/process.js';
import { decode } from '../../../src/stages/decode/index.js';
import { loadPipeline, DEFAULT_PIPELINE } from '../../../src/runner/pipeline.js';
import { codes, texts } from './helpers.js';

const run = (bytes: Uint8Array, extra: { format?: 'html' | 'text'; contentType?: string; httpStatus?: number } = {}): Doc => {
  const format = extra.format ?? 'html';
  return decode.run(
    newDoc({ path: `page.${format === 'html' ? 'html' : 'txt'}`, format, bytes, contentType: extra.contentType, httpStatus: extra.httpStatus }),
    decode.options.parse({}),
    { stage: 'decode' },
  );
};

const RU = 'Правительство утвердило новый бюджет на следующий год, сообщили в пресс-службе министерства финансов.';
/** A page whose text is in `charset` (its markup is ASCII in all of them). */
const page = (head: string, charset: string, body = RU) =>
  iconv.encode(`<html><head>${head}<title>Новости</title></head><body><p>${body}</p></body></html>`, charset);

describe('doc.source.encoding and encodingSource', () => {
  it.each([
    ['a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page('', 'utf-8')]), {}, 'utf-8', 'bom'],
    ['the HTTP header', page('', 'koi8-r'), { contentType: 'text/html; charset=KOI8-R' }, 'koi8-r', 'http'],
    ['a <meta>', page('<meta charset="windows-1251">', 'windows-1251'), {}, 'windows-1251', 'meta'],
    ['an XML declaration', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="iso-8859-5"?>'), page('', 'iso-8859-5')]), {}, 'iso-8859-5', 'xml'],
    ['valid UTF-8', page('', 'utf-8'), {}, 'utf-8', 'utf8'],
    ['detection', page('', 'windows-1251'), {}, 'windows-1251', 'detected'],
  ])('records the charset chosen by %s', (_how, bytes, extra, encoding, source) => {
    const doc = run(bytes, extra);
    expect(doc.source).toMatchObject({ encoding, encodingSource: source });
    expect(texts(doc)).toEqual([RU]);
    expect(doc.html!.title).toBe('Новости');
  });

  it('records the fallback when nothing declared the charset and the detector could not tell', () => {
    const doc = run(Buffer.from('Caf\xe9 ouvert.', 'latin1'), { format: 'text' });
    expect(doc.source).toMatchObject({ encoding: 'windows-1252', encodingSource: 'fallback' });
    expect(texts(doc)).toEqual(['Café ouvert.']);
    expect(doc.messages.find((m) => m.code === 'charset_guessed')!.detail).toMatch(/fallback/);
  });

  it('names the HTTP header in the warning when its legacy charset is overruled by valid UTF-8', () => {
    const doc = run(page('', 'utf-8'), { contentType: 'text/html; charset=windows-1251' });
    expect(doc.source).toMatchObject({ encoding: 'utf-8', encodingSource: 'utf8' });
    expect(doc.messages).toMatchObject([{ code: 'declared_charset_ignored', detail: expect.stringMatching(/HTTP header.*windows-1251/) }]);
  });

  it('leaves them null on a document it rejects before decoding', () => {
    expect(run(new Uint8Array()).source).toMatchObject({ encoding: null, encodingSource: null });
  });

  it('puts them on the article record', () => {
    const stages = loadPipeline(DEFAULT_PIPELINE).stages;
    const story = Array.from({ length: 8 }, () => RU).join(' ');
    const out = processDocument({ path: 'a.html', format: 'html', bytes: page('<meta charset="windows-1251">', 'windows-1251', story) }, stages);
    expect(out.status).toBe('accepted');
    if (out.status === 'accepted') expect(out.article.source).toMatchObject({ encoding: 'windows-1251', encodingSource: 'meta' });
  });
});

describe('http_error', () => {
  const story = `<html><head><title>Not Found</title></head><body><h1>Page not found</h1><p>${RU}</p></body></html>`;

  it.each([404, 410, 500, 503])('rejects a page served with status %i, after decoding it', (status) => {
    const doc = run(Buffer.from(story), { httpStatus: status });
    expect(doc.messages.filter((m) => m.severity === 'fatal')).toEqual([
      { severity: 'fatal', stage: 'decode', code: 'http_error', detail: `served with HTTP status ${status}` },
    ]);
    // The text is decoded and its blocks built, so the trace shows what the error page said.
    expect(texts(doc)).toEqual(['Page not found', RU]);
  });

  it.each([200, 203, 301, 399])('accepts status %i', (status) => {
    expect(codes(run(Buffer.from(story), { httpStatus: status }))).toEqual([]);
  });

  it('rejects an HTTP error as http_error through the whole pipeline, also a text file', () => {
    const stages = loadPipeline(DEFAULT_PIPELINE).stages;
    const out = processDocument({ path: 'a.txt', format: 'text', bytes: Buffer.from(`${RU}\n${RU}\n${RU}`), httpStatus: 404 }, stages);
    expect(out.status).toBe('rejected');
    if (out.status === 'rejected') expect(out.rejected).toMatchObject({ stage: 'decode', code: 'http_error' });
  });

  it('reports an empty or binary body as such rather than as http_error', () => {
    expect(codes(run(new Uint8Array(), { httpStatus: 404 }))).toEqual(['empty_input']);
  });
});
