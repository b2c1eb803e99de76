// Issue 9, item 4: the visible headline wins over a JSON-LD or og:title written for search engines; an h1 that
// glues a standfirst to the headline gives way to the meta title that is its headline. Real stage order.
import { describe, expect, it } from 'vitest';
import { extract, htmlDoc } from './helpers.js';

const P1 = 'Hospitals across the region have started to use software that reads scans and flags the patients who need care first, their managers said.';
const P2 = 'Doctors say the tools save hours each week, though they still check every result themselves before a patient is treated or sent home.';

const page = (head: string, h1: string) =>
  extract(
    htmlDoc(
      `<html><head><meta charset="utf-8">${head}</head><body><header><a href="/">Home</a></header>` +
        `<article><h1>${h1}</h1><p>${P1}</p><p>${P2}</p></article></body></html>`,
      'https://news.example.com/2024/03/12/ai-care',
    ),
  );

describe('the visible headline against meta titles', () => {
  it('an SEO og:title that shares a few words with the h1 loses to it', () => {
    const doc = page(
      '<meta property="og:title" content="The Future of Artificial Intelligence in Healthcare | Appen"><meta property="og:site_name" content="Appen">',
      'Artificial Intelligence in Patient Care: How Major Hospitals Are Already Using It',
    );
    expect(doc.metadata.title).toEqual({ value: 'Artificial Intelligence in Patient Care: How Major Hospitals Are Already Using It', source: 'html:h1' });
  });

  it('a JSON-LD headline reworded from the h1 loses to it', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'AI hospital tools: what patients should know in 2024' });
    const doc = page(`<script type="application/ld+json">${ld}</script>`, 'What patients should know about the AI tools hospitals now use');
    expect(doc.metadata.title?.source).toBe('html:h1');
  });

  it('an h1 about something else (a section name, the logo) does not replace the meta title', () => {
    const doc = page('<meta property="og:title" content="Hospitals adopt scan-reading software">', 'Health');
    expect(doc.metadata.title?.value).toBe('Hospitals adopt scan-reading software');
  });

  it('an h1 holding the headline and a standfirst gives the headline the meta title names', () => {
    const doc = page(
      '<meta property="og:title" content="Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh">',
      'Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh <span>Welcome to the Flavor Capital of Northern Japan</span>',
    );
    expect(doc.metadata.title?.value).toBe('Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh');
  });

  it('a meta title cut short still gives way to the full h1', () => {
    const doc = page('<meta property="og:title" content="Senador republicano califica a Biden de">', 'Senador republicano califica a Biden de "incapacitado"');
    expect(doc.metadata.title?.value).toBe('Senador republicano califica a Biden de "incapacitado"');
  });
});
