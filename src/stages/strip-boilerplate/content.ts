// Main-content selection for HTML pages, on the blocks and node tree decode recorded (no second parse).
//
// Every block gets a content value (prose words outside links) and a junk value (link words, words under
// boilerplate-named elements, short unpunctuated lines). The main container is the element whose subtree has
// the most content net of junk; blocks outside it, and boilerplate inside it, are removed with a code that
// says why.
import { z } from 'zod';
import { RegexSource } from '../../core/regex.js';
import type { Block, HtmlPage } from '../../core/doc.js';
import { blockWords, countWords, endsLikeSentence } from '../../core/text.js';

const WordClass = z.object({
  /** Removal code for blocks under an element whose class/id words match. */
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Regular expression over the element's space-joined class/id words. */
  match: RegexSource('u'),
});

export const HtmlOptions = z
  .object({
    /** Elements that are never article content; tag -> removal code. */
    dropTags: z.record(z.string(), z.string()).default({
      nav: 'html_nav',
      footer: 'html_footer',
      aside: 'html_aside',
      form: 'html_form',
      menu: 'html_nav',
    }),
    /** Class/id word groups that mark boilerplate containers, checked in order. */
    boilerplateClasses: z.array(WordClass).default([]),
    /** What a word under a boilerplate-named element costs when choosing the container. */
    boilerplateWeight: z.number().min(0).default(1),
    /** How much a word of junk costs against a word of content when choosing the container. */
    junkWeight: z.number().min(0).default(1),
    /** Blocks shorter than this without sentence punctuation count as short lines (menus, teasers). */
    shortLineWords: z.number().int().min(1).default(8),
    /** What a word of a short line costs, against a word of link text. */
    shortLineWeight: z.number().min(0).default(0.5),
    /** A block this long under a linked heading is prose, not a teaser. */
    teaserMaxWords: z.number().int().min(1).default(60),
    /** A card holds at most this many blocks (kicker, linked heading, blurb, meta line). */
    teaserCardBlocks: z.number().int().min(2).default(5),
    /** A kept block with a larger share of its text in links is removed as `link_dense`. */
    maxLinkDensity: z.number().min(0).max(1).default(0.75),
    /**
     * A boilerplate-named element holding more than this share of the page's prose is a wrapper around the
     * article ("container has-sidebar"), not boilerplate: its name is ignored.
     */
    maxBoilerplateShare: z.number().min(0).max(1).default(0.65),
    /** Class/id words that name the article's own container (a regular expression). */
    contentClasses: RegexSource('u').default('\\b(article body|articlebody|article content|article text|entry content|post content|post body|story body|story content|main content|body text)\\b'),
    /** Class/id words of embedded social posts, which stay even inside a boilerplate-named element. */
    embedClasses: RegexSource('u').default('\\b(twitter tweet|instagram media|tiktok embed|fb post|bluesky embed|threads embed|reddit embed)\\b'),
    /** A content-named element (or <article>, <main>) must hold this share of the page's prose to vouch for its wrappers. */
    minContentShare: z.number().min(0).max(1).default(0.2),
    /** Sibling subtrees of the main container join it when their net content reaches this share of its own. */
    siblingShare: z.number().min(0).max(1).default(0.25),
  })
  .strict();
export type HtmlOptions = z.infer<typeof HtmlOptions>;

interface Compiled {
  classes: Array<{ code: string; re: RegExp }>;
  /** All class patterns in one, to pass over the many elements that match none. */
  any: RegExp;
  content: RegExp;
  embed: RegExp;
}
const compiledCache = new WeakMap<HtmlOptions, Compiled>();
const compile = (opts: HtmlOptions): Compiled => {
  let c = compiledCache.get(opts);
  if (!c) {
    c = {
      classes: opts.boilerplateClasses.map((x) => ({ code: x.code, re: new RegExp(x.match, 'u') })),
      any: new RegExp(opts.boilerplateClasses.map((x) => `(?:${x.match})`).join('|') || '(?!)', 'u'),
      content: new RegExp(opts.contentClasses, 'u'),
      embed: new RegExp(opts.embedClasses, 'u'),
    };
    compiledCache.set(opts, c);
  }
  return c;
};

