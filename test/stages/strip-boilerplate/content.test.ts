// Main-content selection on HTML pages: small pages that isolate one signal each, and real benchmark pages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFromBytes, docFromText, kept, keptText, removedWith, runThrough } from '../../helpers/docs.js';

const strip = (html: string) => runThrough(docFromText(html, 'html'), 'strip-boilerplate');
const para = (n: number, topic = 'council') =>
  `<p>Paragraph ${n} about the ${topic}: the members met on Tuesday evening and discussed the budget, the libraries and the roads for more than two hours before they voted.</p>`;
const article = [1, 2, 3, 4].map((n) => para(n)).join('');

describe('main-content selection', () => {
  it('keeps the article and removes navigation, sidebar, comments and footer, each with its code', () => {
    const doc = strip(`<html><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
      <div class="layout"><article>${article}</article>
      <div class="sidebar"><h3>Popular</h3><ul><li><a href="/a">Some other story that people read today</a></li><li><a href="/b">And another one from last week</a></li></ul></div></div>
      <div id="comments"><p>I disagree with the council, they should have kept the libraries open for everyone in the town.</p></div>
      <footer><p>© 2025 The Courier. All rights reserved.</p></footer></body></html>`);
    expect(kept(doc).map((b) => b.text)).toEqual([1, 2, 3, 4].map((n) => expect.stringContaining(`Paragraph ${n} about`)));
    expect(removedWith(doc, 'html_nav')).toEqual(['Home', 'News', 'Sport']);
    expect(doc.blocks.find((b) => b.text.startsWith('I disagree'))!.removed!.code).toBe('html_comments');
    expect(doc.blocks.find((b) => b.text.startsWith('©'))!.removed!.code).toBe('html_footer');
    expect(doc.blocks.find((b) => b.text === 'Popular')!.removed!.code).toBe('html_sidebar');
  });

  it("removes the site's <header>, but not the header of the article itself", () => {
    const doc = strip(`<html><head><title>Council votes on budget | The Courier</title></head><body>
      <header><p>The Courier: news for the whole valley since 1868, every day of the week</p><p>Breaking: road closed</p></header>
      <article><header><h1>Council votes on budget</h1><p class="standfirst">Two libraries stay open for another year while volunteers draw up a plan.</p></header>${article}</article></body></html>`);
    expect(removedWith(doc, 'html_header')).toEqual(['The Courier: news for the whole valley since 1868, every day of the week', 'Breaking: road closed']);
    expect(removedWith(doc, 'headline')).toEqual(['Council votes on budget']);
    expect(keptText(doc)).toContain('Two libraries stay open');
  });

  it('stays linear on a page nested 20,000 elements deep', () => {
    const doc = strip(`<html><body>${'<div class="wrap">'.repeat(20_000)}${article}</body></html>`);
    expect(kept(doc)).toHaveLength(4);
  });

  it('removes boilerplate-named blocks inside the article container', () => {
    const doc = strip(`<html><body><article>${para(1)}<div class="share-buttons"><p>Share this article with your friends and family on social media today</p></div>${para(2)}${para(3)}</article></body></html>`);
    expect(removedWith(doc, 'html_share')).toEqual(['Share this article with your friends and family on social media today']);
    expect(kept(doc)).toHaveLength(3);
  });

  it('does not take a boilerplate-named wrapper around the article for boilerplate', () => {
    const doc = strip(`<html><body><div class="container has-sidebar comments-open"><div class="entry-content">${article}</div>
      <aside class="widget"><p><a href="/x">Archives</a></p></aside></div></body></html>`);
    expect(kept(doc)).toHaveLength(4);
    expect(keptText(doc)).not.toContain('Archives');
  });

  it('drops teaser cards (a linked heading and its blurb) next to the article', () => {
    const card = (t: string) => `<div class="card"><h3><a href="/${t}">${t} story headline</a></h3><p>A short blurb that sums up the ${t} story in one sentence for readers.</p></div>`;
    const doc = strip(`<html><body><main><div class="story">${article}</div><section>${card('first')}${card('second')}${card('third')}</section></main></body></html>`);
    expect(kept(doc)).toHaveLength(4);
    expect(doc.blocks.filter((b) => b.text.startsWith('A short blurb')).every((b) => b.removed)).toBe(true);
  });

  it('removes the heading that repeats the page title as the headline', () => {
    const doc = strip(`<html><head><title>Council votes on budget | The Courier</title></head><body><article><h1>Council votes on budget</h1><h2>What was decided</h2>${article}</article></body></html>`);
    expect(removedWith(doc, 'headline')).toEqual(['Council votes on budget']);
    expect(kept(doc)[0]!.text).toBe('What was decided');
  });

  it('finds no article on a front page of teasers', () => {
    const card = (t: string) => `<article><h2><a href="/${t}">${t} headline for the front page</a></h2><p>Blurb for ${t}.</p><p>By A. Writer</p></article>`;
    const doc = strip(`<html><body><main>${['a', 'b', 'c', 'd', 'e', 'f'].map(card).join('')}</main></body></html>`);
    expect(kept(doc)).toEqual([]);
    expect(doc.blocks.every((b) => b.removed?.code === 'no_main_content')).toBe(true);
  });
});

