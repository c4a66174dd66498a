/**
 * Load: signed-in users of the 133 Kommunen and the Land, all roles, working as in the browser (dashboards, lists,
 * the rollout board, benchmark figures; coordinators complete measures and change rollout records), against the
 * real API processes (each its own Node process, as in production) and one worker, on the full demo data.
 *
 *   pnpm --filter @spatz/test bench:load        (throwaway PostgreSQL/Redis)
 *
 * A step test: for each number of API processes (LOAD_APIS, default "1,2"; users stick to one API as behind a load
 * balancer) and each number of users (LOAD_USERS, default "100,200,300,400"), LOAD_SECONDS (default 60) of load,
 * each user waiting LOAD_THINK_MS (default 1000, ±50 %) between requests. Prints per step requests/s, p50/p95/p99 of
 * reads and writes, errors, and per procedure p50/p95/p99; the memory of every API process and the worker before and
 * after. The single API process is the baseline in the same run. Target (issue 18): 400 users, 0 errors, p95 of reads
 * < 300 ms, memory flat. The load generator runs in this process and shares the two cores with everything else.
 * LOAD_PROFILE_DIR=<dir> writes a CPU profile of each API process (open it in Chrome's DevTools).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createDb, runMigrations } from "@spatz/db";
import { createTestDatabase, useTestServices } from "@spatz/local/test-services";
import postgres from "postgres";
import { spatz } from "../src/cli.ts";
import { sessionCookie } from "../src/fixtures.ts";
import { HttpSession } from "../src/http-session.ts";
import { type SpatzProcess, startSpatzProcess } from "../src/processes.ts";
import { mark, percentile, seconds } from "./figures.ts";

const list = (v: string | undefined, d: string) => (v ?? d).split(",").map(Number);
const API_COUNTS = list(process.env.LOAD_APIS, "1,2");
const USER_STEPS = list(process.env.LOAD_USERS, "100,200,300,400");
const STEP_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 1000);

type Call = { procedure: string; input?: unknown; write?: boolean };
/** Sends one call and records its time and outcome; returns the answer's data (null on failure). */
type Send = (call: Call) => Promise<unknown>;
type Persona = {
  tenantId: string;
  userId: string;
  role: string;
  /** One step of this user: reads of its own data; a coordinator sometimes looks something up and changes it. */
  step: (send: Send) => Promise<void>;
};

const pick = <T>(items: readonly [T, number][]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = Math.random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[0]![0];
};

const KOMMUNE_READS: [Call, number][] = [
  [{ procedure: "auth.session" }, 2],
  [{ procedure: "maturity.dashboard", input: { orgUnitId: null } }, 3],
  [{ procedure: "measures.list", input: {} }, 3],
  [{ procedure: "portfolio.list", input: {} }, 2],
  [{ procedure: "portfolio.dashboard", input: {} }, 1],
  [{ procedure: "rollout.board", input: {} }, 2],
  [{ procedure: "rollout.kommuneSummary" }, 1],
  [{ procedure: "benchmark.own" }, 1],
];
const STATE_READS: [Call, number][] = [
  [{ procedure: "auth.session" }, 2],
  [{ procedure: "rollout.stateOverview" }, 3],
  [{ procedure: "benchmark.distribution", input: { groupId: "all" } }, 2],
  [{ procedure: "benchmark.status" }, 1],
  [{ procedure: "rollout.drilldown", input: {} }, 2],
];

/** A coordinator's write: a measure between "geplant" and "in Umsetzung", or a rollout record's status forward. */
async function coordinatorWrite(send: Send): Promise<void> {
  if (Math.random() < 0.5) {
    const measures = await send({
      procedure: "measures.list",
      input: { statuses: ["planned", "in_progress"], pageSize: 50 },
    });
    const items = (measures as { items?: { id: string; status: string }[] } | null)?.items ?? [];
    const m = items[Math.floor(Math.random() * items.length)];
    if (m) {
      await send({
        procedure: "measures.setStatus",
        input: { id: m.id, status: m.status === "planned" ? "in_progress" : "planned" },
        write: true,
      });
      return;
    }
  }
  const board = await send({ procedure: "rollout.board", input: { status: "not_started", pageSize: 50 } });
  const rows = (board as { items?: { serviceId: string; version: number }[] } | null)?.items ?? [];
  const r = rows[Math.floor(Math.random() * rows.length)];
  if (r)
    await send({
      procedure: "rollout.updateRecord",
      input: { serviceId: r.serviceId, expectedVersion: r.version, status: "planning" },
      write: true,
    });
}

