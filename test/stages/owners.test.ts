// One owner for each removal: every removal code is issued by one stage only, and the stages that only read the
// page (anatomy, extract-metadata) remove nothing. Checked on real pages and texts through the default pipeline.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/runner/process.js';
import { defaultPipeline, docFromBytes, SAMPLES } from '../helpers/docs.js';

const BENCH = new URL('../fixtures/benchmark/', import.meta.url).pathname;
const sampleFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sampleFiles(`${dir}${e.name}/`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));

const inputs = (): Array<[string, Uint8Array]> => [
  ...sampleFiles(SAMPLES).map((f): [string, Uint8Array] => [f, readFileSync(SAMPLES + f)]),
  ...readdirSync(`${BENCH}html`).slice(0, 30).map((f): [string, Uint8Array] => [f, readFileSync(`${BENCH}html/${f}`)]),
  ...['text-readability', 'text-fullpage'].flatMap((shape) =>
    readdirSync(`${BENCH}${shape}`).slice(0, 15).map((f): [string, Uint8Array] => [`${shape}/${f}`, readFileSync(`${BENCH}${shape}/${f}`)]),
  ),
];

describe('removal codes', () => {
  const stages = defaultPipeline().stages;
  const owners = new Map<string, Set<string>>();
  for (const [path, bytes] of inputs()) {
    for (const b of runStages(docFromBytes(path, bytes), stages).blocks) {
      if (b.removed) owners.set(b.removed.code, (owners.get(b.removed.code) ?? new Set()).add(b.removed.stage));
    }
  }

  it('each comes from one stage', () => {
    const shared = [...owners].filter(([, s]) => s.size > 1).map(([code, s]) => `${code}: ${[...s].join(', ')}`);
    expect(shared).toEqual([]);
    // The pages are varied enough to exercise the roles.
    for (const code of ['headline', 'byline', 'date_line', 'contributor_line', 'caption']) expect(owners.get(code), code).toEqual(new Set(['strip-boilerplate']));
  });

  it('anatomy and extract-metadata remove nothing', () => {
    const readers = [...owners].filter(([, s]) => s.has('anatomy') || s.has('extract-metadata'));
    expect(readers).toEqual([]);
  });
});
