// Loads a pipeline definition (data) and binds each named stage to its validated options.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BoundStage } from '../core/stage.js';
// From fields.js, not the readers' index: a worker binds pipelines too and needs no reader (warcio and its
// dependencies cost a worker about 120 ms of CPU to load).
import { DEFAULT_READER_OPTIONS, ReaderOptions } from '../io/readers/fields.js';
import { STAGE_ORDER, STAGES } from '../stages/index.js';
import { CROSS_DOCUMENT_OFF, CrossDocument } from './cross-document.js';

/** The longest delay setTimeout honours: 2^31 - 1 ms. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

export const Limits = z
  .object({
    /** Larger files are rejected with `input_too_large` without being read. */
    maxInputBytes: z.number().int().positive().default(20_000_000),
    /** A document still processing after this long is rejected with `timeout`. */
    timeoutMs: z
      .number()
      .int()
      .positive()
      // Node's timers take at most 2^31 - 1 ms (about 24.8 days); a longer delay fires after 1 ms.
      .max(MAX_TIMEOUT_MS, { message: `at most ${MAX_TIMEOUT_MS} ms (about 24.8 days), the longest timer Node.js has` })
      .default(10_000),
  })
  .strict();

export const PipelineFile = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    limits: Limits.default({ maxInputBytes: 20_000_000, timeoutMs: 10_000 }),
    /** How containers are read: where a scraper export or sidecar keeps the URL, the HTML or text, ... */
    readers: ReaderOptions.default(DEFAULT_READER_OPTIONS),
    /**
     * The cross-document step after the stages (runner/cross-document.ts): `recurringLines` (a block kept in at
     * least `minDocuments` and `minShare` of the accepted documents of one site, of at least `minWords` words, goes
     * as `recurring_line`; null: off). Absent or null: recurring lines off. Duplicate documents are always checked.
     */
    crossDocument: CrossDocument.nullable().optional(),
    stages: z
      .array(z.object({ stage: z.string(), options: z.unknown().default({}) }).strict())
      .min(1),
  })
  .strict();
export type PipelineFile = z.infer<typeof PipelineFile>;

export interface Pipeline {
  name: string;
  limits: z.infer<typeof Limits>;
  readers: ReaderOptions;
  /** The cross-document step's options; recurring lines null when the file has no `crossDocument` key. */
  crossDocument: CrossDocument;
  stages: BoundStage[];
  /** Each stage's options as parsed (defaults filled in), by stage name: for tools that run one part of a stage. */
  stageOptions: Record<string, unknown>;
}

export class PipelineError extends Error {}

const describeIssue = (where: string, error: z.ZodError): string => {
  const issue = error.issues[0]!;
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  return `${where}: ${path}: ${issue.message}`;
};

