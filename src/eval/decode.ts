// The decode benchmark (benchmark-decode/: charset/ + mojibake-dev.json), or a charset folder in the same
// layout (index.json + files/ + expected/): how many files decode to exactly the expected text, and how many
// mojibake cases are repaired exactly. Scoring rules: benchmark-decode/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { decodeBytes } from '../stages/decode/bytes.js';
import { DecodeOptions } from '../stages/decode/index.js';
import { repairMojibake } from '../stages/decode/mojibake.js';
import { mean } from './mean.js';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export interface CharsetCase {
  id: string;
  encoding: string;
  bytes: Uint8Array;
  /** The text, and other texts that count as correct (the WHATWG table where it differs from Python's). */
  expected: string[];
}

export interface MojibakeCase {
  id: string;
  set: string;
  in: string;
  expected: string;
}

export interface DecodeDataset {
  kind: 'decode';
  name: string;
  dir: string;
  charset: CharsetCase[];
  /** null for a charset-only folder. */
  mojibake: MojibakeCase[] | null;
}

interface IndexEntry {
  file: string;
  expected: string;
  expected_alt?: string[];
  encoding: string;
}

/** Where the charset cases are: `charset/` of the benchmark, or the folder itself. */
const charsetDir = (dir: string): string | null => {
  for (const d of [join(dir, 'charset'), dir]) if (existsSync(join(d, 'index.json')) && existsSync(join(d, 'files'))) return d;
  return null;
};

export const isDecodeDataset = (dir: string): boolean => charsetDir(dir) !== null;

export const loadDecodeDataset = (dirArg: string, split: 'a' | 'b' | null = null): DecodeDataset => {
  const dir = resolve(dirArg);
  const cdir = charsetDir(dir);
  if (!cdir) throw new Error(`${dirArg} is not a decode benchmark folder: expected charset/index.json or index.json + files/`);
  const keep = <T>(_: T, i: number) => split === null || (i % 2 === 0) === (split === 'a');
  const index = JSON.parse(readFileSync(join(cdir, 'index.json'), 'utf8')) as Record<string, IndexEntry>;
  const charset = Object.keys(index)
    .sort()
    .filter(keep)
    .map((id): CharsetCase => {
      const c = index[id]!;
      const expected = [c.expected, ...(c.expected_alt ?? [])].map((f) => readFileSync(join(cdir, f), 'utf8'));
      return { id, encoding: c.encoding.toLowerCase(), bytes: readFileSync(join(cdir, c.file)), expected };
    });
  const mfile = join(dir, 'mojibake-dev.json');
  const mojibake = existsSync(mfile)
    ? (JSON.parse(readFileSync(mfile, 'utf8')) as MojibakeCase[]).filter(keep).map(({ id, set, in: input, expected }) => ({ id, set, in: input, expected }))
    : null;
  return { kind: 'decode', name: basename(dir), dir, charset, mojibake };
};

/** The benchmark's comparison: a leading BOM dropped, NFC, CRLF and CR to LF, ends trimmed. */
export const normalizeForScore = (s: string): string => s.replace(/^\ufeff/, '').normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** F1 of the two multisets of code points: how close a wrong decoding is. */
export const charF1 = (got: string, expected: string): number => {
  const count = (s: string) => {
    const m = new Map<number, number>();
    for (const ch of s) m.set(ch.codePointAt(0)!, (m.get(ch.codePointAt(0)!) ?? 0) + 1);
    return m;
  };
  const a = count(got);
  const b = count(expected);
  let common = 0;
  for (const [c, n] of a) common += Math.min(n, b.get(c) ?? 0);
  const na = [...got].length;
  const nb = [...expected].length;
  return na + nb === 0 ? 1 : (2 * common) / (na + nb);
};

export interface CharsetResult {
  id: string;
  encoding: string;
  /** The charset chosen, how, or the rejection code. */
  decided: string;
  source: string | null;
  exact: boolean;
  charF1: number;
}

export interface MojibakeResult {
  id: string;
  set: string;
  exact: boolean;
  /** Whether the case must stay unchanged (expected == in), and whether it did. */
  mustStay: boolean;
  unchanged: boolean;
}

export interface Group {
  cases: number;
  exact: number;
}

export interface DecodeEval {
  kind: 'decode';
  dataset: string;
  charset: { results: CharsetResult[]; all: Group; byEncoding: Record<string, Group>; macroExact: number; charF1: number };
  mojibake: { results: MojibakeResult[]; all: Group; bySet: Record<string, Group>; macroExact: number; unchangedOk: number | null } | null;
  ms: number;
}

const group = <T extends { exact: boolean }>(xs: T[], key: (x: T) => string) => {
  const by: Record<string, Group> = {};
  for (const x of xs) {
    const g = (by[key(x)] ??= { cases: 0, exact: 0 });
    g.cases++;
    if (x.exact) g.exact++;
  }
  const all = { cases: xs.length, exact: xs.filter((x) => x.exact).length };
  return { all, by, macro: mean(Object.values(by).map((g) => g.exact / g.cases)) };
};

