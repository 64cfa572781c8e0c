export type LatencySummary = { count: number; mean: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles of a set of latencies (ms), rounded to 0.1 ms. */
export function summariseLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN);
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { count: sorted.length, mean: round(mean), p50: at(50), p95: at(95), p99: at(99), max: round(sorted.at(-1) ?? Number.NaN) };
}
