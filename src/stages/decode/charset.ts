// Which charset a file's bytes are in: BOM, then a declaration (HTML), then UTF-8 validity, then a guess.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** How the charset was found; `guessed` means nothing declared it and the bytes were not UTF-8. */
export type CharsetSource = 'bom' | 'declared' | 'utf8' | 'guessed' | 'fallback';

export interface CharsetChoice {
  /** An iconv-lite encoding name, or 'utf-8'. */
  charset: string;
  source: CharsetSource;
  /** Bytes to skip at the start (the BOM). */
  skip: number;
  /** A declared label that could not be used (unknown to iconv-lite), for a warning. */
  unknownLabel?: string;
  /** A declared label the bytes contradict (valid UTF-8 with non-ASCII text under a legacy label), for a warning. */
  ignoredLabel?: string;
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
  'iso-8859-11': 'windows-874', 'tis-620': 'windows-874', 'dos-874': 'windows-874',
  gb2312: 'gbk', gbk: 'gbk', 'x-gbk': 'gbk', chinese: 'gbk', csgb2312: 'gbk', 'iso-ir-58': 'gbk', gb_2312: 'gbk', 'gb_2312-80': 'gbk',
  gb18030: 'gb18030',
  big5: 'big5hkscs', 'big5-hkscs': 'big5hkscs', 'cn-big5': 'big5hkscs', csbig5: 'big5hkscs', 'x-x-big5': 'big5hkscs',
  'euc-kr': 'cp949', cseuckr: 'cp949', korean: 'cp949', 'ks_c_5601-1987': 'cp949', 'ks_c_5601-1989': 'cp949',
  ksc5601: 'cp949', ksc_5601: 'cp949', 'windows-949': 'cp949', 'iso-ir-149': 'cp949',
  shift_jis: 'cp932', 'shift-jis': 'cp932', sjis: 'cp932', ms932: 'cp932', ms_kanji: 'cp932', 'windows-31j': 'cp932',
  'x-sjis': 'cp932', csshiftjis: 'cp932',
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

export const sniffBom = (bytes: Uint8Array): CharsetChoice | null => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', source: 'bom', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', source: 'bom', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', source: 'bom', skip: 2 };
  return null;
};

/** UTF-16 without a BOM: ASCII text then has a NUL in every other byte. */
export const sniffUtf16 = (bytes: Uint8Array): string | null => {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
};

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/i;

/** The charset label an HTML page declares in its first bytes (`<meta charset>`, http-equiv, `<?xml encoding>`). */
export const declaredLabel = (bytes: Uint8Array, sniffBytes: number): string | null => {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, sniffBytes)).toString('latin1');
  return META_CHARSET.exec(head)?.[1] ?? XML_ENCODING.exec(head)?.[1] ?? null;
};

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

// ---- Guessing a legacy charset: decode with each candidate and keep the most plausible text. ----

const SINGLE_BYTE = [
  'windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255',
  'windows-1256', 'windows-1257', 'koi8-r', 'maccyrillic', 'windows-874',
];
const MULTI_BYTE = ['cp932', 'euc-jp', 'gbk', 'big5hkscs', 'cp949'];

type Kind = 'latin' | 'greek' | 'cyrillic' | 'hebrew' | 'arabic' | 'thai' | 'hangul' | 'kana' | 'han' | 'symbol' | 'bad';

const kindOf = (c: number): Kind => {
  if (c === 0xfffd || (c >= 0x80 && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff)) return 'bad';
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
  if (c >= 0x370 && c <= 0x3ff) return 'greek';
  if (c >= 0x400 && c <= 0x4ff) return 'cyrillic';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if (c >= 0x600 && c <= 0x6ff) return 'arabic';
  if (c >= 0xe00 && c <= 0xe7f) return 'thai';
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x3130 && c <= 0x318f)) return 'hangul';
  if (c >= 0x3040 && c <= 0x30ff) return 'kana';
  if (c >= 0x4e00 && c <= 0x9fff) return 'han';
  return 'symbol';
};

// Letters a wrong single-byte table tends to produce and real text rarely has (Icelandic, old Romanian, Serbian).
const RARE = new Set('þÞðÐýÝŕŔĺĹţŢĐđЂђЃѓЉљЊњЋћЌќЏџŸ¦¨¯´¸¹²³ºª¤µ¶'.split('').map((c) => c.codePointAt(0)!));

// Quotes that legitimately touch a letter: "It’s", "“Quote”", "„Zitat“", "«mot»".
const CLOSING = new Set([0x2019, 0x201d, 0x201c, 0xbb, 0xab]);
const OPENING = new Set([0x2018, 0x201c, 0x201e, 0xab, 0xbb, 0x2019]);

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Higher is more plausible: letters of one script inside words, no symbols inside words, sane letter case. */
export const plausibility = (text: string): number => {
  const counts = new Map<Kind, number>();
  let score = 0;
  let nonAscii = 0;
  let prev = 0x20;
  let prevLetter = false;
  let prevLower = false;
  const letters: Kind[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const lower = ch !== ch.toUpperCase();
    const upper = ch !== ch.toLowerCase();
    const letter = lower || upper || isAsciiLetter(c) || (c > 0x7f && /\p{L}/u.test(ch));
    if (c > 0x7f) {
      nonAscii++;
      const kind = letter ? kindOf(c) : kindOf(c) === 'bad' ? 'bad' : 'symbol';
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (kind === 'bad') score -= 5;
      else if (kind === 'symbol' && prevLetter && !CLOSING.has(c)) score -= 1.5; // a symbol glued after a letter
      else if (letter) letters.push(kind);
      if (RARE.has(c)) score -= 2;
      if (kind === 'latin' && prev > 0x7f && prevLetter) score -= 0.5; // accented letters rarely pair up
    } else if (letter && prev > 0x7f && !prevLetter && kindOf(prev) === 'symbol' && !OPENING.has(prev)) {
      score -= 1.5; // ...or before one
    }
    // A word mixing ASCII letters with another script: "kцy" is Turkish read as Cyrillic.
    if (letter && prevLetter && (c > 0x7f) !== (prev > 0x7f)) {
      const other = c > 0x7f ? kindOf(c) : kindOf(prev);
      if (other !== 'latin') score -= 2;
    }
    if (prev === 0x3c2 && letter) score -= 2; // Greek final sigma inside a word: not Greek
    if (upper && prevLower) score -= 1; // "ÐœÐ¾" / koi8-as-1251 case soup
    prev = c;
    prevLetter = letter;
    prevLower = lower;
  }
  if (nonAscii === 0) return 0;
  // Letters should come from one script (plus ASCII).
  let dominant = 0;
  for (const [kind, n] of counts) if (kind !== 'symbol' && kind !== 'bad' && n > dominant) dominant = n;
  const letterTotal = letters.length;
  score += dominant - (letterTotal - dominant) * 2;
  score += scriptShape(text, counts);
  return score / nonAscii;
};

