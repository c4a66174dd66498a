// The API behind PgBouncer in transaction mode (Debian's pgbouncer; before 1.21 it cannot keep prepared statements,
// so the API runs with DB_PREPARED_STATEMENTS=false): thirty users of three Kommunen write and read at once over four
// server connections, every transaction keeps its own tenant (SET LOCAL lives and dies with the transaction), and
// nothing fails.

import { existsSync } from "node:fs";
import { queries, withTenant } from "@spatz/db";
import { PGBOUNCER_BIN, type PgBouncer, startPgBouncer } from "@spatz/local";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { HttpSession } from "../src/http-session.ts";
import { type SpatzProcess, startSpatzProcess } from "../src/processes.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const SERVER_CONNECTIONS = 4;
const USERS_PER_KOMMUNE = 10;
let t: TestApp;
let bouncer: PgBouncer;
let api: SpatzProcess;
let kommunen: FixtureTenant[];

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommunen = [];
  for (const label of ["bouncer-a", "bouncer-b", "bouncer-c"])
    kommunen.push(await createTenant(t.client.db, label));
  bouncer = await startPgBouncer(inject("appUrl"), { poolSize: SERVER_CONNECTIONS });
  api = await startSpatzProcess("api", {
    databaseUrl: bouncer.url,
    redisUrl: inject("redisUrl"),
    DB_PREPARED_STATEMENTS: "false",
    DB_POOL_SIZE: "30",
    TRUST_PROXY: "true",
    LOG_LEVEL: "warn",
  });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await bouncer?.stop();
  await t?.close();
});

describe.runIf(existsSync(PGBOUNCER_BIN))("behind PgBouncer in transaction mode", () => {
  it("thirty users of three Kommunen over four server connections: each sees only its own, nothing fails", async () => {
    const failures: string[] = [];
    let calls = 0;
    const started = performance.now();
    await Promise.all(
      kommunen.flatMap((kommune, k) =>
        Array.from({ length: USERS_PER_KOMMUNE }, async (_, u) => {
          const cookie = await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id);
          const user = new HttpSession(api.url, cookie);
          for (let i = 0; i < 3; i++) {
            const created = await user.mutate("orgUnits.create", {
              code: `B${k}${u}${i}`,
              name: `${kommune.slug} Einheit ${u}.${i}`,
              kind: "other",
              parentId: null,
            });
            calls++;
            if (!created.ok) failures.push(`create: ${created.status} ${created.error}`);
            for (let r = 0; r < 3; r++) {
              const list = await user.query("orgUnits.list");
              calls++;
              if (!list.ok) failures.push(`list: ${list.status} ${list.error}`);
              const foreign = (list.data as { name: string }[]).filter(
                (o) => !o.name.startsWith(kommune.slug),
              );
              const own = (list.data as { name: string }[]).filter((o) => o.name.startsWith(kommune.slug));
              if (foreign.some((o) => kommunen.some((other) => o.name.startsWith(other.slug))))
                failures.push(`${kommune.slug} saw ${foreign.map((o) => o.name).join(", ")}`);
              if (own.length < i + 1) failures.push(`${kommune.slug} misses its own units`);
            }
          }
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `pgbouncer (${bouncer.version}): ${calls} calls of 30 users over ${SERVER_CONNECTIONS} server connections in ${seconds.toFixed(1)} s, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    for (const kommune of kommunen) {
      const units = await withTenant(t.client.db, kommune.id, (tx) => queries.listOrgUnits(tx));
      expect(units.filter((o) => o.name.startsWith(kommune.slug))).toHaveLength(USERS_PER_KOMMUNE * 3);
    }
  }, 120_000);
});
