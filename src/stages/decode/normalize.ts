// Decoded text -> clean Unicode: entities, mojibake repair (hook), NFC, no control characters.
import { decodeHTMLStrict } from 'entities';

// C0 controls except \t \n \r, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** Removes control characters; returns the text and how many were removed. */
export const stripControls = (text: string): { text: string; removed: number } => {
  let removed = 0;
  const out = text.replace(CONTROL, (c) => {
    removed++;
    // A form feed or vertical tab separates like a line break does.
    return c === '\f' || c === '\v' ? '\n' : '';
  });
  return { text: out, removed };
};

/**
 * Where mojibake repair ("Ã©" -> "é", ftfy-like) will go. Not done yet: returns the text unchanged.
 * When it is, report `mojibake_repaired` from the caller when `repaired` is true.
 */
export const repairMojibake = (text: string): { text: string; repaired: boolean } => ({ text, repaired: false });

/**
 * Entities in a plain-text dump ("&amp;", "&#8217;", "&nbsp;"), as scrapers leave them. Strict: only entities
 * closed by ";", so "AT&T" or "R&D" stay as they are.
 */
export const decodeTextEntities = (text: string): string => (text.includes('&') ? decodeHTMLStrict(text) : text);

/** NFC without the cost on pure ASCII (most of a page). */
export const nfc = (text: string): string => {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFC') : text;
};
