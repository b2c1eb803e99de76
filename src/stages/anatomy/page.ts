// Roles on an HTML page's blocks: the headline (and its copies and subtitle), the lead, captions, and the header
// lines under the headline. Read from the blocks and node table decode recorded, before any cleaning.
import type { Block, HtmlPage } from '../../core/doc.js';
import { blockWords, countWords, foldText } from '../../core/text.js';
import { anyWord, VOCABULARY } from '../../core/vocabulary.js';
import { markContributorLines, markDateStamps, markHeaderLines, titleKeys, type LineOptions } from './lines.js';

const LEAD = new RegExp(anyWord(VOCABULARY.classWords.lead), 'u');
const SUBTITLE = new RegExp(anyWord(VOCABULARY.classWords.subtitle), 'u');
/** How many levels up a lead's or subtitle's class words are looked for. */
const LEAD_LEVELS = 3;
const SUBTITLE_LEVELS = 2;

/** The page's own names for its headline, meta titles first: og/twitter titles, meta title and headline, <title>. */
export const pageTitles = (page: HtmlPage): string[] =>
  [...page.meta.filter((m) => /^(?:og:title|twitter:title|title|headline)$/.test(m.key)).map((m) => m.content), page.title].filter(
    (t): t is string => !!t && !!t.trim(),
  );

/**
 * The visible headline: the longest h1 that matches a page title, else a heading (h2, h3) that reads like the first one,
 * else the first h1 decode kept, else any h1.
 */
export const findHeadline = (blocks: Block[], metaTitle: string | null): Block | null => {
  const h1s = blocks.filter((b) => b.kind === 'heading' && b.level === 1 && b.text.trim());
  const m = metaTitle ? foldText(metaTitle) : null;
  // Of the h1s a title contains, the longest: a site's name in the masthead is a part of the title too.
  let matching: Block | undefined;
  let best = 0;
  for (const b of m ? h1s : []) {
    const h = foldText(b.text);
    if (h.length > 3 && h.length > best && (m!.includes(h) || h.includes(m!))) [matching, best] = [b, h.length];
  }
  const heading =
    matching || h1s.length || !m || m.length < 20
      ? undefined
      : blocks.find((b) => b.kind === 'heading' && (b.level ?? 9) <= 3 && foldText(b.text).startsWith(m));
  return matching ?? heading ?? h1s.find((b) => !b.removed) ?? h1s[0] ?? null;
};

/** Whether a node or one of its `levels - 1` nearest ancestors has class/id words matching `re`; each string tested once. */
const namedWithin = (page: HtmlPage, re: RegExp, levels: number): ((node: number) => boolean) => {
  const seen = new Map<string, boolean>();
  const named = (words: string) => {
    if (!words) return false;
    let hit = seen.get(words);
    if (hit === undefined) seen.set(words, (hit = re.test(words)));
    return hit;
  };
  return (node) => {
    for (let a = node, k = 0; a >= 0 && k < levels; a = page.nodes[a]!.parent, k++) if (named(page.nodes[a]!.words)) return true;
    return false;
  };
};

export const markPage = (blocks: Block[], page: HtmlPage, opts: LineOptions): void => {
  const titles = pageTitles(page);
  const headline = findHeadline(blocks, titles[0] ?? null);
  if (headline) headline.role = { name: 'headline' };
  const { keys, maxLength } = titleKeys(titles);
  const isSubtitle = namedWithin(page, SUBTITLE, SUBTITLE_LEVELS);
  const isLead = namedWithin(page, LEAD, LEAD_LEVELS);
  for (const b of blocks) {
    if (b === headline || b.node === undefined) continue;
    // The title again (a breadcrumb's last item, a print header), or a subtitle: copies of the headline.
    const copy = (b.kind === 'heading' || blockWords(b) >= 3) && b.text.length <= maxLength && keys.has(foldText(b.text));
    if (copy || (b.kind === 'heading' && isSubtitle(b.node))) b.role = { name: 'headline', copy: true };
    else if (b.kind === 'caption') b.role = { name: 'caption' };
    else if ((b.kind === 'paragraph' || b.kind === 'heading') && isLead(b.node)) b.role = { name: 'lead' };
  }
  // The header lines follow the headline; a page without one has them above its first paragraph of prose.
  const live = blocks.filter((b) => !b.removed && b.node !== undefined);
  let window: Block[];
  if (headline) {
    // By node, not by position in the list: decode may have taken the headline itself out (hidden, a form).
    const at = live.findIndex((b) => b.node! > headline.node!);
    window = at < 0 ? [] : live.slice(at, at + opts.bylineWindow * 2);
  } else {
    const body = live.findIndex((b) => b.kind === 'paragraph' && blockWords(b) >= 15);
    window = body < 0 ? [] : live.slice(Math.max(0, body - opts.bylineWindow), body + 1);
  }
  markHeaderLines(window, opts.bounds);
  markContributorLines(blocks);
  markDateStamps(blocks, opts.bounds);
};
