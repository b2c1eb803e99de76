// Main-content selection for HTML pages, on the blocks and node tree decode recorded (no second parse).
//
// Every block gets a content value (prose words outside links) and a junk value (link words, words under
// boilerplate-named elements, short unpunctuated lines). The main container is the element whose subtree has
// the most content net of junk; blocks outside it, and boilerplate inside it, are removed with a code that
// says why.
import { z } from 'zod';
import { PatternSet } from '../../core/pattern-set.js';
import { RegexSource } from '../../core/regex.js';
import type { Block, HtmlPage } from '../../core/doc.js';
import { blockWords, countWords, endsLikeSentence, TITLE_SEPARATOR } from '../../core/text.js';

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
      header: 'html_header',
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
    /**
     * An ancestor of the chosen container whose prose is at least this many times the words of the
     * boilerplate-named elements beneath it is scored without them.
     */
    nestedBoilerplateRatio: z.number().min(0).default(1),
    /** What a word of link text under those boilerplate-named elements weighs in that comparison (1: as much as prose). */
    nestedLinkWeight: z.number().min(0).max(1).default(0),
    /** How many levels above the chosen container that ancestor is looked for (0 turns this off). */
    widenSteps: z.number().int().min(0).default(6),
    /** The share of net content that ancestor must add to the container's to replace it. */
    widenMinGain: z.number().min(0).default(0.25),
    /** Class/id words of an element that may be the article's lead though it is named like boilerplate (a teaser). */
    leadTeaserClasses: RegexSource('u').default('\\bteasers?\\b'),
    /** Such an element is the lead when it holds at most this many blocks of unlinked prose. */
    leadTeaserBlocks: z.number().int().min(0).default(2),
    /** How many levels above the article's container a lead is looked for. */
    leadSteps: z.number().int().min(0).default(3),
    /** How many levels above the article's container its lists and tables are looked for (0 turns this off). */
    dataSteps: z.number().int().min(0).default(3),
    /** Such a list item or table cell has at most this share of its text in links. */
    dataMaxLinkDensity: z.number().min(0).max(1).default(0.2),
    /** A lead has at least this many words. */
    leadMinWords: z.number().int().min(1).default(10),
    /** Sibling subtrees of the main container join it when their net content reaches this share of its own. */
    siblingShare: z.number().min(0).max(1).default(0.25),
    /**
     * Class/id words of a consent dialog (cookie banner, consent manager): such an element is `consentCode`
     * boilerplate and never the article, even when it holds most of the page's prose (a long privacy text beside
     * a short article). Compound words ("cookiehint", "cookie-banner") and the consent managers' own names count.
     */
    consentClasses: RegexSource('u').default(
      '\\b(cookies?|cookie[a-z]+|[a-z]*consent[a-z]*|gdpr|dsgvo|rgpd|onetrust|optanon|usercentrics|didomi|cookiebot|borlabs|cmplz|iubenda|klaro|truste|qc cmp2?|sp message|cc window|cc banner|privacy (banner|notice|modal|popup|overlay|dialog|manager|center|prompt|wall))\\b',
    ),
    /**
     * Wording of a consent dialog in its text (en, de, fr, es, it, pt, nl, pl): cookies and consent, and the
     * reader's agreement. A container whose prose is mostly in blocks with these words, one of which asks for the
     * reader's agreement (`consentAgree`), is a consent dialog however it is named.
     */
    consentWords: RegexSource('iu').default(
      '(?<![\\p{L}\\p{N}])(cookies?|gdpr|dsgvo|rgpd|rodo|consent|einwilligung\\p{L}*|zustimmung|consentement|consentimiento|consenso|consentimento|toestemming|zgod[aęy]|tracking|tracker|tracciamento|rastreamento|personal data|personenbezogene\\p{L}* daten|données personnelles|datos personales|dati personali|dados pessoais|persoonsgegevens|dan\\p{L}* osobow\\p{L}*)(?![\\p{L}\\p{N}])',
    ),
    /** A block asking for the reader's agreement ("By clicking Accept all, you agree...", "Alle akzeptieren"). */
    consentAgree: RegexSource('iu').default(
      '(?<![\\p{L}\\p{N}])(you (agree|consent|accept)|by (clicking|continuing to (use|browse)|using (this|our) (site|website))|(accept|reject|allow|deny) all|stimmen sie\\b.{0,60}\\bzu|sind sie (damit )?einverstanden|alle (akzeptieren|ablehnen|zulassen)|willigen sie\\b.{0,40}\\bein|vous acceptez|en cliquant|tout (accepter|refuser)|acepta(s|r)?\\b.{0,30}\\bcookies|al hacer clic|aceptar todo|rechazar todo|accett(i|a)\\b.{0,30}\\bcookie|cliccando|accetta tutt[oi]|rifiuta tutt[oi]|concorda com|ao clicar|aceitar tod[oa]s|rejeitar tod[oa]s|ga je akkoord|gaat u akkoord|door op .{0,30} te klikken|alles accepteren|alles weigeren|zgadzasz się|wyrażasz zgodę|klikając|akceptuj(ę)? wszystk\\p{L}*|odrzuć wszystk\\p{L}*)(?![\\p{L}\\p{N}])',
    ),
    /** A container whose prose is at least this share in blocks with consent words (and asks for agreement) is a consent dialog. */
    consentMinShare: z.number().min(0).max(1).default(0.5),
    /** Removal code of a consent dialog. */
    consentCode: z.string().regex(/^[a-z][a-z0-9_]*$/).default('html_cookie'),
    /**
     * Threads (a forum topic, a question and its answers, a live ticker's entries): how many levels above the chosen
     * container a thread of posts is looked for (0 turns this off). The text of the chosen container sits in an
     * element with some class/id words (the post body); when at least `threadMinPosts` children of an ancestor each
     * hold such an element with prose and a post mark (`postMarkClasses`, or a <time>), every unnamed element with
     * those words beneath that ancestor is the article's too: the opening post beside the replies, the entries
     * beside the longest one.
     */
    threadSteps: z.number().int().min(0).default(3),
    /** A thread has at least this many posts. */
    threadMinPosts: z.number().int().min(2).default(2),
    /** Class/id words of a post's author or date, which every post of a thread has. */
    postMarkClasses: RegexSource('u').default('\\b(author|authors|user|users|username|user info|user details|poster|postprofile|avatar|vcard|signature|attribution|timestamp|datetime|date|time|posted|post date|post meta|post time|entry time)\\b'),
  })
  .strict();
