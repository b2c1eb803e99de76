import { describe, expect, it } from 'vitest';
import { runStages } from '../../../src/runner/process.js';
import { keyText } from '../../../src/core/text.js';
import { dedupeParagraphs, fingerprint, shingles, WordIds } from '../../../src/stages/dedupe-paragraphs/index.js';
import { docFromText, kept, removedWith, runThrough, sampleThrough, stagesUpTo } from '../../helpers/docs.js';

describe('fingerprint', () => {
  it('folds case, digits, punctuation and whitespace', () => {
    expect(fingerprint('The US said 12 people, “at least”, died.')).toBe(fingerprint('the us said 34 people at least died'));
    expect(fingerprint('Kyiv rejected it.')).not.toBe(fingerprint('Kyiv accepted it.'));
  });

  it('is keyText with digits as 0 (core/text.ts)', () => {
    expect(fingerprint('The U.S. said 12 people')).toBe(keyText('The U.S. said 12 people', true));
  });
});

describe('shingles', () => {
  it('give a 3-gram the same key in every block of a document, past 2^17 distinct words too', () => {
    const words = new WordIds();
    const before = shingles('the harbour authority said on monday', words);
    for (let i = 0; i < 2 ** 17 + 10; i++) words.id(`w${i}`);
    const after = shingles('The harbour authority said on Monday, w131080 w131081 w131082', words);
    expect(before.size).toBe(4);
    for (const k of before) expect(after.has(k)).toBe(true);
    expect(after.size).toBe(4 + 3);
  });
});

describe('dedupe-paragraphs', () => {
  it('keeps the first of the four paragraphs 004 pastes twice', () => {
    const doc = sampleThrough('004_7b4e951b40827333.txt', 'dedupe-paragraphs');
    const dupes = removedWith(doc, 'duplicate_paragraph');
    expect(dupes).toHaveLength(4);
    const texts = kept(doc).map((b) => b.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const d of dupes) expect(texts).toContain(d);
    expect(texts.indexOf(dupes[0]!)).toBeLessThan(texts.indexOf(dupes[1]!));
  });

  it('catches a near-exact copy that differs only in case, digits and punctuation', () => {
    const doc = runThrough(
      docFromText('Officials said 18 people were killed in the attack on Kyiv.\nA second paragraph follows here.\nofficials said 12 people were killed in the attack on Kyiv'),
      'dedupe-paragraphs',
    );
    expect(removedWith(doc, 'duplicate_paragraph')).toEqual(['officials said 12 people were killed in the attack on Kyiv']);
  });

  it('leaves short repeated lines alone', () => {
    const doc = runThrough(docFromText('Yes\nThe committee voted on the first motion today.\nYes\nThe committee then voted on the second one.'), 'dedupe-paragraphs');
    expect(removedWith(doc, 'duplicate_paragraph')).toEqual([]);
  });
});

describe('near copies', () => {
  const P1 =
    'The harbour authority said on Monday that the new ferry terminal would open in the spring of next year, after two years of building work and a long dispute with the council over its cost.';
  const P2 = 'Residents had complained about the noise of the construction site for months, and the council promised to limit the work to daytime hours.';
  const P3 = 'The terminal will serve three routes to the islands, with a fourth one planned for the summer once the new boats have been delivered.';
  // As the default pipeline runs it (near copies at 0.9, prose repeats from 3 words).
  const run = (paragraphs: string[]) => runThrough(docFromText(paragraphs.join('\n\n')), 'dedupe-paragraphs');
  const indexOf = (doc: ReturnType<typeof run>, text: string) => doc.blocks.findIndex((b) => b.text === text);

  it('removes a copy with one word edited, naming the block it repeats', () => {
    const edited = P1.replace('Monday', 'Tuesday');
    const doc = run([P1, P2, P3, edited]);
    const copy = doc.blocks[indexOf(doc, edited)]!;
    expect(copy.removed).toEqual({ stage: 'dedupe-paragraphs', code: 'near_duplicate_paragraph', of: indexOf(doc, P1) });
    expect(kept(doc).map((b) => b.text)).toEqual([P1, P2, P3]);
  });

  it('removes a copy cut short, even when it comes first (a teaser above the full paragraph)', () => {
    const cut = P1.split(' and a long')[0]! + '.';
    const doc = run([cut, P2, P1, P3]);
    expect(doc.blocks[indexOf(doc, cut)]!.removed).toEqual({ stage: 'dedupe-paragraphs', code: 'near_duplicate_paragraph', of: indexOf(doc, P1) });
    expect(kept(doc).map((b) => b.text)).toEqual([P2, P1, P3]);
  });

  it('can be switched off in the pipeline file (nearDuplicate: null)', () => {
    const options = dedupeParagraphs.options.parse({ nearDuplicate: null });
    const doc = dedupeParagraphs.run(runStages(docFromText([P1, P2, P3, P1.replace('Monday', 'Tuesday')].join('\n\n')), stagesUpTo('strip-boilerplate')), options, { stage: 'dedupe-paragraphs' });
    expect(removedWith(doc, 'near_duplicate_paragraph')).toEqual([]);
  });

  it('keeps paragraphs that only share a topic, and exact copies name their original too', () => {
    const doc = run([P1, P2, P3, P2]);
    expect(removedWith(doc, 'near_duplicate_paragraph')).toEqual([]);
    expect(doc.blocks.filter((b) => b.removed).map((b) => b.removed)).toEqual([{ stage: 'dedupe-paragraphs', code: 'duplicate_paragraph', of: indexOf(doc, P2) }]);
  });

  it('removes a repeated sentence of prose however short, and leaves repeated list items and cells alone', () => {
    const doc = run([P1, 'It was raining all day.', P2, 'It was raining all day.', P3]);
    expect(removedWith(doc, 'duplicate_paragraph')).toEqual(['It was raining all day.']);
    const list = run([P1, '- Yes\n- No\n- Yes', P2]);
    expect(removedWith(list, 'duplicate_paragraph')).toEqual([]);
  });

  it('leaves repeated rows of figures alone: a meal plan or a table in a text dump repeats them legitimately', () => {
    // As text-readability/5f03fc17 (a week's meal plan, whose true text repeats each day's portions).
    const row = 'Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.';
    const doc = run([P1, 'Monday', row, P2, 'Tuesday', row, P3]);
    expect(kept(doc).filter((b) => b.text === row)).toHaveLength(2);
  });
});
