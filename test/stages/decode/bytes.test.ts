import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { codes, decodeBytes, decodeString, texts } from './helpers.js';

const fatal = (doc: ReturnType<typeof decodeBytes>) => doc.messages.find((m) => m.severity === 'fatal');

describe('empty and binary input', () => {
  it('rejects a file with no bytes as empty_input', () => {
    const doc = decodeBytes(new Uint8Array(), 'text');
    expect(fatal(doc)).toMatchObject({ stage: 'decode', code: 'empty_input' });
    expect(fatal(doc)!.detail).toMatch(/no bytes/);
    expect(doc.raw).toBeNull();
  });

  it('rejects whitespace-only files (also an HTML page) as empty_input', () => {
    expect(fatal(decodeString(' \n\t\r\n  '))?.code).toBe('empty_input');
    expect(fatal(decodeString('\n\n', 'html'))?.code).toBe('empty_input');
    // A lone BOM or a line of no-break spaces is no text either.
    expect(fatal(decodeBytes(Buffer.from('\ufeff   ', 'utf8'), 'text'))?.code).toBe('empty_input');
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], /PNG image/],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46], /JPEG image/],
    ['GIF', [...Buffer.from('GIF89a'), 1, 0, 1, 0], /GIF image/],
    ['PDF', [...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')], /PDF document/],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], /ZIP archive/],
    ['gzip', [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3], /gzip archive/],
  ])('rejects a %s file as binary_input and says what it looks like', (_name, bytes, what) => {
    const doc = decodeBytes(Uint8Array.from(bytes as number[]), 'html');
    expect(fatal(doc)?.code).toBe('binary_input');
    expect(fatal(doc)!.detail).toMatch(what as RegExp);
    expect(doc.blocks).toEqual([]);
  });

  it('rejects data full of NUL and control bytes without a known signature', () => {
    const bytes = Buffer.alloc(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0 : (i * 7) % 256;
    const doc = decodeBytes(bytes, 'text');
    expect(fatal(doc)?.code).toBe('binary_input');
    expect(fatal(doc)!.detail).toMatch(/NUL bytes/);
  });

  // A page of real prose, about 40 KB.
  const PROSE = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the council met on Tuesday and agreed the budget for the new school.`).join('\n');
  const noise = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 256)));

  it('rejects a text file with a binary tail as binary_input, and says where the binary part is', () => {
    const bytes = Buffer.concat([Buffer.from(PROSE), noise(3000)]);
    expect(bytes.length).toBeGreaterThan(8192 * 4);
    const doc = decodeBytes(bytes, 'text');
    expect(fatal(doc)?.code).toBe('binary_input');
    expect(fatal(doc)!.detail).toMatch(new RegExp(`NUL bytes in bytes ${bytes.length - 8192}-${bytes.length} of ${bytes.length}`));
  });

  it('rejects binary data in the middle of a long text too', () => {
    const bytes = Buffer.concat([Buffer.from(PROSE), noise(9000), Buffer.from(PROSE)]);
    expect(fatal(decodeBytes(bytes, 'text'))?.code).toBe('binary_input');
  });

  it('keeps a long text whose only controls are a few stray ones near the end', () => {
    const bytes = Buffer.concat([Buffer.from(PROSE), Buffer.from([0x07, 0x0b, 0x00]), Buffer.from(' The end.')]);
    const doc = decodeBytes(bytes, 'text');
    expect(fatal(doc)).toBeUndefined();
    expect(codes(doc)).toContain('control_characters');
  });

  it('rejects UTF-16 text with a NUL-padded tail, judging its characters rather than its NUL bytes', () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, 'utf16le')]);
    expect(fatal(decodeBytes(text, 'text'))).toBeUndefined();
    // What a download cut short into a preallocated file looks like: zeros with a few stray bytes.
    const padding = Buffer.from(Array.from({ length: 6000 }, (_, i) => (i % 50 === 0 ? 0x41 : 0)));
    const doc = decodeBytes(Buffer.concat([text, padding]), 'text');
    expect(fatal(doc)?.code).toBe('binary_input');
    expect(fatal(doc)!.detail).toMatch(/NUL characters/);
  });

  it('keeps a text that has a stray control character, removing it with a warning', () => {
    const doc = decodeString('A sentence with a bell\u0007 and a vertical tab\u000b here.');
    expect(fatal(doc)).toBeUndefined();
    expect(texts(doc)).toEqual(['A sentence with a bell and a vertical tab', 'here.']);
    expect(codes(doc)).toContain('control_characters');
  });
});

describe('charsets', () => {
  it('reads UTF-8 with and without a BOM, and drops the BOM', () => {
    const plain = decodeString('Zelensky’s “plan” — café');
    const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zelensky’s “plan” — café')]), 'text');
    expect(texts(plain)).toEqual(['Zelensky’s “plan” — café']);
    expect(texts(bom)).toEqual(texts(plain));
    expect(plain.messages).toEqual([]);
  });

  it('reads UTF-16 with a BOM (LE and BE) and without one', () => {
    const text = 'Ünïcode in UTF-16, line one.\nLine two.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(texts(decodeBytes(le, 'text'))).toEqual(['Ünïcode in UTF-16, line one.', 'Line two.']);
    expect(texts(decodeBytes(be, 'text'))).toEqual(['Ünïcode in UTF-16, line one.', 'Line two.']);
    expect(texts(decodeBytes(Buffer.from(text, 'utf16le'), 'text'))).toEqual(['Ünïcode in UTF-16, line one.', 'Line two.']);
  });

  it('reads UTF-32 with a BOM (LE and BE) and without one', () => {
    const text = 'Ünïcode in UTF-32: Новости, 日本語.\nLine two.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(text, 'utf-32le')]);
    const be = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode(text, 'utf-32be')]);
    for (const bytes of [le, be, iconv.encode(text, 'utf-32le'), iconv.encode(text, 'utf-32be')]) {
      expect(texts(decodeBytes(bytes, 'text'))).toEqual(['Ünïcode in UTF-32: Новости, 日本語.', 'Line two.']);
    }
    expect(decodeBytes(le, 'text').source).toMatchObject({ encoding: 'utf-32le', encodingSource: 'bom' });
    expect(decodeBytes(iconv.encode(text, 'utf-32be'), 'text').source).toMatchObject({ encoding: 'utf-32be', encodingSource: 'detected' });
  });

  it('replaces invalid UTF-8 in a mostly-UTF-8 file with U+FFFD and warns with the count', () => {
    const bytes = Buffer.concat([
      Buffer.from('Kyiv’s “talks” résumé: '),
      Buffer.from([0xc3, 0x28, 0x20, 0xff]), // a broken 2-byte sequence and a byte never valid in UTF-8
      Buffer.from(' naïve café ok.'),
    ]);
    const doc = decodeBytes(bytes, 'text');
    expect(texts(doc)).toEqual(['Kyiv’s “talks” résumé: \ufffd( \ufffd naïve café ok.']);
    const warn = doc.messages.find((m) => m.code === 'invalid_utf8');
    expect(warn).toMatchObject({ severity: 'warn', stage: 'decode' });
    expect(warn!.detail).toMatch(/^2 invalid/);
  });

  it('does not count a literal U+FFFD in valid UTF-8 as an invalid byte', () => {
    expect(codes(decodeString('Already replaced: \ufffd here.'))).toEqual([]);
  });

  it('falls back to windows-1252 (not C1 controls) for undeclared non-UTF-8 bytes', () => {
    // 0x92 and 0x93/0x94 are curly quotes in windows-1252; Node's TextDecoder would give C1 controls.
    const bytes = Buffer.from([...Buffer.from('It'), 0x92, ...Buffer.from('s a '), 0x93, ...Buffer.from('caf'), 0xe9, 0x94, 0x2e]);
    const doc = decodeBytes(bytes, 'text');
    expect(texts(doc)).toEqual(['It’s a “café”.']);
    expect(codes(doc)).toEqual(['charset_guessed']);
    expect(doc.source).toMatchObject({ encoding: 'windows-1252', encodingSource: 'fallback' });
  });

  it('follows a <meta charset> declaration in an HTML page', () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1251"><title>'),
      Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]), // "Новости"
      Buffer.from('</title></head><body><p>'),
      Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), // "Привет"
      Buffer.from('</p></body></html>'),
    ]);
    const doc = decodeBytes(html, 'html');
    expect(doc.html!.title).toBe('Новости');
    expect(texts(doc)).toEqual(['Привет']);
    expect(doc.messages).toEqual([]);
    expect(doc.source).toMatchObject({ encoding: 'windows-1251', encodingSource: 'meta' });
  });

  it('follows an http-equiv content-type and reads iso-8859-1 as windows-1252, as browsers do', () => {
    const html = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>'),
      Buffer.from([0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0x80, 0x35]),
      Buffer.from('</p>'),
    ]);
    expect(texts(decodeBytes(html, 'html'))).toEqual(['“Quote” €5']);
  });

  it('warns about a declared charset it does not know, and still decodes the page', () => {
    const doc = decodeString('<meta charset="x-klingon"><p>Plain text, café.</p>', 'html');
    expect(texts(doc)).toEqual(['Plain text, café.']);
    expect(doc.messages).toMatchObject([{ severity: 'warn', code: 'unknown_charset' }]);
    expect(doc.messages[0]!.detail).toMatch(/x-klingon/);
  });
});

describe('text normalization', () => {
  it('decodes HTML entities in text dumps, applies NFC and normalizes spaces', () => {
    const doc = decodeString('Tom &amp; Jerry&#8217;s&nbsp;show,  AT&T and R&D stay.\n\n\n\nCafe\u0301 \u00a0 ok');
    expect(texts(doc)).toEqual(['Tom & Jerry’s show, AT&T and R&D stay.', 'Café ok']);
    expect(doc.blocks[1]!.text).toBe('Caf\u00e9 ok'); // composed, not e + combining accent
  });
});
