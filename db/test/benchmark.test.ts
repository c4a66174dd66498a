// The benchmark in the database (docs/adr/0009-benchmark-privacy.md), on a database of its own so that the aggregates
// cover exactly the Kommunen created here:
// - peer groups in SQL equal the pure definition for every real tenant and every size boundary;
// - snapshots equal the engine's assessment at each Stichtag, reruns change nothing, a new model version rewrites them;
// - aggregates: k-anonymous figures, the differencing guard's suppressions, no raw figure of a suppressed group;
// - privacy by construction: named sharing both ways, immediate revocation, the runtime role cannot read raw snapshots
//   across tenants nor write aggregates, a published row below k cannot be stored by any path.
import { randomUUID } from "node:crypto";
import { peerGroupIdsOf } from "@spatz/benchmark";
import { createMigratedTestDatabase, type TestDatabase } from "@spatz/local/test-services";
import { assess, type MeasureInput } from "@spatz/maturity";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { DEFAULT_MODEL_ID, STATE_TENANT_ID } from "../src/constants.ts";
import { runMigrations } from "../src/migrate.ts";
import {
  aggregateBenchmarks,
  benchmarkCatalogue,
  benchmarkDistribution,
  benchmarkSharedKommunen,
  createDraftFrom,
  getSharing,
  loadModel,
  publishDraft,
  refreshMaturitySnapshot,
  setBenchmarkK,
  setSharing,
} from "../src/queries/index.ts";
import { maturityBenchmarks, maturitySnapshots } from "../src/schema/benchmark.ts";
import { maturitySettings, measures } from "../src/schema/measures.ts";
import { tenants } from "../src/schema/tenants.ts";
import { seedBenchmarkDemo } from "../src/seed/benchmark-demo.ts";
import { loadTenants } from "../src/seed/load-tenants.ts";
import { loadReferenceData } from "../src/seed/reference-data.ts";
import { withTenant } from "../src/tenant-tx.ts";

let scratch: TestDatabase;
let client: DbClient;
let admin: postgres.Sql;
const TODAY = "2026-12-05";
const actor = { userId: null, label: "Test" };

beforeAll(async () => {
  // Other test packages migrate at the same time: under their lock (roles are cluster-wide).
  scratch = await createMigratedTestDatabase(inject("superuserUrl"), "spatz_benchmark", runMigrations);
  client = createDb(scratch.appUrl, { max: 4 });
  admin = postgres(scratch.ownerUrl.replace("spatz_owner@", "postgres@"), { max: 1, onnotice: () => {} });
}, 120_000);
afterAll(async () => {
  await client?.close();
  await admin?.end();
  await scratch?.drop();
});

type Kommune = {
  id: string;
  kind: "einheitsgemeinde" | "verbandsgemeinde" | "landkreis" | "kreisfreie_stadt";
};

async function createKommune(
  kind: Kommune["kind"],
  population: number,
  kreisAgs: string | null = "15099",
): Promise<Kommune> {
  const slug = `b-${randomUUID().slice(0, 8)}`;
  const [row] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
    tx
      .insert(tenants)
      .values({
        slug,
        name: `Kommune ${slug}`,
        kind,
        population,
        kreisAgs,
        kreisName: kreisAgs ? "Testkreis" : null,
      })
      .returning({ id: tenants.id }),
  );
  return { id: row!.id, kind };
}

type SeedMeasure = Partial<typeof measures.$inferInsert> & { criterionKeys: string[] };

async function addMeasures(tenantId: string, rows: SeedMeasure[]) {
  await withTenant(client.db, tenantId, (tx) =>
    tx.insert(measures).values(
      rows.map((r) => ({
        title: "Maßnahme",
        createdAt: new Date("2023-01-01T10:00:00Z"),
        ...r,
        evidenceText: r.status === "completed" ? "Nachweis" : null,
        tenantId,
      })),
    ),
  );
}

const snapshot = (tenantId: string, today = TODAY) =>
  withTenant(client.db, tenantId, (tx) => refreshMaturitySnapshot(tx, tenantId, { today }));

const aggregate = (scope: "current" | "all", today = TODAY) =>
  withTenant(client.db, STATE_TENANT_ID, (tx) => aggregateBenchmarks(tx, { scope, today }), {
    isolation: "repeatable read",
  });