async function personas(superuser: postgres.Sql, count: number): Promise<Persona[]> {
  const users = await superuser<{ tenantId: string; userId: string; role: string }[]>`
    select u.tenant_id as "tenantId", u.id as "userId", u.role from users u
    join tenants t on t.id = u.tenant_id
    where u.status = 'active' and u.role <> 'admin'
    order by t.kind = 'state', u.role, t.name`;
  const state = users.filter((u) => u.role.startsWith("state_"));
  type User = (typeof users)[number];
  const byRole = new Map<string, User[]>();
  for (const u of users.filter((u) => !u.role.startsWith("state_")))
    byRole.set(u.role, [...(byRole.get(u.role) ?? []), u]);
  const roles = [...byRole.keys()];
  const chosen: Persona[] = [];
  for (let i = 0; i < count; i++) {
    // One in twenty is the Land's staff; the rest take the Kommune roles in turn, each role across all Kommunen.
    const ofRole = byRole.get(roles[i % roles.length]!)!;
    const u =
      i % 20 === 19 && state.length
        ? state[i % state.length]!
        : ofRole[(Math.floor(i / roles.length) * 37) % ofRole.length]!;
    const isState = u.role.startsWith("state_");
    chosen.push({
      ...u,
      step: async (send) => {
        if (!isState && u.role === "coordinator" && Math.random() < 0.2) return coordinatorWrite(send);
        await send(pick(isState ? STATE_READS : KOMMUNE_READS));
      },
    });
  }
  return chosen;
}

/** CPU seconds used so far by the processes whose command line matches (user + system, from /proc). */
function cpuSeconds(match: (cmdline: string, pid: number) => boolean): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      if (!match(cmdline, Number(entry))) continue;
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100;
}

/** Where the CPU goes: API processes, worker, PostgreSQL, Redis and this load generator. */
function cpuByComponent(apis: SpatzProcess[], worker: SpatzProcess) {
  const pids = (ps: SpatzProcess[]) => new Set(ps.map((p) => p.child.pid));
  const apiPids = pids(apis);
  const workerPids = pids([worker]);
  return {
    api: cpuSeconds((_, pid) => apiPids.has(pid)),
    worker: cpuSeconds((_, pid) => workerPids.has(pid)),
    postgres: cpuSeconds((cmd) => /(^|\/)postgres[ :]/.test(cmd)),
    redis: cpuSeconds((cmd) => cmd.includes("redis-server")),
    loadgen: cpuSeconds((_, pid) => pid === process.pid),
  };
}

type Sample = {
  procedure: string;
  ms: number;
  ok: boolean;
  write: boolean;
  status: number;
  error: string | null;
};

async function runStep(apis: SpatzProcess[], users: Persona[], cookies: string[], secondsLong: number) {
  const samples: Sample[] = [];
  let running = true;
  const stopAt = performance.now() + secondsLong * 1000;
  const user = async (persona: Persona, i: number) => {
    const session = new HttpSession(apis[i % apis.length]!.url, cookies[i]!, `198.18.${i >> 8}.${i & 255}`);
    // Ramp-up: users arrive over the first five seconds.
    await new Promise((r) => setTimeout(r, Math.random() * 5_000));
    const send: Send = async (call) => {
      const started = performance.now();
      let result: Awaited<ReturnType<HttpSession["call"]>> | null = null;
      let error: string | null = null;
      try {
        result = await session.call(call.procedure, call.input, call.write ? "mutation" : "query");
        error = result.error;
      } catch (e) {
        error = String((e as Error).cause ?? e);
      }
      samples.push({
        procedure: call.procedure,
        ms: performance.now() - started,
        ok: result?.ok ?? false,
        write: !!call.write,
        status: result?.status ?? 0,
        error,
      });
      return result?.ok ? result.data : null;
    };
    while (running && performance.now() < stopAt) {
      await persona.step(send);
      await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
    }
  };
  await Promise.all(users.map(user));
  running = false;
  return samples;
}

function report(samples: Sample[], secondsLong: number) {
  const ms = (xs: number[], p: number) => percentile(xs, p).toFixed(0).padStart(5);
  const sorted = (xs: Sample[]) => xs.map((s) => s.ms).sort((a, b) => a - b);
  const reads = sorted(samples.filter((s) => !s.write));
  const writes = sorted(samples.filter((s) => s.write));
  const errors = samples.filter((s) => !s.ok);
  const line = {
    rps: samples.length / secondsLong,
    readP95: percentile(reads, 95),
    errors: errors.length,
  };
  console.log(
    `    ${samples.length} requests, ${line.rps.toFixed(0)}/s; reads p50/p95/p99 ${ms(reads, 50)}/${ms(reads, 95)}/${ms(reads, 99)} ms; ` +
      `writes ${writes.length ? `${ms(writes, 50)}/${ms(writes, 95)}/${ms(writes, 99)} ms` : "–"}; errors ${errors.length}`,
  );
  const byProcedure = new Map<string, Sample[]>();
  for (const s of samples) byProcedure.set(s.procedure, [...(byProcedure.get(s.procedure) ?? []), s]);
  for (const [procedure, xs] of [...byProcedure].sort()) {
    const t = sorted(xs);
    const failed = xs.filter((s) => !s.ok);
    console.log(
      `      ${procedure.padEnd(28)} ${String(xs.length).padStart(6)}  p50/p95/p99 ${ms(t, 50)}/${ms(t, 95)}/${ms(t, 99)} ms` +
        (failed.length ? `  ${failed.length} errors, e.g. ${failed[0]!.status} ${failed[0]!.error}` : ""),
    );
  }
  return line;
}

