// Which charset a file's bytes are in, in the WHATWG order: BOM, the HTTP header's charset, the page's
// <meta> (HTML), the XML declaration, valid UTF-8, then statistical detection, then the pipeline's fallback.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import type { EncodingSource } from '../../core/doc.js';

/** Where a declared label came from. */
export type Declaration = 'http' | 'meta' | 'xml';

export interface CharsetChoice {
  /** An iconv-lite encoding name, 'utf-8', or 'iso-2022-jp' (which iconv-lite lacks: decoded by `decodeWith`). */
  charset: string;
  source: EncodingSource;
  /** Bytes to skip at the start (the BOM). */
  skip: number;
  /** A declared label that could not be used (unknown), and where it was, for a warning. */
  unknownLabel?: { label: string; from: Declaration };
  /** A declared label the bytes contradict (valid UTF-8 with non-ASCII text under a legacy label), for a warning. */
  ignoredLabel?: { label: string; from: Declaration };
  /** For UTF-8: whether the bytes are valid UTF-8, when the choice already checked (decoding need not again). */
  validUtf8?: boolean;
}

export interface CharsetOptions {
  html: boolean;
  /** How far into the file to look for a `<meta>` or XML declaration. */
  sniffBytes: number;
  /** An iconv-lite name: used when nothing declares the charset, the bytes are not UTF-8 and detection is unsure. */
  fallback: string;
  /** The HTTP Content-Type header, if known (`text/html; charset=windows-1251`). */
  contentType?: string | null;
}

// WHATWG Encoding Standard labels whose meaning differs from iconv-lite's own aliases (browsers decode
// iso-8859-1 and ascii as windows-1252, gb2312 as gbk, euc-kr as cp949, shift_jis as windows-31j, ...).
const WHATWG: Record<string, string> = {
  'unicode-1-1-utf-8': 'utf-8', unicode11utf8: 'utf-8', unicode20utf8: 'utf-8', utf8: 'utf-8', 'x-unicode20utf8': 'utf-8',
  ascii: 'windows-1252', 'us-ascii': 'windows-1252', 'ansi_x3.4-1968': 'windows-1252', 'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252', iso88591: 'windows-1252', 'iso_8859-1': 'windows-1252', 'iso_8859-1:1987': 'windows-1252',
  'iso-ir-100': 'windows-1252', latin1: 'windows-1252', l1: 'windows-1252', cp1252: 'windows-1252', cp819: 'windows-1252',
  ibm819: 'windows-1252', csisolatin1: 'windows-1252', 'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254', iso88599: 'windows-1254', 'iso_8859-9': 'windows-1254', latin5: 'windows-1254', l5: 'windows-1254',
  'iso-8859-11': 'windows-874', 'tis-620': 'windows-874', 'dos-874': 'windows-874', cp874: 'windows-874',
  gb2312: 'gbk', gbk: 'gbk', 'x-gbk': 'gbk', chinese: 'gbk', csgb2312: 'gbk', 'iso-ir-58': 'gbk', gb_2312: 'gbk', 'gb_2312-80': 'gbk',
  gb18030: 'gb18030',
  big5: 'big5hkscs', 'big5-hkscs': 'big5hkscs', 'cn-big5': 'big5hkscs', csbig5: 'big5hkscs', 'x-x-big5': 'big5hkscs',
  'euc-kr': 'cp949', cseuckr: 'cp949', korean: 'cp949', 'ks_c_5601-1987': 'cp949', 'ks_c_5601-1989': 'cp949',
  ksc5601: 'cp949', ksc_5601: 'cp949', 'windows-949': 'cp949', 'iso-ir-149': 'cp949',
  shift_jis: 'cp932', 'shift-jis': 'cp932', sjis: 'cp932', ms932: 'cp932', ms_kanji: 'cp932', 'windows-31j': 'cp932',
  'x-sjis': 'cp932', csshiftjis: 'cp932',
  'iso-2022-jp': 'iso-2022-jp', csiso2022jp: 'iso-2022-jp',
  'x-mac-cyrillic': 'maccyrillic', 'x-mac-ukrainian': 'maccyrillic',
  // A page that says utf-16 in a <meta> but has no BOM is ASCII-compatible: the label lies (WHATWG).
  'utf-16': 'utf-8', 'utf-16le': 'utf-8', 'utf-16be': 'utf-8',
};