const ownRows = (tenantId: string) =>
  withTenant(client.db, tenantId, (tx) =>
    tx.select().from(maturitySnapshots).where(eq(maturitySnapshots.tenantId, tenantId)),
  );

describe("peer groups", () => {
  it("the database groups every real Kommune and every size boundary exactly like @spatz/benchmark", async () => {
    const facts = [
      ...loadReferenceData().kommunen.map((k) => ({
        kind: k.kind,
        population: k.population ?? null,
        kreisAgs: k.kreisAgs ?? null,
      })),
      ...[0, 4_999, 5_000, 9_999, 10_000, 19_999, 20_000, 99_999, 100_000].flatMap((population) =>
        (["einheitsgemeinde", "verbandsgemeinde", "kreisfreie_stadt", "landkreis"] as const).map((kind) => ({
          kind,
          population,
          kreisAgs: "15084",
        })),
      ),
      { kind: "einheitsgemeinde" as const, population: null, kreisAgs: null },
      { kind: "state" as const, population: null, kreisAgs: null },
    ];
    expect(facts.length).toBeGreaterThan(133);
    const rows = await admin<{ groups: string[] }[]>`
      select benchmark_groups_of(f.kind, f.population, f.kreis_ags) as groups
      from unnest(${facts.map((f) => f.kind)}::text[], ${facts.map((f) => f.population)}::int[],
                  ${facts.map((f) => f.kreisAgs)}::text[]) with ordinality as f(kind, population, kreis_ags, i)
      order by f.i`;
    expect(rows.map((r) => r.groups)).toEqual(facts.map((f) => peerGroupIdsOf(f)));
  });
});

