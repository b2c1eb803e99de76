import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes as bytesToText } from '../../../src/stages/decode/bytes.js';
import {
  charsetForLabel,
  chooseCharset,
  decodeWith,
  detectCharset,
  httpCharsetLabel,
  metaLabel,
  sniffWide,
  xmlLabel,
  type CharsetOptions,
} from '../../../src/stages/decode/charset.js';
import { decode } from '../../../src/stages/decode/index.js';
import { newDoc } from '../../../src/runner/process.js';
import { decodeBytes, SHARED } from './helpers.js';

const DIR = `${SHARED}benchmark-decode/charset/`;
const OWN = new URL('../../fixtures/charset-own/', import.meta.url).pathname;
interface Case {
  file: string;
  expected: string;
  encoding: string;
}
const INDEX = JSON.parse(readFileSync(`${DIR}index.json`, 'utf8')) as Record<string, Case>;

/** The benchmark's comparison: BOM dropped, NFC, CRLF/CR -> LF, ends trimmed. */
const norm = (s: string) => s.replace(/^\ufeff/, '').normalize('NFC').replace(/\r\n?/g, '\n').trim();

const RU = 'Президент заявил журналистам, что переговоры продолжатся на следующей неделе в столице.';
const html = (opts: Partial<CharsetOptions> = {}): CharsetOptions => ({ html: true, sniffBytes: 4096, fallback: 'windows-1252', ...opts });
const text = (opts: Partial<CharsetOptions> = {}): CharsetOptions => html({ html: false, ...opts });
const page = (head: string, body: string, charset: string) =>
  Buffer.concat([Buffer.from(`<html><head>${head}</head><body><p>`), iconv.encode(body, charset), Buffer.from('</p></body></html>')]);

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
    ['TIS-620', 'windows-874'],
    ['ISO-2022-JP', 'iso-2022-jp'],
  ])('%s decodes as %s', (label, charset) => {
    expect(charsetForLabel(label)).toBe(charset);
  });

  it('knows no charset for a made-up label', () => {
    expect(charsetForLabel('x-klingon')).toBeNull();
  });
});

describe('declarations', () => {
  const b = (s: string) => Buffer.from(s);

  it('finds the label in <meta charset> and http-equiv within the first sniffBytes', () => {
    expect(metaLabel(b('<!doctype html><head><meta charset=utf-8>'), 4096)).toBe('utf-8');
    expect(metaLabel(b('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Windows-1251">'), 4096)).toBe('Windows-1251');
    expect(metaLabel(b(`${' '.repeat(5000)}<meta charset="koi8-r">`), 4096)).toBeNull();
  });

  it('finds the encoding of an XML declaration only at the start', () => {
    expect(xmlLabel(b('<?xml version="1.0" encoding="ISO-8859-2"?><html>'), 4096)).toBe('ISO-8859-2');
    expect(xmlLabel(b('<p>see <?xml version="1.0" encoding="koi8-r"?></p>'), 4096)).toBeNull();
  });

  it('reads the charset parameter of an HTTP Content-Type, quoted or not, among other parameters', () => {
    expect(httpCharsetLabel('text/html; charset=windows-1251')).toBe('windows-1251');
    expect(httpCharsetLabel('text/html;CHARSET="Shift_JIS"; boundary=x')).toBe('Shift_JIS');
    expect(httpCharsetLabel('text/html; format=flowed; charset=koi8-r')).toBe('koi8-r');
    expect(httpCharsetLabel('text/html')).toBeNull();
    expect(httpCharsetLabel(null)).toBeNull();
  });
});

