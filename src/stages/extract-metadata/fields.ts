// A metadata value with its source, and the small combinators that pick among candidates.
export type Field<T> = { value: T; source: string } | null;

export const found = <T>(value: T | null | undefined, source: string): Field<T> => (value == null ? null : { value, source });

/** The first candidate that has a value: candidates are listed in order of precedence. */
export const firstOf = <T>(...fields: Array<Field<T>>): Field<T> => fields.find((f) => f != null) ?? null;

export const nonEmpty = <T>(xs: T[]): T[] | null => (xs.length ? xs : null);
