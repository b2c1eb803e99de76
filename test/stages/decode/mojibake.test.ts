// Mojibake repair: UTF-8 read as windows-1252/latin-1 comes back; correct text never changes.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../../src/stages/decode/mojibake.js';
import { codes, decodeBytes, decodeHtml, decodeString, readGz, SHARED, texts } from './helpers.js';

interface Case {
  id: string;
  set: string;
  in: string;
  expected: string;
}
const CASES: Case[] = JSON.parse(readFileSync(`${SHARED}benchmark-decode/mojibake-dev.json`, 'utf8'));
/** The benchmark's normalization: BOM dropped, NFC, LF line ends, trimmed. */
const norm = (s: string): string => s.replace(/^\ufeff/, '').normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** UTF-8 bytes shown as windows-1252 (the 5 bytes it leaves undefined as latin-1): how mojibake is made. */
const CP1252 = Array.from(iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows-1252'), (c, i) =>
  c === '\ufffd' ? String.fromCharCode(i) : c,
);
const garble = (bytes: Uint8Array): string => Array.from(bytes, (b) => CP1252[b]).join('');

const PAGES = [
  ...readdirSync(`${SHARED}benchmark/html`).map((f) => `${SHARED}benchmark/html/${f}`),
  ...readdirSync(`${SHARED}benchmark-metadata/pages`).map((f) => `${SHARED}benchmark-metadata/pages/${f}`),
].filter((f) => f.endsWith('.html.gz'));

describe('repairMojibake on the ftfy dev set', () => {
  const exact = (set: string) => {
    const cases = CASES.filter((c) => c.set === set);
    return cases.filter((c) => norm(repairMojibake(c.in)) === norm(c.expected)).length / cases.length;
  };

  it('repairs most windows-1252/latin-1 cases (the misses are windows-1250, MacRoman and cp437 mojibake)', () => {
    expect(exact('synthetic')).toBeGreaterThanOrEqual(0.83); // 26/30 measured
    expect(exact('language-names')).toBeGreaterThanOrEqual(0.85); // 18/20 measured
  });

  it('leaves every must-stay-unchanged case exactly as it is', () => {
    const keep = CASES.filter((c) => c.expected === c.in);
    expect(keep.length).toBe(14);
    expect(keep.filter((c) => repairMojibake(c.in) !== c.in).map((c) => c.id)).toEqual([]);
  });
});

describe('repairMojibake', () => {
  it.each([
    ['cafÃ©', 'café'],
    ['It doesnâ€™t matter', 'It doesn’t matter'],
    ['ÄŒeÅ¡tina', 'Čeština'],
    ['Ð±ÑŠÐ»Ð³Ð°Ñ€Ñ\u0081ÐºÐ¸', 'български'], // "с" is D1 81, and 0x81 has no windows-1252 char
    ['æ—¥æœ¬èªž', '日本語'],
    ['mis Ã\u00a0 disposition', 'mis à disposition'],
    ['caf\u00c3\u0192\u00c2\u00a9 au lait', 'café au lait'], // encoded twice
    ['â€œquotedâ€\u009d', '“quoted”'], // latin-1 for the last byte
    ['Un Å“il critique', 'Un œil critique'],
  ])('%j -> %j', (input, output) => {
    expect(repairMojibake(input)).toBe(output);
  });

  it.each([
    'Tomáš Souček zůstává nepostradatelný',
    'toute personne ayant travaillé…”',
    'de souveraineté», résume',
    'Cré­dit d’Impôt Recherche', // soft hyphens
    'There are a lot of Ã’s in mojibake text',
    'a radius of 10 Å—',
    'plain ASCII text',
  ])('leaves correct text alone: %j', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });
});

describe('mojibake repair in the decode stage', () => {
  it('repairs block text, title and meta content of an HTML page and says how many blocks', () => {
    const doc = decodeHtml(
      '<html><head><title>Ã‰tÃ© Ã\u00a0 Paris</title><meta name="description" content="Le cafÃ© du coin"></head>' +
        '<body><p>Il Ã©tait une fois un cafÃ©.</p><p>Nothing to fix here.</p><p>Itâ€™s over.</p></body></html>',
    );
    expect(texts(doc)).toEqual(['Il était une fois un café.', 'Nothing to fix here.', 'It’s over.']);
    expect(doc.html!.title).toBe('Été à Paris');
    expect(doc.html!.meta).toContainEqual({ key: 'description', content: 'Le café du coin' });
    const warning = doc.messages.find((m) => m.code === 'mojibake_repaired');
    expect(warning?.detail).toContain('2 block(s)');
  });

  it('repairs a text file line by line', () => {
    const doc = decodeString('Le cafÃ© est ouvert.\n\nRien Ã\u00a0 signaler.\n\nPlain line.\n');
    expect(texts(doc)).toEqual(['Le café est ouvert.', 'Rien à signaler.', 'Plain line.']);
    expect(codes(doc)).toContain('mojibake_repaired');
  });

  const decoded = PAGES.map((file) => ({ file, bytes: readGz(file), doc: decodeBytes(readGz(file), 'html') }));

  it('changes nothing on the 368 correctly decoded benchmark pages', () => {
    expect(decoded.length).toBe(368);
    expect(decoded.filter(({ doc }) => codes(doc).includes('mojibake_repaired')).map(({ file }) => file)).toEqual([]);
  });

  it('turns the UTF-8 benchmark pages, garbled as windows-1252, back into the same blocks', () => {
    // Icon-font glyphs (private use) are left garbled on purpose: nothing tells them from noise.
    const PRIVATE_USE = /[\ue000-\uf8ff]/;
    let blocks = 0;
    let restored = 0;
    let flagged = 0;
    const unflaggedChanged: string[] = [];
    const utf8 = decoded.filter(({ bytes, doc }) => /charset=["']?utf-8|<meta charset=["']?utf-8/i.test(bytes.subarray(0, 4096).toString('latin1')) && codes(doc).length === 0);
    const plain = (texts: string[]) => texts.filter((t) => !PRIVATE_USE.test(t)).join('\n');
    for (const { file, bytes, doc } of utf8) {
      const broken = decodeBytes(Buffer.from(garble(bytes), 'utf8'), 'html');
      // No warning: nothing was repaired, so the page had no non-ASCII text to garble (entities only).
      if (codes(broken).includes('mojibake_repaired')) flagged++;
      else if (plain(texts(broken)) !== plain(texts(doc))) unflaggedChanged.push(file);
      const got = new Set(texts(broken));
      for (const text of texts(doc)) {
        if (PRIVATE_USE.test(text)) continue;
        blocks++;
        if (got.has(text)) restored++;
      }
    }
    expect(utf8.length).toBeGreaterThan(250);
    expect(flagged).toBeGreaterThan(250);
    expect(unflaggedChanged).toEqual([]);
    expect(restored / blocks).toBeGreaterThanOrEqual(0.999); // 52384 of 52396 measured: IPA, Cyrillic letters in Latin words
  });
});