export type HtmlOptions = z.infer<typeof HtmlOptions>;

interface Compiled {
  classes: Array<{ code: string; re: RegExp }>;
  /** The literal scan over the class patterns, to pass over the many elements that match none (core/pattern-set.ts). */
  classLiterals: PatternSet;
  content: RegExp;
  embed: RegExp;
  leadTeaser: RegExp;
  consent: RegExp;
  consentWords: RegExp;
  consentAgree: RegExp;
  postMark: RegExp;
}
const compiledCache = new WeakMap<HtmlOptions, Compiled>();
const compile = (opts: HtmlOptions): Compiled => {
  let c = compiledCache.get(opts);
  if (!c) {
    const classes = opts.boilerplateClasses.map((x) => ({ code: x.code, re: new RegExp(x.match, 'u') }));
    c = {
      classes,
      classLiterals: PatternSet.of(classes.map((c) => c.re)),
      content: new RegExp(opts.contentClasses, 'u'),
      embed: new RegExp(opts.embedClasses, 'u'),
      leadTeaser: new RegExp(opts.leadTeaserClasses, 'u'),
      consent: new RegExp(opts.consentClasses, 'u'),
      consentWords: new RegExp(opts.consentWords, 'iu'),
      consentAgree: new RegExp(opts.consentAgree, 'iu'),
      postMark: new RegExp(opts.postMarkClasses, 'u'),
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
      code = null;
      for (const i of compiled.classLiterals.candidates(n.words)) {
        const c = compiled.classes[i]!;
        if (c.re.test(n.words)) {
          code = c.code;
          break;
        }
      }
      byWords.set(n.words, code);
    }
    return code;
  });
};

