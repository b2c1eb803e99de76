// Selectors for dropping elements while the page is parsed: CSS selectors as users write them for cheerio or a
// browser, matched by css-select (cheerio's selector engine) through an adapter over the parser's open elements.
// An element is decided as it opens, with no DOM: a selector may look at the element, its ancestors and its
// earlier siblings (descendant, child, `+` and `~` combinators, attributes, :not/:is/:where, :first-child,
// :nth-child, :first-of-type, :root), never at what comes after it (:has, :empty, :last-child, :contains, ...),
// which is refused with a message rather than matched wrongly.
import { compile } from 'css-select';
import { parse, type Selector } from 'css-what';

/** An element as the selectors see it: made as it opens, linked to its parent and its previous element sibling. */
export interface SelectNode {
  name: string;
  attribs: Record<string, string>;
  parent: SelectNode | null;
  prev: SelectNode | null;
}

export type SelectorMatcher = (element: SelectNode) => boolean;

/** Pseudo-classes that need the element's content or its later siblings: unknown when it opens. */
const NEEDS_WHAT_FOLLOWS = new Set(['has', 'empty', 'parent', 'last-child', 'only-child', 'nth-last-child', 'last-of-type', 'only-of-type', 'nth-last-of-type', 'contains', 'icontains']);

const adapter = {
  isTag: (_node: SelectNode): _node is SelectNode => true,
  getAttributeValue: (e: SelectNode, name: string) => (Object.hasOwn(e.attribs, name) ? e.attribs[name] : undefined),
  getChildren: (): SelectNode[] => [],
  getName: (e: SelectNode) => e.name,
  getParent: (e: SelectNode) => e.parent,
  // The siblings known when the element opens: those before it, and itself.
  getSiblings: (e: SelectNode) => {
    const out: SelectNode[] = [];
    for (let s: SelectNode | null = e; s; s = s.prev) out.push(s);
    return out.reverse();
  },
  prevElementSibling: (e: SelectNode) => e.prev,
  getText: () => '',
  hasAttrib: (e: SelectNode, name: string) => Object.hasOwn(e.attribs, name),
  removeSubsets: (nodes: SelectNode[]) => nodes,
  existsOne: () => false,
  findAll: (): SelectNode[] => [],
  findOne: () => null,
};

const unsupported = (selector: string, why: string) => new Error(`unsupported selector "${selector}": ${why}`);

const COMBINATORS = new Set(['child', 'descendant', 'adjacent', 'sibling', 'parent', 'column-combinator']);

const check = (selector: string, groups: Selector[][]): void => {
  for (const group of groups) {
    if (!group.length || COMBINATORS.has(group[0]!.type) || COMBINATORS.has(group.at(-1)!.type)) throw unsupported(selector, 'a combinator needs a selector on each side');
    for (const token of group) {
      if (token.type === 'pseudo-element') throw unsupported(selector, `::${token.name} is not an element`);
      if (token.type !== 'pseudo') continue;
      if (NEEDS_WHAT_FOLLOWS.has(token.name)) {
        throw unsupported(selector, `:${token.name} needs what follows the element, and elements are dropped as the page is read (use its ancestors or earlier siblings)`);
      }
      if (Array.isArray(token.data)) check(selector, token.data);
    }
  }
};

/** Parses one selector (a comma-separated list is fine); throws with the reason when it cannot be matched. */
export const parseSelector = (selector: string): Selector[][] => {
  let groups: Selector[][];
  try {
    groups = parse(selector);
  } catch (e) {
    throw unsupported(selector, (e as Error).message);
  }
  if (!groups.length) throw unsupported(selector, 'it is empty');
  check(selector, groups);
  return groups;
};

/** One matcher for a list of selectors, or null for an empty list. */
export const compileSelectors = (selectors: string[]): SelectorMatcher | null => {
  if (selectors.length === 0) return null;
  const groups = selectors.flatMap(parseSelector);
  try {
    return compile<SelectNode, SelectNode>(groups, { adapter, xmlMode: false, cacheResults: false });
  } catch (e) {
    throw unsupported(selectors.join(', '), (e as Error).message);
  }
};
