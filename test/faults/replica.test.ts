// The read pool on a streaming replica (DATABASE_READ_URL): a primary and a replica made with pg_basebackup, the API
// as its own process with both. The Land's dashboards read from the replica; a session the replica has not received
// yet (replay paused) is answered by the primary and keeps its cookie; the Kommune's lists and every write stay on
// the primary; a replica that is gone costs the dashboards nothing but the detour.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type DbClient, runMigrations } from "@spatz/db";
import {
  createTestDatabase,
  freePort,
  type PostgresServer,
  startPostgres,
  startReplica,
  type TestDatabase,
} from "@spatz/local";
import { until } from "@spatz/local/test-helpers";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant, sessionCookie, stateTenant } from "../src/fixtures.ts";
import { HttpSession } from "../src/http-session.ts";
import { type SpatzProcess, startSpatzProcess } from "../src/processes.ts";

let dir: string;
let primary: PostgresServer;
let replica: PostgresServer;
let database: TestDatabase;
let app: DbClient;
let api: SpatzProcess;
let state: FixtureTenant;
let kommune: FixtureTenant;
let onReplica: postgres.Sql;
let onPrimary: postgres.Sql;

const atPort = (url: string, port: number) => {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
};
/** Connections of the API's pools on a server, by application name. */
const connections = async (sql: postgres.Sql, name: string) =>
  (
    await sql<
      { n: number }[]
    >`select count(*)::int as n from pg_stat_activity where application_name = ${name}`
  )[0]!.n;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "spatz-replica-"));
  chmodSync(dir, 0o755); // the servers run as the postgres user when we are root
  primary = await startPostgres({
    dataDir: path.join(dir, "primary"),
    port: await freePort(),
    durable: false,
  });
  database = await createTestDatabase(primary.url, "spatz_replica");
  await runMigrations(database.ownerUrl);
  app = createDb(database.appUrl, { max: 4 });
  state = await stateTenant(app.db);
  kommune = await createTenant(app.db, "replik");
  replica = await startReplica(primary, { dataDir: path.join(dir, "replica"), port: await freePort() });
  const replicaDb = (url: string) => atPort(url, replica.port);
  onReplica = postgres(replicaDb(database.superuserUrl.replace(/\/postgres$/, `/${database.name}`)), {
    max: 1,
  });
  onPrimary = postgres(database.superuserUrl.replace(/\/postgres$/, `/${database.name}`), { max: 1 });
  api = await startSpatzProcess("api", {
    databaseUrl: database.appUrl,
    redisUrl: inject("redisUrl"),
    DATABASE_READ_URL: replicaDb(database.appUrl),
    LOG_LEVEL: "warn",
  });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await onReplica?.end();
  await onPrimary?.end();
  await app?.close();
  await replica?.stop();
  await primary?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the read pool on a streaming replica", () => {
  it("answers the Land's dashboards from the replica, which is read-only", async () => {
    expect((await onReplica`select pg_is_in_recovery() as r`)[0]!.r).toBe(true);
    const cookie = await sessionCookie(app.db, state.id, state.users.state_pmo!.id);
    const pmo = new HttpSession(api.url, cookie);
    for (let i = 0; i < 5; i++) {
      const overview = await pmo.query("rollout.stateOverview");
      expect(overview.status, overview.error ?? "").toBe(200);
    }
    expect(await connections(onReplica, "spatz-api-read")).toBeGreaterThan(0);
    expect(await connections(onPrimary, "spatz-api-read")).toBe(0);
  });

  it("sends a session the replica has not received yet to the primary, and keeps the cookie", async () => {
    await onReplica`select pg_wal_replay_pause()`;
    try {
      const cookie = await sessionCookie(app.db, state.id, state.users.state_pmo!.id);
      const res = await fetch(`${api.url}/trpc/rollout.stateOverview`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toBeNull();
    } finally {
      await onReplica`select pg_wal_replay_resume()`;
    }
  });

  it("keeps the Kommune's lists and every write on the primary", async () => {
    const admin = new HttpSession(api.url, await sessionCookie(app.db, kommune.id, kommune.users.admin!.id));
    const created = await admin.mutate("orgUnits.create", {
      code: "REP",
      name: "Replikat-Amt",
      kind: "other",
    });
    expect(created.ok, created.error ?? "").toBe(true);
    const list = await admin.query("orgUnits.list");
    expect((list.data as { name: string }[]).map((o) => o.name)).toContain("Replikat-Amt");
    // The write reaches the replica by streaming, not by the API.
    await until("the replica to replay the write", async () => {
      const rows = await onReplica`select 1 from org_units where name = 'Replikat-Amt'`;
      return rows.length > 0;
    });
  });

  it("lets the primary answer the dashboards while the replica is gone", async () => {
    const pmo = new HttpSession(api.url, await sessionCookie(app.db, state.id, state.users.state_pmo!.id));
    await replica.stop();
    const started = performance.now();
    const overview = await pmo.query("rollout.stateOverview");
    console.log(
      `replica gone: the dashboard answered by the primary in ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(overview.status, overview.error ?? "").toBe(200);
  });
});
