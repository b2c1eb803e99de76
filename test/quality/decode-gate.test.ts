// The decode part of the quality gate: the vendored decode benchmark (charset files and mojibake cases) and
// the project's own charset set must not score below the floors in floors.json. Raise them when results
// improve; never lower them to let a change through.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDecode, loadDecodeDataset, type Group } from '../../src/eval/decode.js';

interface Floors {
  decode: {
    charsetDev: { exact: number };
    /** minPerEncoding: the lowest exact share any one encoding of the own set may have. */
    charsetOwn: { exact: number; minPerEncoding: number };
    mojibake: { exact: number; unchangedOk: number };
  };
}

const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Floors).decode;
const fixture = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;
const share = (g: Group) => g.exact / g.cases;

describe('quality gate: decode', () => {
  const dev = evaluateDecode(loadDecodeDataset(fixture('benchmark-decode')));

  it('decodes the 16 benchmark charset files exactly, at or above the floor', () => {
    const misses = dev.charset.results.filter((r) => !r.exact).map((r) => `${r.id} as ${r.decided}`);
    console.log(`charset dev: ${dev.charset.all.exact}/${dev.charset.all.cases} exact (floor ${floors.charsetDev.exact})${misses.length ? `; misses ${misses.join(', ')}` : ''}`);
    expect(dev.charset.all.cases).toBe(16);
    expect(share(dev.charset.all)).toBeGreaterThanOrEqual(floors.charsetDev.exact);
  });

  it('repairs the 50 mojibake cases and leaves the 14 correct ones unchanged, at or above the floors', () => {
    const m = dev.mojibake!;
    console.log(`mojibake: ${m.all.exact}/${m.all.cases} exact (floor ${floors.mojibake.exact}), unchanged_ok ${m.unchangedOk} (floor ${floors.mojibake.unchangedOk})`);
    expect(m.all.cases).toBe(50);
    expect(m.results.filter((r) => r.mustStay)).toHaveLength(14);
    expect(share(m.all)).toBeGreaterThanOrEqual(floors.mojibake.exact);
    expect(m.unchangedOk).toBeGreaterThanOrEqual(floors.mojibake.unchangedOk);
  });

  it('decodes the own set (90 files, 30 encodings) exactly, at or above the floors overall and per encoding', () => {
    const own = evaluateDecode(loadDecodeDataset(fixture('charset-own')));
    const low = Object.entries(own.charset.byEncoding).filter(([, g]) => share(g) < floors.charsetOwn.minPerEncoding);
    console.log(
      `charset own: ${own.charset.all.exact}/${own.charset.all.cases} exact (floor ${floors.charsetOwn.exact}), ` +
        `${Object.keys(own.charset.byEncoding).length} encodings, ${Math.round(own.ms)} ms` +
        (low.length ? `; below ${floors.charsetOwn.minPerEncoding}: ${low.map(([k, g]) => `${k} ${g.exact}/${g.cases}`).join(', ')}` : ''),
    );
    expect(own.charset.all.cases).toBe(90);
    expect(Object.keys(own.charset.byEncoding)).toHaveLength(30);
    expect(own.mojibake).toBeNull();
    expect(share(own.charset.all)).toBeGreaterThanOrEqual(floors.charsetOwn.exact);
    expect(low).toEqual([]);
  });
});
