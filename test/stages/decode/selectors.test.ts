// dropSelectors: CSS selectors as users write them for cheerio, matched by css-select while the page is parsed.
import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../../src/stages/decode/selectors.js';
import { decodeHtml } from './helpers.js';

const texts = (html: string, dropSelectors: string[]) => decodeHtml(html, { dropSelectors }).blocks.map((b) => b.text);

const PAGE = `<!doctype html><html><body>
<header><nav class="site-nav"><ul><li><a href="/">Home</a></li></ul></nav></header>
<main id="content">
  <article class="story">
    <h1>Council approves the budget</h1>
    <div class="share-tools"><a href="#">Share on Facebook</a></div>
    <p>The council approved the budget on Tuesday.</p>
    <h2 class="related">Related</h2>
    <ul><li><a href="/a">Another story</a></li></ul>
    <p data-ad-slot="inline">Advertisement</p>
    <p>Work starts in March.</p>
    <section><p>First section.</p></section><section><p>Second section.</p></section><section><p>Third section.</p></section>
  </article>
  <aside><p>Most read</p></aside>
</main>
<div class="share-tools"><p>Share this page</p></div>
</body></html>`;

describe('dropSelectors', () => {
  const all = texts(PAGE, []);

  it.each<[string[], string[]]>([
    [['.share-tools'], ['Share on Facebook', 'Share this page']],
    [['article .share-tools'], ['Share on Facebook']],
    [['body > .share-tools'], ['Share this page']],
    [['h2.related + ul'], ['Another story']],
    [['h2.related ~ p'], ['Advertisement', 'Work starts in March.']],
    [['[data-ad-slot]', 'p[data-ad-slot="inline"]'], ['Advertisement']],
    [['main > :not(article)'], ['Most read']],
    [['article > section:nth-child(n+9)'], ['Second section.', 'Third section.']],
    [['article section:first-of-type'], ['First section.']],
    [['nav.site-nav, #content aside'], ['Home', 'Most read']],
    [['ARTICLE  >  H1'], ['Council approves the budget']],
  ])('%j drops exactly %j', (selectors, dropped) => {
    const kept = texts(PAGE, selectors);
    expect(all.filter((t) => !kept.includes(t))).toEqual(dropped);
  });

  it('an empty list drops nothing', () => {
    expect(all).toContain('Share this page');
    expect(all).toHaveLength(13);
  });

  it.each(['article:has(.share-tools)', 'p:empty', 'li:last-child', 'p:contains(Advertisement)', 'ul:only-child', 'p::before', 'div >', ''])(
    'refuses, with the reason, what cannot be known as an element opens: %j',
    (s) => {
      expect(() => parseSelector(s)).toThrow(/unsupported selector/);
    },
  );
  it('says why a selector that looks at what follows cannot be used', () => {
    expect(() => parseSelector('li:last-child')).toThrow(/needs what follows the element/);
  });
});
