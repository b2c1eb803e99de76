// The identity of an article's text, for the cross-document duplicate step: the same body scraped twice (another
// URL, other markup, another night) has the same fingerprint; case, spacing and punctuation do not count.
import { createHash } from 'node:crypto';
import { keyText } from './text.js';

export const documentFingerprint = (body: string): string =>
  createHash('sha256')
    .update(keyText(body, false))
    .digest('hex')
    .slice(0, 32);
