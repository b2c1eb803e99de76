// Paragraphs glued together by a reader tool that dropped the line breaks ("agoThe", "quarter.Dow", "2019We"):
// where a text shows that shape, its long lines are cut at the glue points. A cut only inserts a block boundary:
// the pieces, concatenated, are the line (no character is added, lost or changed), but for a caption glued to its
// paragraph by a space, cut at that space.

/** Words before a full stop that are abbreviations, not sentence ends ("St.Louis", "Ph.D.", "vs.Spain"). */
const ABBREVIATIONS = new Set(
  'St Dr Mr Mrs Ms Mx Jr Sr Ph Mt Ft Lt No Nr Nos Vol Gen Gov Sen Rep Prof Rev Col Capt Sgt Cpl Maj Hon Pres Supt Ave Blvd Bros Co Corp vs etc approx Inc Ltd Fig Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec'.split(' '),
);

/** Beginnings of family names and brands written in camel case: "McDonald's", "MacBook", "DeSantis", "LeBron", "VanDyke". */
const NAME_PREFIXES = new Set('Mc Mac De Di Da Du Le La Van Von Der Den Del Della Fitz St Al El Bin Ibn'.split(' '));

/** Last words of a photo credit: glued to any capitalized word ("Getty ImagesKristi Noem, governor"). */
const CREDIT_WORDS = new Set('Images Photo Photos Shutterstock Alamy Reuters Bloomberg Getty'.split(' '));

/**
 * Words a sentence or paragraph begins with: after a capitalized word they mark glue ("GirlThe", "GettyAccording"),
 * where the second half of a camel-case name is rarely one of them ("YouTube", "PlayStation", "WeWork").
 */
const STARTERS = new Set(
  (
    // English
    'The A An In It Its He She We They I This That These Those There Here But And Or So If When While Where Why What How Who ' +
    'According After Before As At On For From With Without To Our His Her Their My Your You Then Also However Meanwhile ' +
    'Earlier Later Last Next One Some Many Most Each Every All Both Since During Despite Although Though Yet Still Even Just ' +
    'Not No Yes Instead Another Other Police Officials Photo Image Read Click Follow Share Related Advertisement Published Updated Originally ' +
    // German, French, Spanish, Italian, Portuguese, Dutch
    'Der Die Das Ein Eine Es Er Sie Wir Ich Im Am Auch Aber Und Nach Bei Mit Seit Als Wie Wenn Doch ' +
    'Le La Les Un Une Il Elle Ils Elles Nous On Dans En Pour Mais Et Selon Ce Cette Ces ' +
    'El Los Las Una Es Pero Según Para Con Este Esta ' +
    'Lo Gli Il Nel Della Questo Questa ' +
    'Os Um Uma Em Na No Mas ' +
    'Het Een Dit Deze Maar'
  ).split(' '),
);

/** Camel-case words whose second half is a starter: kept whole. */
const CAMEL_WORDS = new Set('LinkedIn SignIn LogIn CheckIn PlugIn OptIn WalkIn NowThis'.split(' '));

const L = /\p{L}/u;
const LU = /\p{Lu}/u;
const LL = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;
const EMOJI = /\p{Extended_Pictographic}$/u;
const SENTENCE_END = '.!?…:';
const CLOSERS = '"”’\'»)]';

const isL = (c: string | undefined) => c !== undefined && L.test(c);
const isLu = (c: string | undefined) => c !== undefined && LU.test(c);
const isLl = (c: string | undefined) => c !== undefined && LL.test(c);

/** How far a token is looked at on each side (a line without spaces stays linear). */
const MAX_TOKEN = 200;

/** The whitespace-delimited token around position i. */
const tokenAt = (s: string, i: number): string => {
  const from = Math.max(0, i - MAX_TOKEN);
  const to = Math.min(s.length, i + MAX_TOKEN);
  let a = i;
  while (a > from && !SPACE.test(s[a - 1]!)) a--;
  let b = i;
  while (b < to && !SPACE.test(s[b]!)) b++;
  return s.slice(a, b);
};

