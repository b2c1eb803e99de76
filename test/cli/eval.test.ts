import { afterEach, describe, expect, it, vi } from 'vitest';
import { evalCommand } from '../../src/cli/eval.js';
import { UsageError } from '../../src/cli/common.js';

const fixture = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;

const capture = async (argv: string[]) => {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    const code = await evalCommand(argv);
    return { code, lines };
  } finally {
    spy.mockRestore();
  }
};

afterEach(() => vi.restoreAllMocks());

describe('newsclean eval', () => {
  it('prints a table and, as the last line, one JSON object with the body figures', async () => {
    const { code, lines } = await capture([fixture('benchmark'), '--split', 'a', '--show-worst', '3']);
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/precision\s+recall\s+f1/);
    expect(lines.join('\n')).toMatch(/worst 3 pages by F1/);
    const json = JSON.parse(lines[lines.length - 1]!);
    expect(json).toMatchObject({ dataset: 'benchmark', kind: 'body', input: 'html', split: 'a', pages: 45 });
    for (const k of ['precision', 'recall', 'f1', 'accuracy']) {
      expect(json[k]).toBeGreaterThan(0);
      expect(json[k]).toBeLessThanOrEqual(1);
    }
    // The printed F1 is the harmonic mean of the printed precision and recall (the benchmark's rule).
    expect(json.f1).toBeCloseTo((2 * json.precision * json.recall) / (json.precision + json.recall), 3);
  });

  it('prints only the JSON line with --json-only, here for the stored text dumps', async () => {
    const { lines } = await capture([fixture('benchmark'), '--input', 'text-fullpage', '--json-only', '--split', 'b']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ input: 'text-fullpage', pages: 45 });
  });

  it('reports metadata per source group', async () => {
    const { lines } = await capture([fixture('benchmark-metadata'), '--json-only', '--split', 'a']);
    const json = JSON.parse(lines[0]!);
    expect(json.kind).toBe('metadata');
    expect(json.pages).toBe(139);
    expect(Object.keys(json.groups)).toEqual(['trafilatura', 'readability', 'all']);
    expect(json.groups.trafilatura.title.accuracy).toBeGreaterThan(0);
  });

  it('turns bad arguments into usage errors', async () => {
    await expect(evalCommand([fixture('benchmark'), '--split', 'c'])).rejects.toThrow(UsageError);
    await expect(evalCommand([fixture('benchmark'), '--input', 'pdf'])).rejects.toThrow(/--input must be one of/);
    await expect(evalCommand(['/no/such/dir'])).rejects.toThrow(/not found/);
    await expect(evalCommand([])).rejects.toThrow(/one dataset folder/);
  });
});
