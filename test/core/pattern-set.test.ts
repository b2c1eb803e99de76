// The literal scan in front of many regular expressions: it may let through a pattern that does not match, never
// hold back one that does.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldForLiterals, PatternSet, requiredLiterals } from '../../src/core/pattern-set.js';
import { readPipelineFile, DEFAULT_PIPELINE } from '../../src/runner/pipeline.js';
import { docFromBytes, stagesUpTo } from '../helpers/docs.js';
import { runStages } from '../../src/runner/process.js';

const lits = (source: string, flags = 'iu') => requiredLiterals(new RegExp(source, flags))?.sort() ?? null;

describe('requiredLiterals: strings one of which every match contains', () => {
  it('a word, or the words of an alternation', () => {
    expect(lits('newsletter')).toEqual(['newsletter']);
    expect(lits('\\b(sign up|subscribe) now')).toEqual(['sign up now', 'subscribe now']);
  });

  it('cut to their first 16 characters (a part of what is needed is needed)', () => {
    expect(lits('\\bopinions? expressed\\b.{0,80}\\bauthor')).toEqual(['opinion expresse', 'opinions express']);
  });

  it('optional parts multiply out while they are few; a class of letters too', () => {
    expect(lits('^read (more|also)s?:')).toEqual(['read also:', 'read alsos:', 'read more:', 'read mores:']);
    expect(lits('^(ad|ads|anzeige)s?:')).toEqual(['ad:', 'ads:', 'adss:', 'anzeige:', 'anzeiges:']);
    expect(lits('caf[eé]')).toEqual(['cafe', 'café']);
  });

  it('the longest certain part of a sequence broken by \\s+, \\p{L} or .{0,40}', () => {
    expect(lits('all\\s+rights\\s+reserved')).toEqual(['reserved']);
    expect(lits('\\bclick (here|below)\\b.{0,80}\\bsubscribe')).toEqual(['click below', 'click here']);
  });

  it('uppercase in the pattern is looked for lowercased (the scan reads lowercased text)', () => {
    expect(lits('Legal Disclaimer')).toEqual(['legal disclaimer']);
  });

  it('none where a match can be made of anything: a class, a property, an optional part, a back-reference', () => {
    expect(lits('^\\W+$')).toBeNull();
    expect(lits('^\\p{Lu}{3,}$')).toBeNull();
    expect(lits('(cookies)?\\d+')).toBeNull();
    expect(lits('(\\w)\\1')).toBeNull();
    expect(lits('a|\\s')).toBeNull();
  });
});

