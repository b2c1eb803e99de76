// Mojibake repair: UTF-8 text that was once decoded as windows-1252 or latin-1 ("cafÃ©" -> "café", "â€™" -> "’"),
// in the spirit of ftfy's fix_encoding, but conservative: correct text must never change.
import iconv from 'iconv-lite';

/**
 * Cheap gate: a char that a UTF-8 lead byte becomes in windows-1252, followed by one a continuation byte becomes
 * (latin-1 symbols, the 1252 punctuation of 0x80-0x9F, or a C1 control); a C1 control anywhere; or "Ã "/"Â " whose
 * second byte, a no-break space, became a space. Clean text almost never matches.
 */
const SUSPECT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]|[\u0080-\u009f]|[a-z][\u00c2\u00c3] |\u00c3 [a-z]/;

/** Every SUSPECT match holds one of these; testing it first keeps clean (mostly ASCII) text at a few ns a block. */
const HIGH = /[\u0080-\u00ff]/;

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
    if (cp >= 0x370 && !joinedBefore && !joinedAfter && (isAsciiLetter(before) || isAsciiLetter(after))) return 'bad';
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

/** Repairs mojibake in one finished text (a block, a title, a meta value); clean text comes back as it is. */
export const repairMojibake = (text: string): string => {
  if (!HIGH.test(text) || !SUSPECT.test(text)) return text;
  let out = text;
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
