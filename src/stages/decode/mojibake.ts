// Mojibake repair: UTF-8 text that was decoded as windows-1252 or latin-1, once or twice ("cafÃ©" -> "café",
// "â€™" -> "’"), or as windows-1250, MacRoman or cp437 ("×‘×”×•×“×˘×”", "◊ë◊î◊ï◊ì◊¢◊î" -> "בהודעה"), in the spirit of
// ftfy's fix_encoding, but conservative: correct text must never change.
import iconv from 'iconv-lite';

/**
 * Cheap gate: a char that a UTF-8 lead byte becomes in windows-1252, followed by one a continuation byte becomes
 * (latin-1 symbols, the 1252 punctuation of 0x80-0x9F, or a C1 control); a C1 control anywhere; or "Ã "/"Â " whose
 * second byte, a no-break space, became a space. Clean text almost never matches.
 */
const SUSPECT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]|[\u0080-\u009f]|[a-z][\u00c2\u00c3] |\u00c3 [a-z]/;

/** Every SUSPECT match holds one of these; testing it first keeps clean (mostly ASCII) text at a few ns a block. */
const HIGH = /[\u0080-\u00ff]/g;

/** windows-1252 as ftfy's "sloppy" variant: 0x80-0x9F give the 1252 chars; the 5 undefined ones stay C1 controls. */
const BYTE_TO_CHAR: string[] = (() => {
  const table = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows-1252');
  return Array.from(table, (c, i) => (c === '\ufffd' ? String.fromCharCode(i) : c));
})();

/** Char -> byte, for both latin-1 (every char up to U+00FF, C1 controls included) and windows-1252. */
const CHAR_TO_BYTE = new Map<number, number>();
for (let b = 0; b < 256; b++) CHAR_TO_BYTE.set(b, b);
for (let b = 0x80; b < 0xa0; b++) CHAR_TO_BYTE.set(BYTE_TO_CHAR[b]!.charCodeAt(0), b);
/** U+FFFD: a byte already lost (ftfy's "lossy" sequences); it may stand for the last byte(s) of a sequence. */
const LOST = -1;

/** Runs of chars that have a byte, plus U+FFFD. */
const ENCODABLE_RUN = new RegExp(
  `[\\u0000-\\u00ff${[...CHAR_TO_BYTE.keys()].filter((c) => c > 0xff).map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}\\ufffd]+`,
  'g',
);

/**
 * Continuation chars that also follow a real capital letter in correct text (quotes, dashes, ellipsis, ™, no-break
 * space): "Å™", "Ã’s", "10 Å—". A sequence made with one of them proves nothing on its own.
 */
const AMBIGUOUS = new Set([0x82, 0x84, 0x85, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9b, 0xa0, 0xab, 0xbb]);

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isLatinLetter = (c: string | undefined): boolean => c !== undefined && /\p{scx=Latin}/u.test(c) && /\p{L}/u.test(c);

type Evidence = 'strong' | 'weak' | 'bad';

interface Sequence {
  /** Char span in the run. */
  start: number;
  end: number;
  /** Its bytes (LOST for a U+FFFD) and what they decode to. */
  bytes: number[];
  text: string;
  evidence: Evidence;
}

/** Bytes of a run, with the index of the char each byte came from. */
interface Encoded {
  bytes: number[];
  from: number[];
}

/** Leads whose second byte, a no-break space (0xA0), is often found turned into a space (ftfy's restore_byte_a0). */
const A0_LEADS = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9]);

const encode = (run: string): Encoded => {
  const bytes: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    let byte = code === 0xfffd ? LOST : CHAR_TO_BYTE.get(code)!;
    const prevByte = bytes[bytes.length - 1];
    if (byte === 0x20 && prevByte !== undefined && A0_LEADS.has(prevByte)) {
      // "voilÃ le": a word-final "à" whose 0xA0 became a space; "Ð ÑƒÑ": a 0xA0 inside a word of mojibake.
      const before = run[i - 2];
      const nextByte = CHAR_TO_BYTE.get(run.charCodeAt(i + 1)) ?? 0;
      const wordBefore = before !== undefined && /[a-z]/.test(before);
      // "mis Ã disposition": "à" as a word; no word is a capital Ã alone.
      const aGrave = prevByte === 0xc3 && (before === undefined || /\s/.test(before)) && /[a-z]/.test(run[i + 1] ?? '');
      if (((prevByte === 0xc2 || prevByte === 0xc3) && wordBefore) || aGrave) {
        byte = 0xa0;
        if (nextByte !== 0x20) {
          // The space after the word is gone too: keep one.
          bytes.push(byte, 0x20);
          from.push(i, i);
          continue;
        }
      } else if (nextByte >= 0x80) byte = 0xa0;
    } else if (byte === 0x20 && prevByte !== undefined && isCont(prevByte) && bytes.length >= 2) {
      // The same inside a word of three-byte mojibake (Thai "à¸ à¸²"): lead, continuation, 0xA0 turned space.
      const lead = bytes[bytes.length - 2]!;
      if (lead >= 0xe0 && lead <= 0xe3 && (CHAR_TO_BYTE.get(run.charCodeAt(i + 1)) ?? 0) >= 0x80) byte = 0xa0;
    }
    bytes.push(byte);
    from.push(i);
  }
  return { bytes, from };
};

