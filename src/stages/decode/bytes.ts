// Bytes -> string: refuse empty and binary files, pick the charset, decode. The decode stage and the
// `newsclean decode` command both go through `decodeBytes`.
import { isUtf8 } from 'node:buffer';
import type { EncodingSource } from '../../core/doc.js';
import { chooseCharset, decodeWith, type CharsetChoice } from './charset.js';

export interface DecodeOptions {
  html: boolean;
  /** How far into an HTML file to look for a charset declaration. */
  sniffBytes: number;
  /** The charset used when the bytes are neither declared nor UTF-8 and no guess is convincing. */
  fallback: string;
  /** Share of NUL/control bytes in any 8 KB of the file above which it counts as binary. */
  maxControlShare: number;
  /** The HTTP Content-Type header, when known: its charset outranks the page's own declaration. */
  contentType?: string | null;
  /** Return valid UTF-8 as latin1 text (a char per byte), for a caller that repairs what it keeps. */
  utf8AsLatin1?: boolean;
}

export type Decoded =
  | {
      ok: true;
      text: string;
      charset: string;
      source: EncodingSource;
      invalid: number;
      unknownLabel?: CharsetChoice['unknownLabel'];
      ignoredLabel?: CharsetChoice['ignoredLabel'];
      /** `text` holds valid UTF-8 bytes one per char (latin1): the caller turns the parts it keeps into UTF-8. */
      utf8AsLatin1?: boolean;
    }
  | { ok: false; code: 'empty_input' | 'binary_input' | 'undecodable'; detail: string };

const MAGIC: Array<[string, number[], number?]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a bzip2 archive', [0x42, 0x5a, 0x68]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['a WebP image or other RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['an MP4/QuickTime video', [0x66, 0x74, 0x79, 0x70], 4],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a WOFF font', [0x77, 0x4f, 0x46, 0x46]],
  ['a WOFF2 font', [0x77, 0x4f, 0x46, 0x32]],
  ['an Ogg stream', [0x4f, 0x67, 0x67, 0x53]],
  ['an MP3 file', [0x49, 0x44, 0x33]],
];

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** What a file with a known binary signature is, or null. */
export const magicKind = (bytes: Uint8Array): string | null => {
  for (const [what, magic, at] of MAGIC) if (startsWith(bytes, magic, at)) return what;
  return null;
};

const WINDOW = 8192;

/** Whether a byte (or UTF-16/32 code unit) is a control other than \t \n \f \r and ESC (used by ISO-2022). */
const isControl = (c: number) => c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b;

/** Fewer than this many NUL/control bytes in a window never make it binary (a few stray ones in a short text). */
const MIN_CONTROLS = 4;

/**
 * The NUL/control bytes in `bytes`, counted until `max`: four bytes at a time, looking at each byte only in the
 * words that hold one below 0x20 (tabs and line breaks; the usual text has no other), so a page is counted at a
 * few times the speed of a loop over its bytes.
 */
const countControls = (bytes: Uint8Array, max: number): number => {
  let n = 0;
  const head = (4 - (bytes.byteOffset & 3)) & 3;
  if (bytes.length < head + 4) {
    for (let i = 0; i < bytes.length; i++) if (isControl(bytes[i]!)) n++;
    return n;
  }
  for (let i = 0; i < head; i++) if (isControl(bytes[i]!)) n++;
  const words = (bytes.length - head) >> 2;
  const w32 = new Int32Array(bytes.buffer, bytes.byteOffset + head, words);
  for (let i = 0; i < words && n < max; i++) {
    const w = w32[i]!;
    // Non-zero exactly when one of the word's four bytes is below 0x20 (the "has less than" bit trick).
    if (((w - 0x20202020) & ~w & 0x80808080) === 0) continue;
    const at = head + i * 4;
    for (let k = at; k < at + 4; k++) if (isControl(bytes[k]!)) n++;
  }
  for (let i = head + words * 4; i < bytes.length; i++) if (isControl(bytes[i]!)) n++;
  return n;
};

/**
 * Many NUL or control bytes in some 8 KB of the file: binary data without a known signature. Every window
 * is looked at (the last one ends at the end), so a text with a binary tail is binary too; one linear pass.
 */
