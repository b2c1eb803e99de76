// HTML pages: the text lines (bylines, date lines, contributor lines) are read with or without an h1 headline.
import { describe, expect, it } from 'vitest';
import { keptBlocks } from '../../../src/core/stage.js';
import { extract, htmlDoc } from './helpers.js';

const PARAGRAPH =
  'The city council voted on Tuesday to extend the library hours through the summer, after months of debate over the budget and staffing of its branches.';
const PARAGRAPH2 =
  'Branches will stay open until nine in the evening from June to August, and the main library will open on Sundays for the first time in a decade.';

const pageDoc = (body: string, head = '<title>Library hours extended</title>') =>
  extract(htmlDoc(`<html><head>${head}</head><body><article>${body}</article></body></html>`, 'https://news.example.com/a'));

const keptText = (doc: ReturnType<typeof pageDoc>) => keptBlocks(doc).map((b) => b.text);

describe('a page without an h1', () => {
  it('takes the names of a contributor line as authors and removes the line from the body', () => {
    const doc = pageDoc(`<p>${PARAGRAPH}</p><p>${PARAGRAPH2}</p><p>Jane Doe contributed to this report.</p>`);
    expect(doc.metadata.authors).toEqual({ value: ['Jane Doe'], source: 'text:contributors' });
    expect(keptText(doc).some((t) => /contributed/.test(t))).toBe(false);
    expect(keptText(doc)).toHaveLength(2);
  });

  it('reads a byline and a date line at the top of the kept text and removes them', () => {
    const doc = pageDoc(`<p>By John Roe</p><p>Published: 12 March 2024</p><p>${PARAGRAPH}</p><p>${PARAGRAPH2}</p>`);
    expect(doc.metadata.authors?.value).toEqual(['John Roe']);
    expect(doc.metadata.publishedAt?.value).toBe('2024-03-12');
    expect(keptText(doc)).toEqual([PARAGRAPH, PARAGRAPH2]);
  });

  it('starts under an h2 that reads as the title: lines above it are not bylines', () => {
    const doc = pageDoc(`<p>Published: 1 February 2024</p><h2>Library hours extended</h2><p>Published: 12 March 2024</p><p>${PARAGRAPH}</p>`);
    expect(doc.metadata.publishedAt?.value).toBe('2024-03-12');
    // Both lines leave the body (strip-boilerplate's date_line); only the one under the title gives the date.
    expect(doc.blocks.find((b) => b.text === 'Published: 1 February 2024')?.removed?.stage).not.toBe('extract-metadata');
    expect(keptText(doc)).not.toContain('Published: 12 March 2024');
  });

  it('leaves a page that names nobody without authors', () => {
    const doc = pageDoc(`<p>${PARAGRAPH}</p><p>${PARAGRAPH2}</p>`);
    expect(doc.metadata.authors).toBeNull();
    expect(keptText(doc)).toHaveLength(2);
  });
});

describe('a page with an h1', () => {
  it('reads the contributor line too, as before', () => {
    const doc = pageDoc(`<h1>Library hours extended</h1><p>${PARAGRAPH}</p><p>Jane Doe and John Roe contributed to this report.</p>`);
    expect(doc.metadata.authors?.value).toEqual(['Jane Doe', 'John Roe']);
    expect(keptText(doc).some((t) => /contributed/.test(t))).toBe(false);
  });
});
