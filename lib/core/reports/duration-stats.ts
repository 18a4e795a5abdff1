import type { DurationStats } from "./types";

/**
 * Mean, median and 90th percentile of durations (ms). The median is the usual one (the middle
 * value, or the mean of the two middle values); p90 is nearest-rank: the value at rank ⌈0.9·n⌉ of
 * the sorted list, so it is always a duration that happened. SQL computes the same with
 * `percentile_cont(0.5)` and `percentile_disc(0.9)`.
 */
export function durationStats(values: readonly number[]): DurationStats {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, v) => a + v, 0) / n;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { count: n, mean, median, p90: nearestRank(sorted, 0.9) };
}

/** The nearest-rank percentile of an ascending list: the value at rank ⌈p·n⌉ (1-based). */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
