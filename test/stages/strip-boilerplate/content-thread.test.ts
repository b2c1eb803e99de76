// Pages whose content is a thread of posts (a question and its answers, a forum topic, a live ticker) keep the
// posts beside the one that won the main-content selection; comments below an article stay boilerplate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFromBytes, docFromText, keptText, removedWith, runThrough } from '../../helpers/docs.js';

const strip = (html: string) => runThrough(docFromText(html, 'html'), 'strip-boilerplate');

const sentence = (topic: string, n: number) =>
  `Update ${n} on the ${topic}: crews worked through the night to clear the fallen trees from the main road, and the power company said it expected to restore electricity to most homes by the evening.`;

describe('threads of posts', () => {
  it('keeps the question beside its answers on a Q&A page (german.stackexchange.com), not its comments or signature', () => {
    const bytes = readFileSync(new URL('../../fixtures/benchmark-trafilatura/pages/t135.html.gz', import.meta.url));
    const doc = runThrough(docFromBytes('t135.html.gz', bytes, 'html'), 'strip-boilerplate');
    const text = keptText(doc);
    expect(text).toContain('How does one know when to use wurde vs war in forming sentences like the following?');
    expect(text).toContain("Why didn't they use Ich war ausgeraubt in that context?");
    expect(text).toContain("I don't quite agree with the other two answers.");
    expect(text).not.toContain('asked Feb 6, 2014 at 20:37');
    expect(text).not.toContain('maybe ausgeraubt is a bad example');
    expect(removedWith(doc, 'html_comments').length).toBeGreaterThan(20);
  });

  it("keeps a live ticker's short entries beside its long one, though each entry's share bar weighs against them", () => {
    const entry = (time: string, paragraphs: string[]) =>
      `<div class="ticker-entry"><div class="entry-head"><time datetime="2024-03-12T${time}">${time}</time> <span class="reporter">Jane Roe</span></div>
       <div class="entry-text">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>
       <div class="share-tools"><a href="#fb">Share on Facebook</a> <a href="#x">Share on X</a> <a href="#link">Copy link</a></div></div>`;
    const long = [
      'Crews worked through the night to clear the fallen trees from the main road between the two villages, the county said.',
      'The power company expects to restore electricity to most homes by the evening; about four thousand households are still without it.',
      'The river rose by more than a metre overnight, and the fire brigade filled sandbags for the houses along the old harbour.',
      'The mayor asked residents to stay at home unless their journey was necessary and to keep away from the parks and the forest.',
      'Weather forecasters expect the wind to ease after midnight, but warn that more rain will fall in the hills on Thursday.',
    ];
    const doc = strip(`<html><body><div class="page"><h1>Storm: live updates</h1><div class="ticker">
      ${entry('18:05', ['The last trains leave the central station at nine tonight, the rail operator said.'])}
      ${entry('17:40', ['Schools in the valley stay closed tomorrow as well, the district announced.'])}
      ${entry('16:55', long)}
      </div></div></body></html>`);
    const text = keptText(doc);
    expect(text).toContain('The river rose by more than a metre overnight');
    expect(text).toContain('The last trains leave the central station at nine tonight');
    expect(text).toContain('Schools in the valley stay closed tomorrow as well');
    expect(removedWith(doc, 'html_share')).toHaveLength(3);
  });

  it('leaves comments below an article out, even when their markup is the same as the post', () => {
    const post = (who: string, text: string) =>
      `<div class="post"><div class="post-meta"><span class="author">${who}</span> <time>12 March 2024</time></div><div class="post-text"><p>${text}</p></div></div>`;
    const doc = strip(`<html><body><div class="main">${post('Jane Roe', [1, 2, 3, 4].map((n) => sentence('storm', n)).join(' '))}
      <div class="comments">${post('reader1', 'I lost power for six hours and nobody from the company answered the phone all day long.')}
      ${post('reader2', 'Thanks to the crews who worked all night in the rain to clear the roads for the rest of us.')}</div></div></body></html>`);
    const text = keptText(doc);
    expect(text).toContain('Update 4 on the storm');
    expect(text).not.toContain('I lost power for six hours');
    expect(text).not.toContain('Thanks to the crews');
  });
});