describe('main-content selection on a real page', () => {
  const truth = JSON.parse(readFileSync(new URL('../../fixtures/benchmark/truth.json', import.meta.url), 'utf8'));
  const page = (prefix: string) => {
    const key = Object.keys(truth).find((k) => k.startsWith(prefix))!;
    const bytes = readFileSync(new URL(`../../fixtures/benchmark/html/${key}.html.gz`, import.meta.url));
    return { doc: runThrough(docFromBytes(`${key}.html.gz`, bytes, 'html'), 'strip-boilerplate'), truth: truth[key].articleBody as string };
  };

  it('keeps tweets embedded in the article (nj.com), and drops the reporter contact line', () => {
    const { doc } = page('3f65af7b6b98');
    expect(keptText(doc)).toContain('Yes this is real and yes the state spent nearly half a million dollars');
    expect(removedWith(doc, 'contact_line')[0]).toMatch(/^Have a tip\?/);
  });

  it('keeps an article held inside a "paywall" element (barrons.com)', () => {
    const { doc, truth: body } = page('f8ff621a0b9b');
    const text = keptText(doc);
    for (const line of body.split('\n').filter((l) => l.length > 80).slice(0, 6)) expect(text).toContain(line.slice(0, 60));
  });
});

describe('boilerplate nested inside the article, and the lead beside it', () => {
  const filler = (n: number) =>
    `<div class="teaser"><h4><a href="/t${n}">Other story number ${n} about the region</a></h4><p>A blurb of twenty words or so that describes another story in the gallery of related stories for readers here.</p></div>`;

  it('keeps the whole body when a related-stories gallery sits between its paragraphs and its prose dominates', () => {
    const doc = strip(`<html><body><div class="col"><h1>Council votes</h1><div class="text">${para(1)}${para(2)}<p>What the council decided</p>${para(3)}
      <div class="related-gallery">${[1, 2, 3, 4].map(filler).join('')}</div>${para(4)}${para(5)}${para(6)}</div></div></body></html>`);
    expect(kept(doc).map((b) => b.text)).toEqual([
      expect.stringContaining('Paragraph 1 about'),
      expect.stringContaining('Paragraph 2 about'),
      'What the council decided',
      ...[3, 4, 5, 6].map((n) => expect.stringContaining(`Paragraph ${n} about`)),
    ]);
    expect(removedWith(doc, 'html_related')).toHaveLength(8);
  });

  it('keeps a standfirst just outside the container, not a subtitle', () => {
    const links = ['Home', 'News', 'Sport', 'Weather', 'Opinion', 'Business', 'Culture', 'Travel'].map((t) => `<li><a href="/${t}">${t} section of the site</a></li>`).join('');
    const doc = strip(`<html><head><title>Council votes on budget</title></head><body><div class="page"><div class="head"><h1>Council votes on budget</h1>
      <h2 class="subtitle">Libraries stay open for another year, the council says after its vote</h2>
      <p class="standfirst">Two libraries stay open for another year while volunteers draw up a plan for the town.</p><ul>${links}</ul></div>
      <div class="story">${article}</div></div></body></html>`);
    expect(keptText(doc)).toContain('Two libraries stay open');
    expect(keptText(doc)).not.toContain('Libraries stay open for another year, the council says');
    expect(removedWith(doc, 'headline')).toContain('Libraries stay open for another year, the council says after its vote');
    expect(kept(doc)).toHaveLength(5);
  });

  it('keeps the body around an inline list of related links longer than the body itself', () => {
    const related = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `<li><a href="/r${n}">Related story number ${n} about the council and the long budget vote of last year</a></li>`).join('');
    const doc = strip(`<html><body><article><header><h1>Council votes</h1><h2>The council voted on the budget on Tuesday after two hours of debate about the libraries, the roads, the schools and the swimming pool, which the members of the opposition wanted to keep open for another year at least.</h2></header>
      <div class="body-copy">${para(1)}${para(2)}<aside><h2>Related Articles</h2><ul>${related}</ul></aside>${para(3)}${para(4)}</div></article></body></html>`);
    expect(kept(doc).filter((b) => b.text.startsWith('Paragraph'))).toHaveLength(4);
    expect(keptText(doc)).not.toContain('Related story number');
  });

  it('on a real page (dw.com): the body around a nested gallery and the lead above it stay, the gallery goes', () => {
    const file = new URL('../../fixtures/boilerplate-i18n/t006-en-nested-gallery.html', import.meta.url).pathname;
    const doc = runThrough(docFromBytes('t006.html', readFileSync(file)), 'strip-boilerplate');
    const text = keptText(doc);
    for (const line of [
      'The German capital has launched a five-year project to mark its part in European colonialism.',
      'Freedom fighters replace colonial leaders',
      'Right-wing resistance',
      'The city of Berlin itself became a major part of African colonial history in 1884',
    ])
      expect(text).toContain(line);
    expect(doc.blocks.filter((b) => b.removed?.code === 'html_related').length).toBeGreaterThan(10);
    expect(text).not.toContain('German colonialism and the long-forgotten Dibobe Petition');
  });
});

