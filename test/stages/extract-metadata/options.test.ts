import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/stages/extract-metadata/index.js';

describe('extract-metadata options', () => {
  it('works with no options, and refuses unknown or invalid ones', () => {
    const parsed = extractMetadata.options.safeParse({});
    expect(parsed.success).toBe(true);
    expect(parsed.data!.bylineWindow).toBe(6);
    expect(extractMetadata.options.safeParse({ bylineWindow: 3 }).success).toBe(true);
    // A typo is refused rather than silently leaving the default in force.
    const typo = extractMetadata.options.safeParse({ maxTitelWords: 3 });
    expect(typo.success).toBe(false);
    expect(typo.error!.issues[0]!.code).toBe('unrecognized_keys');
    expect(extractMetadata.options.safeParse({ bylineWindow: -1 }).success).toBe(false);
  });
});
