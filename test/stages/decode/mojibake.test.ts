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

/** UTF-8 text shown in another single-byte charset (undefined bytes as latin-1, as sloppy decoders do). */
const misread = (text: string, charset: string): string => {
  const table = Array.from(iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), charset), (c, i) =>
    c === '\ufffd' ? String.fromCharCode(i) : c,
  );
  return Array.from(Buffer.from(text, 'utf8'), (b) => table[b]).join('');
};

/** Correct text in many scripts: not one character of it may change. */
const CORRECT = [
  "Москва — столица России, крупнейший по численности населения город страны.",
  "Київ є столицею та найбільшим містом України; ВІКІ — це їхній сайт.",
  "България е държава в Югоизточна Европа. СОФИЯ Е СТОЛИЦАТА.",
  "Београд је главни и највећи град Србије; Ђорђе, Љубљана, Његош, ПоздравЂаво.",
  "Η Αθήνα είναι η πρωτεύουσα και η μεγαλύτερη πόλη της Ελλάδας.",
  "ΑΘΗΝΑ: ΣΥΝΕΔΡΙΑΣΗ ΤΟΥ ΥΠΟΥΡΓΙΚΟΥ ΣΥΜΒΟΥΛΙΟΥ ΓΙΑ ΤΗΝ ΟΙΚΟΝΟΜΙΑ",
  "ירושלים היא בירת ישראל והעיר הגדולה ביותר בה.",
  "القاهرة هي عاصمة جمهورية مصر العربية وأكبر مدنها.",
  "می‌خواهم فردا به کتاب‌خانه بروم.",
  "北京是中华人民共和国的首都，也是全国的政治和文化中心。",
  "臺北市是中華民國的首都，位於臺灣北部。",
  "東京は日本の首都であり、世界有数の大都市です。「ニュース」をご覧ください。",
  "서울특별시는 대한민국의 수도이자 최대 도시이다.",
  "กรุงเทพมหานครเป็นเมืองหลวงและนครที่มีประชากรมากที่สุดของประเทศไทย",
  "Hà Nội là thủ đô của nước Cộng hòa Xã hội chủ nghĩa Việt Nam.",
  "THỦ ĐÔ HÀ NỘI ĐÓN TIẾP ĐOÀN ĐẠI BIỂU; Tiếng Việt, người Ươn.",
  "नई दिल्ली भारत की राजधानी है।",
  "Երևանը Հայաստանի մայրաքաղաքն է։ თბილისი საქართველოს დედაქალაქია.",
  "Reykjavík er höfuðborg Íslands og þar búa um 140 þúsund manns. ÞJÓÐIN ÆTLAR AÐ KJÓSA Í ÁR.",
  "Bucureşti este capitala României; în ţară se vorbeşte limba română. București, Timișoara, țară.",
  "ŞTIRI DIN ŢARĂ: NICIODATĂ ÎNSĂ, GĂŞTI, ÎNVĂŢĂMÂNT; NICIODATĂ™",
  "İstanbul, Türkiye'nin en kalabalık şehridir; Ağrı Dağı, Iğdır, Çanakkale.",
  "ÇOĞUNLUK ŞİMDİ GÜNEŞ DOĞUŞ ÖĞRETMEN İŞÇİ",
  "Zażółć gęślą jaźń. Łódź, Gdańsk i Kraków to duże miasta; źdźbło, wróżka.",
  "ŻÓŁW, ŁÓDŹ, GĘŚ, ĆMA, CÓŻ, DRÓŻKA, WRÓŻKA, MÓŻDŻEK, SĄD NAJWYŻSZY",
  "Příliš žluťoučký kůň úpěl ďábelské ódy.",
  "PŘÍLIŠ ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY; ČR, ČEZ, ŘÍJEN.",
  "Kŕdeľ šťastných ďatľov učí pri ústí Váhu mĺkveho koňa obhrýzať kôru.",
  "Árvíztűrő tükörfúrógép. ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP, Győr, Pécs.",
  "Größere Straßen führen über die Brücke. GRÖSSE ÜBER ÄRGER, Weiß.",
  "L’été à Paris, où l’on déjeune à la terrasse d’un café. « Ça va ? » — Œuvre, cœur, Noël.",
  "ÉTÉ À PARIS — HÔTEL DE VILLE, CAFÉ CRÈME, OÙ ET QUAND ?",
  "¿Dónde está el niño? ¡Qué año! Mañana, señor. AÑO ESPAÑOL.",
  "São Paulo é a maior cidade do Brasil; ações, informações, não. São Tomé e Príncipe, Curaçao.",
  "Håøya, Ærø, smørrebrød, Göteborg, Ångström. HÅØYA ER BLÅØYD.",
  "Lietuvių kalba; Rīga ir Latvijas galvaspilsēta; Tallinn on Eesti pealinn, õun, šokolaad.",
  "Đurđevdan, Čakovec, Šibenik, Žalec, ćevapi; Ljubljana je glavno mesto Slovenije.",
  "Great news 🎉👍🏽 — 👩‍💻 and 👨‍👩‍👧‍👦, 🏳️‍🌈, ❤️ and 🇫🇷 (emoji).",
  "“Quoted,” she said — it’s ‘fine’… 1990–2000; „Zitat“ und ‚so‘; ‹›«»",
  "∀x ∈ ℝ: x² ≥ 0; ∑ᵢ aᵢ ≤ ∞; √2 ≈ 1.414; π × r² ÷ 2 ± 0.5 ≠ ∅; 5 °C; 3 µm; ½ ¾",
  "€12.50, £9.99, ¥1200, ₹500, ₽300, ₩1000, $5, ¢50, ₺20, ₴15, ₿0.1",
  "Apple™ iPhone® © 2024 Müller GmbH — Straße 5, 10115 Berlin, §3 ¶2.",
  "10 km, M. Dupont, « bonjour », 5 000 €",
  "α-Synuclein, β-Blocker, Δt = 5 ms, Ω, µ; 3×4 ÷ 2 = 6; A×B",
  "ＡＢＣ１２３ and ｶﾀｶﾅ; iPhone 15 在中国的售价为5999元。",
  "┌──┐ │ab│ └──┘ ━━━ TOP NEWS ━━━ ░▒▓█ ═══",
  "I'm not such a fan of Charlotte Brontë…”",
  "AHÅ™, the new sofa from IKEA; a radius of 10 Å—",
  "Ō¬o; !YO SÉ¡; TRANSFORMATORIŲ™",
  "Il-Malti: ħ, ġ, ż, ċ; Cymraeg: ŵ, ŷ; Esperanto: ĉ, ĝ, ĥ, ĵ, ŝ, ŭ.",
  "Tomáš Souček zůstává nepostradatelný; Karolína Plíšková; Jiří Procházka.",
  "Ólafur Ragnar Grímsson; Þórdís Kolbrún; Guðni Th. Jóhannesson.",
  "The café’s crème brûlée — naïve, résumé, façade, coöperate, São Paulo’s.",
  "Æsop’s Fables; Œdipus; ÆØÅ; ÄÖÜ; ÀÂÇÈÉÊËÎÏÔÙÛÜŸ; àâçèéêëîïôùûüÿ",
  "«Ð» is not a word; Ø is a letter; Ñandú; ÑOÑO",
];

