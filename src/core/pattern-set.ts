// Many regular expressions tested against many short texts (strip-boilerplate's phrase rules, error-page and
// bot-challenge patterns, boilerplate class patterns on class/id words): most texts match
// none of them, and a backtracking engine tries every branch of every pattern at every position to find that
// out. Each pattern needs some literal text to match (a word of one of its branches); one scan of the text for all
// those literals at once (Aho-Corasick) tells which patterns can match it, and only those are run.
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';

/** Sets of strings larger than this are not expanded further (a class of 20 letters times a class of 20). */
const MAX_STRINGS = 64;
/**
 * Literals are cut to their first 16 characters (a part of a needed string is needed too): a far smaller automaton
 * than one for every spelled-out phrase of a rule, and still selective (at 8, "article provided" became "article ",
 * which half the blocks of a page contain; strip-boilerplate on the HTML benchmark took 0.9 of its time, at 16 0.65).
 */
const MAX_LITERAL = 16;

/**
 * Characters that `toLowerCase` leaves alone but a case-insensitive regex takes for another one (simple case
 * folding): the long s is an s, the final sigma a sigma. Applied to the literals and to the text alike.
 */
const FOLD: Record<string, string> = {
  '\u00b5': '\u03bc', // micro sign -> mu
  '\u017f': 's', // long s
  '\u0345': '\u03b9', // ypogegrammeni -> iota
  '\u1fbe': '\u03b9', // prosgegrammeni -> iota
  '\u03c2': '\u03c3', // final sigma
  '\u03d0': '\u03b2', // Greek symbol forms: beta, epsilon, theta, kappa, pi, rho, phi
  '\u03f5': '\u03b5',
  '\u03d1': '\u03b8',
  '\u03f0': '\u03ba',
  '\u03d6': '\u03c0',
  '\u03f1': '\u03c1',
  '\u03d5': '\u03c6',
  '\u1c80': '\u0432', // Old Cyrillic letter forms: ve, de, o, es, te, te, hard sign, yat, uk
  '\u1c81': '\u0434',
  '\u1c82': '\u043e',
  '\u1c83': '\u0441',
  '\u1c84': '\u0442',
  '\u1c85': '\u0442',
  '\u1c86': '\u044a',
  '\u1c87': '\u0463',
  '\u1c88': '\ua64b',
  '\u1e9b': '\u1e61', // long s with dot above -> s with dot above
};
const FOLDS = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'u');
const FOLDS_ALL = new RegExp(FOLDS.source, 'gu');

/** The text the literals are looked for in: lowercased, with the few case-insensitive equivalences toLowerCase misses. */
export const foldForLiterals = (lower: string): string => (FOLDS.test(lower) ? lower.replace(FOLDS_ALL, (c) => FOLD[c]!) : lower);

interface Facts {
  /** Every string the node can match, when they are few (lowercased, folded); else null. */
  exact: Set<string> | null;
  /** Every match contains one of these strings; null: nothing is certain. */
  needs: Set<string> | null;
}

const NOTHING: Facts = { exact: null, needs: null };
const EMPTY: Facts = { exact: new Set(['']), needs: null };

const cross = (a: Set<string>, b: Set<string>): Set<string> | null => {
  if (a.size * b.size > MAX_STRINGS) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
};

/** A set of strings every match contains one of; useless when one of them is empty. */
const asNeeds = (s: Set<string> | null): Set<string> | null => (s && !s.has('') ? s : null);

/** The length of the shortest string, up to MAX_LITERAL. */
const shortestOf = (s: Set<string>): number => {
  let n = MAX_LITERAL;
  for (const x of s) n = Math.min(n, x.length);
  return n;
};

/** The more selective of two requirements: longer shortest string, then fewer strings. */
const better = (a: Set<string> | null, b: Set<string> | null): Set<string> | null => {
  if (!a) return b;
  if (!b) return a;
  const la = shortestOf(a);
  const lb = shortestOf(b);
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
};

const charText = (cp: number): string => foldForLiterals(String.fromCodePoint(cp).toLowerCase());

const sequence = (elements: Element[]): Facts => {
  let run: Set<string> | null = new Set(['']);
  let needs: Set<string> | null = null;
  let whole = true;
  for (const e of elements) {
    const f = facts(e);
    if (f.exact) {
      const joined: Set<string> | null = run ? cross(run, f.exact) : null;
      if (joined) {
        run = joined;
        // Long enough to look for: closed here, so that the strings stop multiplying.
        if (shortestOf(run) >= MAX_LITERAL) {
          needs = better(needs, run);
          run = new Set(['']);
          whole = false;
        }
        continue;
      }
      // Too many strings: what was gathered so far is one requirement, and a new run starts.
      needs = better(needs, asNeeds(run));
      run = f.exact;
      whole = false;
      continue;
    }
    needs = better(better(needs, asNeeds(run)), f.needs);
    run = new Set(['']);
    whole = false;
  }
  needs = better(needs, asNeeds(run));
  return { exact: whole ? run : null, needs };
};

