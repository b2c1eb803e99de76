// dedupe-paragraphs: a paragraph pasted twice keeps one copy: exact copies (case, digits and punctuation folded) and,
// near copies (a few words edited, or cut short) and short repeated sentences; each removal names the
// block it repeats. Short repeated list items and table cells ("Yes", "2-1") and rows of figures are legitimate and stay.
import { z } from 'zod';
import type { Block } from '../../core/doc.js';
import { defineStage, remove } from '../../core/stage.js';
import { blockWords, endsLikeSentence } from '../../core/text.js';

const Options = z
  .object({
    /** Shorter blocks are left alone: repeated short lines ("Yes", a list bullet, a table cell) are legitimate. */
    minWords: z.number().int().min(1).default(10),
    /**
     * A shorter block that is prose (a sentence of at least this many words, in a paragraph or quote) is a copy
     * all the same (null: off). At 3, it costs the stored text dumps nothing once rows of figures are exempt.
     */
    proseMinWords: z.number().int().min(1).nullable().default(3),
    /**
     * A block whose word 3-grams are at least this share of an earlier block's is a near copy of it (null: exact
     * copies only). The shorter of the two goes: a copy cut short is the one removed. At 0.9 it costs 0.0003 of
     * F1 on the benchmarks, whose gold keeps leads that repeat a paragraph cut short.
     */
    nearDuplicate: z.number().min(0).max(1).nullable().default(0.9),
    /**
     * A line where figures are at least this share of the words is a row of data (a recipe's portions, a table's
     * row in a text dump): such rows repeat legitimately and stay (null: off).
     */
    dataFigureShare: z.number().min(0).max(1).nullable().default(0.25),
    /** Blocks with fewer words are compared exactly only: too short for 3-grams to mean anything. */
    nearMinWords: z.number().int().min(3).default(25),
  })
  .strict();

/** CCNet-style key: case folded, digits to 0, punctuation and whitespace dropped. (Decode already made it NFC.) */
export const fingerprint = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\p{N}/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** The block's word 3-grams, case folded (numbers kept: "1 cup" and "2 cups" are different items). */
export const shingles = (text: string): Set<string> => {
  const words = text.toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
};

/** A sentence of running text of at least `min` words: such repeats are copies whatever their length. */
const isProse = (b: Block, min: number | null): boolean =>
  min !== null && (b.kind === 'paragraph' || b.kind === 'quote') && blockWords(b) >= min && endsLikeSentence(b.text);

const FIGURE = /\p{N}+(?:[.,:/]\p{N}+)*/gu;

/** A row of figures: "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.", "Leeds 12 8 2 2 26". */
const isData = (text: string, words: number, share: number | null): boolean =>
  share !== null && (text.match(FIGURE)?.length ?? 0) >= share * words;

interface Original {
  index: number;
  shingles: Set<string>;
}

const overlap = (a: Set<string>, b: Set<string>): number => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

export const dedupeParagraphs = defineStage({
  name: 'dedupe-paragraphs',
  options: Options,
  run(doc, opts, ctx) {
    const exact = new Map<string, number>();
    const originals: Original[] = [];
    doc.blocks.forEach((block, index) => {
      if (block.removed) return;
      const words = blockWords(block);
      if (words < opts.minWords && !isProse(block, opts.proseMinWords)) return;
      if (isData(block.text, words, opts.dataFigureShare)) return;
      const key = fingerprint(block.text);
      const same = exact.get(key);
      if (same !== undefined) return remove(block, ctx.stage, 'duplicate_paragraph', same);
      exact.set(key, index);
      if (opts.nearDuplicate === null || words < opts.nearMinWords) return;
      const mine = shingles(block.text);
      if (!mine.size) return;
      for (const o of originals) {
        const shared = overlap(mine, o.shingles);
        if (shared / mine.size >= opts.nearDuplicate && mine.size <= o.shingles.size) return remove(block, ctx.stage, 'near_duplicate_paragraph', o.index);
        if (shared / o.shingles.size >= opts.nearDuplicate) {
          // The earlier one is the copy cut short: it goes, and this fuller one takes its place.
          remove(doc.blocks[o.index]!, ctx.stage, 'near_duplicate_paragraph', index);
          o.index = index;
          o.shingles = mine;
          return;
        }
      }
      originals.push({ index, shingles: mine });
    });
    return doc;
  },
});