describe('PatternSet.candidates', () => {
  const set = PatternSet.of([/newsletter/u, /^read more/iu, /^\W+$/u, /σοφία/iu, /straße/iu]);
  const can = (text: string) => set.candidates(text.toLowerCase());

  it('lists the patterns whose literal the text holds, and those that need none', () => {
    expect(can('Sign up for our NEWSLETTER')).toEqual([0, 2]);
    expect(can('Read more: the harbour story')).toEqual([1, 2]);
    expect(can('The council met on Tuesday.')).toEqual([2]);
  });

  it('a literal found inside a longer word or overlapping another counts (the scan is of substrings)', () => {
    expect(can('newslettersnewsletter')).toEqual([0, 2]);
    expect(PatternSet.of([/abcd/u, /bc/u, /cde/u]).candidates('xabcdex')).toEqual([0, 1, 2]);
    // In the list's order, whatever order the text holds them in.
    expect(PatternSet.of([/cde/u, /abcd/u, /xa/u]).candidates('xabcdex')).toEqual([0, 1, 2]);
  });

  it('what a case-insensitive regex takes for the same letter, toLowerCase alone does not: the long s, the final sigma', () => {
    expect(/straße/iu.test('ſtraße') && can('ſtraße')).toEqual([2, 4]);
    expect(/σοφία/iu.test('ΣΟΦΊΑ')).toBe(true);
    expect(can('ΣΟΦΊΑ')).toEqual([2, 3]);
    expect(PatternSet.of([/ς/iu]).candidates('σ')).toEqual([0]);
  });

  it('finds the same with a table too large for a column per character (thousands of Han characters in the literals)', () => {
    // Deterministic pseudo-random 12-character phrases over 3,000 CJK characters: about 36,000 states, so most
    // characters have no column of their own and the scan follows the trie's links for them.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const han = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + (next() % 3000))).join('');
    const phrases = Array.from({ length: 3000 }, () => han(12));
    const big = PatternSet.of(phrases.map((p) => new RegExp(p, 'u')));
    for (let t = 0; t < 300; t++) {
      // Texts holding some of the phrases between random characters, and long s / final sigma folded on the way.
      const text = `${han(5)}${phrases[next() % 3000]}${han(20)}ſς${phrases[next() % 3000]}${han(3)}`;
      const expected = phrases.flatMap((p, i) => (text.includes(p) ? [i] : []));
      expect(big.candidates(text)).toEqual(expected);
    }
  });

  it('the fold table is complete: every letter an `iu` regex takes for another lowercases and folds to it', () => {
    // Letters related by case mappings, grouped; inside a group, whatever /x/iu matches must fold the same.
    const group = new Map<string, Set<string>>();
    const link = (a: string, b: string) => {
      const ga = group.get(a) ?? new Set([a]);
      const gb = group.get(b) ?? new Set([b]);
      const all = new Set([...ga, ...gb]);
      for (const c of all) group.set(c, all);
    };
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      for (const d of [c.toLowerCase(), c.toUpperCase()]) if ([...d].length === 1 && d !== c) link(c, d);
    }
    const wrong: string[] = [];
    for (const [c, g] of group) {
      const re = new RegExp(c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), 'iu');
      const key = foldForLiterals(c.toLowerCase());
      for (const d of g) if (d !== c && re.test(d) && !foldForLiterals(d.toLowerCase()).includes(key)) wrong.push(`${c}~${d}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('on the news pipeline: the scan never holds back a rule, error-page or bot-challenge pattern that matches', () => {
  type StripOptions = { rules: Array<{ match: string }>; errorPage: { patterns: string[] }; botChallenge: { signals: Array<{ patterns: string[] }> } };
  const options = (readPipelineFile(DEFAULT_PIPELINE) as { stages: Array<{ stage: string; options?: StripOptions }> }).stages.find((s) => s.stage === 'strip-boilerplate')!.options!;
  const patterns = [...options.rules.map((r) => r.match), ...options.errorPage.patterns, ...options.botChallenge.signals.flatMap((g) => g.patterns)].map((p) => new RegExp(p, 'iu'));
  const set = PatternSet.of(patterns);
  const fixtures = new URL('../fixtures/', import.meta.url).pathname;
  const texts: string[] = [];
  const stages = stagesUpTo('decode');
  for (const dir of ['benchmark/html', 'benchmark/text-fullpage', 'boilerplate-i18n', 'rule-library', 'bot-challenge']) {
    let names: string[];
    try {
      names = readdirSync(fixtures + dir);
    } catch {
      continue;
    }
    for (const f of names.filter((n) => /\.(html?|txt)(\.gz)?$/.test(n))) {
      const bytes = readFileSync(fixtures + dir + '/' + f);
      const doc = runStages(docFromBytes(f, bytes), stages);
      for (const b of doc.blocks) if (b.text.length < 2000) texts.push(b.text);
    }
  }

  it(`${patterns.length} patterns, the short blocks of the fixtures`, () => {
    expect(texts.length).toBeGreaterThan(10_000);
    let matched = 0;
    const missed: string[] = [];
    for (const t of texts) {
      const can = set.candidates(t.toLowerCase());
      patterns.forEach((re, i) => {
        if (!re.test(t)) return;
        matched++;
        if (!can.includes(i)) missed.push(`${re.source.slice(0, 40)} :: ${t.slice(0, 80)}`);
      });
    }
    expect(matched).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });
});
