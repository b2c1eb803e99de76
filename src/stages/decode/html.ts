// HTML -> blocks and the page's head, in one streaming pass of htmlparser2 (no DOM tree is built).
//
// Every non-inline element is a block boundary: the inline text gathered since the last boundary becomes one
// block, held by the innermost open boundary element. Elements are recorded in `nodes` lazily, only when they
// are an ancestor of a block or a mark, so the structure later stages see is small and parents come first.
// Markup held in a template script that is rendered where it stands (Blogger's post bodies) is parsed in place
// by a nested parser sharing the same handlers and open-element stack.
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { type Handler, Parser } from 'htmlparser2';
import type { Block, BlockKind, HtmlMark, HtmlNode, HtmlPage } from '../../core/doc.js';
import { alternation, VOCABULARY } from '../../core/vocabulary.js';
import { repairMojibake } from './mojibake.js';
import { nfc, stripControls } from './normalize.js';
import type { SelectNode, SelectorMatcher } from './selectors.js';

export interface HtmlOptions {
  /** Drop elements hidden by the `hidden` attribute or an inline `display:none` / `visibility:hidden`. */
  skipHidden: boolean;
  /** Elements matching any of these are dropped with their content, like scripts. */
  drop: SelectorMatcher | null;
  /**
   * The markup is valid UTF-8 read a byte per char (latin1), entities not yet decoded. Parsing that is much
   * cheaper than decoding the whole page first: markup is ASCII either way, and only the text, attributes and
   * JSON-LD kept are turned into UTF-8 (then entities decoded, as the parser would have).
   */
  utf8AsLatin1?: boolean;
}

export interface HtmlResult {
  blocks: Block[];
  page: HtmlPage;
  /** Control characters removed from block text. */
  controls: number;
  /** Blocks whose text had mojibake repaired. */
  mojibake: number;
}

/** Elements that never split a block, with custom elements (any tag with a '-'). Anything else is a boundary. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'var', 'wbr', 'picture', 'source', 'ruby', 'rb', 'rt', 'rp',
]);

/**
 * Elements whose content is never text of the page (rt/rp: ruby reading aids, kept out so furigana do not split
 * words; title: the tab's name, wherever it stands, as in browsers).
 */
const SKIP = new Set([
  'rt', 'rp', 'title',
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'head', 'button',
  'select', 'option', 'optgroup', 'datalist', 'input', 'textarea', 'audio', 'video', 'map', 'dialog',
]);

const HEADING: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * What the HTML5 parser keeps in an open <head>; any other element, or text, ends the head there (no `</head>`
 * or `<body>` needed), so a page that never closes its head still has a body.
 */
const HEAD_CONTENT = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'noscript', 'noframes', 'style', 'script', 'template', 'head']);

// Class/id words that suggest metadata (bylines, dates): words built on the vocabulary's mark stems or ending in its
// mark suffixes.
const { markStems: MARK_STEMS, markSuffixes: MARK_SUFFIXES } = VOCABULARY.classWords;
const MARK_WORD = new RegExp(`^(?:.*(?:${alternation(MARK_STEMS)}).*|date.*|.*(?:${alternation(MARK_SUFFIXES)})|timestamp|pubtime)$`);
const NOT_MARK_WORD = new Set(['candidate', 'candidates', 'validate', 'mandate', 'accommodate', 'runtime', 'lifetime', 'sometime', 'anytime']);

const MARK_TEXT_MAX = 300;
/** Cells with at least this many words are prose in a layout table, not table data. */
const PROSE_CELL_WORDS = 25;

/** Lowercased class and id words: "post-body main_text" + "art1" -> "post body main text art1"; camelCase split. */
export const classWords = (cls: string | undefined, id: string | undefined): string => {
  const raw = cls ? (id ? `${cls} ${id}` : cls) : (id ?? '');
  if (!raw) return '';
  // ASCII fast path: class names almost always are.
  if (!NON_ASCII.test(raw)) return asciiWords(raw);
  return raw
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
};