async function main() {
  const services = await useTestServices();
  const database = await createTestDatabase(services.postgresUrl, "spatz_bench_load");
  const superuser = postgres(database.ownerUrl.replace("spatz_owner@", "postgres@"), {
    max: 2,
    onnotice: () => {},
  });
  const app = createDb(database.appUrl, { max: 4 });
  const processes: SpatzProcess[] = [];
  try {
    await runMigrations(database.ownerUrl);
    const started = performance.now();
    const seeded = spatz(["seed-demo"], { DATABASE_URL: database.appUrl });
    if (seeded.code !== 0) throw new Error(seeded.out);
    const [counts] = await superuser<{ tenants: number; users: number; measures: number; records: number }[]>`
      select (select count(*)::int from tenants) as tenants, (select count(*)::int from users) as users,
             (select count(*)::int from measures) as measures, (select count(*)::int from rollout_records) as records`;
    console.log(
      `Demo-Daten: ${counts!.tenants} Mandanten, ${counts!.users} Konten, ${counts!.measures} Maßnahmen, ${counts!.records} Rollout-Einträge (${seconds(performance.now() - started)})`,
    );
    const maxUsers = Math.max(...USER_STEPS);
    const everyone = await personas(superuser, maxUsers);
    const cookies: string[] = [];
    for (const p of everyone) cookies.push(await sessionCookie(app.db, p.tenantId, p.userId));

    const env = {
      databaseUrl: database.appUrl,
      redisUrl: services.redisUrl,
      LOG_LEVEL: "warn",
      TRUST_PROXY: "true",
      DB_POOL_SIZE: "20",
    };
    const worker = await startSpatzProcess("worker", { ...env, LOG_LEVEL: "info" });
    processes.push(worker);
    const summary: string[] = [];
    for (const apiCount of API_COUNTS) {
      const apis: SpatzProcess[] = [];
      // LOAD_PROFILE_DIR: every API process writes a CPU profile there when it stops (node --cpu-prof).
      const profile = process.env.LOAD_PROFILE_DIR
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.LOAD_PROFILE_DIR}`]
        : [];
      for (let i = 0; i < apiCount; i++) apis.push(await startSpatzProcess("api", env, profile));
      processes.push(...apis);
      console.log(
        `\n${apiCount} API-Prozess(e), 1 Worker, ${STEP_SECONDS} s je Stufe, Denkzeit ~${THINK_MS} ms`,
      );
      for (const users of USER_STEPS) {
        const before = apis.map((a) => a.rssMiB());
        const cpuBefore = cpuByComponent(apis, worker);
        const workerBefore = worker.rssMiB();
        console.log(`  ${users} Nutzer:`);
        const samples = await runStep(apis, everyone.slice(0, users), cookies, STEP_SECONDS);
        const line = report(samples, STEP_SECONDS);
        const after = apis.map((a) => a.rssMiB());
        const cpuAfter = cpuByComponent(apis, worker);
        console.log(
          `    CPU (cores busy on average): ${Object.entries(cpuAfter)
            .map(
              ([k, v]) => `${k} ${((v - cpuBefore[k as keyof typeof cpuBefore]) / STEP_SECONDS).toFixed(2)}`,
            )
            .join(", ")}`,
        );
        console.log(
          `    memory: API ${before.map((b, i) => `${b.toFixed(0)}→${after[i]!.toFixed(0)}`).join(", ")} MiB; worker ${workerBefore.toFixed(0)}→${worker.rssMiB().toFixed(0)} MiB`,
        );
        const met = line.errors === 0 && line.readP95 < 300;
        summary.push(
          `${apiCount} API, ${String(users).padStart(3)} Nutzer: ${line.rps.toFixed(0).padStart(4)} req/s, reads p95 ${line.readP95.toFixed(0).padStart(4)} ms, ${line.errors} Fehler ${users === 400 ? mark(met) : ""}`,
        );
      }
      await Promise.all(apis.map((a) => a.stop()));
    }
    console.log(
      `\nZusammenfassung (Ziel: 400 Nutzer, 0 Fehler, reads p95 < 300 ms):\n  ${summary.join("\n  ")}`,
    );
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await app.close();
    await superuser.end();
    await database.drop();
  }
}

await main();
process.exit(0);
