// Latency samples and their percentiles.

export interface LatencySummary {
  runs: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles over the samples, in milliseconds. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { runs: sorted.length, p50: rank(50), p99: rank(99), max: sorted[sorted.length - 1] ?? 0 };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
