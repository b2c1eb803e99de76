import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../../../src/core/codes.js';
import { Doc } from '../../../src/core/doc.js';
import { decode } from '../../../src/stages/decode/index.js';
import { decodeBytes, decodeHtml, decodeString } from './helpers.js';

describe('decode stage', () => {
  it('works with no options, and refuses unknown or invalid ones', () => {
    expect(decode.options.safeParse({}).success).toBe(true);
    expect(decode.options.safeParse({ minWords: 3 }).success).toBe(false);
    expect(decode.options.safeParse({ fallbackCharset: 'x-klingon' }).success).toBe(false);
    const bad = decode.options.safeParse({ dropSelectors: ['nav:has(ul)'] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/unsupported selector "nav:has\(ul\)"/);
  });

  it('consumes the raw bytes and leaves a valid document', () => {
    for (const doc of [decodeString('One line.\nAnother line.'), decodeHtml('<title>T</title><p>Text.</p>')]) {
      expect(doc.raw).toBeNull();
      expect(Doc.safeParse(doc).success).toBe(true);
      expect(doc.blocks.every((b) => b.removed === null)).toBe(true);
    }
  });

  it('fills doc.html only for HTML', () => {
    expect(decodeString('<p>not parsed</p>').html).toBeNull();
    expect(decodeString('<p>not parsed</p>').blocks[0]!.text).toBe('<p>not parsed</p>');
    expect(decodeHtml('<p>parsed</p>').html).not.toBeNull();
  });

  it('reports only known warning codes', () => {
    const doc = decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x07, 0x20, 0x6f, 0x6b]), 'text');
    expect(doc.messages.map((m) => m.code)).toEqual(['charset_guessed', 'control_characters']);
    for (const m of doc.messages) expect(Object.keys(WARNING_CODES)).toContain(m.code);
  });
});