describe("snapshots", () => {
  let kommune: Kommune;
  const seeded: SeedMeasure[] = [
    { criterionKeys: ["strategie.1.verantwortung"], status: "completed", completedOn: "2024-03-10" },
    { criterionKeys: ["strategie.1.bestandsaufnahme"], status: "completed", completedOn: "2024-06-01" },
    // Valid for 12 months: fulfilled from 2024-05-15 until 2025-05-14.
    { criterionKeys: ["strategie.3.portfolio-priorisiert"], status: "completed", completedOn: "2024-05-15" },
    { criterionKeys: ["sicherheit.1.isb"], status: "completed", completedOn: "2025-02-01" },
    {
      criterionKeys: ["sicherheit.1.leitlinie"],
      status: "planned",
      plannedEnd: "2027-03-31",
      createdAt: new Date("2025-01-01T10:00:00Z"),
    },
    { criterionKeys: ["kompetenzen.1.bedarfserhebung"], status: "completed", completedOn: "2026-11-30" },
    { criterionKeys: ["daten.1.verarbeitungsverzeichnis"], status: "completed", completedOn: "2025-12-15" },
    { criterionKeys: ["prozesse.1.prozesslandkarte"], status: "discarded" },
    { criterionKeys: ["strategie.2.strategie-beschlossen"], status: "completed", completedOn: "2026-12-03" },
    {
      criterionKeys: ["zusammenarbeit.1.videokonferenz", "infrastruktur.1.inventar"],
      status: "completed",
      completedOn: "2023-06-30",
    },
  ];

  beforeAll(async () => {
    kommune = await createKommune("einheitsgemeinde", 12_000);
    await addMeasures(kommune.id, seeded);
  });

  it("equal the engine's assessment at every Stichtag: the current day and 36 month ends", async () => {
    const result = await snapshot(kommune.id);
    expect(result).toMatchObject({ computed: true, currentChanged: true, modelChanged: false });
    expect(result.monthEndsWritten).toHaveLength(36);
    const model = (await withTenant(client.db, kommune.id, (tx) => loadModel(tx, DEFAULT_MODEL_ID)))!;
    const inputs: MeasureInput[] = seeded.map((m, i) => ({
      id: String(i),
      status: m.status ?? "planned",
      completedOn: m.completedOn ?? null,
      plannedEnd: m.plannedEnd ?? null,
      criterionKeys: m.criterionKeys,
    }));
    const rows = await ownRows(kommune.id);
    expect(rows).toHaveLength(37 * 9);
    const stichtage = [...new Set(rows.map((r) => r.stichtag))].sort();
    expect(stichtage[0]).toBe("2023-12-31");
    expect(stichtage.at(-2)).toBe("2026-11-30");
    expect(stichtage.at(-1)).toBe(TODAY);
    for (const stichtag of stichtage) {
      const engine = assess(model, inputs, stichtag);
      const at = rows.filter((r) => r.stichtag === stichtag);
      expect(at.find((r) => r.metric === "index")!.score, stichtag).toBeCloseTo(engine.index, 12);
      for (const d of engine.dimensions) {
        const row = at.find((r) => r.metric === d.key)!;
        expect({ level: row.level, score: row.score }, `${stichtag} ${d.key}`).toEqual({
          level: d.level,
          score: d.score,
        });
      }
    }
    // The expiring criterion shows in the history: fulfilled at the end of 2024, not a year later.
    const level3 = (stichtag: string) =>
      assess(model, inputs, stichtag).dimensions.find((d) => d.key === "strategie")!.levels[2]!.criteria[1]!;
    expect([level3("2024-12-31").fulfilled, level3("2025-05-31").fulfilled]).toEqual([true, false]);
    // Counts at the end of 2024: Informationssicherheit had the ISB measure open (completed only in 2025), the
    // Leitlinie was not entered yet; Strategie had three completed measures.
    const end2024 = rows.filter((r) => r.stichtag === "2024-12-31" && r.period === "month_end");
    expect(end2024.find((r) => r.metric === "sicherheit")).toMatchObject({
      completedMeasures: 0,
      openMeasures: 1,
    });
    expect(end2024.find((r) => r.metric === "strategie")).toMatchObject({
      completedMeasures: 3,
      openMeasures: 1,
    });
    expect(end2024.find((r) => r.metric === "index")).toMatchObject({
      completedMeasures: 4,
      openMeasures: 4,
    });
    // Today: the discarded measure counts nowhere; the measure linked to two dimensions counts in both.
    const current = rows.filter((r) => r.period === "current");
    expect(current.find((r) => r.metric === "index")).toMatchObject({
      completedMeasures: 8,
      openMeasures: 1,
    });
    expect(current.find((r) => r.metric === "zusammenarbeit")).toMatchObject({ completedMeasures: 1 });
    expect(current.find((r) => r.metric === "infrastruktur")).toMatchObject({ completedMeasures: 1 });
    expect(current.find((r) => r.metric === "prozesse")).toMatchObject({
      completedMeasures: 0,
      openMeasures: 0,
    });
  });

  it("a rerun changes nothing; a later run adds only the month end that has passed", async () => {
    const before = await ownRows(kommune.id);
    const again = await snapshot(kommune.id);
    expect(again).toMatchObject({ currentChanged: false, monthEndsWritten: [], modelChanged: false });
    const after = await ownRows(kommune.id);
    const key = (r: (typeof before)[number]) => `${r.period}|${r.stichtag}|${r.metric}`;
    expect(new Set(after.map(key)).size).toBe(after.length);
    expect(after.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      before.sort((a, b) => key(a).localeCompare(key(b))),
    );
    const nextMonth = await snapshot(kommune.id, "2027-01-02");
    expect(nextMonth.monthEndsWritten).toEqual(["2026-12-31"]);
    const later = await ownRows(kommune.id);
    expect(later.filter((r) => r.period === "month_end")).toHaveLength(37 * 9);
    expect(later.filter((r) => r.period === "current").every((r) => r.stichtag === "2027-01-02")).toBe(true);
    // Month ends written before are untouched (same computed_at).
    for (const old of before.filter((r) => r.period === "month_end")) {
      expect(later.find((r) => key(r) === key(old))).toEqual(old);
    }
  });

  it("a Kommune's refresh is not fooled by the snapshots others share with it", async () => {
    // Y shares with Kommunen, so X's transaction sees Y's rows too; X must still write and compare its own.
    const [x, y] = [
      await createKommune("einheitsgemeinde", 9_000),
      await createKommune("einheitsgemeinde", 9_500),
    ];
    await addMeasures(y.id, seeded.slice(0, 2));
    await snapshot(y.id);
    await withTenant(client.db, y.id, (tx) =>
      setSharing(tx, y.id, actor, { withLand: false, withKommunen: true }),
    );
    const first = await snapshot(x.id);
    expect(first).toMatchObject({ currentChanged: true, modelChanged: false });
    expect(first.monthEndsWritten).toHaveLength(36);
    expect(await admin`select count(*)::int as n from maturity_snapshots where tenant_id = ${x.id}`).toEqual([
      { n: 37 * 9 },
    ]);
    await withTenant(client.db, y.id, (tx) =>
      setSharing(tx, y.id, actor, { withLand: false, withKommunen: false }),
    );
  });

  it("a new model version rewrites the Kommune's month ends with that version", async () => {
    const other = await createKommune("einheitsgemeinde", 7_000);
    await addMeasures(other.id, seeded.slice(0, 3));
    await snapshot(other.id);
    const newModel = await withTenant(client.db, STATE_TENANT_ID, async (tx) => {
      const model = (await loadModel(tx, DEFAULT_MODEL_ID))!;
      const draft = await createDraftFrom(tx, { ...model, id: DEFAULT_MODEL_ID });
      await publishDraft(tx, draft, {}, "Test");
      return draft;
    });
    await withTenant(client.db, other.id, (tx) =>
      tx.insert(maturitySettings).values({ tenantId: other.id, modelId: newModel }),
    );
    const result = await snapshot(other.id);
    expect(result.modelChanged).toBe(true);
    expect(result.monthEndsWritten).toHaveLength(36);
    const rows = await ownRows(other.id);
    expect(rows).toHaveLength(37 * 9);
    expect(new Set(rows.map((r) => r.modelId))).toEqual(new Set([newModel]));
    // The other Kommune is not pinned: it follows the published version, and its next refresh moves it too.
    await withTenant(client.db, kommune.id, (tx) =>
      tx.insert(maturitySettings).values({ tenantId: kommune.id, modelId: DEFAULT_MODEL_ID }),
    );
  });
});

