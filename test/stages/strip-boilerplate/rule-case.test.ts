// Phrase rules are case-insensitive: a lowercase pattern is tested on the lowercased text (faster), a pattern with a
// case class (\p{Lu}) on the text itself with the i flag, as every rule was before; through decode and strip-boilerplate.
import { describe, expect, it } from 'vitest';
import { bindPipeline } from '../../../src/runner/pipeline.js';
import { runStages } from '../../../src/runner/process.js';
import { compileRules } from '../../../src/stages/strip-boilerplate/rules.js';
import { docFromText, removedWith } from '../../helpers/docs.js';

const PROSE = 'The harbour authority said on Monday that the new ferry terminal would open in the spring, after two years of building work.';
const pipeline = (rules: Array<{ id: string; match: string }>) =>
  bindPipeline({ name: 't', stages: [{ stage: 'decode' }, { stage: 'anatomy' }, { stage: 'strip-boilerplate', options: { rules } }, { stage: 'validate', options: { minWords: 1 } }] }).stages.slice(0, 3);

describe('phrase rules and case', () => {
  it('a lowercase pattern matches the text in any case, Ä and Ö included', () => {
    const doc = runStages(docFromText(`${PROSE}\n\nJETZT ABONNIEREN UND SPAREN\n\n${PROSE.replace('Monday', 'Friday')}\n\nÖffnungszeiten Ändern`), pipeline([{ id: 'sub', match: '^jetzt abonnieren' }, { id: 'oe', match: '^öffnungszeiten änd' }]));
    expect(removedWith(doc, 'sub')).toEqual(['JETZT ABONNIEREN UND SPAREN']);
    expect(removedWith(doc, 'oe')).toEqual(['Öffnungszeiten Ändern']);
  });

  it('a pattern with a case class (\\p{Lu}) is matched on the text as it is, as before (with the i flag it matches either case)', () => {
    const rules = [{ id: 'credit', match: '^©\\s*\\p{Lu}' }];
    expect(compileRules(rules.map((r) => ({ ...r, maxWords: 30, follow: 'none' as const, maxFollow: 0 }))).list[0]!.lower).toBe(false);
    const doc = runStages(docFromText(`${PROSE}\n\n© Jane Doe\n\n© jane doe\n\n${PROSE.replace('Monday', 'Friday')}`), pipeline(rules));
    expect(removedWith(doc, 'credit')).toEqual(['© Jane Doe', '© jane doe']);
    expect(removedWith(doc, 'credit')).toEqual([...'© Jane Doe|© jane doe'.split('|')].filter((t) => /^©\s*\p{Lu}/iu.test(t)));
  });
});