const isCont = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Length and second-byte range of a UTF-8 sequence starting with `lead` (no overlongs, no surrogates). */
const shape = (lead: number): [number, number, number] | null => {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return null;
};

/** Results no real text is made of: C1 controls, IPA, spacing modifiers, combining marks, private use. */
const implausible = (cp: number): boolean =>
  (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x250 && cp <= 0x36f) || (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffe || cp === 0xffff;

/**
 * The UTF-8 sequences of a run, and whether every byte above 0x7F belongs to one (the run as a whole is UTF-8).
 * Evidence per sequence: `strong` if correct text would hardly ever hold its chars, `bad` if what it decodes to
 * would be odd, `weak` otherwise.
 */
const sequences = (run: string, enc: Encoded): { seqs: Sequence[]; whole: boolean } => {
  const { bytes, from } = enc;
  const seqs: Sequence[] = [];
  let whole = true;
  let tainted = false;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const s = lead === LOST ? null : shape(lead);
    if (!s) {
      // A real no-break space beside the mojibake ("Ã\xa0\xa0gauche" from "à&nbsp;gauche") is no sign of other text.
      if (lead !== 0xa0) whole = false;
      i++;
      continue;
    }
    const [n, lo, hi] = s;
    let k = 1;
    let lost = false;
    for (; k < n; k++) {
      const b = bytes[i + k];
      if (b === LOST) {
        lost = true;
        k++;
        break;
      }
      if (b === undefined || !(k === 1 ? b >= lo && b <= hi : isCont(b))) break;
    }
    if (!lost && k < n) {
      whole = false;
      // A lead byte whose sequence breaks off right next to another sequence: mojibake of some other charset
      // ("×‘×”×•×“×˘×”" is windows-1250), where decoding part of it would only make a different mess.
      const prev = seqs[seqs.length - 1];
      if (prev && prev.end === from[i]) tainted = true;
      i++;
      continue;
    }
    const start = from[i]!;
    const end = from[i + k - 1]! + 1;
    const seq = bytes.slice(i, i + k);
    const spaceKept = !lost && from[i + k] === end - 1; // "à " re-inserted after "voilÃ"
    const text = (lost ? '\ufffd' : Buffer.from(seq).toString('utf8')) + (spaceKept ? ' ' : '');
    seqs.push({ start, end, bytes: seq, text, evidence: 'weak' });
    i += spaceKept ? k + 1 : k;
  }
  for (let j = 0; j < seqs.length; j++) {
    const q = seqs[j]!;
    const before = run[q.start - 1];
    const after = run[q.end];
    const joinedBefore = j > 0 && seqs[j - 1]!.end === q.start;
    const joinedAfter = j + 1 < seqs.length && seqs[j + 1]!.start === q.end;
    q.evidence = judge(run, q, before, after, joinedBefore, joinedAfter);
  }
  return { seqs: tainted ? [] : seqs, whole };
};