describe('a lead named like a teaser', () => {
  it('keeps a one-paragraph "teaser-text" as the lead (ahlen.de), and still drops teaser cards with linked headings', () => {
    const file = new URL('../../fixtures/boilerplate-i18n/t275-de-teaser-lead.html', import.meta.url).pathname;
    const doc = runThrough(docFromBytes('t275.html', readFileSync(file)), 'strip-boilerplate');
    expect(keptText(doc)).toContain('Jede Menge Spaß bereitet es den ehrenamtlichen Experten im Reparaturcafé');
    expect(keptText(doc)).toContain('Ins Reparaturcafé kann jeder reparaturbedürftige Gegenstände gebracht werden');

    const card = (t: string) =>
      `<div class="teaser"><h3><a href="/${t}">${t} story headline</a></h3><div class="teaser-text"><p>A short blurb that sums up the ${t} story in one sentence for readers.</p></div></div>`;
    const cards = strip(`<html><body><main><div class="story">${article}</div><section>${card('first')}${card('second')}${card('third')}</section></main></body></html>`);
    expect(kept(cards)).toHaveLength(4);
  });
});

describe("the article's lists and tables beside its prose", () => {
  it('keeps the ingredient and nutrition lists beside the preparation steps (lecker.de), not the tag list', () => {
    const file = new URL('../../fixtures/boilerplate-i18n/t413-de-recipe-lists.html', import.meta.url).pathname;
    const doc = runThrough(docFromBytes('t413.html', readFileSync(file)), 'strip-boilerplate');
    const text = keptText(doc);
    for (const line of ['1 Pck. Vanillepuddingpulver', '350 g Zucker', '20 g Mini-Marshmallows', '390 kcal', 'Für die Creme Puddingpulver']) expect(text).toContain(line);
    expect(text).not.toContain('Kuchen & Gebäck');
  });

  it('keeps an unlinked spec table beside the article, but not a linked list', () => {
    const specs = `<table><tr><td>Weight</td><td>1.2 kg</td></tr><tr><td>Battery life</td><td>14 hours</td></tr></table>`;
    const links = ['Home', 'News', 'Sport', 'Weather', 'Opinion', 'Business', 'Culture', 'Travel'].map((t) => `<li><a href="/${t}">${t} section of the site</a></li>`).join('');
    const doc = strip(`<html><body><div class="page"><div class="top"><ul>${links}</ul><div class="specs">${specs}</div></div><div class="story">${article}</div></div></body></html>`);
    expect(keptText(doc)).toContain('Battery life');
    expect(keptText(doc)).not.toContain('section of the site');
  });
});
