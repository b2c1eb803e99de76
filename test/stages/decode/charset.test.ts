import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes as bytesToText } from '../../../src/stages/decode/bytes.js';
import { charsetForLabel, chooseCharset, declaredLabel } from '../../../src/stages/decode/charset.js';
import { decode } from '../../../src/stages/decode/index.js';
import { newDoc } from '../../../src/runner/process.js';
import { decodeBytes, SHARED } from './helpers.js';

const DIR = `${SHARED}benchmark-decode/charset/`;
interface Case {
  file: string;
  expected: string;
  encoding: string;
}
const INDEX = JSON.parse(readFileSync(`${DIR}index.json`, 'utf8')) as Record<string, Case>;

/** The benchmark's comparison: BOM dropped, NFC, CRLF/CR -> LF, ends trimmed. */
const norm = (s: string) => s.replace(/^\ufeff/, '').normalize('NFC').replace(/\r\n?/g, '\n').trim();

describe('charset labels (WHATWG)', () => {
  it.each([
    ['ISO-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['US-ASCII', 'windows-1252'],
    ['utf8', 'utf-8'],
    ['Shift_JIS', 'cp932'],
    ['EUC-KR', 'cp949'],
    ['gb2312', 'gbk'],
    ['x-mac-cyrillic', 'maccyrillic'],
    ['windows-1251', 'windows-1251'],
    ['koi8-r', 'koi8-r'],
  ])('%s decodes as %s', (label, charset) => {
    expect(charsetForLabel(label)).toBe(charset);
  });

  it('knows no charset for a made-up label', () => {
    expect(charsetForLabel('x-klingon')).toBeNull();
  });

  it('finds the declaration in <meta charset>, http-equiv, or an XML prolog', () => {
    const b = (s: string) => Buffer.from(s);
    expect(declaredLabel(b('<!doctype html><head><meta charset=utf-8>'), 4096)).toBe('utf-8');
    expect(declaredLabel(b('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Windows-1251">'), 4096)).toBe('Windows-1251');
    expect(declaredLabel(b('<?xml version="1.0" encoding="ISO-8859-2"?><html>'), 4096)).toBe('ISO-8859-2');
    expect(declaredLabel(b(`${' '.repeat(5000)}<meta charset="koi8-r">`), 4096)).toBeNull();
  });

  it('prefers a BOM to a declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252">')]);
    expect(chooseCharset(bytes, { html: true, sniffBytes: 4096, fallback: 'windows-1252' })).toMatchObject({ charset: 'utf-8', source: 'bom', skip: 3 });
  });
});

describe('benchmark-decode charset cases (16 short texts in 9 encodings)', () => {
  // Scored as the benchmark does: the decoded text itself, before our whitespace normalization.
  const opts = { html: false, sniffBytes: 4096, fallback: 'windows-1252', maxControlShare: 0.1 };
  const results = Object.entries(INDEX).map(([id, c]) => {
    const bytes = readFileSync(DIR + c.file);
    const decoded = bytesToText(bytes, opts);
    const got = decoded.ok ? norm(decoded.text) : `(${decoded.code})`;
    return { id, encoding: c.encoding, got, expected: norm(readFileSync(DIR + c.expected, 'utf8')), doc: decodeBytes(bytes, 'text') };
  });

  it('decodes every UTF-8 case exactly, with and without a BOM, without warnings', () => {
    const utf8 = results.filter((r) => r.encoding === 'UTF-8');
    expect(utf8).toHaveLength(8);
    for (const r of utf8) {
      expect(r.got, r.id).toBe(r.expected);
      expect(r.doc.messages, r.id).toEqual([]);
    }
  });

  it('guesses the legacy charsets of at least 7 of the 8 others (the plain rule "UTF-8 else windows-1252" gets 1)', () => {
    const legacy = results.filter((r) => r.encoding !== 'UTF-8');
    const exact = legacy.filter((r) => r.got === r.expected).map((r) => r.encoding);
    expect(exact.length, `exact: ${exact.join(', ')}`).toBeGreaterThanOrEqual(7);
    for (const r of legacy) expect(r.doc.messages.map((m) => m.code)).toContain('charset_guessed');
  });
});

describe('a declared charset the bytes contradict', () => {
  it('decodes valid UTF-8 as UTF-8 under a legacy <meta charset>, with a warning', () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body><p>Le café est fermé après midi, a dit la mairie.</p></body></html>';
    const doc = decode.run(newDoc({ path: 'x.html', format: 'html', bytes: Buffer.from(html, 'utf8') }), decode.options.parse({}), { stage: 'decode' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Le café est fermé après midi, a dit la mairie.']);
    expect(doc.messages.map((m) => m.code)).toEqual(['declared_charset_ignored']);
  });

  it('keeps the declared legacy charset when the bytes are not UTF-8', () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body><p>Le café est fermé.</p></body></html>';
    const doc = decode.run(newDoc({ path: 'x.html', format: 'html', bytes: Buffer.from(html, 'latin1') }), decode.options.parse({}), { stage: 'decode' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Le café est fermé.']);
    expect(doc.messages).toEqual([]);
  });
});
