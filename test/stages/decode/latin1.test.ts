// Valid UTF-8 pages are parsed a byte per char and only the kept text is decoded: it must give the same
// blocks and page head as parsing the decoded string.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/stages/decode/html.js';

const both = (html: string) => {
  const opts = { skipHidden: true, drop: null };
  const plain = parseHtml(html, opts);
  const bytes = parseHtml(Buffer.from(html, 'utf8').toString('latin1'), { ...opts, utf8AsLatin1: true });
  return { plain, bytes };
};
const texts = (r: ReturnType<typeof parseHtml>) => r.blocks.map((b) => [b.kind, b.text, b.node]);

describe('parsing UTF-8 bytes held as latin1', () => {
  it('decodes text, entities, attributes, the title and JSON-LD as the string parser does', () => {
    const html = `<html lang="fr"><head><title>Élection &amp; café – “résultats”</title>
      <meta property="og:title" content="Élection &amp; café">
      <script type="application/ld+json">{"headline":"Élection à Zürich — 東京"}</script></head>
      <body><p class="intro résumé">Le maire a dit&nbsp;: « c’est fini » &mdash; 東京 &#x1F600; <a href="/x?a=1&amp;b=2">lien</a></p>
      <h2>Ça&#39;va</h2><p>naïve &eacute;t&eacute;</p></body></html>`;
    const { plain, bytes } = both(html);
    expect(texts(bytes)).toEqual(texts(plain));
    expect(bytes.blocks[0]!.text).toBe('Le maire a dit : « c’est fini » — 東京 😀 lien');
    expect(bytes.page).toEqual(plain.page);
    expect(bytes.page.title).toBe('Élection & café – “résultats”');
    expect(JSON.parse(bytes.page.jsonLd[0]!).headline).toBe('Élection à Zürich — 東京');
  });

  it('gives the same blocks on real pages', () => {
    const dir = new URL('../../fixtures/benchmark/html/', import.meta.url);
    for (const f of readdirSync(dir).sort().slice(0, 12)) {
      const html = gunzipSync(readFileSync(new URL(f, dir))).toString('utf8');
      const { plain, bytes } = both(html);
      expect(texts(bytes), f).toEqual(texts(plain));
      expect(bytes.page.title, f).toBe(plain.page.title);
      expect(bytes.page.meta, f).toEqual(plain.page.meta);
    }
  });
});
