// Benchmark: what does the tenant transaction cost? One run measures, over HTTP with autocannon,
//   (a) protected:   tRPC users.list with a session cookie → session validated and the query run in the tenant
//                    transaction (BEGIN with set_config and its check, RLS on every table, COMMIT) as the runtime role;
//   (b) unprotected: a tRPC procedure mounted on the same app (same middleware, transformer and serialization) that
//                    runs the same drizzle queries (session lookup, list, count) as a superuser: no RLS, no tenant
//                    setting, no transaction; the tenant filter is in the WHERE clause instead.
// Target: (a) reaches at least 80 % of (b)'s requests per second. Run: pnpm --filter @spatz/test bench:tenant-tx
// Options (environment): BENCH_ROUNDS (9), BENCH_SECONDS per side and round (4), BENCH_CONNECTIONS (20);
// BENCH_LOADGEN_CPU=0 pins the load generator to CPU 0 (run the script itself under `taskset -c 1`, so that server and
// PostgreSQL share the other CPU: the CPU cost per request without scheduler noise); BENCH_ONLY=protected|unprotected
// loads one side only, for a CPU profile (`node --cpu-prof --import tsx bench/tenant-transaction.bench.ts`).

import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { trpcServer } from "@hono/trpc-server";
import { parseSessionToken } from "@spatz/auth";
import { pageInput } from "@spatz/domain";
import { freePort } from "@spatz/local";
import { readCookie, SESSION_COOKIE } from "@spatz/trpc";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { setUpTenantBench, unprotectedUsersList } from "./tenant-transaction-setup.ts";

const DURATION = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const bench = await setUpTenantBench();
const { app, cookie } = bench;

// (b): mounted on the same app, so that both sides pass the same middleware, transformer and serialization.
const t = initTRPC.context<{ cookie: string | null }>().create({ transformer: superjson });
const baseline = t.router({
  users: t.router({
    // The same input schema as users.list, so that both sides validate the same input.
    list: t.procedure
      .input(pageInput.extend({ search: z.string().max(100).optional() }))
      .query(async ({ ctx, input }) => {
        const token = parseSessionToken(readCookie(ctx.cookie, SESSION_COOKIE));
        const result = token && (await unprotectedUsersList(bench.superuser.db, token, input));
        if (!result) throw new TRPCError({ code: "UNAUTHORIZED" });
        return result;
      }),
  }),
});
app.app.use(
  "/baseline/*",
  trpcServer({
    router: baseline,
    endpoint: "/baseline",
    createContext: (_o, c) => ({ cookie: c.req.header("cookie") ?? null }),
  }),
);

const port = await freePort();
const servers = [serve({ fetch: app.app.fetch, port })];

const input = encodeURIComponent(JSON.stringify(superjson.serialize({ page: 1, pageSize: 25 })));
// The load generator runs in its own process so that it does not share the server's event loop.
const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
async function autocannon(url: string, headers: Record<string, string>, seconds: number) {
  const args = [autocannonBin, "-j", "-c", String(CONNECTIONS), "-d", String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}=${v}`);
  const pin = process.env.BENCH_LOADGEN_CPU;
  const [cmd, cmdArgs] = pin
    ? ["taskset", ["-c", pin, process.execPath, ...args, url]]
    : [process.execPath, [...args, url]];
  const { stdout } = await promisify(execFile)(cmd, cmdArgs, {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
}

async function run(name: string, url: string, headers: Record<string, string>) {
  const result = await autocannon(url, headers, DURATION);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

// Interleaved rounds: load from other processes on the machine drifts, and alternating A/B lets both sides see the
// same conditions. The figure per side is the median over the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const protectedUrl = `http://127.0.0.1:${port}/trpc/users.list?input=${input}`;
const unprotectedUrl = `http://127.0.0.1:${port}/baseline/users.list?input=${input}`;
const runs: { protected: Awaited<ReturnType<typeof run>>; unprotected: Awaited<ReturnType<typeof run>> }[] =
  [];
let passed = false;
// The throwaway PostgreSQL and Redis are stopped however the run ends.
try {
  await autocannon(protectedUrl, { cookie }, 2); // warm-up both paths (prepared statements, JIT)
  await autocannon(unprotectedUrl, { cookie }, 2);
  // BENCH_ONLY=protected|unprotected: load one side only, for a CPU profile of it (node --cpu-prof --import tsx …).
  const only = process.env.BENCH_ONLY;
  if (only) console.log(await run(only, only === "protected" ? protectedUrl : unprotectedUrl, { cookie }));
  for (let round = 0; !only && round < ROUNDS; round++) {
    runs.push({
      protected: await run("protected (tenant transaction + RLS)", protectedUrl, { cookie }),
      unprotected: await run("unprotected (superuser, no RLS)", unprotectedUrl, { cookie }),
    });
  }
  passed = only ? true : report();
} finally {
  for (const s of servers) s.close();
  await bench.close();
}
process.exit(passed ? 0 : 1);

function report(): boolean {
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const ratios = runs.map((r) => r.protected.rps / r.unprotected.rps);
  const ratio = median(ratios);

  console.log(
    `\nTenant transaction cost: users.list for Stadt Halle (Saale), ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION} s per side; server, PostgreSQL and load generator share this machine\n`,
  );
  console.log("round   protected req/s (p50/p99 ms)   unprotected req/s (p50/p99 ms)   ratio");
  runs.forEach((r, i) => {
    const fmt = (x: typeof r.protected) => `${x.rps.toFixed(0).padStart(7)} (${x.p50}/${x.p99})`.padEnd(31);
    console.log(
      `${String(i + 1).padStart(5)}   ${fmt(r.protected)}${fmt(r.unprotected)}  ${(ratios[i]! * 100).toFixed(1)} %`,
    );
  });
  console.log(
    `\nmedian: protected ${median(runs.map((r) => r.protected.rps)).toFixed(0)} req/s, unprotected ${median(runs.map((r) => r.unprotected.rps)).toFixed(0)} req/s`,
  );
  console.log(
    `protected / unprotected (median of rounds) = ${(ratio * 100).toFixed(1)} %  (target ≥ 80 %): ${ratio >= 0.8 ? "PASS" : "FAIL"}`,
  );
  return ratio >= 0.8;
}
