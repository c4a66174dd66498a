// What every benchmark script prints and waits with: seconds, a tick against a target, percentiles, polling.
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mark = (ok: boolean) => (ok ? "✓" : "✗");

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** Polls `probe` every `step` ms until it returns a value, for at most `ms`. */
export async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  ms: number,
  step = 200,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, step));
  }
}