const judge = (run: string, q: Sequence, before: string | undefined, after: string | undefined, joinedBefore: boolean, joinedAfter: boolean): Evidence => {
  const cp = q.text.codePointAt(0)!;
  const [lead, ...conts] = q.bytes as [number, ...number[]];
  const inWordBefore = isLetter(before) || joinedBefore;
  const inWordAfter = isLetter(after) || joinedAfter;
  if (conts[conts.length - 1] === LOST) {
    // A sequence cut by a lost byte: "SlovenÄ�ina".
    return inWordBefore && inWordAfter ? 'strong' : 'weak';
  }
  // A combining accent on a Latin letter: decomposed text ("enqueÌ‚te" is "enquête" in NFD).
  if (cp >= 0x300 && cp <= 0x36f && isAsciiLetter(before)) return 'strong';
  if (implausible(cp)) return 'bad';
  if (/[\u0080-\u009f]/.test(run.slice(q.start + 1, q.end))) return 'strong'; // latin-1 mojibake: C1 controls
  if (conts.length === 1) {
    const cont = conts[0]!;
    if (lead === 0xc2) return cont >= 0xa0 ? 'strong' : 'bad'; // "Â°", "Â©", "Â\xa0"
    const ambiguous = AMBIGUOUS.has(cont);
    // "Ã©"; "HÃ”TEL" but not "Ã’s"; "Ã\xa0" is "à", and no word is a capital Ã alone.
    // A capital Ã, then punctuation, then a letter: "Ã–sterreich", "Ã‘uble" (but "Ã’s" is an English plural).
    if (lead === 0xc3) return !ambiguous || cont === 0xa0 || inWordBefore || (isLetter(after) && cont !== 0x92) ? 'strong' : 'weak';
    // Another script glued to a Latin letter that is no mojibake: "ÀÂÛÜŸ" is no Syriac "ܟ".
    if (cp >= 0x370 && !joinedBefore && !joinedAfter && (isLatinLetter(before) || isLatinLetter(after))) return 'bad';
    // Punctuation between two letters, or starting a word after a capital ("Å“il" is "œil"), is no punctuation.
    const letterAfterPunct = isLetter(after) && cont !== 0x92 && isLetter(q.text);
    return !ambiguous || (inWordBefore && inWordAfter) || letterAfterPunct ? 'strong' : 'weak';
  }
  // Three or four bytes: punctuation, symbols and emoji are plain mojibake ("â€™", "ðŸ˜€"); a letter of another
  // script glued to a Latin word is not ("Brontë…”"), and a lone one is only weak evidence.
  if ((cp >= 0x2000 && cp <= 0x2bff) || cp >= 0x1f000 || cp === 0xfffd || cp === 0xfeff) return 'strong'; // "ï»¿": a BOM
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'strong'; // Vietnamese letters, at home in a Latin word: "Tiáº¿ng"

  if (!joinedBefore && !joinedAfter) {
    if (isAsciiLetter(before) || isAsciiLetter(after)) return 'bad';
    // A lone CJK or Hangul word ("linghua æ–¼ 2013"), unless made of punctuation only, as Italian "è…”" is.
    const cjk = (cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af);
    return cjk && !conts.every((b) => AMBIGUOUS.has(b)) ? 'strong' : 'weak';
  }
  return 'strong';
};

/** One pass over one run: the run decoded, or with its strong sequences decoded, or unchanged. */
const repairRun = (run: string): { text: string; fixed: number } => {
  const { seqs, whole } = sequences(run, encode(run));
  let strong = 0;
  let bad = 0;
  for (const q of seqs) {
    if (q.evidence === 'strong') strong++;
    else if (q.evidence === 'bad') bad++;
  }
  if (strong === 0) return { text: run, fixed: 0 };
  // A run that is UTF-8 as a whole goes as a whole; otherwise (real text mixed in) only the clear cases do.
  const take = whole && strong > bad ? seqs : seqs.filter((q) => q.evidence === 'strong');
  let out = '';
  let at = 0;
  for (const q of take) {
    out += run.slice(at, q.start) + q.text;
    at = q.end;
  }
  return { text: out + run.slice(at), fixed: take.length };
};

const C1 = /[\u0080-\u009f]/g;

/** C1 controls left over: latin-1 decoding of windows-1252 bytes ("quotes\x85\x94" -> "quotes…”"). */
const fixC1 = (text: string): string => text.replace(C1, (c) => BYTE_TO_CHAR[c.charCodeAt(0)]!);

/**
 * The other wrong decodes ftfy knows (windows-1250, MacRoman, cp437), tried in that order on whole words only: a
 * word is re-decoded when every char of it has a byte in the table, every byte above 0x7F is part of a valid UTF-8
 * sequence (correct text in these charsets almost never is: its accented letters stand next to ASCII), and the
 * result is plausible text in one script. windows-1252 words are left to the finer rules above.
 */
interface Table {
  charToByte: Map<number, number>;
  /** A UTF-8 lead char followed by a continuation char: the cheap test of a block. */
  pair: RegExp;
}

