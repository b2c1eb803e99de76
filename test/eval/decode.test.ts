import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evalCommand } from '../../src/cli/eval.js';
import { charF1, decodeSummaryJson, evaluateDecode, loadDecodeDataset, normalizeForScore } from '../../src/eval/decode.js';
import { detectKind, loadDataset } from '../../src/eval/dataset.js';

const fixture = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;

/** A charset folder in the benchmark's layout: one file decoded right, one whose expected text is wrong. */
const makeFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'newsclean-decode-eval-'));
  mkdirSync(join(dir, 'files'));
  mkdirSync(join(dir, 'expected'));
  const ru = 'Правительство утвердило новый бюджет на следующий год, сообщили в министерстве финансов.';
  writeFileSync(join(dir, 'files', 'ru.txt'), iconv.encode(`${ru}\r\n`, 'windows-1251'));
  writeFileSync(join(dir, 'expected', 'ru.txt'), `${ru}\n`);
  writeFileSync(join(dir, 'files', 'fr.txt'), 'Le café.');
  writeFileSync(join(dir, 'expected', 'fr.txt'), 'Le thé.');
  writeFileSync(join(dir, 'files', 'alt.txt'), 'Plain.');
  writeFileSync(join(dir, 'expected', 'alt.txt'), 'Other.');
  writeFileSync(join(dir, 'expected', 'alt-2.txt'), 'Plain.');
  const index = {
    ru: { file: 'files/ru.txt', expected: 'expected/ru.txt', encoding: 'windows-1251' },
    fr: { file: 'files/fr.txt', expected: 'expected/fr.txt', encoding: 'UTF-8' },
    alt: { file: 'files/alt.txt', expected: 'expected/alt.txt', expected_alt: ['expected/alt-2.txt'], encoding: 'UTF-8' },
  };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  return dir;
};

afterEach(() => vi.restoreAllMocks());

describe('decode scoring rules (benchmark-decode/README.md)', () => {
  it('normalizes both sides: BOM dropped, NFC, CRLF and CR to LF, ends trimmed', () => {
    expect(normalizeForScore('\ufeff Cafe\u0301\r\nline\rend \n')).toBe('Café\nline\nend');
  });

  it('char_f1 is 1 for the same characters in any order and 0 for none in common', () => {
    expect(charF1('abc', 'cab')).toBe(1);
    expect(charF1('абв', 'abc')).toBe(0);
    expect(charF1('ab', 'abcd')).toBeCloseTo(2 / 3);
  });

  it('scores a folder in the charset layout: exact per encoding, macro, the misses, and expected_alt', () => {
    const dir = makeFolder();
    expect(detectKind(dir)).toBe('decode');
    expect(() => loadDataset(dir)).toThrow(/loadDecodeDataset/);
    const r = evaluateDecode(loadDecodeDataset(dir));
    expect(r.mojibake).toBeNull();
    expect(r.charset.all).toEqual({ cases: 3, exact: 2 });
    expect(r.charset.byEncoding).toEqual({ 'windows-1251': { cases: 1, exact: 1 }, 'utf-8': { cases: 2, exact: 1 } });
    expect(r.charset.macroExact).toBeCloseTo(0.75);
    const json = decodeSummaryJson(r);
    expect(json).toMatchObject({ kind: 'decode', charset: { files: 3, exact: 0.6667, macro_exact: 0.75, misses: ['fr'] }, mojibake: null });
    expect(r.charset.results.find((x) => x.id === 'ru')).toMatchObject({ decided: 'windows-1251', source: 'detected', exact: true });
  });

  it('scores the vendored benchmark: 16 charset files in 9 encodings and 50 mojibake cases in 2 sets', () => {
    const json = decodeSummaryJson(evaluateDecode(loadDecodeDataset(fixture('benchmark-decode'))));
    const charset = json.charset as { files: number; by_encoding: Record<string, unknown>; exact: number };
    const mojibake = json.mojibake as { cases: number; by_set: Record<string, unknown>; unchanged_ok: number };
    expect(charset.files).toBe(16);
    expect(Object.keys(charset.by_encoding).sort()).toEqual(
      ['big5', 'euc-kr', 'utf-8', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'x-mac-cyrillic'],
    );
    expect(mojibake.cases).toBe(50);
    expect(Object.keys(mojibake.by_set).sort()).toEqual(['language-names', 'synthetic']);
    for (const x of [charset.exact, mojibake.unchanged_ok]) expect(x).toBeGreaterThan(0.5);
  });
});

describe('newsclean eval on a decode folder', () => {
  const capture = async (argv: string[]) => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    const code = await evalCommand(argv);
    vi.restoreAllMocks();
    return { code, lines };
  };

  it('prints a table and, as the last line, the JSON figures', async () => {
    const { code, lines } = await capture([fixture('benchmark-decode')]);
    expect(code).toBe(0);
    const out = lines.join('\n');
    expect(out).toMatch(/charset: 16 files/);
    expect(out).toMatch(/x-mac-cyrillic\s+\d\/1/);
    expect(out).toMatch(/mojibake: 50 cases/);
    expect(out).toMatch(/unchanged_ok\s+\d+\/14/);
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ dataset: 'benchmark-decode', kind: 'decode', charset: { files: 16 }, mojibake: { cases: 50 } });
  });

  it('prints only the JSON line with --json-only, and scores one half with --split', async () => {
    const { lines } = await capture([fixture('charset-own'), '--json-only', '--split', 'a']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ dataset: 'charset-own', split: 'a', charset: { files: 45 }, mojibake: null });
  });

  it('refuses --input, which is for the body benchmark', async () => {
    await expect(evalCommand([fixture('benchmark-decode'), '--input', 'text-fullpage'])).rejects.toThrow(/--input applies to the article-body benchmark only/);
  });
});