describe('the WHATWG order: BOM, HTTP, <meta>, XML declaration, UTF-8, detection, fallback', () => {
  it('takes a BOM over the HTTP header and the page', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252"><p>café</p>')]);
    expect(chooseCharset(bytes, html({ contentType: 'text/html; charset=koi8-r' }))).toMatchObject({ charset: 'utf-8', source: 'bom', skip: 3 });
  });

  it.each([
    ['utf-32le', [0xff, 0xfe, 0, 0], 4],
    ['utf-32be', [0, 0, 0xfe, 0xff], 4],
    ['utf-16le', [0xff, 0xfe], 2],
    ['utf-16be', [0xfe, 0xff], 2],
  ])('reads a %s BOM', (charset, bom, skip) => {
    const bytes = Buffer.concat([Buffer.from(bom as number[]), iconv.encode(RU, charset as string)]);
    const choice = chooseCharset(bytes, text());
    expect(choice).toMatchObject({ charset, source: 'bom', skip });
    expect(decodeWith(bytes.subarray(choice.skip), choice.charset)).toBe(RU);
  });

  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])('recognizes %s without a BOM by its NUL bytes', (charset) => {
    const bytes = iconv.encode(`Breaking: ${RU} (Reuters) 2024`, charset);
    expect(sniffWide(bytes)).toBe(charset);
    expect(chooseCharset(bytes, text())).toMatchObject({ charset, source: 'detected' });
  });

  it("takes the HTTP header's charset over the page's <meta>", () => {
    const bytes = page('<meta charset="koi8-r">', RU, 'windows-1251');
    expect(chooseCharset(bytes, html({ contentType: 'text/html; charset=windows-1251' }))).toMatchObject({ charset: 'windows-1251', source: 'http' });
    expect(chooseCharset(bytes, html())).toMatchObject({ charset: 'koi8-r', source: 'meta' });
  });

  it('goes on to <meta> when the HTTP header names an unknown charset, and says so', () => {
    const bytes = page('<meta charset="windows-1251">', RU, 'windows-1251');
    expect(chooseCharset(bytes, html({ contentType: 'text/html; charset=x-klingon' }))).toMatchObject({
      charset: 'windows-1251',
      source: 'meta',
      unknownLabel: { label: 'x-klingon', from: 'http' },
    });
  });

  it('takes <meta> over an XML declaration, and the XML declaration over the bytes (also in a text file)', () => {
    const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-5"?>\n'), iconv.encode(RU, 'iso-8859-5')]);
    expect(chooseCharset(xml, text())).toMatchObject({ charset: 'iso-8859-5', source: 'xml' });
    const both = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-5"?><meta charset="koi8-r">'), iconv.encode(RU, 'koi8-r')]);
    expect(chooseCharset(both, html())).toMatchObject({ charset: 'koi8-r', source: 'meta' });
  });

  it('decodes valid UTF-8 as UTF-8 under a legacy label in the HTTP header or the page, and says which', () => {
    const bytes = page('<meta charset="iso-8859-1">', 'Le café est fermé après midi.', 'utf-8');
    expect(chooseCharset(bytes, html())).toMatchObject({ charset: 'utf-8', source: 'utf8', ignoredLabel: { label: 'iso-8859-1', from: 'meta' } });
    expect(chooseCharset(bytes, html({ contentType: 'text/html; charset=windows-1251' }))).toMatchObject({
      charset: 'utf-8',
      ignoredLabel: { label: 'windows-1251', from: 'http' },
    });
  });

  it('believes utf-16 from the HTTP header, but not from a <meta> (WHATWG: the page would be unreadable)', () => {
    const bytes = iconv.encode('<meta charset="utf-16"><p>Hello</p>', 'utf-16le');
    expect(chooseCharset(bytes, html({ contentType: 'text/html; charset=UTF-16LE' }))).toMatchObject({ charset: 'utf-16le', source: 'http' });
    expect(chooseCharset(Buffer.from('<meta charset="utf-16"><p>Hello</p>'), html())).toMatchObject({ charset: 'utf-8', source: 'meta' });
  });

  it('recognizes ISO-2022-JP, which is 7-bit and so also valid ASCII, by its escape sequences', () => {
    // 日本語のニュース in ISO-2022-JP: ESC $ B ... ESC ( B.
    const bytes = Buffer.from('1b2442467c4b5c386c244e254b2565213c25391b2842', 'hex');
    const choice = chooseCharset(bytes, text());
    expect(choice).toMatchObject({ charset: 'iso-2022-jp', source: 'detected' });
    expect(decodeWith(bytes, choice.charset)).toBe('日本語のニュース');
    expect(chooseCharset(Buffer.from('plain ASCII with an ESC \x1b[0m colour code'), text())).toMatchObject({ source: 'utf8' });
  });

  it('detects the charset of undeclared legacy text', () => {
    expect(chooseCharset(iconv.encode(`${RU}\n${RU}`, 'koi8-r'), text())).toMatchObject({ charset: 'koi8-r', source: 'detected' });
    const greek = 'Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία και την απασχόληση των νέων.';
    expect(chooseCharset(iconv.encode(greek, 'windows-1253'), text())).toMatchObject({ charset: 'windows-1253', source: 'detected' });
  });

  it('keeps the fallback for a handful of high bytes the detector cannot judge', () => {
    // "It’s a “café”": four non-ASCII bytes; chardet's best guess there is windows-1250.
    const bytes = Buffer.from([...Buffer.from('It'), 0x92, ...Buffer.from('s a '), 0x93, ...Buffer.from('caf'), 0xe9, 0x94]);
    expect(detectCharset(bytes, 'windows-1252')).toBeNull();
    expect(chooseCharset(bytes, text())).toMatchObject({ charset: 'windows-1252', source: 'fallback' });
    expect(chooseCharset(bytes, text({ fallback: 'windows-1250' }))).toMatchObject({ charset: 'windows-1250', source: 'fallback' });
  });

  it('gives a tie among the detector\'s candidates to the fallback (German umlauts read the same in several tables)', () => {
    const de = 'Die Bürgermeisterin äußerte sich am Dienstag zur Lage der Schulen: Die Gebäude müssen bis Ende März geprüft werden.';
    const bytes = iconv.encode(`${de}\n${de}\n${de}`, 'windows-1252');
    expect(detectCharset(bytes, 'windows-1252')?.charset).toBe('windows-1252');
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
      expect(r.doc.source.encodingSource, r.id).toBe(r.id.endsWith('.bom') ? 'bom' : 'utf8');
    }
  });

  it('detects each of the 8 legacy charsets exactly, and warns that it did', () => {
    const legacy = results.filter((r) => r.encoding !== 'UTF-8');
    expect(legacy).toHaveLength(8);
    for (const r of legacy) {
      expect(r.got, r.id).toBe(r.expected);
      expect(r.doc.messages.map((m) => m.code)).toContain('charset_guessed');
      expect(r.doc.source.encodingSource).toBe('detected');
    }
  });
});

