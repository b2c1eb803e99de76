// The decode stage: raw bytes -> Unicode text -> blocks (and, for HTML, the page's head and structure).
import { z } from 'zod';
import type { Doc } from '../../core/doc.js';
import { defineStage } from '../../core/stage.js';
import { normalizeSpace } from '../../core/text.js';
import { decodeBytes } from './bytes.js';
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
    /** Share of NUL/control bytes in the first 8 KB above which a file is binary. */
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

export const decode = defineStage({
  name: 'decode',
  options: DecodeOptions,
  run(doc: Doc, options, ctx): Doc {
    const stage = ctx.stage;
    const bytes = doc.raw ?? new Uint8Array();
    doc.raw = null;
    const html = doc.source.format === 'html';
    const decoded = decodeBytes(bytes, {
      html,
      sniffBytes: options.sniffBytes,
      fallback: options.fallbackCharset,
      maxControlShare: options.maxControlShare,
      utf8AsLatin1: html,
    });
    if (!decoded.ok) {
      doc.messages.push({ severity: 'fatal', stage, code: decoded.code, detail: decoded.detail });
      return doc;
    }
    const warn = (code: string, detail: string) => doc.messages.push({ severity: 'warn', stage, code, detail });
    if (decoded.unknownLabel !== undefined) {
      warn('unknown_charset', `the page declares charset "${decoded.unknownLabel}", which is not supported; decoded as ${decoded.charset}`);
    }
    if (decoded.ignoredLabel !== undefined) {
      warn('declared_charset_ignored', `the page declares charset "${decoded.ignoredLabel}", but its bytes are valid UTF-8; decoded as UTF-8`);
    }
    if (decoded.source === 'guessed') warn('charset_guessed', `no charset declared and not UTF-8; guessed ${decoded.charset}`);
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
      // Line by line: a repair decides on a whole stretch of text, and a file may be only partly broken.
      let repairedLines = 0;
      const repaired = decodeTextEntities(decoded.text).replace(/[^\n]+/g, (line) => {
        const fixed = repairMojibake(line);
        if (fixed !== line) repairedLines++;
        return fixed;
      });
      mojibake = repairedLines;
      unit = 'line';
      const stripped = stripControls(nfc(repaired));
      controls = stripped.removed;
      doc.blocks = textBlocks(normalizeSpace(stripped.text), { hardWrapWidth: options.hardWrapWidth });
    }
    if (controls > 0) warn('control_characters', `${controls} control character(s) removed`);
    if (mojibake > 0) warn('mojibake_repaired', `mojibake (UTF-8 read as windows-1252/latin-1) repaired in ${mojibake} ${unit}(s)`);
    return doc;
  },
});
