// The stage's options: every field has a default, so `{}` is a valid configuration.
import { z } from 'zod';

export const ExtractMetadataOptions = z
  .object({
    /** How many blocks around an HTML page's headline are searched for byline and date evidence. */
    bylineWindow: z.number().int().min(0).default(6),
    /** Publisher names for agency abbreviations met in datelines ("(AP)"). Unlisted names are kept as written. */
    publisherAliases: z.record(z.string(), z.string()).default({ AP: 'Associated Press', UPI: 'United Press International' }),
    /** Below this many letters of body text the language is not guessed. */
    minLanguageChars: z.number().int().positive().default(100),
    /** A date shown this close under the headline (in page nodes) overrides a disagreeing declared date. */
    headlineDateDistance: z.number().int().min(0).default(15),
    /** Dates before this year are not publication dates of web news. */
    minYear: z.number().int().default(1995),
  })
  // A misspelt option is an error, not a silently ignored default.
  .strict();
export type ExtractMetadataOptions = z.infer<typeof ExtractMetadataOptions>;