/** classWords for ASCII text in one pass (it runs for every recorded element). */
const asciiWords = (raw: string): string => {
  let out = '';
  let prev = 0; // 0 none, 1 lower, 2 upper, 3 digit
  let gap = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
    if (kind === 0) {
      gap = true;
      prev = 0;
      continue;
    }
    if (out && (gap || (kind === 2 && prev === 1))) out += ' ';
    gap = false;
    out += kind === 2 ? String.fromCharCode(c + 32) : raw[i];
    prev = kind;
  }
  return out;
};

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
/** Cheap pre-check on raw class/id text before splitting it into words. */
const MARK_STEM = new RegExp(`${alternation([...MARK_STEMS, ...MARK_SUFFIXES])}|stamp`, 'i');

const hasMarkWord = (words: string): boolean => {
  if (!words) return false;
  for (const w of words.split(' ')) if (MARK_WORD.test(w) && !NOT_MARK_WORD.has(w)) return true;
  return false;
};

/** The class/id words of an element when they suggest metadata (a byline, a date), else null. */
const markWords = (cls: string | undefined, id: string | undefined): string | null => {
  const words = classWords(cls, id);
  return hasMarkWord(words) ? words : null;
};

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

// Not aria-hidden: it hides from screen readers what the eye still sees (pull quotes, icons).
const isHidden = (attrs: Record<string, string>): boolean => {
  if (attrs.hidden !== undefined) return true;
  const style = attrs.style;
  // Most styles say neither word: skip the regex for them.
  return style !== undefined && (style.includes('none') || style.includes('hidden')) && HIDDEN_STYLE.test(style);
};

/** Characters that count for link density: everything but whitespace. */
const visibleLength = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 ? c !== 160 : c < 9 || (c > 13 && c < 32)) n++;
  }
  return n;
};

/**
 * visibleLength of UTF-8 bytes held a byte per char, entities not yet decoded: each character counts once (by
 * its lead byte), and so does each entity (`&nbsp;`, as a space, not at all).
 */
const visibleLengthOfBytes = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 38) {
      const end = s.indexOf(';', i);
      if (end > i && end - i <= 32 && /^&#?\w+$/.test(s.slice(i, end))) {
        if (!s.startsWith('&nbsp', i) && !s.startsWith('&#160', i)) n++;
        i = end;
        continue;
      }
    }
    if (c >= 0x80 ? c >= 0xc0 && !(c === 0xc2 && s.charCodeAt(i + 1) === 0xa0) : c > 32 || c < 9 || (c > 13 && c < 32)) n++;
  }
  return n;
};

/** Whitespace that collapse() would change: anything but single spaces. */
const LOOSE_SPACE = /[^\S ]| {2}/;