const alternatives = (alts: Alternative[]): Facts => {
  const each = alts.map((a) => sequence(a.elements));
  let exact: Set<string> | null = new Set();
  let needs: Set<string> | null = new Set();
  for (const f of each) {
    if (exact && f.exact && exact.size + f.exact.size <= MAX_STRINGS) for (const s of f.exact) exact.add(s);
    else exact = null;
    const n = f.needs ?? asNeeds(f.exact);
    if (needs && n) for (const s of n) needs.add(s);
    else needs = null;
  }
  return { exact, needs };
};

const facts = (e: Element): Facts => {
  switch (e.type) {
    case 'Character':
      return { exact: new Set([charText(e.value)]), needs: null };
    case 'CharacterClass': {
      if (e.negate || e.unicodeSets) return NOTHING;
      const out = new Set<string>();
      for (const m of e.elements) {
        if (m.type === 'Character') out.add(charText(m.value));
        else if (m.type === 'CharacterClassRange' && m.max.value - m.min.value < MAX_STRINGS) {
          for (let cp = m.min.value; cp <= m.max.value; cp++) out.add(charText(cp));
        } else return NOTHING;
      }
      return out.size > 0 && out.size <= MAX_STRINGS ? { exact: out, needs: null } : NOTHING;
    }
    case 'Assertion':
      // Zero width: ^, $, \b, lookarounds add no text to a match.
      return EMPTY;
    case 'Group':
    case 'CapturingGroup':
      return alternatives(e.alternatives);
    case 'Quantifier': {
      const inner = facts(e.element);
      if (e.max === 0) return EMPTY;
      if (e.min === 0) {
        if (e.max === 1 && inner.exact && inner.exact.size < MAX_STRINGS) return { exact: new Set([...inner.exact, '']), needs: null };
        return NOTHING;
      }
      if (e.min === e.max && e.min <= 4 && inner.exact) {
        let exact: Set<string> | null = new Set(['']);
        for (let i = 0; i < e.min && exact; i++) exact = cross(exact, inner.exact);
        if (exact) return { exact, needs: null };
      }
      return { exact: null, needs: inner.needs ?? asNeeds(inner.exact) };
    }
    default:
      // Character sets (\s, \p{L}, .), back-references, class strings: no literal.
      return NOTHING;
  }
};

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Strings one of which every match of `re` contains, looked for in the lowercased, folded text (case-insensitive
 * or not, a match's lowercased text contains the lowercased literal); null when the pattern needs no literal
 * (`\p{Lu}{3,}`) or could not be read.
 */
export const requiredLiterals = (re: RegExp): string[] | null => {
  let pattern;
  try {
    pattern = parser.parsePattern(re.source, 0, re.source.length, { unicode: re.unicode, unicodeSets: re.flags.includes('v') });
  } catch {
    return null;
  }
  const f = alternatives(pattern.alternatives);
  const needs = f.needs ?? asNeeds(f.exact);
  return needs ? [...new Set([...needs].map((s) => s.slice(0, MAX_LITERAL)))] : null;
};

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Patterns a literal ending here (or at a suffix of it) belongs to. */
  out: number[];
}

/**
 * Regular expressions with a literal scan in front: `candidates(lower)` lists, in order, the patterns that can
 * match a text whose lowercased form is `lower`; a pattern with no literal is always a candidate.
 */
/** FOLD by UTF-16 unit (every key and value is one). */
const FOLD_UNITS = new Map(Object.entries(FOLD).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));

/**
 * The automaton's table holds at most this many entries (2 or 4 bytes each): a rule list of many languages (a few
 * thousand distinct Han characters in its literals) must not cost hundreds of megabytes per thread. The units the
 * literals use most get a column each, as many as fit; the others take the trie's links.
 */
const MAX_TABLE = 2_000_000;

export class PatternSet {
  /** The trie (links and failure links): what the scan follows for a unit without a column of its own. */
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly always: number[] = [];
  /** Scratch marks of the patterns found so far by `candidates`, all 0 between calls. */
  private readonly marks: Uint8Array;
  /**
   * The automaton as a table: a UTF-16 unit's column (0 for a unit no literal holds, `rare` for one without a
   * column; the units toLowerCase leaves but FOLD folds share their target's), and for each state and column the
   * next state, failure links resolved, so the scan is one table read per unit of text.
   */
  private readonly column = new Uint16Array(0x10000);
  private readonly width: number;
  private readonly rare: number;
  private readonly step: Uint16Array | Uint32Array;
  /** The patterns whose literal ends at each state (suffixes' included). */
  private readonly out: number[][];

