// Deeply nested markup: parsing and the stages after it stay linear in the depth of the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docFromText, keptText, runThrough } from '../../helpers/docs.js';
import { decodeHtml } from './helpers.js';

const ARTICLE =
  'The council approved the new budget on Tuesday after a long debate about schools, roads and the library. ' +
  'Members said the vote settled a question that had divided the town for most of the year.';

const page = (open: string, close: string, depth: number, inner = `<p>${ARTICLE}</p>`): string =>
  `<html><head><title>Budget approved</title></head><body>${open.repeat(depth)}${inner}${close.repeat(depth)}</body></html>`;

const DEEP = 65_536;

describe('a page nested 64k elements deep', () => {
  it.each([
    ['<div>', '<div>', '</div>'],
    ['<span>', '<span>', '</span>'],
    ['<ul><li>', '<ul><li>', '</li></ul>'],
    ['<table><tr><td>', '<table><tr><td>', '</td></tr></table>'],
    ['<div class="byline date">', '<div class="byline date">', '</div>'],
  ])('goes through every stage of the default pipeline and keeps its text (%s)', (_name, open, close) => {
    const doc = runThrough(docFromText(page(open, close, DEEP), 'html'), 'validate');
    expect(doc.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
    expect(keptText(doc)).toBe(ARTICLE);
    expect(doc.metadata.title?.value).toBe('Budget approved');
  });
});

describe('the parser keeps its open elements without shifting an array', () => {
  // Array.prototype.shift and unshift move every element: done on the stack of open elements for every
  // element opened and closed, they cost the depth each time, so parsing was quadratic in it.
  const longest = { shift: 0, unshift: 0 };
  afterEach(() => vi.restoreAllMocks());

  it('never shifts or unshifts an array as long as the nesting is deep', () => {
    for (const name of ['shift', 'unshift'] as const) {
      const original = Array.prototype[name] as (...args: unknown[]) => unknown;
      vi.spyOn(Array.prototype, name).mockImplementation(function (this: unknown[], ...args: unknown[]) {
        longest[name] = Math.max(longest[name], this.length);
        return original.apply(this, args);
      });
    }
    const doc = decodeHtml(page('<div><section>', '</section></div>', 5_000));
    vi.restoreAllMocks();
    expect(doc.blocks.map((b) => b.text)).toEqual([ARTICLE]);
    expect(longest.shift).toBeLessThan(100);
    expect(longest.unshift).toBeLessThan(100);
  });
});

describe('deep nesting changes nothing the stages read', () => {
  it('records every ancestor of a deep block, innermost last, and stray end tags close nothing', () => {
    const doc = decodeHtml(`<body><main>${'<div class="wrap">'.repeat(1000)}</span></b><p>${ARTICLE}</p>${'</div>'.repeat(1000)}</main></body>`);
    const page = doc.html!;
    const block = doc.blocks[0]!;
    expect(block.text).toBe(ARTICLE);
    const chain: string[] = [];
    for (let n = block.node!; n >= 0; n = page.nodes[n]!.parent) chain.push(page.nodes[n]!.tag);
    expect(chain).toEqual(['p', ...Array<string>(1000).fill('div'), 'main', 'body', '#document']);
  });

  it('gives nested byline marks the text under each, the outer one holding the inner ones', () => {
    const doc = decodeHtml(
      `<body><article><h1>Budget approved</h1><div class="byline">By <span class="author-name">Jane Doe</span>, ` +
        `<span class="posted-date"><time datetime="2024-05-04">May 4, 2024</time></span></div><p>${ARTICLE}</p></article></body>`,
    );
    const marks = doc.html!.marks.map((m) => [m.tag, m.text]);
    expect(marks).toEqual([
      ['div', 'By Jane Doe, May 4, 2024'],
      ['span', 'Jane Doe'],
      ['span', 'May 4, 2024'],
      ['time', 'May 4, 2024'],
    ]);
  });

  it('cuts mark text at its limit, outer and inner marks alike, however deep they nest', () => {
    const words = 'word '.repeat(400);
    const doc = decodeHtml(`<body>${'<div class="byline">'.repeat(200)}${words}${'</div>'.repeat(200)}<p>${ARTICLE}</p></body>`);
    const marks = doc.html!.marks;
    expect(marks).toHaveLength(200);
    for (const m of marks) {
      expect(m.text.length).toBeLessThanOrEqual(300);
      expect(m.text).toBe(marks[0]!.text);
    }
    expect(marks[0]!.text.startsWith('word word')).toBe(true);
  });
});