/** Why each node is boilerplate by itself (its tag or its class/id words), or null. */
const nodeCodes = (page: HtmlPage, opts: HtmlOptions, compiled: Compiled): Array<string | null> => {
  // Pages repeat the same class words on many elements: test each distinct string once.
  const byWords = new Map<string, string | null>();
  return page.nodes.map((n) => {
    const byTag = opts.dropTags[n.tag];
    if (byTag) return byTag;
    if (!n.words) return null;
    let code = byWords.get(n.words);
    if (code === undefined) {
      code = compiled.any.test(n.words) ? (compiled.classes.find((c) => c.re.test(n.words))?.code ?? null) : null;
      byWords.set(n.words, code);
    }
    return code;
  });
};

const titleKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The page's own names for its headline: <title> and og/twitter titles, and their parts around " | " or " - ". */
const pageTitles = (page: HtmlPage): { keys: Set<string>; maxLength: number } => {
  const raw = [page.title, ...page.meta.filter((m) => /^(og:title|twitter:title|title|headline)$/.test(m.key)).map((m) => m.content)];
  const keys = new Set<string>();
  let maxLength = 0;
  for (const t of raw) {
    if (!t) continue;
    keys.add(titleKey(t));
    maxLength = Math.max(maxLength, t.length + 10);
    for (const part of t.split(/\s+[|\-–—:·»]\s+/)) if (countWords(part) >= 3) keys.add(titleKey(part));
  }
  return { keys, maxLength };
};

/** The ancestors of a node, nearest first, including itself. */
const chain = (page: HtmlPage, node: number): number[] => {
  const out: number[] = [];
  for (let n = node; n >= 0; n = page.nodes[n]!.parent) out.push(n);
  return out;
};

