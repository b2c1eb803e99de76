// Runs the decode stage alone on bytes or a string, with options as a pipeline file would give them.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Doc, Format } from '../../../src/core/doc.js';
import { newDoc } from '../../../src/runner/process.js';
import { decode } from '../../../src/stages/decode/index.js';

export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
/** Vendored test data (see test/fixtures/README.md). */
export const SHARED = new URL('../../fixtures/', import.meta.url).pathname;

export const decodeBytes = (bytes: Uint8Array, format: Format, options: unknown = {}): Doc =>
  decode.run(newDoc({ path: `test.${format === 'html' ? 'html' : 'txt'}`, format, bytes }), decode.options.parse(options), {
    stage: 'decode',
  });

export const decodeString = (text: string, format: Format = 'text', options: unknown = {}): Doc =>
  decodeBytes(Buffer.from(text, 'utf8'), format, options);

export const decodeHtml = (html: string, options: unknown = {}): Doc => decodeString(html, 'html', options);

export const readGz = (file: string): Buffer => gunzipSync(readFileSync(file));

export const texts = (doc: Doc): string[] => doc.blocks.map((b) => b.text);

export const codes = (doc: Doc): string[] => doc.messages.map((m) => m.code);
