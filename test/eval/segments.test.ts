import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { detectKind } from '../../src/eval/dataset.js';
import { evaluateSegments } from '../../src/eval/segments.js';
import { defaultPipeline } from '../helpers/docs.js';

const dir = mkdtempSync(join(tmpdir(), 'newsclean-segments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = 'The council approved the budget on Tuesday after a long debate about roads, schools and the new bridge over the river.';
const second = 'Residents who came to the meeting asked about bus routes and waste collection fees, and were promised answers within a month.';

describe('segments benchmark (benchmark-trafilatura layout)', () => {
  mkdirSync(join(dir, 'pages'));
  writeFileSync(
    join(dir, 'pages', 't000.html.gz'),
    gzipSync(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><article><h1>Budget</h1><p>${article}</p><p>${second}</p></article><footer>Copyright 2024 Courier, all rights reserved</footer></body></html>`),
  );
  writeFileSync(join(dir, 'gold.json'), JSON.stringify({
    t000: { url: 'hard::courier-budget', with: [article, 'a segment that is not on the page at all'], without: ['Copyright 2024 Courier, all rights reserved', 'Home News Sport'] },
  }));

  it('is recognised by its gold, and scored as found / missing / leaked segments', () => {
    expect(detectKind(dir)).toBe('segments');
    const r = evaluateSegments(dir, defaultPipeline().stages, null);
    expect(r).toMatchObject({ pages: 1, tp: 1, fn: 1, fp: 0, tn: 2, precision: 1, recall: 0.5 });
    expect(r.f1).toBeCloseTo(2 / 3, 4);
    expect(r.worst).toEqual([{ key: 't000', missing: 1, leaked: 0 }]);
  });
});
