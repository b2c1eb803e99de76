// Metadata values are entity-decoded once, by the decode stage: extract-metadata must not decode them again.
import { describe, expect, it } from 'vitest';
import { newDoc, runStages } from '../../../src/runner/process.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../../../src/runner/pipeline.js';

/** The stages of the default pipeline up to and including extract-metadata. */
const stages = (() => {
  const all = loadPipeline(DEFAULT_PIPELINE).stages;
  return all.slice(0, all.findIndex((s) => s.name === 'extract-metadata') + 1);
})();

const PARAGRAPH =
  'The committee published its report on Tuesday, after a year of hearings on how the city should train the people who write its web pages and documents.';

const run = (head: string, body: string) =>
  runStages(
    newDoc({ path: 'story.html', format: 'html', bytes: Buffer.from(`<html><head><meta charset="utf-8">${head}</head><body><article>${body}</article></body></html>`) }),
    stages,
  );

describe('entities in metadata are decoded exactly once', () => {
  it('an og:title that shows markup and "&amp;" keeps them as the page shows them', () => {
    const doc = run(
      '<title>Site</title><meta property="og:title" content="Why &amp;lt;b&amp;gt; tags and R&amp;amp;D matter">',
      `<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>`,
    );
    expect(doc.metadata.title).toEqual({ value: 'Why &lt;b&gt; tags and R&amp;D matter', source: 'meta:og:title' });
  });

  it('an og:title "Why &amp;lt;b&amp;gt; tags and R&amp;amp;D" with the page showing no headline gives it decoded once', () => {
    const doc = run('<meta property="og:title" content="Why &amp;lt;b&amp;gt; tags and R&amp;amp;D">', `<p>${PARAGRAPH}</p>`);
    expect(doc.metadata.title).toEqual({ value: 'Why &lt;b&gt; tags and R&amp;D', source: 'meta:og:title' });
  });

  it('a site name with "&amp;" is read with "&", once', () => {
    const doc = run('<meta property="og:title" content="Report"><meta property="og:site_name" content="Tom &amp; Jerry News">', `<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>`);
    expect(doc.metadata.publisher).toEqual({ value: 'Tom & Jerry News', source: 'meta:og:site_name' });
  });

  it('JSON-LD strings, which the parser leaves raw, are decoded once', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Tom &amp; Jerry: &amp;lt;b&amp;gt; tags' });
    const doc = run(`<script type="application/ld+json">${ld}</script>`, `<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>`);
    expect(doc.metadata.title).toEqual({ value: 'Tom & Jerry: &lt;b&gt; tags', source: 'jsonld' });
  });
});