const PAGES = [
  ...readdirSync(`${SHARED}benchmark/html`).map((f) => `${SHARED}benchmark/html/${f}`),
  ...readdirSync(`${SHARED}benchmark-metadata/pages`).map((f) => `${SHARED}benchmark-metadata/pages/${f}`),
].filter((f) => f.endsWith('.html.gz'));

describe('repairMojibake on the ftfy dev set', () => {
  const exact = (set: string) => {
    const cases = CASES.filter((c) => c.set === set);
    return cases.filter((c) => norm(repairMojibake(c.in)) === norm(c.expected)).length / cases.length;
  };

  it('repairs every case: windows-1252, latin-1, windows-1250, MacRoman and cp437 mojibake', () => {
    expect(exact('synthetic')).toBe(1); // 30/30
    expect(exact('language-names')).toBe(1); // 20/20
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
    ['×‘×”×•×“×˘×”', 'בהודעה'], // windows-1250
    ['◊ë◊î◊ï◊ì◊¢◊î', 'בהודעה'], // MacRoman
    ['caf√© au lait', 'café au lait'], // MacRoman, one sequence: a symbol glued to a letter
    ['Cincinnati Bengals v¬†Oakland Raiders', 'Cincinnati Bengals v\u00a0Oakland Raiders'], // MacRoman no-break space
    ['─îe┼ítina', 'Čeština'], // cp437
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

describe('repairMojibake on correct text in many scripts', () => {
  it.each(CORRECT)('leaves %j exactly as it is', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it('repairs the same sentences after a wrong decode', () => {
    const repaired = (charset: string) => CORRECT.filter((t) => repairMojibake(misread(t, charset)) === t).length;
    expect(repaired('windows-1252')).toBe(CORRECT.length);
    expect(repaired('latin1')).toBe(CORRECT.length);
    // Fewer in the others: a lone short word of one sequence ("Î—" for "Η") is not proof enough. Measured 47, 50, 50 of 55.
    expect(repaired('windows-1250')).toBeGreaterThanOrEqual(45);
    expect(repaired('macintosh')).toBeGreaterThanOrEqual(48);
    expect(repaired('cp437')).toBeGreaterThanOrEqual(48);
  });

  it('repairs every non-Latin sentence misread as windows-1250 or MacRoman', () => {
    const nonLatin = CORRECT.filter((t) => /[\p{sc=Cyrillic}\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Han}\p{sc=Hangul}\p{sc=Thai}]/u.test(t));
    expect(nonLatin.length).toBeGreaterThanOrEqual(10);
    for (const charset of ['windows-1250', 'macintosh']) {
      const missed = nonLatin.filter((t) => repairMojibake(misread(t, charset)) !== t);
      expect(missed.length, charset).toBeLessThanOrEqual(1); // the Hebrew sentence's two-letter word "בה" in windows-1250
    }
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