  private constructor(patterns: RegExp[]) {
    this.marks = new Uint8Array(patterns.length);
    patterns.forEach((re, i) => {
      const literals = requiredLiterals(re);
      if (!literals) this.always.push(i);
      else for (const s of literals) this.add(s, i);
    });
    this.link();
    const nodes = this.nodes;
    const uses = new Map<number, number>();
    for (const n of nodes) for (const c of n.next.keys()) uses.set(c, (uses.get(c) ?? 0) + 1);
    const byUse = [...uses].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
    const dense = Math.min(byUse.length, Math.max(0, Math.floor(MAX_TABLE / nodes.length) - 2), 0xfffd);
    byUse.forEach((c, i) => (this.column[c] = i < dense ? i + 1 : dense + 1));
    for (const [from, to] of FOLD_UNITS) this.column[from] = this.column[to]!;
    this.rare = dense + 1;
    const width = dense + 2;
    this.width = width;
    const step = nodes.length <= 0xffff ? new Uint16Array(nodes.length * width) : new Uint32Array(nodes.length * width);
    // Breadth first: a state's failure state (shallower) has its row filled before it.
    const order = [0];
    for (let q = 0; q < order.length; q++) for (const to of nodes[order[q]!]!.next.values()) order.push(to);
    for (const at of order) {
      const row = at * width;
      const fail = nodes[at]!.fail * width;
      if (at !== 0) step.copyWithin(row, fail, fail + width);
      for (const [c, to] of nodes[at]!.next) if (this.column[c] !== this.rare) step[row + this.column[c]!] = to;
    }
    this.step = step;
    this.out = nodes.map((n) => n.out);
  }

  /** The automaton depends only on the patterns and never changes: one per list of patterns in a thread. */
  private static readonly built = new Map<string, PatternSet>();

  static of(patterns: RegExp[]): PatternSet {
    const key = patterns.map((re) => `${re.flags}/${re.source}`).join('\n');
    let set = PatternSet.built.get(key);
    if (!set) PatternSet.built.set(key, (set = new PatternSet(patterns)));
    return set;
  }

  private add(literal: string, pattern: number): void {
    let at = 0;
    for (let k = 0; k < literal.length; k++) {
      const c = literal.charCodeAt(k);
      let to = this.nodes[at]!.next.get(c);
      if (to === undefined) {
        to = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [] });
        this.nodes[at]!.next.set(c, to);
      }
      at = to;
    }
    const out = this.nodes[at]!.out;
    if (!out.includes(pattern)) out.push(pattern);
  }

  /** Failure links, breadth first; each node's output gains its longest proper suffix's. */
  private link(): void {
    const queue: number[] = [...this.nodes[0]!.next.values()];
    for (let q = 0; q < queue.length; q++) {
      const at = queue[q]!;
      for (const [c, to] of this.nodes[at]!.next) {
        let f = this.nodes[at]!.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        this.nodes[to]!.fail = target !== undefined && target !== to ? target : 0;
        for (const p of this.nodes[this.nodes[to]!.fail]!.out) if (!this.nodes[to]!.out.includes(p)) this.nodes[to]!.out.push(p);
        queue.push(to);
      }
    }
  }

  /**
   * The patterns that can match the text whose lowercased form is `lower`, by index, ascending: a caller tries
   * those few in the list's order instead of asking of every pattern whether it may.
   */
  candidates(lower: string): number[] {
    const marks = this.marks;
    const hits = this.always.slice();
    for (const i of hits) marks[i] = 1;
    const { column, step, width, out, rare, nodes } = this;
    let at = 0;
    for (let k = 0; k < lower.length; k++) {
      let c = lower.charCodeAt(k);
      const col = column[c]!;
      if (col !== rare) at = step[at * width + col]!;
      else {
        c = FOLD_UNITS.get(c) ?? c;
        let to = nodes[at]!.next.get(c);
        while (to === undefined && at !== 0) {
          at = nodes[at]!.fail;
          to = nodes[at]!.next.get(c);
        }
        at = to ?? 0;
      }
      const found = out[at]!;
      for (let j = 0; j < found.length; j++) {
        const p = found[j]!;
        if (marks[p]) continue;
        marks[p] = 1;
        hits.push(p);
      }
    }
    for (const i of hits) marks[i] = 0;
    return hits.length > 1 ? hits.sort((a, b) => a - b) : hits;
  }
}
