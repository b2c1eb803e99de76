// dedupe-paragraphs: a paragraph pasted twice keeps one copy: exact copies (case, digits and punctuation folded) and,
// near copies (a few words edited, or cut short) and short repeated sentences; each removal names the
// block it repeats. Short repeated list items and table cells ("Yes", "2-1") and rows of figures are legitimate and stay.
import { z } from 'zod';
import type { Block } from '../../core/doc.js';
import { defineStage, remove } from '../../core/stage.js';
import { blockWords, endsLikeSentence, keyText } from '../../core/text.js';

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
export const fingerprint = (text: string): string => keyText(text, true);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** A document's words, numbered as they come: a 3-gram of three numbers is one number, cheap to hash and compare. */
export class WordIds {
  private readonly ids = new Map<string, number>();
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) this.ids.set(word, (id = this.ids.size));
    return id;
  }
}
/** Three ids below this fit in a double's 53 bits; a 3-gram with a larger one (past 2^17 distinct words) is a string. */
const ID_LIMIT = 2 ** 17;

/**
 * The block's word 3-grams, case folded (numbers kept: "1 cup" and "2 cups" are different items), as keys of the
 * document's word ids: a word's id never changes, so a 3-gram has the same key in every block.
 */
export const shingles = (text: string, words: WordIds = new WordIds()): Set<string | number> => {
  const ids = (text.toLowerCase().match(WORD) ?? []).map((w) => words.id(w));
  const out = new Set<string | number>();
  for (let i = 0; i + 3 <= ids.length; i++) {
    const a = ids[i]!;
    const b = ids[i + 1]!;
    const c = ids[i + 2]!;
    out.add(a < ID_LIMIT && b < ID_LIMIT && c < ID_LIMIT ? (a * ID_LIMIT + b) * ID_LIMIT + c : `${a},${b},${c}`);
  }
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
  shingles: Set<string | number>;
  /** Its place among the originals: they are compared in this order. */
  order: number;
}

/**
 * The originals seen so far, indexed by shingle: a block is compared only with those it shares a shingle with
 * (most share none), not with every one before it.
 */
class Originals {
  private readonly all: Original[] = [];
  private readonly byShingle = new Map<string | number, Original[]>();

  add(index: number, shingles: Set<string | number>): void {
    const o = { index, shingles, order: this.all.length };
    this.all.push(o);
    this.post(o);
  }

  /** `o` is now block `index` with these shingles (a fuller copy took the place of one cut short). */
  replace(o: Original, index: number, shingles: Set<string | number>): void {
    for (const s of o.shingles) {
      const list = this.byShingle.get(s)!;
      list.splice(list.indexOf(o), 1);
    }
    o.index = index;
    o.shingles = shingles;
    this.post(o);
  }

  /** The originals with their count of shingles shared with `mine`, in order; all of them when `everyOne`. */
  sharing(mine: Set<string | number>, everyOne: boolean): Array<[Original, number]> {
    const shared = new Map<Original, number>();
    for (const s of mine) for (const o of this.byShingle.get(s) ?? []) shared.set(o, (shared.get(o) ?? 0) + 1);
    if (everyOne) return this.all.map((o) => [o, shared.get(o) ?? 0]);
    return [...shared].sort((a, b) => a[0].order - b[0].order);
  }

  private post(o: Original): void {
    for (const s of o.shingles) {
      const list = this.byShingle.get(s);
      if (list) list.push(o);
      else this.byShingle.set(s, [o]);
    }
  }
}

export const dedupeParagraphs = defineStage({
  name: 'dedupe-paragraphs',
  options: Options,
  run(doc, opts, ctx) {
    const exact = new Map<string, number>();
    const originals = new Originals();
    const vocabulary = new WordIds();
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
      const mine = shingles(block.text, vocabulary);
      if (!mine.size) return;
      // At a threshold of 0 a block sharing nothing is a near copy too: then every original is a candidate.
      for (const [o, shared] of originals.sharing(mine, opts.nearDuplicate === 0)) {
        if (shared / mine.size >= opts.nearDuplicate && mine.size <= o.shingles.size) return remove(block, ctx.stage, 'near_duplicate_paragraph', o.index);
        if (shared / o.shingles.size >= opts.nearDuplicate) {
          // The earlier one is the copy cut short: it goes, and this fuller one takes its place.
          remove(doc.blocks[o.index]!, ctx.stage, 'near_duplicate_paragraph', index);
          originals.replace(o, index, mine);
          return;
        }
      }
      originals.add(index, mine);
    });
    return doc;
  },
});
