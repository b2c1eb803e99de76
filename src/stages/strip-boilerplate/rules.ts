// Phrase rules as data: each rule's id becomes the removal code of the blocks it takes out.
import { z } from 'zod';
import { PatternSet } from '../../core/pattern-set.js';
import { RegexSource } from '../../core/regex.js';
import type { Block } from '../../core/doc.js';
import { blockWords, countWords } from '../../core/text.js';

export const RuleSpec = z
  .object({
    /** snake_case; becomes the removal code. */
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'rule ids are snake_case'),
    description: z.string().optional(),
    /** Regular expression tested (case-insensitive, Unicode) against each kept block's text. */
    match: RegexSource('iu'),
    /** The rule only fires on blocks of at most this many words, so a phrase inside a real paragraph is safe. */
    maxWords: z.number().int().positive().default(30),
    /**
     * What else goes with a matching block:
     * - `none`: only the block;
     * - `headlines`: the short, unpunctuated lines that follow it (a list of other stories' titles);
     * - `paragraphs`: up to `maxFollow` following blocks, stopping at a block another rule matches;
     * - `rest`: everything after it (a trailing section such as "Most popular stories").
     */
    follow: z.enum(['none', 'headlines', 'paragraphs', 'rest']).default('none'),
    maxFollow: z.number().int().min(0).default(20),
    /** Only fire in the last part of the document (share of blocks, 0..1); trailing lists. */
    tailShare: z.number().min(0).max(1).optional(),
  })
  .strict();
export type RuleSpec = z.infer<typeof RuleSpec>;

export interface Rule extends RuleSpec {
  re: RegExp;
  /** The rule is tested on the block's lowercased text, without the `i` flag: two to three times faster. */
  lower: boolean;
}

/**
 * Whether a pattern means the same on lowercased text without `i` as on the text with `i`: it names no uppercase
 * letter (outside escapes such as `\S`), no case class (`\p{Lu}`, `\p{Lt}`, `\p{Ll}`) and no code point by number.
 */
export const caseBlind = (pattern: string): boolean =>
  !/\\[pP]\{(?:L[ult]|Lowercase|Uppercase)|\\[ux]/.test(pattern) && !/[A-Z]/.test(pattern.replace(/\\[pP]\{[^}]*\}|\\./g, ''));

/** The rules, and the literal scan that tells which of them can match a block (core/pattern-set.ts). */
export interface CompiledRules {
  list: Rule[];
  literals: PatternSet;
  /** No rule fires on a block of more words than this. */
  maxWords: number;
}

export const compileRules = (specs: RuleSpec[]): CompiledRules => {
  const list = specs.map((s) => (caseBlind(s.match) ? { ...s, re: new RegExp(s.match, 'u'), lower: true } : { ...s, re: new RegExp(s.match, 'iu'), lower: false }));
  let literals: PatternSet | null = null;
  return {
    list,
    // Built at the first document: a thread that binds the pipeline without running it does not pay for it.
    get literals() {
      return (literals ??= PatternSet.of(list.map((r) => r.re)));
    },
    maxWords: Math.max(0, ...list.map((r) => r.maxWords)),
  };
};

/** A line that reads like another story's headline rather than prose: short, and not ending a sentence. */
export const isHeadlineShaped = (text: string): boolean => {
  const words = countWords(text);
  if (words > 25) return false;
  const end = text.replace(/["'”’»)\]]+$/u, '').trim();
  return !/[.!;:…]$/u.test(end);
};

/** Is `next` a heading of the same rank as the heading `head`, or above it? */
const startsSection = (head: Block, next: Block): boolean =>
  head.kind === 'heading' && next.kind === 'heading' && (next.level ?? 6) <= (head.level ?? 6);

const matches = (rule: Rule, block: Block, lower: string, words: number, position: number, total: number): boolean => {
  if (rule.tailShare !== undefined && position < total * (1 - rule.tailShare)) return false;
  if (words > rule.maxWords) return false;
  return rule.re.test(rule.lower ? lower : block.text);
};

/**
 * Applies the rules to the kept blocks in order; returns how many blocks each rule removed.
 * The first rule that matches a block wins, so the order of rules in the pipeline file matters.
 */
export const applyRules = (blocks: Block[], rules: CompiledRules, remove: (b: Block, code: string) => void): void => {
  const kept = blocks.filter((b) => !b.removed);
  const total = kept.length;
  const words = kept.map(blockWords);
  const lower = kept.map((b, i) => (words[i]! <= rules.maxWords ? b.text.toLowerCase() : ''));
  const ruleFor = (i: number): Rule | undefined => {
    if (words[i]! > rules.maxWords) return undefined;
    for (const k of rules.literals.candidates(lower[i]!)) {
      const r = rules.list[k]!;
      if (matches(r, kept[i]!, lower[i]!, words[i]!, i, total)) return r;
    }
    return undefined;
  };
  for (let i = 0; i < kept.length; i++) {
    const rule = ruleFor(i);
    if (!rule) continue;
    remove(kept[i]!, rule.id);
    let taken = 0;
    let j = i + 1;
    for (; j < kept.length && taken < rule.maxFollow; j++) {
      const next = kept[j]!;
      if (rule.follow === 'none') break;
      if (rule.follow === 'headlines' && !isHeadlineShaped(next.text)) break;
      // A heading of the same rank or above starts the article's next section, not another story's title.
      if (rule.follow === 'headlines' && startsSection(kept[i]!, next)) break;
      if (rule.follow === 'paragraphs' && ruleFor(j)) break;
      if (rule.follow !== 'rest') taken++;
      remove(next, rule.id);
    }
    i = j - 1;
  }
};

/**
 * A short heading whose section (the blocks up to the next heading of its rank or above, or to the end) was
 * removed entirely: the heading of a widget, a list of other stories or a contact box that went without it.
 */
export const dropOrphanHeadings = (blocks: Block[], maxWords: number, remove: (b: Block) => void): void => {
  if (maxWords <= 0) return;
  for (let i = 0; i < blocks.length; i++) {
    const h = blocks[i]!;
    if (h.removed || h.kind !== 'heading' || blockWords(h) > maxWords) continue;
    let removed = 0;
    let orphan = true;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.kind === 'heading' && !next.removed && (next.level ?? 6) <= (h.level ?? 6)) break;
      if (!next.removed) {
        orphan = false;
        break;
      }
      removed++;
    }
    if (orphan && removed > 0) remove(h);
  }
};