/** The page's headline, its copies and its subtitle, as anatomy marked them. */
const isHeadline = (b: Block): boolean => b.role?.name === 'headline';

/**
 * The lowest common ancestor of two nodes, looked for at most `steps` levels up (cards are shallow; a page
 * nested thousands deep must not make this quadratic). -1 when not found.
 */
const commonAncestor = (page: HtmlPage, depth: Int32Array, a: number, b: number, steps: number): number => {
  for (let i = 0; i < steps && a !== b; i++) {
    if (depth[a]! >= depth[b]!) a = page.nodes[a]!.parent;
    else b = page.nodes[b]!.parent;
    if (a < 0 || b < 0) return -1;
  }
  return a === b ? a : -1;
};

/** A cheap test before `consentAgree`: the stems every agreement wording of a consent dialog has. */
const CONSENT_HINT = /cooki|consent|accept|akzept|stimm|einverst|willig|ablehn|zulass|agree|reject|allow|deny|continu|using|accett|acept|aceit|akkoord|weiger|zgod|zgadz|akcept|odrzu|refus|rechaz|rifiut|concord|rejeit|klik|clic|click/i;

/** How many levels below a thread its posts' prose may lie. */
const POST_DEPTH = 16;

/** Class/id words without the tokens that number one post among others ("post 2626", "comment 949868"). */
const signature = (words: string): string => words.split(' ').filter((w) => w && !/\d/.test(w)).join(' ');

/**
 * A thread around the chosen container: the elements beyond it that hold posts like its own (same class/id words
 * as the element holding its prose), when an ancestor up to `threadSteps` levels above has at least
 * `threadMinPosts` children with such a post and an author or date mark each. Elements under boilerplate-named
 * ones (comments below an article) are never posts. Returns the elements that join the article.
 */
const findThread = (
  page: HtmlPage,
  opts: HtmlOptions,
  compiled: Compiled,
  kept: Block[],
  values: Array<{ content: number }>,
  named: Int32Array,
  depth: Int32Array,
  main: number,
): Set<number> => {
  const roots = new Set<number>();
  if (opts.threadSteps === 0 || named[main]! >= 0) return roots;
  const nodes = page.nodes;
  const n = nodes.length;
  const parentOf = (i: number) => nodes[i]!.parent;
  const signatures = new Map<string, string>();
  const sigOf = (i: number): string => {
    const words = nodes[i]!.words;
    if (!words) return '';
    let sig = signatures.get(words);
    if (sig === undefined) signatures.set(words, (sig = signature(words)));
    return sig;
  };
  // The element holding each block's prose: the nearest with class/id words, a few levels up at most.
  const holderOf = (node: number): number => {
    for (let a = node, k = 0; a >= 0 && k < 4; a = parentOf(a), k++) if (sigOf(a)) return a;
    return -1;
  };
  const underMain = (node: number): boolean => {
    if (depth[node]! - depth[main]! > POST_DEPTH) return false;
    for (let a = node; a >= 0 && depth[a]! >= depth[main]!; a = parentOf(a)) if (a === main) return true;
    return false;
  };
  // The signature of the element that holds most of the container's prose.
  const bySignature = new Map<string, number>();
  const holders = new Map<number, number>(); // holder -> prose beneath it, page-wide
  kept.forEach((b, i) => {
    const v = values[i]!.content;
    if (v <= 0 || named[b.node!]! >= 0) return;
    const h = holderOf(b.node!);
    if (h < 0) return;
    holders.set(h, (holders.get(h) ?? 0) + v);
  });
  for (const [h, v] of holders) if (underMain(h)) bySignature.set(sigOf(h), (bySignature.get(sigOf(h)) ?? 0) + v);
  let sig = '';
  let best = 0;
  for (const [w, v] of bySignature) if (v > best) (sig = w), (best = v);
  if (!sig) return roots;
  const posts = [...holders.keys()].filter((h) => sigOf(h) === sig);
  if (posts.length < opts.threadMinPosts) return roots;
  // Post marks per subtree: an author or date element, or a <time>.
  const mark = new Uint8Array(n);
  const markWords = new Map<string, boolean>();
  for (let i = n - 1; i >= 0; i--) {
    const words = nodes[i]!.words;
    let m = nodes[i]!.tag === 'time';
    if (!m && words) {
      let c = markWords.get(words);
      if (c === undefined) markWords.set(words, (c = compiled.postMark.test(words)));
      m = c;
    }
    if (m) mark[i] = 1;
    const p = parentOf(i);
    if (mark[i] && p >= 0) mark[p] = 1;
  }
  // A post's mark is close to its text (the author and date beside the body), not somewhere in a large item.
  const markDepth = (h: number): number => {
    for (let a = parentOf(h), k = 0; a >= 0 && k < 3; a = parentOf(a), k++) if (mark[a]) return depth[a]!;
    return -1;
  };
  const marked = posts.filter((h) => markDepth(h) >= 0);
  let thread = -1;
  for (let a = main, k = 0; a >= 0 && k <= opts.threadSteps && named[a]! < 0; a = parentOf(a), k++) {
    const items = new Set<number>();
    for (const h of marked) {
      // A post lies a few levels below the thread (a page nested thousands deep must not make this quadratic).
      if (depth[h]! - depth[a]! > POST_DEPTH) continue;
      let c = h;
      while (c >= 0 && depth[c]! > depth[a]! + 1) c = parentOf(c);
      if (c >= 0 && parentOf(c) === a && markDepth(h) > depth[a]!) items.add(c);
    }
    if (items.size >= opts.threadMinPosts) thread = a;
  }
  if (thread < 0) return roots;
  for (const h of marked) {
    if (depth[h]! - depth[thread]! > POST_DEPTH) continue;
    let a = h;
    while (a >= 0 && depth[a]! > depth[thread]!) a = parentOf(a);
    if (a === thread && markDepth(h) > depth[thread]! && !underMain(h)) roots.add(h);
  }
  return roots;
};

