// The stage registry: pipeline files name stages by these keys.
import type { Stage } from '../core/stage.js';
import { anatomy } from './anatomy/index.js';
import { decode } from './decode/index.js';
import { dedupeParagraphs } from './dedupe-paragraphs/index.js';
import { extractMetadata } from './extract-metadata/index.js';
import { stripBoilerplate } from './strip-boilerplate/index.js';
import { validate } from './validate/index.js';

export const STAGES: Record<string, Stage> = {
  decode,
  anatomy,
  'strip-boilerplate': stripBoilerplate,
  'dedupe-paragraphs': dedupeParagraphs,
  'extract-metadata': extractMetadata,
  validate,
} as Record<string, Stage>;

/**
 * The order stages run in, each reading what the ones before it left: the boilerplate is stripped from decoded
 * blocks, repeated paragraphs are found among the kept ones, metadata is read from the kept body, and only a
 * finished record is validated. Anatomy, between decode and the cleaning, says what each block is (headline, byline, ...). A pipeline lists its stages in this order; the first and the last are required,
 * any of the others may be left out.
 */
export const STAGE_ORDER: readonly string[] = ['decode', 'anatomy', 'strip-boilerplate', 'dedupe-paragraphs', 'extract-metadata', 'validate'];
