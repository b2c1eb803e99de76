import { describe, expect, it } from 'vitest';
import { newDoc } from '../../../src/runner/process.js';
import { runThrough } from '../../helpers/docs.js';

const body =
  'Work on the new bridge over the river will start in April, the council said on Tuesday, after months of delay over the contract. ' +
  'The contractor expects the first lane to open to traffic before the end of next year, and buses will take a detour until then.';

const doc = (text: string, givenTitle: string | null, format: 'text' | 'html' = 'text') =>
  newDoc({ path: 'export.jsonl#2', format, bytes: Buffer.from(text, 'utf8'), givenTitle });

describe('extract-metadata: a title given beside the page (scraper export, sidecar)', () => {
  it('is the title when the page itself shows none', () => {
    const d = runThrough(doc(body, 'Bridge works start in spring'), 'extract-metadata');
    expect(d.metadata.title).toEqual({ value: 'Bridge works start in spring', source: 'source:title' });
  });

  it("never outranks the page's own headline", () => {
    const html = `<html><head><title>Bridge works start in spring | Courier</title></head><body><article><h1>Bridge works start in spring</h1><p>${body}</p></article></body></html>`;
    const d = runThrough(doc(html, 'Courier - front page', 'html'), 'extract-metadata');
    expect(d.metadata.title?.value).toBe('Bridge works start in spring');
    expect(d.metadata.title?.source).not.toBe('source:title');
  });
});