/** The iconv-lite name for a charset label, or null when the label names no charset we can decode. */
export const charsetForLabel = (label: string): string | null => {
  const key = label.trim().toLowerCase();
  const mapped = WHATWG[key];
  if (mapped) return mapped;
  return iconv.encodingExists(key) ? key : null;
};

/** Bytes to text in a charset chosen here. Never throws for a name `chooseCharset` returns. */
export const decodeWith = (bytes: Uint8Array, charset: string): string => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // iconv-lite has no ISO-2022-JP; Node's ICU decoder is the WHATWG one.
  if (charset === 'iso-2022-jp') return new TextDecoder('iso-2022-jp').decode(buf);
  return iconv.decode(buf, charset);
};

const isWide = (charset: string) => charset.startsWith('utf-16') || charset.startsWith('utf-32');

export const sniffBom = (bytes: Uint8Array): CharsetChoice | null => {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', source: 'bom', skip: 3 };
  // FF FE 00 00 is also a UTF-16LE BOM followed by U+0000: UTF-32 only when the length fits.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0 && bytes.length % 4 === 0) return { charset: 'utf-32le', source: 'bom', skip: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', source: 'bom', skip: 4 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', source: 'bom', skip: 2 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', source: 'bom', skip: 2 };
  return null;
};

/**
 * UTF-16 or UTF-32 without a BOM. In UTF-16 the high byte of each code unit takes few values (0 for ASCII, one
 * or two for a script: 0x04 for Cyrillic) and the low byte is almost never 0; in UTF-32 the top two bytes are 0.
 * Text in one East Asian script has too many high bytes for this: the detector sees to it.
 */
export const sniffWide = (bytes: Uint8Array): string | null => {
  const n = Math.min(bytes.length, 4096) & ~3;
  if (n < 8) return null;
  const zero = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zero[i & 3]!++;
  const units = n / 4;
  const [z0, z1, z2, z3] = zero as [number, number, number, number];
  if (z3 > units * 0.95 && z2 > units * 0.9 && z0 < units * 0.1) return 'utf-32le';
  if (z0 > units * 0.95 && z1 > units * 0.9 && z3 < units * 0.1) return 'utf-32be';
  const pairs = n / 2;
  const utf16 = (high: number, lowZeros: number): boolean => {
    const highZeros = high === 1 ? z1 + z3 : z0 + z2;
    if (highZeros < pairs * 0.05 || lowZeros > pairs * 0.01) return false;
    const counts = new Map<number, number>();
    for (let i = high; i < n; i += 2) counts.set(bytes[i]!, (counts.get(bytes[i]!) ?? 0) + 1);
    const top = [...counts.values()].sort((a, b) => b - a).slice(0, 3);
    return top.reduce((a, b) => a + b, 0) > pairs * 0.9;
  };
  if (utf16(1, z0 + z2)) return 'utf-16le';
  if (utf16(0, z1 + z3)) return 'utf-16be';
  return null;
};

/** ISO-2022-JP is 7-bit, so it passes as ASCII (and UTF-8): its escape sequences into JIS X 0208 give it away. */
export const sniffIso2022Jp = (bytes: Uint8Array): boolean => {
  for (let i = bytes.indexOf(0x1b); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0x1b, i + 1)) {
    if (bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) {
      for (let k = 0; k < bytes.length; k++) if (bytes[k]! >= 0x80) return false;
      return true;
    }
  }
  return false;
};

/** The charset parameter of a Content-Type header value (`text/html; charset="utf-8"`), or null. */
export const httpCharsetLabel = (contentType: string | null | undefined): string | null => {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentType);
  const label = (m?.[1] ?? m?.[2] ?? '').trim();
  return label || null;
};

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/i;