/** Decodes each file as the decode stage does (a text file, no HTTP header) and compares the text. */
export const evaluateDecode = (ds: DecodeDataset, options = DecodeOptions.parse({})): DecodeEval => {
  const start = performance.now();
  const opts = { html: false, sniffBytes: options.sniffBytes, fallback: options.fallbackCharset, maxControlShare: options.maxControlShare };
  const results = ds.charset.map((c): CharsetResult => {
    const d = decodeBytes(c.bytes, opts);
    const got = d.ok ? normalizeForScore(d.text) : '';
    const expected = c.expected.map(normalizeForScore);
    return {
      id: c.id,
      encoding: c.encoding,
      decided: d.ok ? d.charset : d.code,
      source: d.ok ? d.source : null,
      exact: d.ok && expected.includes(got),
      charF1: Math.max(...expected.map((e) => charF1(got, e))),
    };
  });
  const cg = group(results, (r) => r.encoding);
  const charset = {
    results,
    all: cg.all,
    byEncoding: cg.by,
    macroExact: cg.macro,
    charF1: mean(results.map((r) => r.charF1)),
  };
  let mojibake: DecodeEval['mojibake'] = null;
  if (ds.mojibake) {
    const mr = ds.mojibake.map((m): MojibakeResult => {
      const out = repairMojibake(m.in);
      return {
        id: m.id,
        set: m.set,
        exact: normalizeForScore(out) === normalizeForScore(m.expected),
        mustStay: m.expected === m.in,
        unchanged: out === m.in,
      };
    });
    const mg = group(mr, (r) => r.set);
    const stay = mr.filter((r) => r.mustStay);
    mojibake = { results: mr, all: mg.all, bySet: mg.by, macroExact: mg.macro, unchangedOk: stay.length ? stay.filter((r) => r.unchanged).length / stay.length : null };
  }
  return { kind: 'decode', dataset: ds.name, charset, mojibake, ms: performance.now() - start };
};

const share = (g: Group) => (g.cases ? g.exact / g.cases : 0);

/** The figures as one JSON value: the last stdout line of `eval`. */
export const decodeSummaryJson = (r: DecodeEval, extra: Record<string, unknown> = {}): Record<string, unknown> => {
  const byEncoding: Record<string, unknown> = {};
  for (const [k, g] of Object.entries(r.charset.byEncoding)) byEncoding[k] = { files: g.cases, exact: round(share(g)) };
  const json: Record<string, unknown> = {
    dataset: r.dataset,
    kind: 'decode',
    ...extra,
    charset: {
      files: r.charset.all.cases,
      exact: round(share(r.charset.all)),
      macro_exact: round(r.charset.macroExact),
      char_f1: round(r.charset.charF1),
      by_encoding: byEncoding,
      misses: r.charset.results.filter((x) => !x.exact).map((x) => x.id),
    },
    mojibake: null,
    ms: Math.round(r.ms),
  };
  if (r.mojibake) {
    const bySet: Record<string, unknown> = {};
    for (const [k, g] of Object.entries(r.mojibake.bySet)) bySet[k] = { cases: g.cases, exact: round(share(g)) };
    json.mojibake = {
      cases: r.mojibake.all.cases,
      exact: round(share(r.mojibake.all)),
      macro_exact: round(r.mojibake.macroExact),
      by_set: bySet,
      unchanged_ok: r.mojibake.unchangedOk === null ? null : round(r.mojibake.unchangedOk),
      misses: r.mojibake.results.filter((x) => !x.exact).map((x) => x.id),
    };
  }
  return json;
};

/** A table for people: exact share per encoding and per mojibake set, and what went wrong. */
export const formatDecodeEval = (r: DecodeEval): string => {
  const pct = (g: Group) => `${g.exact}/${g.cases}`.padStart(7) + `  ${share(g).toFixed(3)}`;
  const out = [`charset: ${r.charset.all.cases} files`, `  ${'encoding'.padEnd(16)}  exact`];
  for (const [k, g] of Object.entries(r.charset.byEncoding).sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`  ${k.padEnd(16)}${pct(g)}`);
  out.push(`  ${'all'.padEnd(16)}${pct(r.charset.all)}   macro ${r.charset.macroExact.toFixed(3)}, char_f1 ${r.charset.charF1.toFixed(3)}`);
  for (const x of r.charset.results.filter((x) => !x.exact)) out.push(`  miss: ${x.id} (${x.encoding}) decoded as ${x.decided}${x.source ? ` (${x.source})` : ''}, char_f1 ${x.charF1.toFixed(3)}`);
  if (r.mojibake) {
    out.push('', `mojibake: ${r.mojibake.all.cases} cases`);
    for (const [k, g] of Object.entries(r.mojibake.bySet)) out.push(`  ${k.padEnd(16)}${pct(g)}`);
    out.push(`  ${'all'.padEnd(16)}${pct(r.mojibake.all)}   macro ${r.mojibake.macroExact.toFixed(3)}`);
    const stay = r.mojibake.results.filter((x) => x.mustStay);
    out.push(`  unchanged_ok    ${stay.filter((x) => x.unchanged).length}/${stay.length} of the cases that must stay unchanged`);
    out.push(`  misses: ${r.mojibake.results.filter((x) => !x.exact).map((x) => x.id).join(', ') || 'none'}`);
  }
  out.push('', `${Math.round(r.ms)} ms`);
  return out.join('\n');
};