const classOf = (chars: string[]): string => `[${chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;

const table = (charset: string, extra: Record<string, number> = {}): Table => {
  const chars = Array.from(iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), charset), (c, i) =>
    c === '\ufffd' ? String.fromCharCode(i) : c,
  );
  const charToByte = new Map<number, number>();
  for (let b = 0x80; b < 256; b++) charToByte.set(chars[b]!.charCodeAt(0), b);
  for (const [c, b] of Object.entries(extra)) charToByte.set(c.charCodeAt(0), b);
  const leads = chars.slice(0xc2, 0xf5);
  const conts = chars.slice(0x80, 0xc0);
  return { charToByte, pair: new RegExp(`${classOf(leads)}${classOf(conts)}`) };
};

// MacRoman 0xDB was "¤" before Mac OS 8.5 made it "€": both mean the same byte.
const OTHER_TABLES: Table[] = [table('windows-1250'), table('macintosh', { '\u20ac': 0xdb }), table('cp437')];

/** Words, split at spaces but not at no-break spaces (0xA0 is a continuation byte in windows-1250). */
const WORD = /[^\t\n\v\f\r \u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Chars a repaired word must not hold: controls, Latin Extended-B but Vietnamese Ơ/Ư, IPA, marks, private use, unassigned. */
const NOT_TEXT = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\u0180-\u019f\u01b1-\u036f]/u;

/** Scripts by Script_Extensions, so that "ー" is Japanese; Han and kana are one script here. */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{scx=Latin}/u],
  ['Greek', /\p{scx=Greek}/u],
  ['Cyrillic', /\p{scx=Cyrillic}/u],
  ['Arabic', /\p{scx=Arabic}/u],
  ['CJK', /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}]/u],
  ['Hangul', /\p{scx=Hangul}/u],
  ['Ethiopic', /\p{scx=Ethiopic}/u],
];
const LETTER = /\p{L}/u;

/** The one script of a word's letters ("" if none, null if several); others (one block each) by their 128-char block. */
const scriptOf = (word: string): string | null => {
  let script = '';
  for (const ch of word) {
    if (!LETTER.test(ch)) continue;
    const s = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? String(ch.codePointAt(0)! >> 7);
    if (script === '') script = s;
    else if (s !== script) return null;
  }
  return script;
};

/** The word's bytes in a table, or null if a char has none. */
const bytesIn = (word: string, charToByte: Map<number, number>): number[] | null => {
  const out: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const b = c < 0x80 ? c : charToByte.get(c);
    if (b === undefined) return null;
    out.push(b);
  }
  return out;
};

/** Strict UTF-8 decode: null if any byte is not part of a valid sequence. */
const utf8 = (bytes: number[]): string | null => {
  const text = Buffer.from(bytes).toString('utf8');
  return text.includes('\ufffd') ? null : text;
};

const SYMBOL = /[\p{S}\p{P}]/u;
/** Symbols that follow a real letter in correct text ("NICIODATĂ™", "ŢARĂ”", "10 Å—", "NPC´s"), as AMBIGUOUS above. */
const AMBIGUOUS_CHARS = /[\u00a0\u00a8\u00a9\u00ab\u00ae\u00b0\u00b4\u00b7\u00b8\u00bb\u2013\u2014\u2018-\u201e\u2022\u2026\u2039\u203a\u2122]/;

/**
 * A word with one sequence only proves little ("GĂŞTI" is Romanian): it goes if a symbol is glued to a letter
 * ("caf√©", "dĂ©jeune": no word holds "Ă©"), or if three or more bytes make punctuation, an emoji or a
 * Vietnamese letter ("Tiß║┐ng").
 */
const oneSequenceIsMojibake = (word: string, fixed: string, bytes: number[]): boolean => {
  const at = word.search(/[^\x00-\x7f]/);
  const length = bytes.slice(at).findIndex((b, i) => i > 0 && (b < 0x80 || b >= 0xc0));
  const seq = word.slice(at, length < 0 ? word.length : at + length);
  const cp = fixed.codePointAt(fixed.search(/[^\x00-\x7f]/))!;
  if (seq.length >= 3) return (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0x2000 && cp <= 0x2bff) || cp >= 0x1f000;
  const letterBefore = at > 0 && LETTER.test(word[at - 1]!);
  const letterAfter = LETTER.test(word[at + seq.length] ?? '');
  const [lead, cont] = [seq[0]!, seq[1]!];
  const isSymbol = (c: string): boolean => SYMBOL.test(c) && !AMBIGUOUS_CHARS.test(c);
  // Two symbols that make a space or a symbol between two letters: "v¬†Oakland" (a no-break space, C2 A0).
  if (!LETTER.test(String.fromCodePoint(cp))) return isSymbol(lead) && isSymbol(cont) && letterBefore && letterAfter;
  if (isSymbol(lead) && letterBefore) return true;
  if (isSymbol(cont) && (letterBefore || letterAfter)) return true;
  // A soft hyphen right after a capital that follows a small letter: "ReykjavĂ­k" (í is C3 AD).
  return cont === '\u00ad' && at > 0 && /\p{Ll}/u.test(word[at - 1]!) && letterAfter;
};

/** `proven`: other words of the same text were this mojibake, so one sequence is enough ("–µ" alone is "е"). */
const repairWord = (word: string, t: Table, proven: boolean): string | null => {
  const bytes = bytesIn(word, t.charToByte);
  if (bytes === null) return null;
  const fixed = utf8(bytes);
  if (fixed === null || NOT_TEXT.test(fixed)) return null;
  const leads = bytes.filter((b) => b >= 0xc2).length;
  if (leads === 0 || (leads === 1 && !proven && !oneSequenceIsMojibake(word, fixed, bytes))) return null;
  return scriptOf(fixed) === null ? null : fixed;
};

/** Words that windows-1252/latin-1 explains as a whole: the rules above decide on them. */
const isCp1252Mojibake = (word: string): boolean => {
  const bytes = bytesIn(word, CHAR_TO_BYTE);
  return bytes !== null && utf8(bytes) !== null;
};

const repairOtherCharsets = (text: string): string => {
  const fixedBy = new Map<Table, number>();
  const repaired = new Map<string, string>();
  for (const [word] of text.matchAll(WORD)) {
    if (repaired.has(word)) continue;
    const tables = OTHER_TABLES.filter((t) => t.pair.test(word));
    if (tables.length === 0 || isCp1252Mojibake(word)) continue;
    for (const t of tables) {
      const r = repairWord(word, t, false);
      if (r !== null) {
        fixedBy.set(t, (fixedBy.get(t) ?? 0) + 1);
        repaired.set(word, r);
        break;
      }
    }
  }
  if (fixedBy.size === 0) return text;
  // One table alone explained the text: its short words go too, as ftfy decodes a whole text at once.
  const proven = fixedBy.size === 1 ? [...fixedBy.keys()][0]! : null;
  return text.replace(WORD, (word) => {
    const r = repaired.get(word);
    if (r !== undefined) return r;
    if (proven === null || !proven.pair.test(word) || isCp1252Mojibake(word)) return word;
    return repairWord(word, proven, true) ?? word;
  });
};

/**
 * For every char, a bit per table: 2k if it is a lead byte's char in table k, 2k+1 if a continuation byte's. A loop
 * over this (a few ns per block of clean text) finds the lead-then-continuation pair all mojibake holds.
 */
const PAIR_BITS = (() => {
  const bits = new Uint8Array(0x10000);
  OTHER_TABLES.forEach((t, k) => {
    for (const [c, b] of t.charToByte) {
      if (c > 0xffff) continue;
      if (b >= 0xc2 && b <= 0xf4) bits[c]! |= 1 << (2 * k);
      else if (b >= 0x80 && b <= 0xbf) bits[c]! |= 2 << (2 * k);
    }
  });
  return bits;
})();
const LEAD_BITS = 0b010101;

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/g;
/** Two non-ASCII chars in a row: every pair is one, and text in Latin letters rarely has any. */
const TWO_HIGH = /[^\u0000-\u007f]{2}/g;

/** Whether a lead-then-continuation pair of one of the other tables is in `text`, looking from `from` on. */
const hasOtherPair = (text: string, from: number): boolean => {
  TWO_HIGH.lastIndex = from;
  const first = TWO_HIGH.exec(text);
  if (first === null) return false;
  for (let i = first.index; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const lead = PAIR_BITS[c]! & LEAD_BITS;
    if (lead !== 0 && ((lead << 1) & PAIR_BITS[text.charCodeAt(i + 1)]!) !== 0) return true;
  }
  return false;
};

/** Repairs mojibake in one finished text (a block, a title, a meta value); clean text comes back as it is. */
export const repairMojibake = (text: string): string => {
  // Most blocks are ASCII: one scan says so. The scans after it start at the first other char.
  NON_ASCII.lastIndex = 0;
  const first = NON_ASCII.exec(text);
  if (first === null) return text;
  let out = hasOtherPair(text, first.index) ? repairOtherCharsets(text) : text;
  if (out === text) {
    HIGH.lastIndex = first.index;
    if (!HIGH.test(text)) return text;
  }
  if (!SUSPECT.test(out)) return out;
  // Twice at most: text encoded twice ("ÃƒÂ©") comes back in two steps.
  for (let pass = 0; pass < 2; pass++) {
    let fixed = 0;
    const next = out.replace(ENCODABLE_RUN, (run) => {
      if (!SUSPECT.test(run)) return run;
      const r = repairRun(run);
      fixed += r.fixed;
      return r.text;
    });
    if (fixed === 0) break;
    out = next;
  }
  return fixC1(out);
};
