import { describe, expect, it } from 'vitest';
import { rejection } from '../../../src/core/stage.js';
import { validate } from '../../../src/stages/validate/index.js';
import { docFromText, runThrough, sampleThrough } from '../../helpers/docs.js';

const runValidate = (text: string, options: object = {}) => {
  const doc = runThrough(docFromText(text), 'extract-metadata');
  return validate.run(doc, validate.options.parse(options), { stage: 'validate' });
};

describe('validate', () => {
  it('accepts the seed articles', () => {
    for (const name of ['000_056ef794f2a8b55d.txt', '004_7b4e951b40827333.txt']) {
      expect(rejection(sampleThrough(name, 'validate'))).toBeUndefined();
    }
  });

  it('rejects a body under minWords as too_short, with the count in the message', () => {
    const fatal = rejection(runValidate('The council met on Monday and approved the budget for next year.', { minWords: 50 }));
    expect(fatal).toMatchObject({ stage: 'validate', code: 'too_short' });
    expect(fatal!.detail).toContain('12 words');
  });

  it('rejects a document emptied by cleaning as empty_after_cleaning, saying what removed its blocks', () => {
    const fatal = rejection(runValidate('Share on Facebook\nAdvertisement\n***'));
    expect(fatal).toMatchObject({ code: 'empty_after_cleaning' });
    expect(fatal!.detail).toBe('all 3 blocks were removed (share_widget 1, advertisement_label 1, punctuation_only 1)');
  });

  it('says so when an HTML page has no text at all', () => {
    const doc = runThrough(docFromText('<html><body><img src="a.png"><script>x()</script></body></html>', 'html'), 'validate');
    expect(rejection(doc)).toMatchObject({ code: 'empty_after_cleaning', detail: 'the document has no text (no block of words was found in it)' });
  });

  it('rejects when cleaning removed too much, only when that check is on', () => {
    const text = 'Advertisement\nShare on Facebook\nCookie policy: we use cookies to improve this site.\nThe council met on Monday.';
    expect(rejection(runValidate(text, { minWords: 3 }))).toBeUndefined();
    expect(rejection(runValidate(text, { minWords: 3, maxRemovedShare: 0.5 }))).toMatchObject({ code: 'too_much_removed' });
  });
});