export const controlKind = (bytes: ArrayLike<number>, maxControlShare: number): string | null => {
  // No window can reach MIN_CONTROLS when the whole file has fewer (nearly every text): one quick count.
  if (bytes instanceof Uint8Array && countControls(bytes, MIN_CONTROLS) < MIN_CONTROLS) return null;
  const n = bytes.length;
  for (let start = 0; start < n; start += WINDOW) {
    // The last window is a full one ending at the end, so a short tail is not judged on a few bytes.
    const from = Math.max(0, Math.min(start, n - WINDOW));
    const to = Math.min(n, from + WINDOW);
    let nul = 0;
    let control = 0;
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b === 0) nul++;
      else if (isControl(b)) control++;
    }
    // A few stray controls in a short text do not make it binary.
    if (nul + control >= MIN_CONTROLS && (nul + control) / (to - from) > maxControlShare) {
      const where = n <= WINDOW ? `in its ${n} bytes` : `in bytes ${from}-${to} of ${n}`;
      return nul > 0 ? `binary data (${nul} NUL bytes ${where})` : `binary data (${control} control bytes ${where})`;
    }
  }
  return null;
};

/** The same test on decoded UTF-16/32 text, where NUL bytes are part of every ASCII character. */
const controlKindText = (text: string, maxControlShare: number): string | null => {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return controlKind(units, maxControlShare)?.replace(/bytes/g, 'characters') ?? null;
};

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const isBlankByte = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

const countReplacementBytes = (bytes: Uint8Array): number => {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
};

const countReplacements = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
};

/** Turns a file's bytes into a string, or says why it cannot. Never throws on bad input. */
export const decodeBytes = (bytes: Uint8Array, opts: DecodeOptions): Decoded => {
  if (bytes.length === 0) return { ok: false, code: 'empty_input', detail: 'the file has no bytes' };
  if (bytes.every(isBlankByte)) {
    return { ok: false, code: 'empty_input', detail: `the file has only whitespace (${bytes.length} bytes)` };
  }
  const magic = magicKind(bytes);
  if (magic) return { ok: false, code: 'binary_input', detail: `the file looks like ${magic}, not text` };
  const choice = chooseCharset(bytes, {
    html: opts.html,
    sniffBytes: opts.sniffBytes,
    fallback: opts.fallback,
    contentType: opts.contentType ?? null,
  });
  const wide = choice.charset.startsWith('utf-16') || choice.charset.startsWith('utf-32');
  // UTF-16 and UTF-32 are full of NULs by nature: their text is checked once decoded, below.
  if (!wide) {
    const binary = controlKind(bytes, opts.maxControlShare);
    if (binary) return { ok: false, code: 'binary_input', detail: `the file looks like ${binary}, not text` };
  }
  const body = choice.skip ? bytes.subarray(choice.skip) : bytes;
  let text: string;
  let invalid = 0;
  let latin1 = false;
  try {
    if (choice.charset === 'utf-8') {
      const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      // Checked once: by the charset choice when it had to (undeclared, or a legacy label overruled), else here.
      const valid = choice.validUtf8 ?? isUtf8(buf);
      if (valid && opts.utf8AsLatin1) {
        // Valid UTF-8 for an HTML parser: a byte per char is five times cheaper to make than UTF-8 decoding,
        // and the markup (ASCII) reads the same; the parser's caller decodes only the text it keeps.
        text = buf.toString('latin1');
        latin1 = true;
      } else if (valid) {
        // The strict decoder is the fastest path for valid UTF-8 (the usual case); nothing invalid to count.
        text = STRICT_UTF8.decode(buf);
      } else {
        // Buffer's decoder replaces each invalid sequence with U+FFFD, as the WHATWG decoder does.
        text = buf.toString('utf8');
        invalid = countReplacements(text) - countReplacementBytes(body);
      }
    } else {
      text = decodeWith(body, choice.charset);
      invalid = countReplacements(text);
    }
  } catch (e) {
    return { ok: false, code: 'undecodable', detail: `decoding as ${choice.charset} failed: ${(e as Error).message}` };
  }
  if (wide) {
    const binary = controlKindText(text, opts.maxControlShare);
    if (binary) return { ok: false, code: 'binary_input', detail: `the file looks like ${binary}, not text` };
  }
  if (!/\S/.test(text)) return { ok: false, code: 'empty_input', detail: 'the file has only whitespace' };
  const decoded = { ok: true as const, text, charset: choice.charset, source: choice.source, invalid, unknownLabel: choice.unknownLabel, ignoredLabel: choice.ignoredLabel };
  return latin1 ? { ...decoded, utf8AsLatin1: true } : decoded;
};