const URL_LIKE = /(?:\w:\/\/|www\.|@[\w-]+\.\w|\.(?:com|org|net|gov|edu|html?|php)\b|\/\w)/iu;
const HANDLE = /^[(“"]*[#@]/u;

/** The capitalized word (or run of capitals) that starts at i. */
const wordAt = (s: string, i: number): { word: string; caps: boolean } => {
  let j = i + 1;
  if (isLu(s[j])) {
    while (isLu(s[j])) j++;
    if (isLl(s[j])) return { word: s.slice(i, j - 1), caps: true }; // "USAToday": the caps end before "Today"
    return { word: s.slice(i, j), caps: true };
  }
  while (isLl(s[j])) j++;
  return { word: s.slice(i, j), caps: false };
};

/** A capitalized word starts at i (not an initial: "Ph.D.", "J.K."): "The", "WASHINGTON", "I am". */
const startsSentence = (s: string, i: number): boolean => {
  if (!isLu(s[i])) return false;
  const { word } = wordAt(s, i);
  // A word of one letter: "I am", "I’m", "A man", Russian "В интервью", Spanish "Y luego" (not "U.S.", "T-Mobile").
  if (word.length >= 2) return s[i + 1] !== '.';
  return SPACE.test(s[i + 1] ?? '') || (word === 'I' && "'’".includes(s[i + 1] ?? '') && isLl(s[i + 2]));
};

/** An agency dateline that starts its paragraph: "Hong Kong (CNN Business)A muddled view", "(CNN)The president". */
const DATELINE = String.raw`(?:\p{Lu}[\p{L}.'’-]*,?\s){0,4}\((?:\p{Lu}[\p{L}.&-]*\s?){1,3}\)$`;
const DATELINE_AT_START = new RegExp(`^${DATELINE}`, 'u');
const DATELINE_AFTER_SENTENCE = new RegExp(`[.!?]["”’]?\\s${DATELINE}`, 'u');
const isDateline = (s: string, i: number): boolean =>
  (i <= 80 && DATELINE_AT_START.test(s.slice(0, i))) || DATELINE_AFTER_SENTENCE.test(s.slice(Math.max(0, i - 80), i));

/** A glue point after a sentence's end: "quarter.Dow", "said.”The", "eating.1. Ditch", "are …Trying". */
const afterSentenceEnd = (s: string, i: number, inQuote: boolean): boolean => {
  // A straight quote at i opens a quotation only outside one; a straight quote before i closes one only inside it.
  if (s[i] === '"' && inQuote) return false;
  if (s[i - 1] === '"' && inQuote) return false;
  let j = i;
  while (j > 0 && CLOSERS.includes(s[j - 1]!)) j--;
  let k = j;
  while (k > 0 && SENTENCE_END.includes(s[k - 1]!)) k--;
  if (k === j) {
    // A closing bracket or curly quote right after a word, then a capital: "(Image: GETTY)According", "STARS”The".
    const close = s[i - 1]!;
    if (!(close === ')' || close === ']' || close === '”' || close === '»' || close === '"')) return false;
    if (close !== ')' && close !== ']' && !isL(s[i - 2]) && !SENTENCE_END.includes(s[i - 2] ?? ' ')) return false;
    if (close === ')' && isDateline(s, i)) return false;
    return startsSentence(s, '“«'.includes(s[i]!) ? i + 1 : i);
  }
  const punct = s.slice(k, j);
  const next = s[i]!;
  if (punct.includes('…')) return isLu(next) || '“"«'.includes(next);
  // A numbered item glued after a sentence: "binge eating.1. Ditch the diet".
  if (/^\p{Nd}{1,2}[.)]\s+\p{Lu}/u.test(s.slice(i, i + 6))) return isLl(s[k - 1]) && isLl(s[k - 2]) && punct === '.';
  // The next sentence begins with a capital (not an initial: "Ph.D.", "J.K."), maybe after an opening quote or bracket
  // (a French guillemet with its space: "réforme.« Nous").
  const n = '“"«‘(¿¡'.includes(next) ? (next === '«' && SPACE.test(s[i + 1] ?? '') ? i + 2 : i + 1) : i;
  if (!startsSentence(s, n)) return false;
  if (punct === ':') return j === i && isLl(s[k - 1]) && isLl(s[k - 2]); // "think about it:You build"
  // The word before the stop: two letters at least ("U.S.", "e.g." are initials), not an abbreviation ("St.Louis").
  let w = k;
  while (w > 0 && (isL(s[w - 1]) || ("'’".includes(s[w - 1]!) && isL(s[w - 2])))) w--;
  const word = s.slice(w, k);
  if (word === '') return DIGIT.test(s[k - 1] ?? '') || CLOSERS.includes(s[k - 1] ?? ' '); // "2019.The", "(AP).The"
  if (word.length < 2) return false;
  if (punct === '.' && ABBREVIATIONS.has(word)) return false;
  return true;
};

/** A glue point inside a run of letters: "agoThe", "dietFad", "GirlThe", "FLJune", "CONDITIONVan". */
const insideLetters = (s: string, i: number, token: string): boolean => {
  const prev = s[i - 1]!;
  const { word: right, caps } = wordAt(s, i);
  if (isLl(prev)) {
    // The segment before: lowercase letters back to a capital (included) or to the word's start.
    let a = i - 1;
    while (a > 0 && isLl(s[a - 1])) a--;
    if (a > 0 && isLu(s[a - 1])) a--;
    const left = s.slice(a, i);
    if (left.length < 2) return false; // "iPhone", "eBay"
    if (caps) {
      // A dateline glued to a credit: "Getty ImagesDUBAI, United", "ReutersWASHINGTON (Reuters) -"; not "macOS", "LeanFIRE".
      return isLu(left[0]) && left.length >= 3 && right.length >= 3 && /^(?:,|\s\(|\s[-–—])/u.test(s.slice(i + right.length, i + right.length + 2));
    }
    const atWordStart = a === 0 || !isL(s[a - 1]);
    if (isLl(left[0])) return atWordStart && !HANDLE.test(token); // "agoThe", "dietFad", "#adWhen"
    // A capitalized segment: glue only when the next word starts sentences ("GirlThe", not "YouTube", "McDonald").
    if (atWordStart && NAME_PREFIXES.has(left)) return false;
    if (atWordStart && CREDIT_WORDS.has(left)) return true;
    if (HANDLE.test(token)) return false; // "#MethWeAreOnIt"
    let e = i + right.length;
    while (isL(s[e])) e++;
    if (CAMEL_WORDS.has(s.slice(a, e))) return false;
    return STARTERS.has(right);
  }
  if (isLu(prev)) {
    // A run of capitals (two at least, from the word's start) before a capitalized word of three letters or more.
    if (caps) return false;
    let a = i - 1;
    while (a > 0 && isLu(s[a - 1])) a--;
    if (i - a < 2 || isL(s[a - 1]) || HANDLE.test(token)) return false;
    // "FLJune", "CONDITIONVan"; a two-letter starter after a longer run: "SERIESIn his"; not "CEOs", "AMAs", "(HSI)".
    if (right.length >= 3) return true;
    return right.length === 2 && i - a >= 4 && STARTERS.has(right) && SPACE.test(s[i + 2] ?? '');
  }
  return false;
};

/** Whether the text may be cut between positions i-1 and i (no space between them). */
export const isGluePoint = (s: string, i: number, inQuote = false): boolean => {
  const prev = s[i - 1];
  const next = s[i];
  if (prev === undefined || next === undefined || SPACE.test(prev) || SPACE.test(next) || !mayStart(next)) return false;
  const token = tokenAt(s, i);
  return token.length < 2 * MAX_TOKEN && gluePoint(s, i, token, inQuote);
};

/** Every glue point is followed by a capital, a figure, or an opening quote or bracket. */
const mayStart = (c: string): boolean => isLu(c) || DIGIT.test(c) || '“"«‘(¿¡'.includes(c);

/** A glue point between i-1 and i inside the token (neither is a space). */
const gluePoint = (s: string, i: number, token: string, inQuote: boolean): boolean => {
  const prev = s[i - 1]!;
  const next = s[i]!;
  if (URL_LIKE.test(token) && next !== '“') return false; // URLs and e-mail addresses stay whole
  if (isL(prev) && isLu(next)) return insideLetters(s, i, token);
  // An all-caps headline glued to a quotation, or ending in a quote glued to the next sentence:
  // "AMERICAN DREAM\"We are", "THE FOX NEWS APP“Can I", "FROM 'DANCING WITH THE STARS'The news".
  if (isLu(prev) && isLu(s[i - 2]) && (next === '“' || (next === '"' && !inQuote))) return startsSentence(s, i + 1);
  if ("'’\"”".includes(prev) && isLu(s[i - 2]) && isLu(s[i - 3]) && isLu(next) && isLl(s[i + 1])) return !(prev === '"' && inQuote);
  // A figure or a time glued to the next sentence: "November 18, 2019We", "85-433If", "rose 3%The".
  if ((DIGIT.test(prev) || prev === '%') && isLu(next)) {
    const { word, caps } = wordAt(s, i);
    return !caps && (word.length >= 3 || (word.length === 2 && STARTERS.has(word))) && !HANDLE.test(token);
  }
  // An emoji ending a sentence: "a lot of time. 🙁Smart people!".
  if (i >= 2 && EMOJI.test(s.slice(i - 2, i)) && startsSentence(s, i)) return true;
  return afterSentenceEnd(s, i, inQuote);
};

/** Glue points where a sentence ends and the next begins with a capitalized word: the evidence a line is glued. */
const STRONG = /(?<=\p{Ll}\p{Ll}[.!?]["”»)]?)(?=\p{Lu}\p{Ll}+\s)/gu;

const strongGluePoints = (line: string): number => {
  let n = 0;
  let quotes = 0; // straight double quotes before the match (counted once over the line)
  let counted = 0;
  for (const m of line.matchAll(STRONG)) {
    for (; counted < m.index!; counted++) if (line[counted] === '"') quotes++;
    if (isGluePoint(line, m.index!, quotes % 2 === 1)) n++;
  }
  return n;
};

/** Lines at least this long may be glued paragraphs... */
const GLUED_MIN_LENGTH = 600;
/** ...when they show this many sentence-to-sentence glue points... */
const GLUED_MIN_STRONG = 2;
/** ...or when the text is this few lines, one of them at least this long (a whole page on one line). */
const FEW_LINES = 3;
const FEW_LINES_MIN_LENGTH = 1000;

/** Whether a line of the text (which has `lines` non-empty lines) is paragraphs glued together. */
export const isGluedLine = (line: string, lines: number): boolean => {
  if (line.length < GLUED_MIN_LENGTH) return false;
  if (lines <= FEW_LINES && line.length >= FEW_LINES_MIN_LENGTH) return true;
  return strongGluePoints(line) >= GLUED_MIN_STRONG;
};

/** A photo credit in brackets that ends a caption: "(Image: GETTY)", "(Photo: Getty Images)". */
const CREDIT = /\((?:Image|Photo|Picture|Pic|Credit|Foto|Bild)s?:\s*[^()]{1,40}\)/u;
/** A sentence's end and the space after it, then a caption of 1 to 40 words ending in a credit. */
const CAPTION_AFTER = new RegExp(String.raw`[.!?]["”’)]*\s(?=(?:[^\s.!?]+\s){1,40}?${CREDIT.source})`, 'u');

/**
 * A caption glued to the paragraph before it by a space ("... an outbreak. Yersina pestis causes the plague (Image:
 * GETTY)"): cut at that space (the one character a cut drops), so that the caption is a block of its own.
 */
const splitCaption = (piece: string): string[] => {
  if (!CREDIT.test(piece)) return [piece];
  const m = CAPTION_AFTER.exec(piece);
  if (m === null) return [piece];
  const at = m.index + m[0].length;
  return [piece.slice(0, at - 1), ...splitCaption(piece.slice(at))];
};

/**
 * The pieces of a glued line, cut at every glue point; their concatenation is the line, but for the space before a
 * caption cut from its paragraph.
 */
export const splitGlued = (line: string): string[] => splitAtGlue(line).flatMap(splitCaption);

const splitAtGlue = (line: string): string[] => {
  const out: string[] = [];
  let start = 0;
  let quotes = 0; // straight double quotes since the last cut: odd inside a quotation
  for (const m of line.matchAll(/\S+/gu)) {
    const token = m[0];
    const from = m.index!;
    const to = from + token.length;
    if (token.length < 2 * MAX_TOKEN) {
      // No words to read in a run of characters that long (and the work stays linear).
      for (let i = from + 1; i < to; i++) {
        if (line[i - 1] === '"') quotes++;
        if (mayStart(line[i]!) && gluePoint(line, i, token, quotes % 2 === 1)) {
          out.push(line.slice(start, i));
          start = i;
          quotes = 0;
        }
      }
      if (line[to - 1] === '"') quotes++;
    } else quotes += token.split('"').length - 1;
  }
  out.push(line.slice(start));
  return out;
};
