// What tests and benchmarks of every package wait and log with: `until` polls `probe` until it returns a value (a job,
// a mail, a recovered service); a probe that throws is retried when `retryErrors` is set (a service coming back).
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  opts: { ms?: number; stepMs?: number; retryErrors?: boolean } = {},
): Promise<T> {
  const end = Date.now() + (opts.ms ?? 60_000);
  for (;;) {
    const value = await (opts.retryErrors ? probe().catch(() => null) : probe());
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, opts.stepMs ?? 100));
  }
}

/** A logger for in-process workers and apps in tests: says nothing. */
export const silent = { info: () => {}, warn: () => {}, error: () => {} };
