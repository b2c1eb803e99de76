// A generated corpus of distinct news documents for the benches that need many: small HTML pages and text dumps
// of 1-5 KB built from the real sentences of samples/, the same on every machine.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
export const PER_FOLDER = 100;

/** mulberry32: a small seeded generator, so the corpus is the same on every machine. */
const random = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const decodeEntities = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e] ?? '');

/** The prose sentences of samples/*.txt and of the paragraphs of samples/html/*.html (UTF-8 ones). */
export const sampleSentences = (dir = join(ROOT, 'samples')): string[] => {
  const texts: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.txt')) texts.push(...readFileSync(join(dir, name), 'utf8').split('\n'));
  }
  for (const name of readdirSync(join(dir, 'html')).sort()) {
    const html = readFileSync(join(dir, 'html', name), 'utf8');
    if (!/charset="?utf-8/i.test(html)) continue;
    for (const m of html.matchAll(/<p>([\s\S]*?)<\/p>/g)) texts.push(decodeEntities(m[1]!.replace(/<[^>]+>/g, '')));
  }
  const sentences = new Set<string>();
  for (const t of texts) {
    for (const s of t.split(/(?<=[.!?”"])\s+(?=[“"A-Z])/u)) {
      const clean = s.trim();
      if (clean.split(/\s+/).length >= 8 && /[.!?”"]$/u.test(clean)) sentences.add(clean);
    }
  }
  return [...sentences];
};

const PLACES = ['Northgate', 'Riverside', 'Eastfield', 'Harbour Row', 'Millbrook', 'Kingsbridge', 'Ashford', 'Westmoor'];
const TOPICS = ['council', 'transport', 'health', 'schools', 'housing', 'courts', 'business', 'weather'];
const NAMES = ['Priya Natarajan', 'Tom Whitfield', 'Amanda Okafor', 'Lena Fischer', 'Marco Rossi', 'Hana Sato', 'Samuel Adeyemi', 'Claire Dubois'];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Document `i`: distinct by its sentences, their order, its numbers and its headline; 1-5 KB. */
const makeDocument = (i: number, sentences: string[]): { ext: 'html' | 'txt'; text: string } => {
  const rnd = random(i * 2654435761);
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)]!;
  const place = pick(PLACES);
  const topic = pick(TOPICS);
  const headline = `${place} ${topic} update ${i}: ${pick(NAMES).split(' ')[1]} says ${2 + (i % 97)} changes are planned`;
  const target = 1000 + Math.floor(rnd() * 3600);
  const paragraphs: string[] = [];
  let size = headline.length;
  const start = Math.floor(rnd() * sentences.length);
  let k = 0;
  while (size < target) {
    const n = 2 + Math.floor(rnd() * 3);
    const para: string[] = [];
    for (let j = 0; j < n; j++) {
      // A stride through the pool from a random start, plus a random jump: order and choice differ per document.
      const s = sentences[(start + k * 7 + (rnd() < 0.3 ? Math.floor(rnd() * sentences.length) : 0)) % sentences.length]!;
      k++;
      // Numbers vary per document (years stay plausible).
      para.push(s.replace(/\b\d{1,3}(?:,\d{3})*\b(?!\s*(?:BC|AD))/g, (d) => (d.length === 4 ? d : String((Number(d.replace(/,/g, '')) + i) % 1000))));
    }
    para.push(`Figures for ${place} in week ${1 + (i % 52)} show ${(i * 37) % 1000} cases and ${(i * 13) % 500} reports.`);
    const p = para.join(' ');
    paragraphs.push(p);
    size += p.length + 1;
  }
  if (i % 2 === 0) return { ext: 'txt', text: `${headline}\n${paragraphs.join('\n')}\n` };
  const author = pick(NAMES);
  const day = String(1 + (i % 28)).padStart(2, '0');
  const text = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(headline)} | The ${place} Courier</title>
<meta property="og:site_name" content="The ${place} Courier"><meta name="author" content="${author}">
<meta property="article:published_time" content="2025-03-${day}T07:45:00+00:00"></head>
<body><header><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article><h1>${esc(headline)}</h1><div class="byline">By ${author}</div>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><aside class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">More ${topic} news</a></li></ul></aside></main>
<footer><p>© 2025 The ${place} Courier. All rights reserved.</p></footer></body></html>
`;
  return { ext: 'html', text };
};

/**
 * Writes `total` documents as <root>/g<j>/f<k>/<i>.<ext>: groups of `group` documents, folders of 100, so the
 * first `n` documents (n a multiple of `group`) are the first n/group group folders, and all of them the root.
 */
export const generate = (root: string, total: number, group: number, sentences: string[]): void => {
  for (let i = 0; i < total; i++) {
    const dir = join(root, `g${String(Math.floor(i / group)).padStart(4, '0')}`, `f${String(Math.floor((i % group) / PER_FOLDER)).padStart(4, '0')}`);
    if (i % PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
    const doc = makeDocument(i, sentences);
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}.${doc.ext}`), doc.text);
  }
};

