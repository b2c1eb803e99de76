// dedupe-paragraphs: a paragraph pasted twice keeps only its first occurrence.
import { z } from 'zod';
import { defineStage, remove } from '../../core/stage.js';
import { blockWords } from '../../core/text.js';

const Options = z
  .object({
    /** Shorter blocks are left alone: repeated short lines ("Yes", a list bullet) are often legitimate. */
    minWords: z.number().int().min(1).default(4),
  })
  .strict();

/** CCNet-style key: case folded, digits to 0, punctuation and whitespace dropped. (Decode already made it NFC.) */
export const fingerprint = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\p{N}/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, '');

export const dedupeParagraphs = defineStage({
  name: 'dedupe-paragraphs',
  options: Options,
  run(doc, opts, ctx) {
    const seen = new Set<string>();
    for (const block of doc.blocks) {
      if (block.removed || blockWords(block) < opts.minWords) continue;
      const key = fingerprint(block.text);
      if (seen.has(key)) remove(block, ctx.stage, 'duplicate_paragraph');
      else seen.add(key);
    }
    return doc;
  },
});
