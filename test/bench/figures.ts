// What every benchmark script prints: seconds, a tick against a target, percentiles (it waits with until, @spatz/local).
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mark = (ok: boolean) => (ok ? "✓" : "✗");

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}