/** Validates a parsed pipeline definition; throws a PipelineError with a one-line message. */
export const bindPipeline = (data: unknown, where = 'pipeline'): Pipeline => {
  const parsed = PipelineFile.safeParse(data);
  if (!parsed.success) throw new PipelineError(describeIssue(where, parsed.error));
  // Bytes must be decoded before anything reads text, and a record is written only once it is validated.
  const names = parsed.data.stages.map((s) => s.stage);
  const unknown = names.findIndex((name) => !Object.hasOwn(STAGES, name));
  if (unknown >= 0) {
    throw new PipelineError(`${where}: stages.${unknown}.stage: unknown stage "${names[unknown]}" (known: ${Object.keys(STAGES).join(', ')})`);
  }
  if (names[0] !== 'decode') throw new PipelineError(`${where}: stages.0.stage: the first stage must be "decode", not "${names[0]}"`);
  if (names.at(-1) !== 'validate') {
    throw new PipelineError(`${where}: stages.${names.length - 1}.stage: the last stage must be "validate", not "${names.at(-1)}"`);
  }
  const twice = names.findIndex((name, i) => names.indexOf(name) !== i);
  if (twice >= 0) throw new PipelineError(`${where}: stages.${twice}.stage: "${names[twice]}" appears twice`);
  // Each stage reads what the ones before it left (STAGE_ORDER): an order they do not support is refused.
  const early = names.findIndex((name, i) => i > 0 && STAGE_ORDER.indexOf(name) < STAGE_ORDER.indexOf(names[i - 1]!));
  if (early >= 0) {
    throw new PipelineError(
      `${where}: stages.${early}.stage: "${names[early]}" cannot run after "${names[early - 1]}" (order: ${STAGE_ORDER.join(', ')})`,
    );
  }
  // Removal by role and metadata from roles need the roles: a pipeline without anatomy would lose them silently.
  const needsRoles = names.findIndex((name) => name === 'strip-boilerplate' || name === 'extract-metadata');
  if (needsRoles >= 0 && !names.includes('anatomy')) {
    throw new PipelineError(`${where}: stages.${needsRoles}.stage: "${names[needsRoles]}" reads the roles "anatomy" marks: list { "stage": "anatomy" } after "decode"`);
  }
  const stageOptions: Record<string, unknown> = {};
  const stages = parsed.data.stages.map(({ stage: name, options }, i): BoundStage => {
    const stage = STAGES[name]!;
    const opts = stage.options.safeParse(options);
    if (!opts.success) throw new PipelineError(describeIssue(`${where}: stages.${i} (${name}) options`, opts.error));
    stageOptions[name] = opts.data;
    const ctx = { stage: name };
    return { name, run: (doc) => stage.run(doc, opts.data, ctx) };
  });
  const crossDocument = parsed.data.crossDocument ?? CROSS_DOCUMENT_OFF;
  return { name: parsed.data.name, limits: parsed.data.limits, readers: parsed.data.readers, crossDocument, stages, stageOptions };
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `over` laid onto `base`: objects merged key by key, arrays appended (rules, selectors, phrases add up), else `over`. */
const layer = (base: unknown, over: unknown): unknown => {
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = Object.hasOwn(base, k) ? layer(base[k], v) : v;
    return out;
  }
  return over;
};

/**
 * A pipeline file that `extends` another (a path relative to it): its name and description replace the base's,
 * its limits, readers and each stage's options are laid onto the base's (see `layer`). It changes the options of
 * the base's stages; it cannot add, drop or reorder stages.
 */
const extend = (data: Record<string, unknown>, file: string, seen: string[]): unknown => {
  const baseFile = resolve(dirname(file), String(data.extends));
  if (seen.includes(baseFile)) throw new PipelineError(`pipeline file ${file}: "extends" makes a cycle (${[...seen, baseFile].join(' -> ')})`);
  const base = readPipelineData(baseFile, [...seen, baseFile]);
  if (!isObject(base) || !Array.isArray(base.stages)) return data;
  const { extends: _, stages, ...rest } = data;
  const merged = layer({ ...base, stages: undefined }, rest) as Record<string, unknown>;
  const baseStages = base.stages as Array<{ stage: string; options?: unknown }>;
  const own = Array.isArray(stages) ? (stages as Array<{ stage?: unknown; options?: unknown }>) : [];
  for (const [i, s] of own.entries()) {
    if (!baseStages.some((b) => b.stage === s.stage)) {
      throw new PipelineError(`pipeline file ${file}: stages.${i}.stage: "${String(s.stage)}" is not a stage of ${baseFile}, which it extends (an extending pipeline changes the options of its stages)`);
    }
  }
  merged.stages = baseStages.map((b) => {
    const mine = own.filter((s) => s.stage === b.stage).reduce<unknown>((o, s) => layer(o, s.options ?? {}), b.options ?? {});
    return { stage: b.stage, options: mine };
  });
  return merged;
};

const readPipelineData = (file: string, seen: string[]): unknown => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PipelineError(`cannot read pipeline file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PipelineError(`pipeline file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return isObject(data) && data.extends !== undefined ? extend(data, file, seen) : data;
};

/** A pipeline file's data, with what it `extends` laid under it; not yet validated (bindPipeline does). */
export const readPipelineFile = (file: string): unknown => readPipelineData(resolve(file), [resolve(file)]);

export const loadPipeline = (file: string): Pipeline => bindPipeline(readPipelineFile(file), file);

/** The default pipeline shipped with the package. */
export const DEFAULT_PIPELINE = fileURLToPath(new URL('../../pipelines/news.json', import.meta.url));
