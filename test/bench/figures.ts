// What every benchmark script prints: seconds, a tick against a target, percentiles (it waits with until, @spatz/local).
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mark = (ok: boolean) => (ok ? "✓" : "✗");

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/**
 * Times every call `runs` times (after three warm-ups) and prints p50 and p95 per call; returns the slowest p95 of the
 * calls that count towards the target.
 */
export async function timeCalls<C extends { label: string }>(
  calls: C[],
  runs: number,
  run: (call: C) => Promise<unknown>,
  counts: (call: C) => boolean = () => true,
): Promise<number> {
  let worst = 0;
  for (const call of calls) {
    for (let i = 0; i < 3; i++) await run(call);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await run(call);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    if (counts(call)) worst = Math.max(worst, p95);
    console.log(
      `   ${call.label.padEnd(52)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms`,
    );
  }
  return worst;
}