describe("aggregates and privacy", () => {
  // Kreis 15098: 7 Einheitsgemeinden and 6 Verbandsgemeinden; elsewhere 2 Landkreise and 1 kreisfreie Stadt.
  let eg: Kommune[] = [];
  let vg: Kommune[] = [];
  let kreisebene: Kommune[] = [];

  beforeAll(async () => {
    // A clean slate: only the Kommunen of this block have snapshots.
    await admin`delete from maturity_snapshots`;
    eg = await Promise.all(
      [6_000, 7_000, 8_000, 12_000, 13_000, 14_000, 25_000].map((p) =>
        createKommune("einheitsgemeinde", p, "15098"),
      ),
    );
    vg = await Promise.all(
      [6_500, 7_500, 8_500, 11_000, 12_500, 15_000].map((p) => createKommune("verbandsgemeinde", p, "15098")),
    );
    kreisebene = await Promise.all([
      createKommune("landkreis", 180_000, "15097"),
      createKommune("landkreis", 150_000, "15096"),
      createKommune("kreisfreie_stadt", 80_000, "15001"),
    ]);
    const all = [...eg, ...vg, ...kreisebene];
    for (const [i, k] of all.entries()) {
      const done = [
        "strategie.1.verantwortung",
        "strategie.1.bestandsaufnahme",
        "sicherheit.1.isb",
        "sicherheit.1.leitlinie",
        "daten.1.fachverfahrenskataster",
      ].slice(0, (i % 5) + 1);
      await addMeasures(
        k.id,
        done.map((key) => ({ criterionKeys: [key], status: "completed", completedOn: "2025-03-01" })),
      );
      await snapshot(k.id);
    }
    // Kommunen of the other blocks (pinned to another version) are not in these figures.
    await admin`delete from maturity_snapshots where tenant_id <> all(${all.map((k) => k.id)}::uuid[])`;
  }, 60_000);

  it("publish n ≥ k figures equal to the snapshots, and suppress small groups and their complement", async () => {
    const result = await aggregate("all");
    expect(result.k).toBe(5);
    // Kreisebene (3) is below k; "all" minus Einheitsgemeinden and Verbandsgemeinden would reveal it, so the
    // smallest published kind group (the 6 Verbandsgemeinden) is suppressed too – and so is the only Kreis group,
    // because "all" minus the Kreis' Gemeinden is the Kreisebene again.
    expect(result.suppressedByDifferencing).toEqual(["kind:verbandsgemeinde", "kreis:15098"]);
    const rows = await withTenant(client.db, eg[0]!.id, (tx) =>
      tx
        .select()
        .from(maturityBenchmarks)
        .where(and(eq(maturityBenchmarks.period, "current"), eq(maturityBenchmarks.metric, "index"))),
    );
    const by = new Map(rows.map((r) => [r.groupId, r]));
    expect(by.get("all")).toMatchObject({ suppressed: false, n: 16 });
    expect(by.get("kind:einheitsgemeinde")).toMatchObject({ suppressed: false, n: 7 });
    expect(by.get("kind:kreisebene")).toMatchObject({
      suppressed: true,
      suppressionReason: "below_k",
      n: null,
      median: null,
    });
    expect(by.get("kind:verbandsgemeinde")).toMatchObject({
      suppressed: true,
      suppressionReason: "differencing",
      n: null,
      mean: null,
    });
    for (const r of rows) {
      if (r.suppressed)
        expect([r.n, r.min, r.p25, r.median, r.p75, r.max, r.mean, r.levelCounts]).toEqual(
          Array(8).fill(null),
        );
      else expect(r.n!).toBeGreaterThanOrEqual(5);
    }
    // The figures are those of the snapshots (computed here by hand from the Kommunen's own rows).
    const scores: number[] = [];
    for (const k of [...eg, ...vg, ...kreisebene]) {
      const own = await ownRows(k.id);
      scores.push(own.find((r) => r.period === "current" && r.metric === "index")!.score);
    }
    scores.sort((a, b) => a - b);
    const quantile = (q: number) => {
      const pos = (scores.length - 1) * q;
      const lo = Math.floor(pos);
      return scores[lo]! + (scores[Math.min(lo + 1, scores.length - 1)]! - scores[lo]!) * (pos - lo);
    };
    const all = by.get("all")!;
    expect(all.min).toBeCloseTo(scores[0]!, 12);
    expect(all.max).toBeCloseTo(scores.at(-1)!, 12);
    expect(all.median).toBeCloseTo(quantile(0.5), 12);
    expect(all.p25).toBeCloseTo(quantile(0.25), 12);
    expect(all.p75).toBeCloseTo(quantile(0.75), 12);
    expect(all.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 12);
    // Level counts of a dimension add up to n; month ends were aggregated too.
    const [sicherheit] = await withTenant(client.db, eg[0]!.id, (tx) =>
      tx
        .select()
        .from(maturityBenchmarks)
        .where(
          and(
            eq(maturityBenchmarks.groupId, "all"),
            eq(maturityBenchmarks.period, "current"),
            eq(maturityBenchmarks.metric, "sicherheit"),
          ),
        ),
    );
    expect(sicherheit!.levelCounts!.reduce((a, b) => a + b, 0)).toBe(16);
    const monthEnds = await admin<{ n: number }[]>`
      select count(distinct stichtag)::int as n from maturity_benchmarks where period = 'month_end'`;
    expect(monthEnds[0]!.n).toBe(36);
    // The API says why in German.
    const view = await withTenant(client.db, eg[0]!.id, (tx) =>
      benchmarkDistribution(tx, "kind:verbandsgemeinde", "current"),
    );
    expect(view.metrics[0]!.figures).toEqual({
      suppressed: true,
      reason: "nicht ausgewiesen, weil sich sonst Werte von weniger als 5 Kommunen errechnen ließen",
    });
    const small = await withTenant(client.db, eg[0]!.id, (tx) =>
      benchmarkDistribution(tx, "kind:kreisebene", "current"),
    );
    expect(small.metrics[0]!.figures).toEqual({
      suppressed: true,
      reason: "weniger als 5 Kommunen – nicht ausgewiesen",
    });
  });

  it("the runtime role reads no other Kommune's snapshot unless it is shared, the state only those shared with it", async () => {
    const [a, b, c] = eg as [Kommune, Kommune, Kommune];
    const visibleTo = async (viewer: string) =>
      new Set(
        (
          await withTenant(client.db, viewer, (tx) =>
            tx.selectDistinct({ tenantId: maturitySnapshots.tenantId }).from(maturitySnapshots),
          )
        ).map((r) => r.tenantId),
      );
    expect(await visibleTo(a.id)).toEqual(new Set([a.id]));
    expect(await visibleTo(STATE_TENANT_ID)).toEqual(new Set());

    await withTenant(client.db, b.id, (tx) =>
      setSharing(tx, b.id, actor, { withLand: false, withKommunen: true }),
    );
    await withTenant(client.db, c.id, (tx) =>
      setSharing(tx, c.id, actor, { withLand: true, withKommunen: false }),
    );
    expect(await visibleTo(a.id)).toEqual(new Set([a.id, b.id]));
    expect(await visibleTo(STATE_TENANT_ID)).toEqual(new Set([c.id]));
    // Sharing is read, never written, across tenants: A cannot change B's rows or B's choice.
    const changed = await withTenant(client.db, a.id, (tx) =>
      tx.update(maturitySnapshots).set({ score: 4 }).where(eq(maturitySnapshots.tenantId, b.id)).returning(),
    );
    expect(changed).toEqual([]);
    expect(await withTenant(client.db, a.id, (tx) => getSharing(tx))).toMatchObject({ withKommunen: false });

    // Revoking takes effect with the very next statement, even inside a reader's open transaction.
    await withTenant(client.db, a.id, async (tx) => {
      const count = async () =>
        (await tx.selectDistinct({ t: maturitySnapshots.tenantId }).from(maturitySnapshots)).length;
      expect(await count()).toBe(2);
      await admin.begin(async (other) => {
        await other`select set_config('app.tenant_id', ${b.id}, true)`;
        await other`set local role spatz_app`;
        await other`update benchmark_shares set with_kommunen = false`;
      });
      expect(await count()).toBe(1);
    });
    expect(await visibleTo(a.id)).toEqual(new Set([a.id]));
    await withTenant(client.db, c.id, (tx) =>
      setSharing(tx, c.id, actor, { withLand: false, withKommunen: false }),
    );
    expect(await visibleTo(STATE_TENANT_ID)).toEqual(new Set());
    // The audit log has every change, in the Kommune's own tenant.
    const audit = await withTenant(client.db, c.id, (tx) =>
      tx.execute<{ action: string }>(
        sql`select action from audit_log where entity_type = 'benchmark_shares'`,
      ),
    );
    expect(audit.map((r) => r.action)).toEqual(["benchmark.sharing_change", "benchmark.sharing_change"]);
  });

  it("the runtime role cannot write aggregates, nor call the aggregation outside the state's transaction", async () => {
    for (const tenant of [STATE_TENANT_ID, eg[0]!.id]) {
      await expect(
        withTenant(client.db, tenant, (tx) =>
          tx.insert(maturityBenchmarks).values({
            groupId: "all",
            period: "current",
            stichtag: TODAY,
            metric: "x",
            suppressed: true,
            suppressionReason: "below_k",
          }),
        ),
      ).rejects.toMatchObject({ cause: { code: "42501" } });
      await expect(
        withTenant(client.db, tenant, (tx) => tx.delete(maturityBenchmarks).returning()),
      ).rejects.toMatchObject({ cause: { code: "42501" } });
    }
    for (const call of [
      sql`select * from benchmark_memberships('{}'::date[], true)`,
      sql`select benchmark_write('{}'::date[], true, ${TODAY}::date, '[]'::jsonb)`,
    ]) {
      await expect(withTenant(client.db, eg[0]!.id, (tx) => tx.execute(call))).rejects.toMatchObject({
        cause: { code: "42501" },
      });
    }
  });

  it("no path stores a published figure below k: not the definer function when asked, not even a superuser", async () => {
    const before = await admin<{ n: number }[]>`select count(*)::int as n from maturity_benchmarks`;
    // The definer function asked to publish the 3 Kommunen of the Kreisebene: the database refuses the statement.
    const misuse = JSON.stringify([
      { slots: [{ period: "current", stichtag: null }], groups: ["kind:kreisebene"] },
    ]);
    await expect(
      withTenant(
        client.db,
        STATE_TENANT_ID,
        (tx) => tx.execute(sql`select benchmark_write('{}'::date[], true, ${TODAY}::date, ${misuse}::jsonb)`),
        { isolation: "repeatable read" },
      ),
    ).rejects.toMatchObject({ cause: { code: "23514" } });
    // Nothing changed: the earlier aggregates are still there.
    expect(await admin<{ n: number }[]>`select count(*)::int as n from maturity_benchmarks`).toEqual(before);
    // The superuser (admin) bypasses row-level security, but not the check and the trigger.
    const row = (n: number) => admin`
      insert into maturity_benchmarks (group_id, period, stichtag, metric, suppressed, n, min, p25, median, p75, max, mean)
      values ('all', 'month_end', '1999-12-31', 'index', false, ${n}, 1, 1, 1, 1, 1, 1)`;
    await expect(row(4)).rejects.toMatchObject({
      code: "23514",
      message: expect.stringMatching(/fewer than k = 5/),
    });
    await expect(row(2)).rejects.toMatchObject({ code: "23514" });
    // A suppressed row carries no figures.
    await expect(admin`
      insert into maturity_benchmarks (group_id, period, stichtag, metric, suppressed, suppression_reason, n)
      values ('all', 'month_end', '1999-12-31', 'index', true, 'below_k', 7)`).rejects.toMatchObject({
      code: "23514",
    });
  });

  it("a larger k suppresses smaller figures at once; k below 3 is refused", async () => {
    await withTenant(client.db, STATE_TENANT_ID, async (tx) => {
      await setBenchmarkK(tx, STATE_TENANT_ID, actor, 10);
      const [eg7] = await tx
        .select()
        .from(maturityBenchmarks)
        .where(
          and(
            eq(maturityBenchmarks.groupId, "kind:einheitsgemeinde"),
            eq(maturityBenchmarks.period, "current"),
            eq(maturityBenchmarks.metric, "index"),
          ),
        );
      expect(eg7).toMatchObject({ suppressed: true, n: null, suppressionReason: "below_k" });
    });
    const view = await withTenant(client.db, eg[0]!.id, (tx) => benchmarkDistribution(tx, "all", "current"));
    expect(view.k).toBe(10);
    expect(view.metrics[0]!.figures).toMatchObject({ suppressed: false, n: 16 });
    await expect(
      withTenant(client.db, STATE_TENANT_ID, (tx) => setBenchmarkK(tx, STATE_TENANT_ID, actor, 2)),
    ).rejects.toMatchObject({ cause: { code: "23514" } });
    // Only the state changes k.
    const untouched = await withTenant(client.db, eg[0]!.id, (tx) =>
      tx.execute(sql`update benchmark_settings set k = 3 returning k`),
    );
    expect([...untouched]).toEqual([]);
    await withTenant(client.db, STATE_TENANT_ID, (tx) => setBenchmarkK(tx, STATE_TENANT_ID, actor, 5));
  });
});

