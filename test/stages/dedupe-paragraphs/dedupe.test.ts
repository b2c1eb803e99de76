import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stages/dedupe-paragraphs/index.js';
import { docFromText, kept, removedWith, runThrough, sampleThrough } from '../../helpers/docs.js';

describe('fingerprint', () => {
  it('folds case, digits, punctuation and whitespace', () => {
    expect(fingerprint('The US said 12 people, “at least”, died.')).toBe(fingerprint('the us said 34 people at least died'));
    expect(fingerprint('Kyiv rejected it.')).not.toBe(fingerprint('Kyiv accepted it.'));
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