describe('a declared charset the bytes contradict', () => {
  it('decodes valid UTF-8 as UTF-8 under a legacy <meta charset>, with a warning', () => {
    const page = '<html><head><meta charset="iso-8859-1"></head><body><p>Le café est fermé après midi, a dit la mairie.</p></body></html>';
    const doc = decode.run(newDoc({ path: 'x.html', format: 'html', bytes: Buffer.from(page, 'utf8') }), decode.options.parse({}), { stage: 'decode' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Le café est fermé après midi, a dit la mairie.']);
    expect(doc.messages.map((m) => m.code)).toEqual(['declared_charset_ignored']);
  });

  it('keeps the declared legacy charset when the bytes are not UTF-8', () => {
    const page = '<html><head><meta charset="iso-8859-1"></head><body><p>Le café est fermé.</p></body></html>';
    const doc = decode.run(newDoc({ path: 'x.html', format: 'html', bytes: Buffer.from(page, 'latin1') }), decode.options.parse({}), { stage: 'decode' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Le café est fermé.']);
    expect(doc.messages).toEqual([]);
  });
});

describe('the own set (test/fixtures/charset-own)', () => {
  it('holds at least 20 legacy encodings besides UTF-16/32, each file without a declaration', () => {
    const index = JSON.parse(readFileSync(`${OWN}index.json`, 'utf8')) as Record<string, Case>;
    const legacy = new Set(Object.values(index).map((c) => c.encoding).filter((e) => !e.startsWith('utf-')));
    expect(legacy.size).toBeGreaterThanOrEqual(20);
    for (const c of Object.values(index)) {
      const head = readFileSync(OWN + c.file).subarray(0, 4096).toString('latin1');
      expect(head).not.toMatch(/charset|encoding=/i);
    }
  });
});
