// The arithmetic mean the scorers average page scores with.

/** The mean of the numbers; 0 for none (an empty group scores nothing rather than NaN). */
export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
