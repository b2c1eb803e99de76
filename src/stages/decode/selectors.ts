// A small selector language for dropping elements while streaming (no DOM, so no combinators):
// compound selectors such as `aside`, `.promo`, `#comments`, `div.share.bar`, `[data-ad]`, `[role=banner]`,
// `section[aria-label="Related"]`. A list of them matches when any one does.

export type SelectorMatcher = (tag: string, attrs: Record<string, string>) => boolean;

interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: Array<{ name: string; value: string | null }>;
}

const PART = /([.#])([\w-]+)|\[\s*([\w:-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+)))?\s*\]/gy;

/** Parses one compound selector; throws with the reason when it uses something we do not support. */
export const parseSelector = (selector: string): Compound => {
  const s = selector.trim();
  const tagMatch = /^([a-zA-Z][\w-]*|\*)?/.exec(s)!;
  const out: Compound = { tag: tagMatch[1] && tagMatch[1] !== '*' ? tagMatch[1].toLowerCase() : null, id: null, classes: [], attrs: [] };
  PART.lastIndex = tagMatch[0].length;
  let m: RegExpExecArray | null;
  while (PART.lastIndex < s.length && (m = PART.exec(s))) {
    if (m[1] === '.') out.classes.push(m[2]!);
    else if (m[1] === '#') out.id = m[2]!;
    else out.attrs.push({ name: m[3]!.toLowerCase(), value: m[4] ?? m[5] ?? m[6] ?? null });
  }
  if (!s || PART.lastIndex < s.length) {
    throw new Error(`unsupported selector "${selector}": use a tag, .class, #id and [attr] or [attr=value], without combinators`);
  }
  return out;
};

const matches = (c: Compound, tag: string, attrs: Record<string, string>): boolean => {
  if (c.tag !== null && c.tag !== tag) return false;
  if (c.id !== null && attrs.id !== c.id) return false;
  if (c.classes.length) {
    const cls = attrs.class;
    if (!cls) return false;
    const have = cls.split(/\s+/);
    if (!c.classes.every((k) => have.includes(k))) return false;
  }
  return c.attrs.every((a) => (a.value === null ? attrs[a.name] !== undefined : attrs[a.name] === a.value));
};

/** One matcher for a list of selectors, or null for an empty list. */
export const compileSelectors = (selectors: string[]): SelectorMatcher | null => {
  if (selectors.length === 0) return null;
  const compiled = selectors.map(parseSelector);
  return (tag, attrs) => compiled.some((c) => matches(c, tag, attrs));
};