// The most frequent letters of a script make up well over half of real text in it; Hebrew or Arabic bytes
// read as Cyrillic are full of й ш щ ъ instead, and read as Greek full of ΰ ξ ψ ω ϊ.
const COMMON: Partial<Record<Kind, Set<string>>> = {
  cyrillic: new Set('оеаинтсрвлОЕАИНТСРВЛі'.split('')),
  greek: new Set('αεοιτνσςρηκπυμλάέίόήύώΑΕΟΙΤΝΣΡΗΚΠΥΜΛ'.split('')),
};

const scriptShape = (text: string, counts: Map<Kind, number>): number => {
  let penalty = 0;
  for (const [kind, common] of Object.entries(COMMON) as Array<[Kind, Set<string>]>) {
    const total = counts.get(kind) ?? 0;
    if (total < 20) continue;
    let n = 0;
    for (const ch of text) if (common.has(ch)) n++;
    if (n / total < 0.45) penalty -= total;
  }
  return penalty;
};

/** Decodes with each candidate charset and returns the most plausible; ties keep the earlier (more common) one. */
export const guessCharset = (bytes: Uint8Array, fallback: string): string => {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  // High bytes followed by high bytes: double-byte text has many; Latin text with accents has few.
  let high = 0;
  let highPairs = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! >= 0x80) {
      high++;
      if (sample[i + 1]! >= 0x80) highPairs++;
    }
  }
  if (high === 0) return fallback;
  const candidates = [fallback, ...SINGLE_BYTE.filter((c) => c !== fallback), ...MULTI_BYTE];
  let best = fallback;
  let bestScore = -Infinity;
  for (const charset of candidates) {
    const text = iconv.decode(Buffer.from(sample), charset);
    let score = plausibility(text);
    if (MULTI_BYTE.includes(charset)) {
      if (highPairs < high * 0.3) continue;
      score += multiByteBonus(text, charset);
    }
    if (score > bestScore + 1e-9) {
      best = charset;
      bestScore = score;
    }
  }
  return best;
};

/** Picks between the East Asian tables, which all decode each other's bytes without errors. */
const multiByteBonus = (text: string, charset: string): number => {
  let hangul = 0;
  let kana = 0;
  let han = 0;
  for (const ch of text) {
    const k = kindOf(ch.codePointAt(0)!);
    if (k === 'hangul') hangul++;
    else if (k === 'kana') kana++;
    else if (k === 'han') han++;
  }
  const total = hangul + kana + han || 1;
  if (charset === 'cp949') return hangul / total > 0.6 ? 0.5 : -1;
  if (charset === 'cp932' || charset === 'euc-jp') return kana / total > 0.1 ? 0.5 : -1;
  // Chinese: scored by the caller's plausibility; kana or hangul mean it is not Chinese.
  return (hangul + kana) / total > 0.1 ? -1 : 0;
};

const hasNonAscii = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
};

/** Chooses the charset of a file: BOM, then (HTML) a declaration, then valid UTF-8, then a guess. */
export const chooseCharset = (
  bytes: Uint8Array,
  opts: { html: boolean; sniffBytes: number; fallback: string },
): CharsetChoice => {
  const bom = sniffBom(bytes);
  if (bom) return bom;
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { charset: utf16, source: 'guessed', skip: 0 };
  let unknownLabel: string | undefined;
  if (opts.html) {
    const label = declaredLabel(bytes, opts.sniffBytes);
    if (label) {
      const charset = charsetForLabel(label);
      // Scrapers often re-save pages as UTF-8 and keep the old <meta charset>: non-ASCII bytes that form valid
      // UTF-8 are UTF-8 (a legacy-charset text of any length almost never is).
      if (charset && charset !== 'utf-8' && hasNonAscii(bytes) && isUtf8(bytes)) {
        return { charset: 'utf-8', source: 'utf8', skip: 0, ignoredLabel: label };
      }
      if (charset) return { charset, source: 'declared', skip: 0 };
      unknownLabel = label;
    }
  }
  if (isUtf8(bytes)) return { charset: 'utf-8', source: 'utf8', skip: 0, unknownLabel };
  // Mostly UTF-8 with a few broken bytes: still UTF-8 (the broken bytes become U+FFFD).
  const { multi, invalid } = utf8Stats(bytes);
  if (multi > invalid * 2) return { charset: 'utf-8', source: 'utf8', skip: 0, unknownLabel };
  return { charset: guessCharset(bytes, opts.fallback), source: 'guessed', skip: 0, unknownLabel };
};
