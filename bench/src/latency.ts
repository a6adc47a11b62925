/** Latency figures of a set of samples, in milliseconds (nearest-rank percentiles). */
export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(milliseconds: readonly number[]): LatencySummary {
  if (milliseconds.length === 0) return { samples: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...milliseconds].sort((a, b) => a - b);
  const rank = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    samples: sorted.length,
    p50: round(rank(0.5)),
    p95: round(rank(0.95)),
    p99: round(rank(0.99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
  };
}
