/** Percentile by linear interpolation between closest ranks; NaN for no samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (rank - lo);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** p50/p99/max of a sample, the shape every latency in the report takes. */
export interface Spread {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  return {
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: maxOf(values),
    n: values.length,
  };
}

/** Median and range of per-repetition figures, so the report shows how noisy a figure was. */
export interface Range {
  median: number;
  min: number;
  max: number;
}

export function range(values: readonly number[]): Range {
  return {
    median: median(values),
    min: values.length ? values.reduce((a, b) => Math.min(a, b)) : Number.NaN,
    max: maxOf(values),
  };
}

/** Largest value without spreading (a spread of 100,000 arguments overflows the stack). */
export function maxOf(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => Math.max(a, b)) : Number.NaN;
}
