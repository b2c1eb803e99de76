// The one vocabulary (pipelines/vocabulary.json): labels, month and weekday names, class words and name words in
// the languages the pipeline reads. Every stage that recognises a part of a page builds its patterns from here.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldText } from './text.js';

const Words = z.array(z.string().min(1));

export const Vocabulary = z
  .object({
    $comment: z.string().optional(),
    /** Twelve lists, January first: names and abbreviations, folded. */
    months: z.array(Words).length(12),
    /** Weekday names and their abbreviations: only ever matched in a line that holds nothing but a date. */
    weekdays: Words,
    labels: z
      .object({
        /** Labels before a publication date ("Published:", "Veröffentlicht am"). */
        published: Words,
        /** Labels before a modification date ("Updated", "Mis à jour le"). */
        updated: Words,
        /** Words of a relative time ("3 hours ago", "hace 2 horas", "il y a"). */
        relativeTime: Words,
        /** A label standing for "author" on a line of its own or before a name ("Autor:", "By"). */
        author: Words,
        /** Labels of author boxes and widgets that are never a name ("About the Author"). */
        authorBox: Words,
        /** What a comment's header says its author did ("Jane on May 3, 2019 at 4:47 pm said:"), folded. */
        commentSaid: Words,
      })
      .strict(),
    /** Class/id words of elements (lowercased, split on non-letters) that hold a part of the page. */
    classWords: z
      .object({
        $comment: z.string().optional(),
        lead: Words,
        subtitle: Words,
        markStems: Words,
        markSuffixes: Words,
        author: Words,
        date: Words,
        modified: Words,
        /** Inside an author-like element, these say it is an author box or a photo, not the byline. */
        notByline: Words,
        /** Containers whose dates and names belong to other content: comments, teasers, related stories. */
        elsewhere: Words,
      })
      .strict(),
    names: z
      .object({
        /** Agency name or abbreviation (folded) -> the publisher's name for it. */
        wireAgencies: z.record(z.string(), z.string()),
        /** The newsroom rather than a person: a byline of only these names nobody. */
        deskCredits: Words,
        /** Roles and titles after a name ("Chief Technology Officer"). */
        roles: Words,
        /** Organisations a name may be followed by ("University of Michigan"). */
        affiliations: Words,
        /** Words joining the names of a multi-author byline, besides commas, "&", ";" and " / ". */
        conjunctions: Words,
        /** Conjunctions that are also prepositions (nl "en", pl "i"): they join two full names only. */
        weakConjunctions: Words,
      })
      .strict(),
  })
  .strict();
export type Vocabulary = z.infer<typeof Vocabulary>;

export const VOCABULARY_FILE = new URL('../../pipelines/vocabulary.json', import.meta.url);

export const VOCABULARY: Vocabulary = Vocabulary.parse(JSON.parse(readFileSync(VOCABULARY_FILE, 'utf8')));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular-expression alternation of the words, longest first, spaces matching any run of spaces. With
 * `written`, each folded word also matches its usual written forms (accents on any letter: "veroffentlicht" matches
 * "veröffentlicht"): for patterns tested on unfolded text.
 */
export const alternation = (words: readonly string[], written = false): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .split(/\s+/)
        .map((part) => (written ? escape(part).replace(/[a-z]/g, (c) => ACCENTED[c] ?? c) : escape(part)))
        .join('\\s+'),
    )
    .join('|');

// Letters and their accented forms in the languages of the vocabulary.
const ACCENTS: Record<string, string> = {
  a: 'aàáâãäåą', c: 'cçć', e: 'eèéêëę', i: 'iìíîï', l: 'lł', n: 'nñń', o: 'oòóôõöø', s: 'sś', u: 'uùúûü', y: 'yý', z: 'zźż',
};
const ACCENTED: Record<string, string> = Object.fromEntries(Object.entries(ACCENTS).map(([k, v]) => [k, `[${v}]`]));

/**
 * A pattern matching any of the words as whole words (not inside a longer word, in any script: `\b` is ASCII-only).
 * Needs the `u` flag.
 */
export const anyWord = (words: readonly string[], written = false): string =>
  `(?<![\\p{L}\\p{N}])(?:${alternation(words, written)})(?![\\p{L}\\p{N}])`;

/** A month's number (1-12) by folded name or abbreviation. */
export const MONTHS: ReadonlyMap<string, number> = new Map(VOCABULARY.months.flatMap((names, i) => names.map((n) => [foldText(n), i + 1] as const)));

/** Folded name -> the publisher's name, for wire agencies. */
export const WIRE_AGENCIES: Record<string, string> = VOCABULARY.names.wireAgencies;