describe("demo data", () => {
  it("every Kommune has snapshots, the aggregates exist, Halle shares with the Land; a rerun changes nothing", async () => {
    // Only the real Kommunen count: the test Kommunen of the blocks above leave the figures (suspended).
    await admin`update tenants set status = 'suspended' where slug like 'b-%'`;
    await loadTenants(client.db, "Test");
    const first = await seedBenchmarkDemo(client.db);
    expect(first.shares).toBe(5);
    expect(first.snapshots).toBe(133);
    expect(first.published).toBeGreaterThan(0);
    const shared = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      benchmarkSharedKommunen(tx, STATE_TENANT_ID),
    );
    expect(shared.rows.map((r) => r.name)).toEqual(expect.arrayContaining(["Stadt Halle (Saale)"]));
    // The real 133 Kommunen at k = 5: every group with members publishes except the two Großstädte (ADR 0009).
    const catalogue = await withTenant(client.db, STATE_TENANT_ID, (tx) => benchmarkCatalogue(tx, null));
    const real = catalogue.groups.filter((g) => g.members > 0);
    expect(real.filter((g) => !g.published).map((g) => g.id)).toEqual(["size:grossstadt"]);
    expect(real.filter((g) => g.published).length).toBe(18);
    const view = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      benchmarkDistribution(tx, "all", "current"),
    );
    expect(view.metrics[0]!.figures).toMatchObject({ suppressed: false });
    const monthEnds = async () =>
      (
        await admin<
          { n: number }[]
        >`select count(*)::int as n from maturity_snapshots where period = 'month_end'`
      )[0]!.n;
    const before = await monthEnds();
    const again = await seedBenchmarkDemo(client.db);
    expect(again.shares).toBe(0);
    expect(await monthEnds()).toBe(before);
  }, 120_000);
});
