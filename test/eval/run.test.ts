import { describe, expect, it } from 'vitest';
import type { BoundStage } from '../../src/core/stage.js';
import type { BodyDataset, MetadataDataset, Page } from '../../src/eval/dataset.js';
import { evaluate, summaryJson, type BodyEval, type MetadataEval } from '../../src/eval/run.js';

// Stand-in stages, so these tests check the evaluation wiring whatever the real stages do:
// the body is the input text, a page whose text starts with "REJECT" is rejected, and the
// first line "title: X" becomes the title.
const stages: BoundStage[] = [
  {
    name: 'fake',
    run: (doc) => {
      const text = Buffer.from(doc.raw!).toString('utf8');
      if (text.startsWith('REJECT')) {
        doc.messages.push({ severity: 'fatal', stage: 'fake', code: 'too_short', detail: 'test' });
        return doc;
      }
      doc.blocks = [{ kind: 'paragraph', text, removed: null }];
      const title = /^title: (.*)$/m.exec(text)?.[1];
      if (title) doc.metadata.title = { value: title, source: 'test' };
      doc.metadata.url = doc.source.url ? { value: doc.source.url, source: 'input' } : null;
      return doc;
    },
  },
];

const page = (key: string, text: string, url: string | null = null): Page => ({
  key,
  path: `html/${key}.html`,
  format: 'html',
  url,
  bytes: new TextEncoder().encode(text),
});

describe('evaluate on an article-body dataset', () => {
  const ds: BodyDataset = {
    kind: 'body',
    name: 'tiny',
    dir: '/nowhere',
    input: 'html',
    pages: [page('a', 'one two three four five'), page('b', 'REJECT me'), page('c', 'one two three four five six')],
    truth: {
      a: { articleBody: 'one, two three four five.' },
      b: { articleBody: 'Some body that was lost' },
      c: { articleBody: 'one two three four five' },
    },
  };
  const r = evaluate(ds, stages) as BodyEval;

  it('scores every page, a rejected one as an empty prediction', () => {
    expect(r.pages.map((p) => [p.key, p.rejected, p.predictedEmpty])).toEqual([
      ['a', null, false],
      ['b', 'too_short', true],
      ['c', null, false],
    ]);
    expect(r.rejected).toEqual({ too_short: 1 });
    expect(r.score.empty).toBe(1);
  });

  it('aggregates with the benchmark rule', () => {
    // a: exact; c: 3 shingles predicted, the 2 true ones among them -> P 2/3, R 1; b: R 0, no precision.
    expect(r.score.precision).toBeCloseTo((1 + 2 / 3) / 2);
    expect(r.score.recall).toBeCloseTo((1 + 0 + 1) / 3);
    expect(r.score.accuracy).toBeCloseTo(1 / 3);
  });

  it('summarizes as one JSON object', () => {
    expect(summaryJson(r, { split: null })).toMatchObject({ dataset: 'tiny', kind: 'body', pages: 3, empty: 1, accuracy: 0.3333 });
  });
});

describe('evaluate on a metadata dataset', () => {
  const ds: MetadataDataset = {
    kind: 'metadata',
    name: 'tiny-meta',
    dir: '/nowhere',
    pages: [page('h1', 'title: Right | Site\nbody', 'https://example.com/x'), page('h2', 'REJECT'), page('r1', 'title: Wrong')],
    gold: {
      h1: { file: 'pages/h1', source: 'trafilatura', url: 'https://example.com/x', title: 'Right', fields: ['title'] },
      h2: { file: 'pages/h2', source: 'trafilatura', title: 'Lost', fields: ['title'] },
      r1: { file: 'pages/r1', source: 'readability', title: 'Right', fields: ['title'] },
    },
  };
  const r = evaluate(ds, stages) as MetadataEval;

  it('reports each source group and all pages, human annotations first', () => {
    expect(Object.keys(r.groups)).toEqual(['trafilatura', 'readability', 'all']);
    expect(r.groups.trafilatura!.fields.title).toEqual({ pages: 2, coverage: 0.5, accuracy: 0.5 });
    expect(r.groups.readability!.fields.title).toEqual({ pages: 1, coverage: 1, accuracy: 0 });
    expect(r.groups.all!.fields.title!.accuracy).toBeCloseTo(1 / 3);
  });

  it('counts rejected pages as predicting nothing', () => {
    expect(r.groups.trafilatura!.rejected).toEqual({ too_short: 1 });
    expect(r.groups.trafilatura!.empty).toBe(1);
    expect(r.pages.find((p) => p.key === 'h2')!.run.prediction.title).toBeNull();
  });

  it('passes the known url to the pipeline', () => {
    expect(r.groups.trafilatura!.fields.url!.accuracy).toBe(1);
  });
});
