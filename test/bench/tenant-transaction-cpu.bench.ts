// Benchmark: where does the tenant transaction's cost go? Without HTTP and load generator, it measures the CPU time
// per operation on both sides of the database connection:
//   Node:        process.cpuUsage() of this process (query building, protocol, result parsing);
//   PostgreSQL:  user + system time of this database's server processes, from /proc (Linux; "n/a" elsewhere).
// Operations, 20 at a time, in interleaved rounds (median per operation):
//   tenant tx:   users.list's work in the tenant transaction as the runtime role (session check, page, count);
//   plain pool:  the same queries as a superuser on a plain pool, tenant in the WHERE clause (the HTTP benchmark's
//                unprotected side);
//   empty tenant tx: BEGIN with set_config and its check, COMMIT; nothing else (the fixed cost).
// Run: pnpm --filter @spatz/test bench:tenant-tx-cpu. Options: BENCH_ROUNDS (7), BENCH_OPS per round (4000).
import { readFileSync } from "node:fs";
import { readSession } from "@spatz/auth";
import { queries, withTenant } from "@spatz/db";
import { POOL, setUpTenantBench, unprotectedUsersList } from "./tenant-transaction-setup.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const OPS = Number(process.env.BENCH_OPS ?? 4000);
const CONCURRENCY = 20;
const CLOCK_TICK_US = 10_000; // Linux reports process times in 1/100 s

const bench = await setUpTenantBench();
const { app, superuser, token } = bench;
const page = { page: 1, pageSize: 25 };

const operations: Record<string, () => Promise<unknown>> = {
  "tenant tx: session + page + count": () =>
    withTenant(
      app.client.db,
      token.tenantId,
      async (tx) => {
        if (!(await readSession(tx, token))) throw new Error("session invalid");
        return queries.listUsers(tx, page);
      },
      { readOnly: true },
    ),
  "plain pool: session + page + count": async () => {
    if (!(await unprotectedUsersList(superuser.db, token, page))) throw new Error("session invalid");
  },
  "empty tenant tx": () => withTenant(app.client.db, token.tenantId, async () => null, { readOnly: true }),
};

// The server processes of this database: both pools' connections (opened by a warm-up first).
async function backendPids(): Promise<number[]> {
  const rows = await superuser.sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}
function postgresCpuUs(pids: number[]): number | null {
  try {
    let ticks = 0;
    for (const pid of pids) {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return ticks * CLOCK_TICK_US;
  } catch {
    return null;
  }
}

async function measure(op: () => Promise<unknown>, ops: number, pids: number[]) {
  let left = ops;
  const pg0 = postgresCpuUs(pids);
  const node0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await op();
    }),
  );
  const node = process.cpuUsage(node0);
  const pg1 = postgresCpuUs(pids);
  return {
    node: (node.user + node.system) / ops,
    pg: pg0 === null || pg1 === null ? null : (pg1 - pg0) / ops,
  };
}

const samples: Record<string, { node: number; pg: number | null }[]> = Object.fromEntries(
  Object.keys(operations).map((name) => [name, []]),
);
// The throwaway PostgreSQL and Redis are stopped however the run ends.
try {
  for (const op of Object.values(operations)) await measure(op, 2000, []); // warm-up: JIT, prepared statements
  const pids = await backendPids();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, op] of Object.entries(operations)) samples[name]!.push(await measure(op, OPS, pids));
  }
} finally {
  await bench.close();
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const fmt = (x: number | null) => (x === null ? "n/a" : x.toFixed(0)).padStart(7);
console.log(
  `\nCPU time per operation in µs, ${CONCURRENCY} concurrent, pool of ${POOL}, median of ${ROUNDS} rounds of ${OPS}\n`,
);
console.log(`${"operation".padEnd(36)}   Node   PostgreSQL   total`);
const totals: Record<string, number | null> = {};
for (const [name, runs] of Object.entries(samples)) {
  const node = median(runs.map((r) => r.node));
  const pg = runs.some((r) => r.pg === null) ? null : median(runs.map((r) => r.pg!));
  totals[name] = pg === null ? null : node + pg;
  console.log(`${name.padEnd(36)}${fmt(node)}   ${fmt(pg)}     ${fmt(totals[name])}`);
}
const [tenantTotal, plainTotal] = [
  totals["tenant tx: session + page + count"],
  totals["plain pool: session + page + count"],
];
if (tenantTotal && plainTotal) {
  console.log(
    `\nDatabase work of users.list: the tenant transaction costs ${(tenantTotal - plainTotal).toFixed(0)} µs CPU more per request (plain / tenant = ${((plainTotal / tenantTotal) * 100).toFixed(1)} %).`,
  );
}
process.exit(0);
