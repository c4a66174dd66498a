/**
 * Server time of the state PMO's rollout dashboards with the real catalogue (557 OZG-Leistungen) and all 133 Kommunen.
 *
 *   pnpm --filter @spatz/test bench:rollout            (throwaway PostgreSQL/Redis, about two minutes)
 *
 * Two data sets, both through the real HTTP surface of an in-process API (session check, tenant transaction with RLS,
 * the state's read policy, superjson), as the state PMO:
 *  1. the demo data: the derived responsibility (13,249 responsible pairs) and the demo seed's records;
 *  2. the issue's load: the PMO marks every service as executed by all four kinds of Kommune, and every one of the
 *     133 × 557 = 74,081 pairs gets a record.
 * Prints p50, p95 and max per dashboard (target: p95 < 200 ms) and the seed's time.
 */
import { createDb, runMigrations, STATE_TENANT_ID, withTenant } from "@spatz/db";
import {
  loadTenants,
  seedCatalogue,
  seedDemoRollout,
  seedDemoServiceInfo,
  seedDemoStateData,
} from "@spatz/db/seed";
import { createTestDatabase, useTestServices } from "@spatz/local/test-services";
import { sql } from "drizzle-orm";
import { ApiSession } from "../src/api-client.ts";
import { addUser, sessionCookie, stateTenant } from "../src/fixtures.ts";
import { createTestApp } from "../src/server.ts";
import { percentile } from "./figures.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 3;

type Call = { label: string; path: string; input?: unknown };

const CALLS: Call[] = [
  { label: "Landesüberblick (stateOverview)", path: "rollout.stateOverview" },
  { label: "Abdeckung je Leistung (coverageByService)", path: "rollout.coverageByService" },
  { label: "Kreise, Kommunen, Karte (coverageByKommune)", path: "rollout.coverageByKommune" },
  { label: "Verlauf je Monat (progress)", path: "rollout.progress" },
  { label: "Engpässe > 6 Monate (bottlenecks)", path: "rollout.bottlenecks", input: { months: 6 } },
  {
    label: "Drill-down in Umsetzung, Seite 1 (drilldown)",
    path: "rollout.drilldown",
    input: { status: "implementing", page: 1, pageSize: 50 },
  },
  { label: "Kostenmodell mit Restkosten (costModel)", path: "rollout.costModel", input: { params: {} } },
  {
    label: "Export Kommunen als XLSX (exportState)",
    path: "rollout.exportState",
    input: { table: "kommunen", format: "xlsx" },
  },
];

async function measure(session: ApiSession, call: Call): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await session.must(call.path, call.input);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await session.must(call.path, call.input);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function report(title: string, sessions: { state: ApiSession; kommune: ApiSession }) {
  console.log(`\n${title}`);
  console.log(`${"Dashboard".padEnd(48)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)}`);
  const calls: [Call, ApiSession][] = [
    ...CALLS.map((c): [Call, ApiSession] => [c, sessions.state]),
    [
      {
        label: "(Kommune) eigene Übersicht, Seite 1 (board)",
        path: "rollout.board",
        input: { page: 1, pageSize: 25 },
      },
      sessions.kommune,
    ],
    [
      { label: "(Kommune) Stand und Landesdurchschnitt (kommuneSummary)", path: "rollout.kommuneSummary" },
      sessions.kommune,
    ],
  ];
  let worst = 0;
  for (const [call, session] of calls) {
    const t = await measure(session, call);
    const p95 = percentile(t, 95);
    if (session === sessions.state) worst = Math.max(worst, p95);
    console.log(
      `${call.label.padEnd(48)} ${percentile(t, 50).toFixed(1).padStart(6)} ms ${p95.toFixed(1).padStart(6)} ms ${t.at(-1)!.toFixed(1).padStart(6)} ms`,
    );
  }
  console.log(
    `→ slowest state dashboard p95: ${worst.toFixed(1)} ms (target < 200 ms) ${worst < 200 ? "✓" : "✗"}`,
  );
}

async function main() {
  const services = await useTestServices();
  const database = await createTestDatabase(services.postgresUrl, "spatz_bench");
  try {
    await runMigrations(database.ownerUrl);
    const client = createDb(database.appUrl, { max: 4 });
    const actor = { userId: null, label: "Benchmark" };
    await loadTenants(client.db, "Benchmark");
    await seedCatalogue(client.db, actor);
    await seedDemoServiceInfo(client.db, actor);
    let started = performance.now();
    const demoRecords = await seedDemoRollout(client.db, actor);
    const demoSeedMs = performance.now() - started;
    await seedDemoStateData(client.db, actor);

    const app = createTestApp({ appUrl: database.appUrl, redisUrl: services.redisUrl });
    const state = await stateTenant(app.client.db);
    const kommune = await withTenant(app.client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ id: string; slug: string }>(sql`select id, slug from tenants where slug = 'halle-saale'`),
    );
    const halle = await createTenantUser(app, kommune[0]!.id, kommune[0]!.slug);
    const sessions = {
      state: new ApiSession(app, await sessionCookie(app.client.db, state.id, state.users.state_pmo!.id)),
      kommune: new ApiSession(app, halle),
    };

    const count = async () =>
      (
        await withTenant(client.db, STATE_TENANT_ID, (tx) =>
          tx.execute<{ n: number }>(sql`select count(*)::int as n from rollout_records`),
        )
      )[0]!.n;
    console.log(
      `Demo-Daten: ${demoRecords} Einträge in ${Math.round(demoSeedMs)} ms geschrieben (${await count()} insgesamt)`,
    );
    await report("1) Demo-Daten (abgeleitete Zuständigkeit)", sessions);

    // 2) Every service executed by all four kinds; a record for every one of the 133 × 557 pairs.
    await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute(sql`
        update ozg_services set override_municipal = true,
          override_kinds = array['kreisfreie_stadt','landkreis','einheitsgemeinde','verbandsgemeinde'],
          override_reason = 'Benchmark: alle Leistungen für alle Kommunen', override_by = 'Benchmark', override_at = now(),
          municipal_execution = true,
          responsible_kinds = array['kreisfreie_stadt','landkreis','einheitsgemeinde','verbandsgemeinde']`),
    );
    started = performance.now();
    const more = await seedDemoRollout(client.db, actor, { everyPair: true });
    const fullSeedMs = performance.now() - started;
    await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute(sql`analyze rollout_records`).catch(() => undefined),
    );
    console.log(
      `\nVolllast: ${more} weitere Einträge in ${Math.round(fullSeedMs)} ms geschrieben, ${await count()} Einträge insgesamt (133 Kommunen × 557 Leistungen = 74.081)`,
    );
    const mix = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ status: string; n: number }>(
        sql`select status, count(*)::int as n from rollout_records group by status order by n desc`,
      ),
    );
    console.log(`Status der Einträge: ${mix.map((m) => `${m.status} ${m.n}`).join(", ")}`);
    await report("2) 133 Kommunen × 557 Leistungen, jede mit Eintrag", sessions);

    await app.close();
    await client.close();
  } finally {
    await database.drop();
    await services.stop();
  }
}

/** A coordinator of an existing Kommune (Halle) for the Kommune-side figures. */
async function createTenantUser(app: ReturnType<typeof createTestApp>, tenantId: string, slug: string) {
  const user = await addUser(
    app.client.db,
    { id: tenantId, slug, name: slug, kind: "kreisfreie_stadt", users: {} },
    "coordinator",
  );
  return sessionCookie(app.client.db, tenantId, user.id);
}

await main();
process.exit(0);
