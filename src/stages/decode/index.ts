// The decode stage: raw bytes -> Unicode text -> blocks (and, for HTML, the page's head and structure).
import { z } from 'zod';
import type { Doc } from '../../core/doc.js';
import { defineStage } from '../../core/stage.js';
import { normalizeSpace } from '../../core/text.js';
import { decodeBytes, type Decoded } from './bytes.js';
import { charsetForLabel } from './charset.js';
import { parseHtml } from './html.js';
import { repairMojibake } from './mojibake.js';
import { decodeTextEntities, nfc, stripControls } from './normalize.js';
import { compileSelectors } from './selectors.js';
import { textBlocks } from './text.js';

export const DecodeOptions = z
  .object({
    /** Charset for bytes that are neither declared nor UTF-8 when no guess beats it (WHATWG label). */
    fallbackCharset: z
      .string()
      .default('windows-1252')
      .refine((label) => charsetForLabel(label) !== null, { message: 'unknown charset label' })
      .transform((label) => charsetForLabel(label)!),
    /** How many leading bytes of an HTML page are searched for a charset declaration. */
    sniffBytes: z.number().int().positive().default(4096),
    /** Share of NUL/control bytes in any 8 KB of the file above which it is binary. */
    maxControlShare: z.number().min(0).max(1).default(0.1),
    /** HTML: drop elements hidden with the `hidden` attribute or an inline `display:none` / `visibility:hidden`. */
    skipHidden: z.boolean().default(true),
    /** HTML: elements to drop with their content, as simple selectors (`.promo`, `#comments`, `div[data-ad]`). */
    dropSelectors: z
      .array(z.string())
      .default([])
      .transform((list, ctx) => {
        try {
          return { list, match: compileSelectors(list) };
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
          return z.NEVER;
        }
      }),
    /** Text: lines up to this long inside blank-line-separated paragraphs count as hard-wrapped. */
    hardWrapWidth: z.number().int().positive().default(80),
  })
  .strict();

type Options = z.output<typeof DecodeOptions>;

/** Mojibake repair line by line: a repair decides on a whole stretch of text, and a file may be only partly broken. */
export const repairLines = (text: string): { text: string; lines: number } => {
  let lines = 0;
  const repaired = text.replace(/[^\n]+/g, (line) => {
    const fixed = repairMojibake(line);
    if (fixed !== line) lines++;
    return fixed;
  });
  return { text: repaired, lines };
};

const bytesOptions = (options: Options, html: boolean, contentType: string | null) => ({
  html,
  sniffBytes: options.sniffBytes,
  fallback: options.fallbackCharset,
  maxControlShare: options.maxControlShare,
  contentType,
});

/**
 * A file's text as the decode stage reads it, before any HTML, entity or whitespace processing: the charset
 * chosen and decoded as in the stage, then mojibake repaired line by line (`newsclean decode`).
 */
export const decodeText = (
  bytes: Uint8Array,
  opts: { html: boolean; contentType?: string | null; options?: Options },
): Decoded & { repairedLines?: number } => {
  const decoded = decodeBytes(bytes, bytesOptions(opts.options ?? DecodeOptions.parse({}), opts.html, opts.contentType ?? null));
  if (!decoded.ok) return decoded;
  const { text, lines } = repairLines(decoded.text);
  return { ...decoded, text, repairedLines: lines };
};

const FROM: Record<string, string> = { http: 'HTTP header', meta: '<meta>', xml: 'XML declaration' };

export const decode = defineStage({
  name: 'decode',
  options: DecodeOptions,
  run(doc: Doc, options, ctx): Doc {
    const stage = ctx.stage;
    const bytes = doc.raw ?? new Uint8Array();
    doc.raw = null;
    const html = doc.source.format === 'html';
    const decoded = decodeBytes(bytes, { ...bytesOptions(options, html, doc.source.contentType), utf8AsLatin1: html });
    if (!decoded.ok) {
      doc.messages.push({ severity: 'fatal', stage, code: decoded.code, detail: decoded.detail });
      return doc;
    }
    doc.source.encoding = decoded.charset;
    doc.source.encodingSource = decoded.source;
    const warn = (code: string, detail: string) => doc.messages.push({ severity: 'warn', stage, code, detail });
    if (decoded.unknownLabel !== undefined) {
      const { label, from } = decoded.unknownLabel;
      warn('unknown_charset', `the ${FROM[from]} declares charset "${label}", which is not supported; decoded as ${decoded.charset}`);
    }
    if (decoded.ignoredLabel !== undefined) {
      const { label, from } = decoded.ignoredLabel;
      warn('declared_charset_ignored', `the ${FROM[from]} declares charset "${label}", but the bytes are valid UTF-8; decoded as UTF-8`);
    }
    if (decoded.source === 'detected') warn('charset_guessed', `no charset declared and not UTF-8; detected ${decoded.charset}`);
    if (decoded.source === 'fallback') {
      warn('charset_guessed', `no charset declared, not UTF-8, and detection was unsure; decoded as ${decoded.charset} (the fallback)`);
    }
    if (decoded.invalid > 0) {
      warn('invalid_utf8', `${decoded.invalid} invalid byte sequence(s) in ${decoded.charset} text became U+FFFD`);
    }

    let controls: number;
    let mojibake: number;
    let unit: string;
    if (html) {
      const result = parseHtml(decoded.text, {
        skipHidden: options.skipHidden,
        drop: options.dropSelectors.match,
        utf8AsLatin1: decoded.utf8AsLatin1 === true,
      });
      doc.blocks = result.blocks;
      doc.html = result.page;
      controls = result.controls;
      mojibake = result.mojibake;
      unit = 'block';
    } else {
      const repaired = repairLines(decodeTextEntities(decoded.text));
      mojibake = repaired.lines;
      unit = 'line';
      const stripped = stripControls(nfc(repaired.text));
      controls = stripped.removed;
      doc.blocks = textBlocks(normalizeSpace(stripped.text), { hardWrapWidth: options.hardWrapWidth });
    }
    if (controls > 0) warn('control_characters', `${controls} control character(s) removed`);
    if (mojibake > 0) warn('mojibake_repaired', `mojibake (UTF-8 read as windows-1252, latin-1, windows-1250, MacRoman or cp437) repaired in ${mojibake} ${unit}(s)`);
    // Rejected only now, so that the trace shows what the error page said.
    const status = doc.source.httpStatus;
    if (status !== null && status >= 400) {
      doc.messages.push({ severity: 'fatal', stage, code: 'http_error', detail: `served with HTTP status ${status}` });
    }
    return doc;
  },
});