const head = (bytes: Uint8Array, sniffBytes: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, sniffBytes)).toString('latin1');

/** The charset label an HTML page declares in its first bytes (`<meta charset>` or http-equiv). */
export const metaLabel = (bytes: Uint8Array, sniffBytes: number): string | null => META_CHARSET.exec(head(bytes, sniffBytes))?.[1] ?? null;

/** The encoding an XML declaration (`<?xml version="1.0" encoding="...">`) at the start names. */
export const xmlLabel = (bytes: Uint8Array, sniffBytes: number): string | null => XML_ENCODING.exec(head(bytes, sniffBytes))?.[1] ?? null;

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes. */
export const utf8Stats = (bytes: Uint8Array): { multi: number; invalid: number } => {
  let multi = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multi++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
};

// ---- Statistical detection: jschardet 4 (a port of Python's chardet 7). ----

type Jschardet = typeof import('jschardet');
let jschardet: Jschardet | null = null;
// Loaded on first use: most documents are declared or UTF-8, and its model costs ~100 ms to load.
const detector = (): Jschardet => (jschardet ??= createRequire(import.meta.url)('jschardet') as Jschardet);

/** Detection looks at most at this many bytes. */
export const DETECT_BYTES = 65536;

// The charsets a web page can be in (the WHATWG Encoding Standard's, in chardet's names) plus UTF-32: chardet
// also knows DOS and EBCDIC code pages, which no browser decodes and which would only be wrong answers here.
const WEB_ENCODINGS = [
  'utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be', 'cp866', 'iso8859-2', 'iso8859-3', 'iso8859-4', 'iso8859-5',
  'iso8859-6', 'iso8859-7', 'iso8859-8', 'iso8859-10', 'iso8859-13', 'iso8859-14', 'iso8859-15', 'iso8859-16', 'koi8-r',
  'koi8-u', 'mac-roman', 'mac-cyrillic', 'cp874', 'tis-620', 'cp1250', 'cp1251', 'cp1252', 'cp1253', 'cp1254', 'cp1255',
  'cp1256', 'cp1257', 'cp1258', 'gb18030', 'big5hkscs', 'euc_jis_2004', 'shift_jis_2004', 'cp932', 'iso2022_jp_2', 'euc_kr',
  'cp949', 'ascii', 'iso8859-1', 'iso8859-9',
];

/**
 * chardet's confidence is its own threshold (MINIMUM_THRESHOLD), but it also shrinks with the share of ASCII, so
 * a legacy page under a lot of markup scores low however clear its text. Its answer is taken when confident, or
 * when the sample has enough non-ASCII bytes to judge by; on a handful (a name, a quote) the fallback is as good.
 */
const MIN_CONFIDENCE = 0.2;
const MIN_NON_ASCII = 16;

/** The iconv-lite name for a label chardet returns, or null. */
const charsetForDetected = (label: string): string | null => {
  const key = label.toLowerCase().replace(/_/g, '-');
  if (/^utf-?(16|32)-?(le|be)$/.test(key)) return key.replace(/^utf-?(16|32)-?/, 'utf-$1');
  if (key.startsWith('iso-2022-jp') || key.startsWith('iso2022-jp')) return 'iso-2022-jp';
  if (key === 'mac-cyrillic' || key === 'maccyrillic') return 'maccyrillic';
  if (key === 'mac-roman' || key === 'macroman') return 'macintosh';
  return charsetForLabel(key);
};

/** Bytes of 0x80 and above, counted up to `max`. */
const countNonAscii = (bytes: Uint8Array, max: number): number => {
  let n = 0;
  for (let i = 0; i < bytes.length && n < max; i++) if (bytes[i]! >= 0x80) n++;
  return n;
};

/** Candidates scoring within this factor of the best are a tie, which the fallback wins if it is among them. */
const TIE = 0.98;

/**
 * The detector's charset for undeclared non-UTF-8 bytes, or null when it has no usable answer. `fallback` wins a
 * tie: German text with a few umlauts scores the same in windows-1252 and in ISO-8859-15 or -16.
 */