const collapse = (s: string): string => (LOOSE_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();

/** Lines kept, spaces collapsed: for <pre>. */
const collapseLines = (s: string): string =>
  s
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Script text without the `<![CDATA[ ]]>` or `<!-- -->` wrappers old XHTML habits put around it. */
export const unwrapScript = (text: string): string =>
  text
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)\s*/, '')
    .replace(/\s*(?:\/\/\s*)?(?:\]\]>|-->)$/, '')
    .trim();

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Script types that hold markup for client-side templates (Blogger puts whole posts in them). */
const TEMPLATE_TYPE = /^\s*text\/(?:template|html|x-template)\s*(?:;|$)/i;
/** Markup from its first character on; JSON payloads start with `{` or `[`. */
const MARKUP = /^\s*<[!a-z][^>]*>/i;
/** ERB/underscore (`<% %>`) and WordPress (`<# #>`) template code: a widget's template, not content. */
const TEMPLATE_CODE = /<[%#]/;

/**
 * A template script rendered in place, where it stands: one with an id is fetched by a script and rendered
 * somewhere else (a widget, a modal, search results).
 */
const isInPlaceTemplate = (attrs: Record<string, string>): boolean =>
  attrs.id === undefined && attrs.type !== undefined && TEMPLATE_TYPE.test(attrs.type);

/**
 * htmlparser2's open-element stack, top first, as it reads it (`[0]`, `length`, `shift`, `unshift`, `indexOf`,
 * `includes`), kept in a plain array top last: its own array shifts and unshifts, which costs the depth of the
 * page for every element, so 64k nested elements took seconds. With a count per name, `indexOf` of a tag that is
 * not open (a stray end tag) and `includes` do not scan either.
 */
class TopFirstStack<T> {
  private readonly items: T[] = [];
  private readonly open = new Map<T, number>();
  /** The top, an own data property kept up to date: the parser reads it for every tag, and a getter named 0 is slow. */
  0: T | undefined = undefined;
  get length(): number {
    return this.items.length;
  }
  set length(n: number) {
    while (this.items.length > n) this.shift();
  }
  unshift(item: T): number {
    this.open.set(item, (this.open.get(item) ?? 0) + 1);
    this[0] = item;
    return this.items.push(item);
  }
  shift(): T | undefined {
    const item = this.items.pop();
    if (item !== undefined) {
      const n = this.open.get(item)! - 1;
      if (n === 0) this.open.delete(item);
      else this.open.set(item, n);
    }
    this[0] = this.items[this.items.length - 1];
    return item;
  }
  includes(item: T): boolean {
    return this.open.has(item);
  }
  indexOf(item: T): number {
    if (!this.open.has(item)) return -1;
    const last = this.items.length - 1;
    for (let i = last; i >= 0; i--) if (this.items[i] === item) return last - i;
    return -1;
  }
  /** Top first, as a plain array. */
  toArray(): T[] {
    return this.items.slice().reverse();
  }
}

interface ParserStacks {
  stack: unknown;
  foreignContext: unknown;
}

/**
 * htmlparser2's Parser (12.x) with its two stacks replaced by TopFirstStack, so parsing is linear in the depth
 * of the markup. Its events are the same; if a later version no longer has these fields, it is the plain parser.
 */
class LinearParser extends Parser {
  constructor(cbs: Partial<Handler>, options: ConstructorParameters<typeof Parser>[1]) {
    super(cbs, options);
    const self = this as unknown as ParserStacks;
    if (!Array.isArray(self.stack) || !Array.isArray(self.foreignContext)) return;
    for (const key of ['stack', 'foreignContext'] as const) {
      const stack = new TopFirstStack<unknown>();
      for (const item of (self[key] as unknown[]).slice().reverse()) stack.unshift(item);
      self[key] = stack;
    }
  }

  override onend(): void {
    // The parser closes what is still open by index, top first: hand it a plain array for that.
    const self = this as unknown as ParserStacks;
    if (self.stack instanceof TopFirstStack) self.stack = self.stack.toArray();
    super.onend();
  }
}

const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false };
const LATIN1_PARSER_OPTIONS = { ...PARSER_OPTIONS, decodeEntities: false };

const HIGH_BYTE = /[\x80-\xff]/;
/** UTF-8 bytes held one per char -> the text they encode. */
const fromLatin1 = (s: string): string => (HIGH_BYTE.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s);
const textFromLatin1 = (s: string): string => decodeHTML(fromLatin1(s));
const attrFromLatin1 = (s: string): string => decodeHTMLAttribute(fromLatin1(s));
const identity = (s: string): string => s;
const NEEDS_FIX = /[&\x80-\xff]/;
const READ_ATTRS = new Set(['class', 'id', 'content', 'href', 'datetime', 'lang', 'xml:lang', 'rel', 'itemprop', 'name', 'property', 'type', 'style', 'hidden']);

/**
 * One entry per key of a <meta>: `name="title" property="og:title"` gives both, and so does
 * `property="og:title twitter:title"` (RDFa allows several space-separated properties).
 */
/** A title, meta value or mark text as read: mojibake repaired, invisible formatting and controls gone, one line, NFC. */
const clean = (s: string): string => nfc(collapse(stripControls(repairMojibake(s)).text));

const pushMeta = (meta: HtmlPage['meta'], attrs: Record<string, string>): void => {
  const keys = new Set<string>();
  for (const attr of [attrs.name, attrs.property, attrs.itemprop]) {
    if (attr) for (const k of attr.toLowerCase().split(/\s+/)) if (k) keys.add(k);
  }
  if (keys.size === 0) return;
  const content = clean(attrs.content!);
  for (const key of keys) meta.push({ key, content });
};

interface Open {
  tag: string;
  attrs: Record<string, string>;
  /** Index in nodes once recorded, else -1. */
  node: number;
  boundary: boolean;
  /** This element starts a dropped subtree. */
  skip: boolean;
  /** Index in marks, or -1. */
  mark: number;
  /** With drop selectors: the element as they see it, and its last element child so far. */
  select: SelectNode | null;
  lastChild: SelectNode | null;
}

