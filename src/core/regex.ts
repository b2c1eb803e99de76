// Regular expressions that come from pipeline files: checked when the pipeline loads, not when a page hits them.
import { z } from 'zod';

const compiles = (flags: string) => (source: string) => {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
};

/** A regular-expression source that compiles with the given flags. */
export const RegexSource = (flags = 'iu') => z.string().refine(compiles(flags), 'not a valid regular expression');
