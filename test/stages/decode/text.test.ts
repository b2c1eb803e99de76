import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../../src/core/text.js';
import { decodeBytes, decodeString, FIXTURES } from './helpers.js';

const SAMPLES = new URL('../../../samples/', import.meta.url).pathname;
const sample = (prefix: string) => {
  const name = readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
  const bytes = readFileSync(SAMPLES + name);
  return { doc: decodeBytes(bytes, 'text'), lines: bytes.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean) };
};

describe('text samples -> blocks', () => {
  it.each(['000', '001', '002', '003', '004'])('sample %s: one block per line, every line kept exactly', (prefix) => {
    const { doc, lines } = sample(prefix);
    expect(doc.blocks.map((b) => b.text)).toEqual(lines);
    expect(doc.messages).toEqual([]);
    expect(doc.html).toBeNull();
    expect(doc.raw).toBeNull();
  });

  it('000: every line is a paragraph', () => {
    expect(new Set(sample('000').doc.blocks.map((b) => b.kind))).toEqual(new Set(['paragraph']));
  });

  it('003: the six subheadings are headings, and nothing else is', () => {
    const headings = sample('003').doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual([
      'Trump’s Promise of Quick Resolution',
      'Russia’s Cautious Optimism',
      'Trump Warns of Sanctions as Putin Holds Firm',
      'Zelensky Stands Strong Amid Ongoing Conflict',
      'The War’s Impact and Current Landscape',
      'Obstacles to Peace',
    ]);
  });

  it('004: "403" is a paragraph block of its own; the headline before the article is a heading', () => {
    const { doc } = sample('004');
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '403', removed: null });
    expect(doc.blocks[3]).toMatchObject({ kind: 'heading', text: 'Zelensky holds tough talks with US on Russia’s territorial demands' });
  });

  it('001: a list of headlines after "Read more:" is not a run of headings', () => {
    const { doc } = sample('001');
    const after = doc.blocks.findIndex((b) => b.text === 'Read more:');
    expect(doc.blocks.slice(after, after + 3).map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });
});

describe('kinds of lines', () => {
  it('marks bulleted and numbered lines as list items, keeping the bullet', () => {
    const doc = decodeString('Intro line that is a paragraph.\n• first point\n- second point\n1. numbered\n2) also numbered\n-5 degrees is not a bullet.');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Intro line that is a paragraph.'],
      ['list_item', '• first point'],
      ['list_item', '- second point'],
      ['list_item', '1. numbered'],
      ['list_item', '2) also numbered'],
      ['paragraph', '-5 degrees is not a bullet.'],
    ]);
  });

  it('a short line followed by a short line, or ending the text, is not a heading', () => {
    const long = 'This paragraph is long enough to follow a heading, with more than twelve words in it for sure.';
    const doc = decodeString(`First Headline Here\nSecond Headline Here\n${long}\nLast Line Here`);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(decodeString(`A Real Heading\n${long}`).blocks[0]!.kind).toBe('heading');
    expect(decodeString(`a lowercase line\n${long}`).blocks[0]!.kind).toBe('paragraph');
    expect(decodeString(`A line that ends a sentence.\n${long}`).blocks[0]!.kind).toBe('paragraph');
  });
});

describe('hard-wrapped text', () => {
  it('joins the lines of each blank-line-separated paragraph', () => {
    const text = [
      'Veteran actress Kate Henshaw, who in 2008 won the Africa Movie Academy',
      'Award for Best Actress in a Leading Role, has taken to her Instagram page',
      'to share some stunning photos of herself.',
      '',
      'She flaunted her hand bag which had the colours of the Nigerian flag. The',
      '47 year old was one of the guests invited to an event by media mogul,',
      'Debola Lagos, who hosted it in the city.',
    ].join('\n');
    expect(decodeString(text).blocks.map((b) => b.text)).toEqual([
      'Veteran actress Kate Henshaw, who in 2008 won the Africa Movie Academy Award for Best Actress in a Leading Role, has taken to her Instagram page to share some stunning photos of herself.',
      'She flaunted her hand bag which had the colours of the Nigerian flag. The 47 year old was one of the guests invited to an event by media mogul, Debola Lagos, who hosted it in the city.',
    ]);
  });

  it('does not join a list of short items that sits between blank lines', () => {
    const text = 'Calendar 2018\n1st round: 10 March – Interlagos\n2nd round: 8 April – Curitiba\n3rd round: 22 April – Velopark\n\nMore text.';
    expect(decodeString(text).blocks).toHaveLength(5);
  });

  it('keeps every character of the Readability text dumps of the benchmark (glued paragraphs are only cut apart)', () => {
    const dir = `${FIXTURES}benchmark/text-readability/`;
    for (const f of readdirSync(dir)) {
      const raw = readFileSync(dir + f);
      const doc = decodeBytes(raw, 'text');
      const expected = normalizeSpace(raw.toString('utf8')).replace(/\s+/g, '');
      expect(doc.blocks.map((b) => b.text).join('').replace(/\s+/g, ''), f).toBe(expected);
      for (const b of doc.blocks) expect(b.text, f).toBe(b.text.trim());
    }
  });
});

describe('invisible characters and entities in a text dump', () => {
  it('removes soft hyphens, zero-width characters and direction marks, keeps Persian ZWNJ, and warns only of controls', () => {
    const doc = decodeString('Die Ver\u00adöf\u00adfent\u00adli\u00adchung\u200b kam spät.\n\n\u200f@user: می\u200cخواهم \u202bquoted\u202c\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Die Veröffentlichung kam spät.', '@user: می\u200cخواهم quoted']);
    expect(doc.messages).toEqual([]);
    const withBell = decodeString('A bell\u0007 rings.\n');
    expect(withBell.blocks.map((b) => b.text)).toEqual(['A bell rings.']);
    expect(withBell.messages.map((m) => m.code)).toEqual(['control_characters']);
  });

  it('decodes the references a scraper left, once, and leaves "AT&T" alone', () => {
    const doc = decodeString('AT&T and R&amp;D: &#147;Why &amp;lt;b&amp;gt;?&#148; &eacute;t&eacute;\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['AT&T and R&D: “Why &lt;b&gt;?” été']);
  });
});
