// Text dumps of whole pages: the article is the run of prose between the menus and the footer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/doc.js';
import { selectTextContent, TextOptions } from '../../../src/stages/strip-boilerplate/text-content.js';
import { docFromBytes, docFromText, kept, keptText, runThrough } from '../../helpers/docs.js';

const strip = (text: string) => runThrough(docFromText(text), 'strip-boilerplate');
const prose = (n: number) =>
  `Paragraph ${n}: the regional council voted on Tuesday to keep the two libraries open for another year while volunteers prepare a plan.`;

describe('text main content', () => {
  it('drops the menu above and the footer below the article, keeping a subheading inside it', () => {
    const menu = ['Home', 'News', 'Sport', 'Business', 'Opinion', 'Subscribe Sign In'];
    const footer = ['About us', 'Contact', 'Privacy Policy', 'Cookie Policy', 'Copyright © 2025 The Courier'];
    const doc = strip([...menu, prose(1), prose(2), 'What happens next', prose(3), ...footer].join('\n'));
    expect(kept(doc).map((b) => b.text)).toEqual([prose(1), prose(2), 'What happens next', prose(3)]);
    expect(doc.blocks.filter((b) => b.removed?.code === 'outside_main_content').map((b) => b.text)).toEqual(
      expect.arrayContaining(['Home', 'News', 'Sport', 'About us', 'Contact']),
    );
  });

  it('keeps the heading right above the article, even under a menu', () => {
    const block = (kind: Block['kind'], text: string): Block => ({ kind, text, removed: null });
    const blocks = [...['Home', 'News', 'Sport', 'Business'].map((t) => block('list_item', t)), block('heading', 'Libraries saved'), ...[1, 2, 3].map((n) => block('paragraph', prose(n)))];
    selectTextContent(blocks, TextOptions.parse({}), (b, code) => (b.removed = { stage: 'test', code }));
    expect(blocks.filter((b) => !b.removed).map((b) => b.text)).toEqual(['Libraries saved', prose(1), prose(2), prose(3)]);
  });

  it('keeps a table of figures below the article: data, not a menu', () => {
    const table = ['Pos.', 'Driver', 'Points', '1', 'Kyle Busch', '5040', '2', 'Martin Truex Jr.', '5035'];
    const doc = strip([prose(1), prose(2), ...table].join('\n'));
    expect(kept(doc)).toHaveLength(2 + table.length);
  });

  it('does not take a lone headline above the article or a sign-off below it for a menu or a footer: they go by their role', () => {
    const doc = strip(['Council keeps libraries open', prose(1), prose(2), 'Reporting by Jane Doe'].join('\n'));
    expect(doc.blocks.map((b) => b.removed?.code ?? null)).toEqual(['headline', null, null, 'contributor_line']);
  });

  it('ends the article at a section break: a related list and its teasers go, headlines and summaries alike', () => {
    // As text-fullpage/ba4dfe2d (express.co.uk): teasers long enough to pass for prose trail the article.
    const teasers = [
      'Major health warning issued after deadly plague confirmed in wild animals',
      'Plague blamed on Madagascar ritual of digging up dead relatives',
      'Passengers quarantined after a suspected case was reported on board a flight from Mongolia. Health officials said the plane was searched.',
      'Major cities face plague of vicious bloodthirsty super rats this winter',
    ];
    const doc = strip([prose(1), prose(2), prose(3), 'Related articles', ...teasers, 'Most read in Science'].join('\n'));
    expect(kept(doc).map((b) => b.text)).toEqual([prose(1), prose(2), prose(3)]);
    expect(doc.blocks.find((b) => b.text === teasers[2])!.removed?.code).toBe('outside_main_content');
  });

  it('goes on past an inline break when the article resumes with a sentence under it', () => {
    // As text-fullpage/7bb1ca90 (gizmodo): a "Read more" teaser box between two parts of the article.
    const doc = strip([prose(1), prose(2), 'Read more', 'E-Cigarettes Do Not Have to Be Tainted to Send You to the Hospital', prose(3), prose(4), 'Share This Story', 'Recommended Stories', 'Why Do We Get Allergies?'].join('\n'));
    expect(kept(doc).map((b) => b.text)).toEqual([prose(1), prose(2), prose(3), prose(4)]);
  });

  it('takes the article under the headline anatomy found, not a longer block of prose elsewhere on the page', () => {
    const about = [1, 2, 3, 4].map((n) => `About us, part ${n}: MoreBikes is the website of the monthly motorcycle newspaper and has been published for riders since 1999.`);
    const menu = ['Home', 'News', 'Reviews', 'Bikes for sale', 'Events', 'Contact'];
    const doc = strip(['Bike and Style book review | MoreBikes', ...about, ...menu, 'Bike and Style book review', prose(1), prose(2)].join('\n'));
    expect(kept(doc).map((b) => b.text)).toEqual([prose(1), prose(2)]);
  });

  it('ends the article where its comment thread opens, though the comments read like prose (text-fullpage/ac3c0355)', () => {
    const doc = strip([
      'September open thread', prose(1), prose(2), 'Posted in Open thread | Permalink | 10 Comments',
      'Milan Griffes on September 12, 2018 at 4:47 pm said:', prose(3),
      'Catherine on September 13, 2018 at 5:23 pm said:', prose(4), prose(5), prose(6),
    ].join('\n'));
    expect(kept(doc).map((b) => b.text)).toEqual([prose(1), prose(2)]);
  });

  it('cleans real whole-page dumps down to their article, losing at most one of its long paragraphs', () => {
    const truth = JSON.parse(readFileSync(new URL('../../fixtures/benchmark/truth.json', import.meta.url), 'utf8'));
    for (const key of Object.keys(truth).sort().slice(0, 5)) {
      const bytes = readFileSync(new URL(`../../fixtures/benchmark/text-fullpage/${key}.txt`, import.meta.url));
      const doc = runThrough(docFromBytes(`${key}.txt`, bytes, 'text'), 'strip-boilerplate');
      const long = (truth[key].articleBody as string).split('\n').filter((l) => l.length > 120);
      const found = long.filter((l) => keptText(doc).includes(l.slice(0, 80)));
      expect(long.length - found.length, key).toBeLessThanOrEqual(1); // at most one paragraph of the article lost
      expect(kept(doc).length, key).toBeLessThan(doc.blocks.length / 2);
    }
  });
});