export const selectContent = (
  blocks: Block[],
  page: HtmlPage,
  opts: HtmlOptions,
  remove: (block: Block, code: string) => void,
): void => {
  const kept = blocks.filter((b) => !b.removed && b.node !== undefined);
  if (kept.length === 0) return;
  const compiled = compile(opts);
  const codes = nodeCodes(page, opts, compiled);
  const chains = kept.map((b) => chain(page, b.node!));

  // A teaser is a blurb under a linked heading, both in one small card pointing to another story: junk,
  // however well written. The page's own headline is often a permalink, so the page title does not count.
  const titles = pageTitles(page);
  const blockCount = new Uint32Array(page.nodes.length);
  for (const c of chains) for (const n of c) blockCount[n]!++;
  const isTitle = (text: string) => text.length <= titles.maxLength && titles.keys.has(titleKey(text));
  const linkedOtherHeading = kept.map(
    (h) => h.kind === 'heading' && h.level !== 1 && (h.linkDensity ?? 0) >= 0.5 && !isTitle(h.text),
  );
  const sharedCard = (i: number, j: number) => {
    const common = chains[i]!.find((n) => chains[j]!.includes(n));
    return common !== undefined && blockCount[common]! <= opts.teaserCardBlocks;
  };
  const wordCounts = kept.map(blockWords);
  const teaser = kept.map((b, i) => {
    if (b.kind === 'heading' || wordCounts[i]! > opts.teaserMaxWords) return false;
    for (let j = Math.max(0, i - 2); j < i; j++) if (linkedOtherHeading[j] && sharedCard(i, j)) return true;
    return false;
  });

  // Value of each block: prose words count for, link words and short unpunctuated lines count against.
  const values = kept.map((b, i) => {
    const words = wordCounts[i]!;
    if (teaser[i]) return { words, content: 0, junk: words };
    const linkWords = words * (b.linkDensity ?? 0);
    const prose = words - linkWords;
    // Table cells are data: short by nature, neither for nor against a container.
    if (b.kind === 'table') return { words, content: 0, junk: linkWords };
    const short = words < opts.shortLineWords && !endsLikeSentence(b.text);
    const content = b.kind === 'caption' || short ? 0 : prose;
    const junk = linkWords + (short ? opts.shortLineWeight * prose : 0);
    return { words, content, junk };
  });

  // Prose per node, to tell a boilerplate-named wrapper around the article from real boilerplate.
  const prose = new Float64Array(page.nodes.length);
  let total = 0;
  kept.forEach((_, i) => {
    total += values[i]!.content;
    for (const n of chains[i]!) prose[n]! += values[i]!.content;
  });
  // A boilerplate-named element around the article ("content has-sidebar", "comments-open", an ASP.NET <form>)
  // is a wrapper, not boilerplate: so is every such ancestor of a content-named element holding real prose,
  // and any element holding most of the page's prose.
  page.nodes.forEach((node, n) => {
    if (codes[n] !== null || prose[n]! < opts.minContentShare * total) return;
    if (node.tag !== 'article' && node.tag !== 'main' && !compiled.content.test(node.words)) return;
    for (let a = node.parent; a >= 0; a = page.nodes[a]!.parent) codes[a] = null;
  });
  codes.forEach((code, n) => {
    if (code !== null && prose[n]! > opts.maxBoilerplateShare * total) codes[n] = null;
  });

  // Net content per node, summed over the blocks beneath it. Blocks under a boilerplate-named node are junk.
  const net = new Float64Array(page.nodes.length);
  kept.forEach((_, i) => {
    const v = values[i]!;
    const boiler = chains[i]!.some((n) => codes[n] !== null);
    const gain = boiler ? -opts.boilerplateWeight * v.words : v.content - opts.junkWeight * v.junk;
    for (const n of chains[i]!) net[n]! += gain;
  });

  let main = -1;
  for (let n = 0; n < net.length; n++) if (main < 0 || net[n]! > net[main]!) main = n;
  // No element holds more prose than junk: a front page, a list of teasers, a menu. Nothing is the article.
  if (main < 0 || net[main]! <= 0) {
    for (const b of kept) remove(b, 'no_main_content');
    return;
  }

  // Siblings that carry a good share of content belong to the article too (text split across containers).
  const inMain = new Set<number>([main]);
  const parent = page.nodes[main]!.parent;
  if (parent >= 0) {
    page.nodes.forEach((n, i) => {
      if (n.parent === parent && i !== main && codes[i] === null && net[i]! >= opts.siblingShare * net[main]!) inMain.add(i);
    });
  }

  kept.forEach((b, i) => {
    const c = chains[i]!;
    const rootIdx = c.findIndex((n) => inMain.has(n));
    // Outside the article: say why when the page named it (html_nav, html_comments), else just where it was.
    if (rootIdx < 0) return remove(b, codes[c.find((n) => codes[n] !== null) ?? -1] ?? 'outside_main_content');
    // Inside the article: boilerplate-named descendants of the container still go.
    // Posts embedded in the article (a tweet inside an "article-widget") are quotes the author chose: they stay.
    const inner = c.slice(0, rootIdx).find((n) => codes[n] !== null);
    const embedded = inner !== undefined && c.slice(0, c.indexOf(inner)).some((n) => compiled.embed.test(page.nodes[n]!.words));
    if (inner !== undefined && !embedded) return remove(b, codes[inner]!);
    if (b.kind === 'caption') return remove(b, 'caption');
    if (teaser[i]) return remove(b, 'teaser');
    if ((b.kind === 'heading' || wordCounts[i]! >= 3) && isTitle(b.text)) return remove(b, 'headline');
    if ((b.linkDensity ?? 0) > opts.maxLinkDensity) return remove(b, 'link_dense');
  });
};
