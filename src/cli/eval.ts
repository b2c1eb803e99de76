// `newsclean eval <dataset-dir>`: scores the pipeline on a benchmark folder (article bodies or metadata).
import { existsSync } from 'node:fs';
import { BODY_INPUTS, detectKind, loadDataset, type BodyInput } from '../eval/dataset.js';
import { evaluateSegments, formatSegmentsEval } from '../eval/segments.js';
import { decodeSummaryJson, evaluateDecode, formatDecodeEval, loadDecodeDataset } from '../eval/decode.js';
import { formatEval } from '../eval/report.js';
import { evaluate, summaryJson } from '../eval/run.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../runner/pipeline.js';
import { parseCommandArgs, positiveInt, UsageError, type Command } from './common.js';

const help = `Usage: newsclean eval <dataset-dir> [options]

Runs the pipeline in-process over a benchmark folder and scores it:
  truth.json + html/   article bodies: token-shingle precision, recall, F1 (the
                       article-extraction-benchmark rule), accuracy, empty predictions
  gold.json + pages/   metadata: coverage and accuracy of title, authors, date, site,
                       language, per source group (trafilatura = human annotations)
  gold.json + pages/   segments (gold entries with "with"/"without"): main-text segments found
   (with/without)      and boilerplate segments leaked, as precision, recall and F1 (trafilatura's
                       eval_common.py rule)
  charset/index.json   decode: share of files decoded to exactly the expected text, per
   + mojibake-dev.json encoding; mojibake cases repaired exactly, per set, and unchanged_ok
                       (cases that must stay unchanged and did). A folder with index.json +
                       files/ + expected/ is scored as its charset part alone
A rejected page counts as an empty prediction. The last stdout line is one JSON object
with all figures.

Options:
  --pipeline <file>    pipeline file (default: the shipped pipelines/news.json)
  --split a|b          score one deterministic half (alternate pages in key order):
                       tune on one, check on the other
  --input <kind>       body benchmark only: html (default), text-readability or
                       text-fullpage (score text cleaning on the stored text dumps)
  --show-worst <n>     list the n lowest-F1 pages (body) or n misses per field (metadata)
  --json-only          print only the JSON line
  -h, --help           show this help`;

export const evalCommand = async (argv: string[]): Promise<number> => {
  const { values, positionals } = parseCommandArgs('eval', argv, {
    pipeline: { type: 'string' },
    split: { type: 'string' },
    input: { type: 'string' },
    'show-worst': { type: 'string' },
    'json-only': { type: 'boolean' },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`eval takes one dataset folder (see 'newsclean eval --help')`);
  const split = values.split ?? null;
  if (split !== null && split !== 'a' && split !== 'b') throw new UsageError(`--split must be a or b, not "${split}"`);
  const input = values.input;
  if (input !== undefined && !(BODY_INPUTS as readonly string[]).includes(input)) {
    throw new UsageError(`--input must be one of ${BODY_INPUTS.join(', ')}, not "${input}"`);
  }
  const worst = positiveInt('show-worst', values['show-worst']) ?? 0;

  const pipelineFile = values.pipeline ?? DEFAULT_PIPELINE;
  const pipeline = loadPipeline(pipelineFile);
  let kind;
  try {
    if (!existsSync(positionals[0]!)) throw new Error(`dataset folder not found: ${positionals[0]}`);
    kind = detectKind(positionals[0]!);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (kind === 'decode') {
    if (input !== undefined) throw new UsageError('--input applies to the article-body benchmark only');
    // Decoding has no pipeline-dependent step beyond the decode defaults: the charset rules and mojibake repair.
    const result = evaluateDecode(loadDecodeDataset(positionals[0]!, split));
    if (!values['json-only']) {
      console.log(`decode benchmark ${result.dataset}${split ? `, split ${split}` : ''}`);
      console.log(formatDecodeEval(result));
      console.log('');
    }
    console.log(JSON.stringify(decodeSummaryJson(result, { split })));
    return 0;
  }
  if (kind === 'segments') {
    if (input !== undefined) throw new UsageError('--input applies to the article-body benchmark only');
    const started = Date.now();
    const result = evaluateSegments(positionals[0]!, pipeline.stages, split);
    if (!values['json-only']) {
      console.log(`segments benchmark ${result.dataset}${split ? `, split ${split}` : ''}`);
      console.log(formatSegmentsEval(result, worst));
      console.log('');
    }
    const { worst: _, ...summary } = result;
    console.log(JSON.stringify({ ...summary, kind: 'segments', pipeline: pipeline.name, split, ms: Date.now() - started }));
    return 0;
  }
  let dataset;
  try {
    dataset = loadDataset(positionals[0]!, { input: input as BodyInput | undefined, split });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const result = evaluate(dataset, pipeline.stages);
  if (!values['json-only']) {
    const gold = dataset.kind === 'metadata' ? dataset.gold : null;
    console.log(`pipeline ${pipeline.name} (${pipelineFile})${split ? `, split ${split}` : ''}`);
    console.log(formatEval(result, worst, gold));
    console.log('');
  }
  console.log(JSON.stringify(summaryJson(result, { pipeline: pipeline.name, split })));
  return 0;
};

export const command: Command = { help, main: evalCommand };
