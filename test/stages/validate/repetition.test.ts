// Gopher's repetition checks (validate `repetition`), on documents run through the real stages before validate.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../../src/core/stage.js';
import { validate } from '../../../src/stages/validate/index.js';
import { docFromText, runThrough, SAMPLES } from '../../helpers/docs.js';

const GOPHER = { repetition: {} };
const check = (text: string, options: object = GOPHER) => {
  const doc = runThrough(docFromText(text), 'extract-metadata');
  return rejection(validate.run(doc, validate.options.parse(options), { stage: 'validate' }));
};

const PROSE = [
  'The harbour authority said on Monday that the new ferry terminal would open in the spring, after two years of building work.',
  'Residents had complained about the noise of the construction site, and the council promised to limit work to daytime hours.',
  'The terminal will serve three routes to the islands, with a fourth planned for the summer once the new boats are delivered.',
  'Officials expect the number of passengers to double within five years, bringing more visitors to the shops of the old town.',
];

describe('repetition checks (Gopher thresholds)', () => {
  it('pass every seed article', () => {
    for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'))) {
      expect(check(readFileSync(SAMPLES + name, 'utf8')), name).toBeUndefined();
    }
  });

  it('are off by default', () => {
    const spam = PROSE.flatMap((p) => [p, 'Winter timetable of the island ferries']).join('\n\n');
    expect(check(spam, {})).toBeUndefined();
    expect(check(spam)).toMatchObject({ stage: 'validate' });
  });

  it('reject a short line pasted after every paragraph (too short and no sentence for dedupe-paragraphs): repeated_paragraphs', () => {
    const loop = PROSE.flatMap((p) => [p, 'Winter timetable of the island ferries']).join('\n\n');
    const fatal = check(loop);
    expect(fatal).toMatchObject({ code: 'repeated_paragraphs' });
    expect(fatal!.detail).toMatch(/^\d+ of \d+ paragraphs repeat an earlier one \(more than 30%\)$/);
  });

  it('reject keyword stuffing: the top 2-gram covers too much of the text', () => {
    const stuffed = `${PROSE[0]}\n\n${Array(40).fill('cheap flights').join(' and ')} to the islands this summer.`;
    expect(check(stuffed)).toMatchObject({ code: 'repeated_top_ngram' });
    expect(check(stuffed)!.detail).toMatch(/^the 2-gram "cheap flights" covers \d+% of the characters \(more than 20%\)$/);
  });

  it('reject a body that repeats long runs of words under different openings (not near copies for dedupe-paragraphs): repeated_ngrams', () => {
    const sentence = 'the council will decide on the new budget for schools roads and the library at its next meeting in the town hall';
    const looped = PROSE.slice(0, 2).join('\n\n') + '\n\n' + ['First update from the harbour office', 'Second note sent by the mayor', 'Third report of our local desk', 'Fourth item in the weekly bulletin', 'Fifth message to all residents', 'Sixth notice posted at the school'].map((w) => `${w}: ${sentence}, officials said.`).join('\n\n');
    expect(check(looped)).toMatchObject({ code: 'repeated_ngrams' });
  });
});

describe('too_much_removed', () => {
  it('is on by default at 0.99: a page whose cleaning left under 1% of its words is not an article', () => {
    const names = ['News', 'Sport', 'Culture', 'Travel', 'Opinion', 'Business', 'Science', 'Weather'];
    const menu = Array.from({ length: 2500 }, (_, i) => `${names[i % 8]} ${names[(i >> 3) % 8]}`).join('\n');
    const page = `${menu}\n\n${PROSE.join(' ')}\n\n${menu}`;
    expect(validate.options.parse({}).maxRemovedShare).toBe(0.99);
    const fatal = check(page, {});
    expect(fatal).toMatchObject({ code: 'too_much_removed' });
    expect(fatal!.detail).toMatch(/^cleaning removed \d+% of the words; the maximum is 99%$/);
    expect(check(page, { maxRemovedShare: null })).toBeUndefined();
  });
});
