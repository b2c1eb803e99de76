// Bot challenges and access-denied pages of CDNs and firewalls: the crawler saved Cloudflare's "Just a moment...",
// Akamai's "Access Denied" or a captcha instead of the article. Such a page has little text; a short document
// whose title, or one of whose lines (kept or removed), says what these pages say is rejected.
import { z } from 'zod';
import { PatternSet } from '../../core/pattern-set.js';
import { RegexSource } from '../../core/regex.js';
import type { Block } from '../../core/doc.js';
import { blockWords } from '../../core/text.js';

const Signal = z
  .object({
    /** Who or what the patterns recognize, named in the rejection message ("Cloudflare challenge", "access denied"). */
    name: z.string().min(1),
    /** Regular expressions (case-insensitive, Unicode) tried on the page title and on each block's text. */
    patterns: z.array(RegexSource('iu')).min(1),
  })
  .strict();

export const BotChallengeOptions = z
  .object({
    /** Pattern groups, per vendor or kind, tried in order: the first group with a match names the rejection. */
    signals: z.array(Signal).default([]),
    /** A document keeping more words than this after main-content selection is never taken for a challenge page. */
    maxWords: z.number().int().min(0).default(150),
    /** Longer blocks are never taken for a challenge page's lines (prose that quotes one). */
    maxBlockWords: z.number().int().positive().default(60),
  })
  .strict();
export type BotChallengeOptions = z.infer<typeof BotChallengeOptions>;

export type CompiledBotChallenge = BotChallengeOptions & {
  compiled: Array<{ name: string; patterns: RegExp[]; first: number }>;
  /** The literal scan over every group's patterns, in order (core/pattern-set.ts). */
  literals: PatternSet;
};

export const compileBotChallenge = (opts: BotChallengeOptions): CompiledBotChallenge => {
  let first = 0;
  const compiled = opts.signals.map((s) => {
    const group = { name: s.name, patterns: s.patterns.map((p) => new RegExp(p, 'iu')), first };
    first += group.patterns.length;
    return group;
  });
  let literals: PatternSet | null = null;
  return {
    ...opts,
    compiled,
    // Built at the first document (see strip-boilerplate's compileRules).
    get literals() {
      return (literals ??= PatternSet.of(compiled.flatMap((g) => g.patterns)));
    },
  };
};

export interface BotChallengeVerdict {
  /** The signal group that matched. */
  name: string;
  /** The title or block text it matched. */
  evidence: string;
}

/**
 * Is the document a challenge page? Only when it keeps at most `maxWords` words; then the titles (the HTML
 * <title>, a title given beside the page) and every block, removed or not (main-content selection may have
 * taken the challenge text for boilerplate), are tried against each group's patterns in turn.
 */
export const findBotChallenge = (blocks: Block[], titles: Array<string | null>, opts: CompiledBotChallenge): BotChallengeVerdict | null => {
  if (opts.compiled.length === 0) return null;
  let keptWords = 0;
  for (const b of blocks) if (!b.removed && (keptWords += blockWords(b)) > opts.maxWords) return null;
  const lines = [
    ...titles.filter((t): t is string => !!t),
    ...blocks.filter((b) => blockWords(b) <= opts.maxBlockWords).map((b) => b.text),
  ];
  const can = lines.map((line) => new Set(opts.literals.candidates(line.toLowerCase())));
  for (const group of opts.compiled) {
    const evidence = lines.find((line, i) => group.patterns.some((re, k) => can[i]!.has(group.first + k) && re.test(line)));
    if (evidence !== undefined) return { name: group.name, evidence };
  }
  return null;
};

/** The evidence for a message: one line, cut at a word past 100 characters. */
export const quoteEvidence = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 100) return line;
  const cut = line.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${space > 60 ? cut.slice(0, space) : cut}…`;
};