export const detectCharset = (bytes: Uint8Array, fallback: string): { charset: string; confidence: number } | null => {
  const sample = bytes.length > DETECT_BYTES ? bytes.subarray(0, DETECT_BYTES) : bytes;
  const all = detector().chardet.detectAll(sample, { includeEncodings: WEB_ENCODINGS, maxBytes: DETECT_BYTES, ignoreThreshold: true });
  const best = all[0];
  if (!best?.encoding || (best.confidence < MIN_CONFIDENCE && countNonAscii(sample, MIN_NON_ASCII) < MIN_NON_ASCII)) return null;
  const tied = all.find((r) => r.confidence >= best.confidence * TIE && r.encoding && charsetForDetected(r.encoding) === fallback);
  if (tied) return { charset: fallback, confidence: tied.confidence };
  const charset = charsetForDetected(best.encoding);
  return charset ? { charset, confidence: best.confidence } : null;
};

/** A declared label to a choice: unknown labels are reported; a legacy label on valid UTF-8 text is overruled. */
const fromLabel = (label: string, from: Declaration, bytes: Uint8Array): CharsetChoice | { unknown: string } => {
  const key = label.trim().toLowerCase();
  // Only the HTTP header may say UTF-16 without a BOM; in the page itself the label lies (see WHATWG above).
  const charset = from === 'http' && /^utf-16(le|be)?$/.test(key) ? (key === 'utf-16be' ? 'utf-16be' : 'utf-16le') : charsetForLabel(key);
  if (!charset) return { unknown: label };
  // Scrapers often re-save pages as UTF-8 and keep the old declaration: non-ASCII bytes that form valid UTF-8
  // are UTF-8 (a legacy-charset text of any length almost never is).
  if (charset !== 'utf-8' && !isWide(charset) && countNonAscii(bytes, 1) > 0 && isUtf8(bytes)) {
    return { charset: 'utf-8', source: 'utf8', skip: 0, ignoredLabel: { label, from }, validUtf8: true };
  }
  return { charset, source: from, skip: 0 };
};

/** Chooses the charset of a file, in the WHATWG order (BOM, HTTP, meta, XML, UTF-8), then detects it. */
export const chooseCharset = (bytes: Uint8Array, opts: CharsetOptions): CharsetChoice => {
  const bom = sniffBom(bytes);
  if (bom) return bom;
  let unknownLabel: CharsetChoice['unknownLabel'];
  const declarations: Array<[Declaration, string | null]> = [
    ['http', httpCharsetLabel(opts.contentType)],
    ['meta', opts.html ? metaLabel(bytes, opts.sniffBytes) : null],
    ['xml', xmlLabel(bytes, opts.sniffBytes)],
  ];
  for (const [from, label] of declarations) {
    if (label === null) continue;
    const choice = fromLabel(label, from, bytes);
    if ('charset' in choice) return unknownLabel ? { ...choice, unknownLabel } : choice;
    unknownLabel ??= { label: choice.unknown, from };
  }
  const rest = { skip: 0, ...(unknownLabel ? { unknownLabel } : {}) };
  // Both of these pass as valid UTF-8 (NULs and 7-bit bytes), so they are told apart first.
  const wide = sniffWide(bytes);
  if (wide) return { charset: wide, source: 'detected', ...rest };
  if (sniffIso2022Jp(bytes)) return { charset: 'iso-2022-jp', source: 'detected', ...rest };
  if (isUtf8(bytes)) return { charset: 'utf-8', source: 'utf8', ...rest, validUtf8: true };
  // Mostly UTF-8 with a few broken bytes: still UTF-8 (the broken bytes become U+FFFD).
  const { multi, invalid } = utf8Stats(bytes);
  if (multi > invalid * 2) return { charset: 'utf-8', source: 'utf8', ...rest, validUtf8: false };
  const detected = detectCharset(bytes, opts.fallback);
  if (detected) return { charset: detected.charset, source: 'detected', ...rest };
  return { charset: opts.fallback, source: 'fallback', ...rest };
};
