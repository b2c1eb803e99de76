import { describe, expect, it } from 'vitest';
import { compileSelectors, parseSelector } from '../../../src/stages/decode/selectors.js';

describe('drop selectors', () => {
  const match = compileSelectors(['aside', '.promo', '#comments', 'div.share.bar', '[data-ad]', 'section[aria-label="Related stories"]'])!;

  it.each([
    ['aside', {}, true],
    ['p', { class: 'x promo y' }, true],
    ['p', { class: 'promotion' }, false],
    ['div', { id: 'comments' }, true],
    ['div', { class: 'bar share' }, true],
    ['div', { class: 'share' }, false],
    ['span', { class: 'share bar' }, false],
    ['div', { 'data-ad': '' }, true],
    ['section', { 'aria-label': 'Related stories' }, true],
    ['section', { 'aria-label': 'Related' }, false],
  ])('%s %o -> %s', (tag, attrs, expected) => {
    expect(match(tag, attrs as Record<string, string>)).toBe(expected);
  });

  it('an empty list matches nothing, at no cost', () => {
    expect(compileSelectors([])).toBeNull();
  });

  it.each(['div > p', 'ul li', 'a:hover', '', 'p,'])('refuses what it cannot match while streaming: %j', (s) => {
    expect(() => parseSelector(s)).toThrow(/unsupported selector/);
  });
});