export const parseHtml = (html: string, opts: HtmlOptions): HtmlResult => {
  const latin1 = opts.utf8AsLatin1 === true;
  /** Raw text run -> its text; raw script text -> its text; in latin1 mode these do the decoding. */
  const fixText = latin1 ? textFromLatin1 : identity;
  const fixRaw = latin1 ? fromLatin1 : identity;
  const visibleChars = latin1 ? visibleLengthOfBytes : visibleLength;
  const markLimit = MARK_TEXT_MAX * (latin1 ? 6 : 2); // bytes of UTF-8 text, up to 3 per character
  const nodes: HtmlNode[] = [{ tag: '#document', parent: -1, words: '' }];
  const marks: HtmlMark[] = [];
  const markText: string[] = [];
  const meta: HtmlPage['meta'] = [];
  const jsonLd: string[] = [];
  const blocks: Block[] = [];
  let title: string | null = null;
  let lang: string | null = null;
  let canonical: string | null = null;
  let controls = 0;
  let mojibake = 0;

  const stack: Open[] = [];
  /** With drop selectors: the last top-level element, the previous sibling of the next one. */
  let topLast: SelectNode | null = null;
  /** Stack entries [0, recorded) all have a node; recording is always prefix-closed. */
  let recorded = 0;
  let skipDepth = 0;
  let rawDepth = 0; // inside script/style/svg/template...: not even mark text
  let linkDepth = 0;
  let quoteDepth = 0;
  let preDepth = 0;
  let captionDepth = 0;
  let headingLevel = 0;
  let headingDepth = 0;
  const openMarks: number[] = []; // stack indices of open mark elements
  let titleBuf: string | null = null;
  let ldBuf: string | null = null;
  let templateBuf: string | null = null;
  /** A <head> is open: content ends it (see HEAD_CONTENT). */
  let headOpen = false;

  let run = '';
  let runChars = 0;
  let runLinkChars = 0;
  let brPending = false;

  const record = (i: number): number => {
    for (; recorded <= i; recorded++) {
      const o = stack[recorded]!;
      const parent = recorded === 0 ? 0 : stack[recorded - 1]!.node;
      o.node = nodes.length;
      nodes.push({ tag: o.tag, parent, words: classWords(o.attrs.class, o.attrs.id) });
    }
    return stack[i]!.node;
  };

  /** Stack indices of the open boundary elements, innermost last: no walk down the open elements. */
  const boundaries: number[] = [];
  /** Innermost open boundary element. */
  const container = (): number => (boundaries.length > 0 ? boundaries[boundaries.length - 1]! : -1);

  const kindOf = (at: number, text: string): { kind: BlockKind; level?: number } => {
    if (headingDepth > 0) return { kind: 'heading', level: headingLevel };
    if (preDepth > 0) return { kind: 'preformatted' };
    if (captionDepth > 0) return { kind: 'caption' };
    if (quoteDepth > 0) return { kind: 'quote' };
    const tag = at >= 0 ? stack[at]!.tag : '';
    if (tag === 'li' || (at > 0 && stack[at - 1]!.tag === 'li' && (tag === 'p' || tag === 'div'))) return { kind: 'list_item' };
    if ((tag === 'td' || tag === 'th') && text.split(' ').length < PROSE_CELL_WORDS) return { kind: 'table' };
    return { kind: 'paragraph' };
  };

  const flush = (at: number): void => {
    brPending = false;
    if (runChars === 0) {
      run = '';
      return;
    }
    const decoded = fixText(run);
    // Before collapsing: a no-break space can be part of the mojibake ("Ã\xa0" is "à"), and a soft hyphen too ("Ã­").
    const raw = repairMojibake(decoded);
    const repaired = raw !== decoded;
    // Before collapsing too: a zero-width space between two spaces leaves one space.
    const stripped = stripControls(raw);
    let text = preDepth > 0 ? collapseLines(stripped.text) : collapse(stripped.text);
    const density = runLinkChars / runChars;
    run = '';
    runChars = 0;
    runLinkChars = 0;
    if (!HAS_WORD.test(text)) return;
    if (repaired) mojibake++;
    controls += stripped.removed;
    text = nfc(text);
    const { kind, level } = kindOf(at, text);
    const block: Block = { kind, text, node: at >= 0 ? record(at) : 0, linkDensity: Math.min(1, density), removed: null };
    if (level) block.level = level;
    blocks.push(block);
  };

  const handlers: Partial<Handler> = {
    onopentag(tag, attrs) {
      if (headOpen && !HEAD_CONTENT.has(tag)) endHead();
      if (latin1) {
        // Only the attributes read below (all of them for drop selectors): src, srcset, data-* stay raw.
        for (const k in attrs) {
          if ((opts.drop !== null || READ_ATTRS.has(k)) && NEEDS_FIX.test(attrs[k]!)) attrs[k] = attrFromLatin1(attrs[k]!);
        }
      }
      let select: SelectNode | null = null;
      if (opts.drop !== null) {
        const parent = stack.length ? stack[stack.length - 1]! : null;
        select = { name: tag, attribs: attrs, parent: parent?.select ?? null, prev: parent ? parent.lastChild : topLast };
        if (parent) parent.lastChild = select;
        else topLast = select;
      }
      const skip = SKIP.has(tag) || (opts.skipHidden && isHidden(attrs)) || (select !== null && opts.drop!(select));
      // Custom elements (<hl-trusted-source>) render inline unless styled otherwise, as unknown elements do.
      const boundary = !INLINE.has(tag) && !tag.includes('-');
      if (boundary && skipDepth === 0) flush(container());
      const o: Open = { tag, attrs, node: -1, boundary, skip, mark: -1, select, lastChild: null };
      stack.push(o);
      if (boundary) boundaries.push(stack.length - 1);
      if (skip) skipDepth++;
      if (tag === 'script' || tag === 'style' || tag === 'svg' || tag === 'template' || tag === 'math') rawDepth++;

      switch (tag) {
        case 'head':
          headOpen = true;
          break;
        case 'html':
          lang ??= attrs.lang?.trim() || attrs['xml:lang']?.trim() || null;
          break;
        case 'title':
          if (title === null && rawDepth === 0) titleBuf = '';
          break;
        case 'meta':
          if (attrs.content !== undefined) pushMeta(meta, attrs);
          break;
        case 'link':
          if (canonical === null && attrs.href && /(?:^|\s)canonical(?:\s|$)/i.test(attrs.rel ?? '')) {
            canonical = attrs.href.trim();
          }
          break;
        case 'script':
          if (attrs.type !== undefined) {
            if (/^\s*application\/ld\+json/i.test(attrs.type)) ldBuf = '';
            else if (rawDepth === 1 && isInPlaceTemplate(attrs)) templateBuf = '';
          }
          break;
        case 'a':
          linkDepth++;
          break;
        case 'blockquote':
          quoteDepth++;
          break;
        case 'pre':
          preDepth++;
          break;
        case 'figcaption':
        case 'caption':
          captionDepth++;
          break;
        case 'br':
          if (skipDepth === 0) {
            // One <br> is a space; two in a row end a paragraph.
            if (brPending) flush(container());
            else {
              run += preDepth > 0 ? '\n' : ' ';
              brPending = true;
            }
          }
          break;
      }
      const level = HEADING[tag];
      if (level) {
        if (headingDepth === 0) headingLevel = level;
        headingDepth++;
      }

      if (rawDepth === 0 && tag !== 'meta') {
        const cls = attrs.class;
        const id = attrs.id;
        // The cheap stem test first: most class names are nowhere near a mark.
        const words = (cls !== undefined && MARK_STEM.test(cls)) || (id !== undefined && MARK_STEM.test(id)) ? markWords(cls, id) : null;
        const rel = attrs.rel === undefined ? null : attrs.rel.trim().toLowerCase() || null;
        if (tag === 'time' || attrs.itemprop !== undefined || (rel !== null && /\bauthor\b/.test(rel)) || words !== null) {
          o.mark = marks.length;
          marks.push({
            node: record(stack.length - 1),
            tag,
            words: words ?? classWords(cls, id),
            itemprop: attrs.itemprop?.trim() || null,
            rel,
            value: (attrs.datetime ?? attrs.content ?? attrs.href)?.trim() ?? null,
            text: '',
          });
          markText.push('');
          openMarks.push(stack.length - 1);
        }
      } else if (tag === 'meta' && attrs.itemprop !== undefined && rawDepth === 0) {
        // <meta itemprop> inside the body (schema.org microdata) is a mark too: its node tells where it sits.
        marks.push({
          node: record(stack.length - 1),
          tag,
          words: classWords(attrs.class, attrs.id),
          itemprop: attrs.itemprop.trim() || null,
          rel: null,
          value: attrs.content?.trim() ?? null,
          text: '',
        });
        markText.push('');
      }
    },

    ontext(text) {
      if (headOpen && titleBuf === null && /\S/.test(text)) endHead();
      if (titleBuf !== null) titleBuf += text;
      if (ldBuf !== null) ldBuf += text;
      if (templateBuf !== null) templateBuf += text;
      if (rawDepth === 0) {
        // An outer mark has read all an inner one has, and more: the full ones are the outer ones. From the
        // innermost out, then, up to the first full one (not across every open mark, for every text).
        for (let k = openMarks.length - 1; k >= 0; k--) {
          const m = stack[openMarks[k]!]!.mark;
          if (markText[m]!.length >= markLimit) break;
          markText[m] += text;
        }
      }
      if (skipDepth > 0) return;
      const n = visibleChars(text);
      if (n > 0) {
        brPending = false;
        runChars += n;
        if (linkDepth > 0) runLinkChars += n;
      } else if (runChars === 0) return; // leading whitespace: trimmed anyway
      run += text;
    },

    onclosetag(tag) {
      const o = stack[stack.length - 1];
      if (!o || o.tag !== tag) return; // htmlparser2 balances tags; be safe anyway
      if (o.boundary && skipDepth === 0) flush(stack.length - 1);
      stack.pop();
      if (o.boundary) boundaries.pop();
      if (recorded > stack.length) recorded = stack.length;
      if (o.skip) skipDepth--;
      if (tag === 'script' || tag === 'style' || tag === 'svg' || tag === 'template' || tag === 'math') rawDepth--;
      if (o.mark >= 0 && openMarks[openMarks.length - 1] === stack.length) {
        openMarks.pop();
        const mark = marks[o.mark]!;
        // A cut mid-character leaves a U+FFFD at the end: drop it with the rest of the cut.
        mark.text = clean(fixText(markText[o.mark]!))
          .replace(/\ufffd$/, '')
          .slice(0, MARK_TEXT_MAX);
      }
      switch (tag) {
        case 'head':
          headOpen = false;
          break;
        case 'title':
          if (titleBuf !== null) {
            title = clean(fixText(titleBuf)) || null;
            titleBuf = null;
          }
          break;
        case 'script':
          if (ldBuf !== null) {
            const json = unwrapScript(fixRaw(ldBuf));
            if (json) jsonLd.push(json);
            ldBuf = null;
          }
          if (templateBuf !== null) {
            // Markup in a template script is the page's content, in place: parse it under the script's parent.
            const markup = templateBuf;
            templateBuf = null;
            if (MARKUP.test(markup) && !TEMPLATE_CODE.test(markup)) parseInto(markup);
          }
          break;
        case 'a':
          linkDepth--;
          break;
        case 'blockquote':
          quoteDepth--;
          break;
        case 'pre':
          preDepth--;
          break;
        case 'figcaption':
        case 'caption':
          captionDepth--;
          break;
      }
      if (HEADING[tag]) headingDepth--;
    },
  };
  /** An open <head> ends where the first content does: close it as `</head>` would (the parser's own close is ignored). */
  const endHead = (): void => {
    // Inside an element of the head (noscript), that element is closed first, by the parser.
    if (stack[stack.length - 1]!.tag === 'head') handlers.onclosetag!('head', true);
  };
  const parseInto = (markup: string): void => {
    const parser = new LinearParser(handlers, latin1 ? LATIN1_PARSER_OPTIONS : PARSER_OPTIONS);
    parser.write(markup);
    parser.end();
  };
  parseInto(html);
  flush(-1);

  return { blocks, page: { title, lang, canonical, meta, jsonLd, marks, nodes }, controls, mojibake };
};
