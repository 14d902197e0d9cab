/** Median and 95th percentile of frame times, in ms rounded to 0.1. */
export function frameStats(deltas: readonly number[]): { median: number; p95: number } {
  if (deltas.length === 0) throw new Error('no frames were recorded');
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}
