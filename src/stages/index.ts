// The stage registry: pipeline files name stages by these keys.
import type { Stage } from '../core/stage.js';
import { decode } from './decode/index.js';
import { dedupeParagraphs } from './dedupe-paragraphs/index.js';
import { extractMetadata } from './extract-metadata/index.js';
import { stripBoilerplate } from './strip-boilerplate/index.js';
import { validate } from './validate/index.js';

export const STAGES: Record<string, Stage> = {
  decode,
  'strip-boilerplate': stripBoilerplate,
  'dedupe-paragraphs': dedupeParagraphs,
  'extract-metadata': extractMetadata,
  validate,
} as Record<string, Stage>;