// Every pass below is one walk over the node table (parents come before children): linear in the page's
// size however deep it nests.
export const selectContent = (
  blocks: Block[],
  page: HtmlPage,
  opts: HtmlOptions,
  remove: (block: Block, code: string) => void,
): void => {
  const kept = blocks.filter((b) => !b.removed && b.node !== undefined);
  if (kept.length === 0) return;
  const nodes = page.nodes;
  const n = nodes.length;
  const parentOf = (i: number) => nodes[i]!.parent;
  const compiled = compile(opts);
  const codes = nodeCodes(page, opts, compiled);

  // Top-down: depth, and <header> inside the article (its headline and byline) is not the site's header.
  const depth = new Int32Array(n);
  const inArticle = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentOf(i);
    depth[i] = p >= 0 ? depth[p]! + 1 : 0;
    const tag = nodes[i]!.tag;
    inArticle[i] = p >= 0 && (inArticle[p] === 1 || nodes[p]!.tag === 'article' || nodes[p]!.tag === 'main') ? 1 : 0;
    if (tag === 'header' && inArticle[i]) codes[i] = null;
  }

  /** Adds each block's value to its node, then sums every node's subtree into it. */
  const subtreeSums = (value: (i: number) => number): Float64Array => {
    const sums = new Float64Array(n);
    kept.forEach((b, i) => (sums[b.node!]! += value(i)));
    for (let i = n - 1; i > 0; i--) {
      const p = parentOf(i);
      if (p >= 0) sums[p]! += sums[i]!;
    }
    return sums;
  };

  // A teaser is a blurb under a linked heading, both in one small card pointing to another story: junk,
  // however well written. The page's own headline is often a permalink, so the page title does not count.
  const blockCount = subtreeSums(() => 1);
  const linkedOtherHeading = kept.map((h) => h.kind === 'heading' && h.level !== 1 && (h.linkDensity ?? 0) >= 0.5 && !isHeadline(h));
  const sharedCard = (i: number, j: number) => {
    const common = commonAncestor(page, depth, kept[i]!.node!, kept[j]!.node!, 32);
    return common >= 0 && blockCount[common]! <= opts.teaserCardBlocks;
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
  const prose = subtreeSums((i) => values[i]!.content);

  // A consent dialog (cookie banner, consent manager) is never the article, however much privacy text it holds:
  // unlike other boilerplate names, its name stands even when it holds most of the page's prose. Only an element
  // around the article itself (<body class="cookie-consent-active">, a wrapper of the <article>, the headline or
  // an <h1>: a recipe in <div class="cookies">) is not a dialog.
  const consent = new Uint8Array(n);
  {
    const holdsArticle = new Uint8Array(n);
    for (const b of kept) if (isHeadline(b) || (b.kind === 'heading' && b.level === 1)) holdsArticle[b.node!] = 1;
    const byWords = new Map<string, boolean>();
    for (let i = n - 1; i >= 0; i--) {
      const node = nodes[i]!;
      if (node.tag === 'article' || node.tag === 'main') holdsArticle[i] = 1;
      const p = parentOf(i);
      if (holdsArticle[i] && p >= 0) holdsArticle[p] = 1;
      if (!node.words || node.tag === 'html' || node.tag === 'body') continue;
      let named = byWords.get(node.words);
      if (named === undefined) byWords.set(node.words, (named = compiled.consent.test(node.words)));
      if (named) consent[i] = 1;
    }
    for (let i = 0; i < n; i++) {
      if (consent[i] && holdsArticle[i]) consent[i] = 0;
      if (consent[i]) codes[i] = opts.consentCode;
    }
  }
  const total = prose[0]!;
  // A boilerplate-named element around the article ("content has-sidebar", "comments-open", an ASP.NET <form>)
  // is a wrapper, not boilerplate: so is every ancestor of a content-named element holding real prose, and
  // any element holding most of the page's prose.
  const vouched = new Uint8Array(n); // has a content-named descendant (or self) holding real prose
  for (let i = n - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const content = (node.tag === 'article' || node.tag === 'main' || compiled.content.test(node.words)) && codes[i] === null;
    if (content && prose[i]! >= opts.minContentShare * total) vouched[i] = 1;
    const p = parentOf(i);
    if (vouched[i] && p >= 0) {
      vouched[p] = 1;
      if (!consent[p]) codes[p] = null;
    }
  }
  for (let i = 0; i < n; i++) if (codes[i] !== null && !consent[i] && prose[i]! > opts.maxBoilerplateShare * total) codes[i] = null;
  // A "teaser" that is one unlinked paragraph of prose is the article's own lead (news systems call the lead of a
  // story its teaser, e.g. "teaser-text" in a news detail view), not a card pointing to another story: a card
  // has a linked heading or is a link itself.
  const linkWords = subtreeSums((i) => values[i]!.words * (kept[i]!.linkDensity ?? 0));
  for (let i = 0; i < n; i++) {
    if (codes[i] === null || consent[i] || !compiled.leadTeaser.test(nodes[i]!.words)) continue;
    if (blockCount[i]! <= opts.leadTeaserBlocks && prose[i]! >= opts.leadMinWords && linkWords[i]! <= 0.1 * prose[i]!) codes[i] = null;
  }

  // Top-down: the nearest boilerplate-named ancestor (or self) of every node.
  const named = new Int32Array(n);
  let net: Float64Array = new Float64Array(n);
  let main = -1;
  const choose = () => {
    for (let i = 0; i < n; i++) named[i] = codes[i] !== null ? i : parentOf(i) >= 0 ? named[parentOf(i)]! : -1;
    // Net content per node, summed over the blocks beneath it. Blocks under a boilerplate-named node are junk.
    net = subtreeSums((i) => {
      const v = values[i]!;
      return named[kept[i]!.node!]! >= 0 ? -opts.boilerplateWeight * v.words : v.content - opts.junkWeight * v.junk;
    });
    main = -1;
    for (let i = 0; i < n; i++) if (main < 0 || net[i]! > net[main]!) main = i;
  };
  choose();

  // A consent dialog named like anything else is known by its words: most of its prose speaks of cookies, consent
  // or personal data, and it asks for the reader's agreement. It is not the article: the next best container is.
  // Only the blocks of the winner's subtree (a contiguous run of the node table) are read, and only when the winner
  // changes: most pages never ask for agreement anywhere near their article.
  const agrees = new Float64Array(n);
  const agreeRead = new Uint8Array(kept.length);
  const readAgreement = (top: number) => {
    let end = top + 1;
    while (end < n && depth[end]! > depth[top]!) end++;
    kept.forEach((b, i) => {
      if (agreeRead[i] || b.node! < top || b.node! >= end) return;
      agreeRead[i] = 1;
      if (!CONSENT_HINT.test(b.text) || !compiled.consentAgree.test(b.text)) return;
      for (let a = b.node!; a >= 0; a = parentOf(a)) agrees[a]! += 1;
    });
  };
  let consentProse: Float64Array | null = null; // only on a page that asks for agreement
  const consentWorded = (i: number) => {
    if (!(agrees[i]! > 0 && prose[i]! > 0)) return false;
    consentProse ??= subtreeSums((k) => (values[k]!.content > 0 && compiled.consentWords.test(kept[k]!.text) ? values[k]!.content : 0));
    return consentProse[i]! >= opts.consentMinShare * prose[i]!;
  };
  if (main >= 0) readAgreement(main);
  for (let round = 0; round < 3 && main >= 0 && net[main]! > 0 && consentWorded(main); round++) {
    // The winner may hold the article beside the dialog (a <body> with both): the dialog is the deepest element
    // below it, itself worded like one, that holds most of its consent prose in more than one block.
    let dialog = main;
    for (let descend = true, steps = 0; descend && steps < 64; steps++) {
      descend = false;
      for (let c = dialog + 1; c < n && depth[c]! > depth[dialog]!; c++) {
        if (parentOf(c) !== dialog || blockCount[c]! < 2 || !consentWorded(c) || consentProse![c]! <= 0.5 * consentProse![dialog]!) continue;
        dialog = c;
        descend = true;
        break;
      }
    }
    codes[dialog] = opts.consentCode;
    consent[dialog] = 1;
    choose();
    if (main >= 0) readAgreement(main);
  }

  // Boilerplate nested inside the article (a gallery of other stories between two paragraphs, a share bar) counts
  // against its container above, so a part of the article can win over the whole. An ancestor whose own prose
  // clearly dominates the boilerplate-named words beneath it is scored without them; it replaces the winner when
  // it then holds more net content (the rest of the body, the lead just outside).
  const widenOverNestedBoilerplate = (winner: number): number => {
    const own = subtreeSums((i) => (named[kept[i]!.node!]! >= 0 ? 0 : values[i]!.content - opts.junkWeight * values[i]!.junk));
    const ownProse = subtreeSums((i) => (named[kept[i]!.node!]! >= 0 ? 0 : values[i]!.content));
    const nested = subtreeSums((i) => (named[kept[i]!.node!]! >= 0 ? values[i]!.words * (1 - (1 - opts.nestedLinkWeight) * (kept[i]!.linkDensity ?? 0)) : 0));
    let best = winner;
    for (let a = parentOf(winner), steps = 0; a >= 0 && steps < opts.widenSteps; a = parentOf(a), steps++) {
      if (named[a]! >= 0) break;
      if (ownProse[a]! < opts.nestedBoilerplateRatio * nested[a]!) continue;
      if (own[a]! > (1 + opts.widenMinGain) * own[best]!) best = a;
    }
    return best;
  };
  // No element holds more prose than junk: a front page, a list of teasers, a menu. Nothing is the article.
  if (main < 0 || net[main]! <= 0) {
    for (const b of kept) remove(b, 'no_main_content');
    return;
  }
  main = widenOverNestedBoilerplate(main);
  const threadRoot = findThread(page, opts, compiled, kept, values, named, depth, main);

  // Siblings that carry a good share of content belong to the article too (text split across containers).
  const parent = parentOf(main);
  const isRoot = (i: number) =>
    i === main || threadRoot.has(i) || (parent >= 0 && parentOf(i) === parent && codes[i] === null && net[i]! >= opts.siblingShare * net[main]!);

  // Top-down, for each node: is it inside the article, and the nearest boilerplate-named node between it and
  // the article's root, and whether an embedded post (a tweet inside an "article-widget") lies below that.
  const inside = new Uint8Array(n);
  const innerNamed = new Int32Array(n).fill(-1);
  const embedBelow = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentOf(i);
    if (isRoot(i)) {
      inside[i] = 1;
      continue;
    }
    if (p < 0 || !inside[p]) continue;
    inside[i] = 1;
    if (codes[i] !== null) {
      innerNamed[i] = i;
      embedBelow[i] = 0;
    } else {
      innerNamed[i] = innerNamed[p]!;
      embedBelow[i] = innerNamed[p]! >= 0 && (embedBelow[p] === 1 || compiled.embed.test(nodes[i]!.words)) ? 1 : 0;
    }
  }

  // The lead (standfirst, deck, excerpt) often sits just outside the article's container, beside the headline:
  // a block before the article, in an element named like a lead, under one of the container's near ancestors.
  /** The nodes beneath the container's ancestor `steps` levels up (not past a boilerplate-named one). */
  const nearAncestorSubtree = (steps: number): Uint8Array => {
    let a = main;
    for (let k = 0; k < steps && parentOf(a) >= 0 && named[parentOf(a)]! < 0; k++) a = parentOf(a);
    const under = new Uint8Array(n);
    for (let i = 0; i < n; i++) under[i] = i === a || (parentOf(i) >= 0 && under[parentOf(i)] === 1) ? 1 : 0;
    return under;
  };
  const underLeadAncestor = nearAncestorSubtree(opts.leadSteps);
  const firstInside = kept.findIndex((b) => inside[b.node!]);
  const isLead = (b: Block, i: number): boolean => {
    if (i > firstInside || named[b.node!]! >= 0 || !underLeadAncestor[b.node!]) return false;
    if ((b.kind !== 'paragraph' && b.kind !== 'heading') || wordCounts[i]! < opts.leadMinWords || (b.linkDensity ?? 0) > 0.3) return false;
    if (b.role?.name === 'lead') return true;
    for (let a = b.node!, k = 0; a >= 0 && k < 3; a = parentOf(a), k++) if (compiled.leadTeaser.test(nodes[a]!.words)) return true;
    return false;
  };

  // Lists, tables and definition lists beside the article's prose (ingredients, specifications, a glossary) are
  // the article's: unlinked data under a near ancestor of the container, in no boilerplate-named element.
  const isBesideData = (b: Block, i: number): boolean =>
    opts.dataSteps > 0 &&
    (b.kind === 'list_item' || b.kind === 'table' || nodes[b.node!]!.tag === 'dd' || nodes[b.node!]!.tag === 'dt') &&
    named[b.node!]! < 0 &&
    underDataAncestor[b.node!] === 1 &&
    (b.linkDensity ?? 0) <= opts.dataMaxLinkDensity &&
    // Data, not prose: a list of sentences beside the article is a summary or another text; a lone token is a label.
    (b.kind !== 'list_item' || (!endsLikeSentence(b.text) && wordCounts[i]! >= 2)) &&
    !teaser[i];
  const underDataAncestor = nearAncestorSubtree(opts.dataSteps);

  kept.forEach((b, i) => {
    const node = b.node!;
    const headline = isHeadline(b);
    if (!inside[node] && !headline && isLead(b, i)) return;
    if (!inside[node] && !headline && isBesideData(b, i)) return;
    // Outside the article: say why when the page named it (html_nav, html_comments) or it is the headline, else
    // just where it was.
    if (!inside[node]) {
      return remove(b, named[node]! >= 0 ? codes[named[node]!]! : headline ? 'headline' : 'outside_main_content');
    }
    // Inside the article, boilerplate-named descendants of the container still go; posts embedded in the
    // article are quotes the author chose, and stay.
    if (innerNamed[node]! >= 0 && !embedBelow[node]) return remove(b, codes[innerNamed[node]!]!);
    if (b.kind === 'caption') return remove(b, 'caption');
    if (teaser[i]) return remove(b, 'teaser');
    if (headline) return remove(b, 'headline');
    if ((b.linkDensity ?? 0) > opts.maxLinkDensity) return remove(b, 'link_dense');
  });
};
