// The rollout module on a real database: demo seed, SQL aggregates checked against the pure computeCoverage
// reference on the same data, catalogue re-import keeping the PMO's fields, and the sharing rules in SQL (the state
// reads every record by name and cannot write any; comments reach only the Kommune they are about).

import { berlinToday } from "@spatz/domain";
import {
  type CoverageKommune,
  type CoverageRecord,
  type CoverageService,
  computeCoverage,
  type KommuneKind,
  type ReuseRoute,
  type RolloutStatus,
} from "@spatz/rollout";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../src/audit.ts";
import { readBundledCatalogue } from "../src/bundled-catalogue.ts";
import { createDb, type DbClient } from "../src/client.ts";
import { STATE_TENANT_ID } from "../src/constants.ts";
import { DomainError } from "../src/domain-error.ts";
import { rolloutStand } from "../src/queries/rollout-aggregate-views.ts";
import {
  type DriftEntry,
  refreshRolloutAll,
  refreshRolloutKreis,
  rolloutAggStatus,
} from "../src/queries/rollout-aggregates.ts";
import {
  correctResponsibility,
  importCatalogue,
  listServices,
  updateServiceInfo,
} from "../src/queries/rollout-catalogue.ts";
import {
  bottlenecks,
  drilldown,
  kommuneCoverage,
  progressByMonth,
  serviceCoverage,
  serviceStatusByKommune,
} from "../src/queries/rollout-dashboards.ts";
import {
  addComment,
  bulkUpdateRecords,
  listBoard,
  listComments,
  updateRecord,
} from "../src/queries/rollout-records.ts";
import { ozgServices, rolloutComments, rolloutRecords } from "../src/schema/rollout.ts";
import { tenants } from "../src/schema/tenants.ts";
import { loadTenants } from "../src/seed/load-tenants.ts";
import { seedRolloutDemo } from "../src/seed/rollout.ts";
import { type TenantTx, withTenant } from "../src/tenant-tx.ts";
import { createTestTenant } from "./fixtures.ts";

let client: DbClient;
const actor: Actor = { userId: null, label: "Test" };
let halle: { id: string; kind: KommuneKind };
let harz: { id: string; kind: KommuneKind };
let seedMs = 0;
let seeded = { records: 0 };

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 4 });
  await loadTenants(client.db, "Test");
  const started = performance.now();
  seeded = await seedRolloutDemo(client.db, "Test");
  seedMs = performance.now() - started;
  const rows = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
    tx.select({ id: tenants.id, slug: tenants.slug, kind: tenants.kind }).from(tenants),
  );
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  halle = { id: bySlug.get("halle-saale")!.id, kind: "kreisfreie_stadt" };
  harz = { id: bySlug.get("landkreis-harz")!.id, kind: "landkreis" };
}, 120_000);
afterAll(() => client.close());

function refreshAggregates() {
  return withTenant(client.db, STATE_TENANT_ID, (tx) =>
    refreshRolloutAll(tx, STATE_TENANT_ID, berlinToday(), { checkDrift: false }),
  );
}

/** A state transaction with one snapshot: other test files create tenants concurrently. */
function stateSnapshot<T>(fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withTenant(client.db, STATE_TENANT_ID, fn, { isolation: "repeatable read", readOnly: true });
}

describe("demo seed", () => {
  it("fills every Kommune with plausible records, fast and idempotently", async () => {
    console.log(`seedRolloutDemo: ${seeded.records} records in ${Math.round(seedMs)} ms`);
    expect(seeded.records).toBeGreaterThan(5_000);
    const again = await seedRolloutDemo(client.db, "Test");
    expect(again.records).toBe(0);
    const perStatus = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ status: string; n: number }>(
        sql`select status, count(*)::int as n from rollout_records group by status order by status`,
      ),
    );
    const byStatus = Object.fromEntries(perStatus.map((r) => [r.status, r.n]));
    for (const s of ["planning", "implementing", "online", "not_responsible"])
      expect(byStatus[s]).toBeGreaterThan(0);
    const kommunen = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      // The real Kommunen (with an AGS): other test files create test Kommunen concurrently, and a seed fills them too.
      tx.execute<{ n: number }>(
        sql`select count(distinct r.tenant_id)::int as n from rollout_records r
            join tenants t on t.id = r.tenant_id where t.ags is not null`,
      ),
    );
    expect(kommunen[0]!.n).toBe(133);
  });
});

describe("SQL aggregates = computeCoverage on the same data", () => {
  it("agrees per service, Kommune, Kreis, kind and overall, including odd records", async () => {
    // Odd data the reference ignores or treats specially: a record for a kind that is not responsible, a
    // "nicht zuständig" record, and a record of a service that left the catalogue.
    const stray = await withTenant(client.db, STATE_TENANT_ID, async (tx) => {
      const [notForKreis] = await tx
        .select({ id: ozgServices.id })
        .from(ozgServices)
        .where(
          and(
            eq(ozgServices.municipalExecution, true),
            sql`not ('landkreis' = any(${ozgServices.responsibleKinds}))`,
          ),
        )
        .limit(1);
      return notForKreis!.id;
    });
    await withTenant(client.db, harz.id, (tx) =>
      tx
        .insert(rolloutRecords)
        .values({ tenantId: harz.id, serviceId: stray, status: "online", onlineSince: "2024-01-01" })
        .onConflictDoNothing(),
    );
    // The dashboards read the aggregates; the rollout jobs keep them current (rollout-aggregates.test.ts).
    await refreshAggregates();

    const { sqlServices, sqlKommunen, reference } = await stateSnapshot(async (tx) => {
      const services = await tx
        .select({ id: ozgServices.id, kinds: ozgServices.responsibleKinds })
        .from(ozgServices)
        .where(and(eq(ozgServices.inCatalogue, true), eq(ozgServices.municipalExecution, true)));
      const kommunen = await tx
        .select({
          id: tenants.id,
          kind: tenants.kind,
          kreisAgs: tenants.kreisAgs,
          population: tenants.population,
        })
        .from(tenants)
        .where(sql`${tenants.kind} <> 'state'`);
      const records = await tx
        .select({
          tenantId: rolloutRecords.tenantId,
          serviceId: rolloutRecords.serviceId,
          status: rolloutRecords.status,
        })
        .from(rolloutRecords);
      const reference = computeCoverage(
        services.map((s): CoverageService => ({ id: s.id, responsibleKinds: s.kinds as KommuneKind[] })),
        kommunen.map(
          (k): CoverageKommune => ({
            id: k.id,
            kind: k.kind as KommuneKind,
            kreisAgs: k.kreisAgs ?? "",
            population: k.population ?? 0,
          }),
        ),
        records.map((r): CoverageRecord => ({ ...r, status: r.status as RolloutStatus })),
      );
      return { sqlServices: await serviceCoverage(tx), sqlKommunen: await kommuneCoverage(tx), reference };
    });

    expect(reference.ignoredRecords.some((r) => r.reason === "kind_not_responsible")).toBe(true);
    const refServices = new Map(reference.services.map((s) => [s.serviceId, s]));
    expect(sqlServices.services.length).toBe(reference.services.length);
    // The same figures from SQL and from the reference implementation (both name them alike).
    const serviceFigures = (
      s: (typeof sqlServices.services)[number] | (typeof reference.services)[number],
    ) => ({
      id: s.serviceId,
      relevant: s.relevant,
      online: s.online,
      share: s.share,
      nationwide: s.nationwide,
      atLeastOne: s.atLeastOne,
      byStatus: s.byStatus,
      populationRelevant: s.populationRelevant,
      populationOnline: s.populationOnline,
    });
    for (const s of sqlServices.services)
      expect(serviceFigures(s)).toEqual(serviceFigures(refServices.get(s.serviceId)!));
    const refKommunen = new Map(reference.kommunen.map((k) => [k.kommuneId, k]));
    expect(sqlKommunen.kommunen.length).toBe(reference.kommunen.length);
    const kommuneFigures = (
      k: (typeof sqlKommunen.kommunen)[number] | (typeof reference.kommunen)[number],
    ) => ({
      id: k.kommuneId,
      relevant: k.relevant,
      online: k.online,
      share: k.share,
      byStatus: k.byStatus,
    });
    for (const k of sqlKommunen.kommunen)
      expect(kommuneFigures(k)).toEqual(kommuneFigures(refKommunen.get(k.kommuneId)!));
    const kreisFigures = (k: (typeof sqlKommunen.kreise)[number] | (typeof reference.kreise)[number]) => ({
      kreisAgs: k.kreisAgs,
      kommunen: k.kommunen,
      relevant: k.relevant,
      online: k.online,
      share: k.share,
      self: k.kreisKommuneId,
    });
    expect(sqlKommunen.kreise.map(kreisFigures)).toEqual(reference.kreise.map(kreisFigures));
    for (const kind of reference.kinds.filter((k) => k.kommunen > 0)) {
      const mine = sqlKommunen.kinds.find((k) => k.kind === kind.kind)!;
      expect({ kommunen: mine.kommunen, relevant: mine.relevant, online: mine.online }).toEqual({
        kommunen: kind.kommunen,
        relevant: kind.relevant,
        online: kind.online,
      });
    }
    const o = sqlServices.overall;
    expect({
      services: o.services,
      nationwide: o.servicesNationwide,
      atLeastOne: o.servicesAtLeastOne,
      relevant: o.relevant,
      online: o.online,
      byStatus: o.byStatus,
    }).toEqual({
      services: reference.overall.services,
      nationwide: reference.overall.servicesNationwide,
      atLeastOne: reference.overall.servicesAtLeastOne,
      relevant: reference.overall.relevant,
      online: reference.overall.online,
      byStatus: reference.overall.byStatus,
    });
    // Themenfeld roll-up = sum of its services.
    for (const t of sqlServices.themenfelder) {
      const mine = sqlServices.services.filter((s) => s.themenfeldId === t.id);
      expect(t.relevant).toBe(mine.reduce((n, s) => n + s.relevant, 0));
      expect(t.servicesNationwide).toBe(mine.filter((s) => s.nationwide).length);
    }
  });

  it("drill-down returns exactly the pairs behind a figure", async () => {
    const { services } = await stateSnapshot((tx) => serviceCoverage(tx));
    const s = services.find((x) => x.online > 0 && x.relevant > x.online)!;
    const online = await stateSnapshot((tx) =>
      drilldown(tx, { serviceId: s.serviceId, status: "online", page: 1, pageSize: 200 }),
    );
    expect(online.total).toBe(s.online);
    const all = await stateSnapshot((tx) =>
      drilldown(tx, { serviceId: s.serviceId, page: 1, pageSize: 200 }),
    );
    expect(all.total).toBe(s.relevant + s.byStatus.not_responsible);
    // The map of one service by Gemeinde: the same pairs, each Kommune once with its status.
    const byKommune = await stateSnapshot((tx) => serviceStatusByKommune(tx, s.serviceId));
    expect(byKommune.length).toBe(all.total);
    expect(new Set(byKommune.map((k) => k.kommuneId)).size).toBe(byKommune.length);
    expect(byKommune.filter((k) => k.status === "online").length).toBe(s.online);
    const statusOf = new Map(byKommune.map((k) => [k.kommuneId, k.status]));
    for (const row of all.items) expect(statusOf.get(row.kommuneId), row.kommune).toBe(row.status);
    const months = await stateSnapshot((tx) => progressByMonth(tx));
    expect(months.at(-1)!.cumulativeActual).toBe(
      (await stateSnapshot((tx) => serviceCoverage(tx))).overall.online,
    );
    const stuck = await stateSnapshot((tx) => bottlenecks(tx, { months: 6, minKommunen: 1 }));
    expect(stuck.length).toBeGreaterThan(0);
    const behind = await stateSnapshot((tx) =>
      drilldown(tx, { serviceId: stuck[0]!.serviceId, stuckMonths: 6, page: 1, pageSize: 200 }),
    );
    expect(behind.total).toBe(stuck[0]!.stuck);
  });
});

describe("sharing rules in SQL", () => {
  it("the state reads a Kommune's records by name but cannot insert, update or delete them", async () => {
    const [record] = await withTenant(client.db, halle.id, (tx) => tx.select().from(rolloutRecords).limit(1));
    const seen = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ name: string; status: string }>(sql`
        select t.name, r.status from rollout_records r join tenants t on t.id = r.tenant_id where r.id = ${record!.id}`),
    );
    expect(seen[0]).toEqual({ name: "Stadt Halle (Saale)", status: record!.status });

    const updated = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx
        .update(rolloutRecords)
        .set({ note: "vom Land geändert" })
        .where(eq(rolloutRecords.id, record!.id))
        .returning(),
    );
    expect(updated).toEqual([]);
    await expect(
      withTenant(client.db, STATE_TENANT_ID, (tx) =>
        tx.execute(sql`delete from rollout_records where id = ${record!.id}`),
      ),
    ).rejects.toThrow(); // no DELETE grant at all
    await expect(
      withTenant(client.db, STATE_TENANT_ID, (tx) =>
        tx
          .insert(rolloutRecords)
          .values({ tenantId: halle.id, serviceId: record!.serviceId, status: "online" }),
      ),
    ).rejects.toThrow();
    const after = await withTenant(client.db, halle.id, (tx) =>
      tx.select().from(rolloutRecords).where(eq(rolloutRecords.id, record!.id)),
    );
    expect(after[0]).toEqual(record);
  });

  it("a Kommune sees only its own records, even with another Kommune's real id", async () => {
    const [record] = await withTenant(client.db, halle.id, (tx) => tx.select().from(rolloutRecords).limit(1));
    const fromHarz = await withTenant(client.db, harz.id, (tx) =>
      tx.select().from(rolloutRecords).where(eq(rolloutRecords.id, record!.id)),
    );
    expect(fromHarz).toEqual([]);
    const all = await withTenant(client.db, harz.id, (tx) =>
      tx.select({ t: rolloutRecords.tenantId }).from(rolloutRecords),
    );
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r) => r.t === harz.id)).toBe(true);
  });

  it("a PMO comment reaches only the Kommune it is about; a Kommune cannot address another", async () => {
    const other = await createTestTenant(client.db, "kommentar");
    const [record] = await withTenant(client.db, halle.id, (tx) => tx.select().from(rolloutRecords).limit(1));
    await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      addComment(tx, { tenantId: STATE_TENANT_ID, userId: null, name: "PMO", role: "state_pmo" }, actor, {
        kommuneId: halle.id,
        serviceId: record!.serviceId,
        body: "Geheimer Hinweis an Halle",
      }),
    );
    const halleSees = await withTenant(client.db, halle.id, (tx) =>
      listComments(tx, halle.id, record!.serviceId),
    );
    expect(halleSees.map((c) => [c.body, c.fromState])).toContainEqual(["Geheimer Hinweis an Halle", true]);
    const otherSees = await withTenant(client.db, other.id, (tx) =>
      tx.select().from(rolloutComments).where(eq(rolloutComments.kommuneTenantId, halle.id)),
    );
    expect(otherSees).toEqual([]);
    await expect(
      withTenant(client.db, other.id, (tx) =>
        tx.insert(rolloutComments).values({
          tenantId: other.id,
          kommuneTenantId: halle.id,
          serviceId: record!.serviceId,
          body: "Untergeschoben",
          authorName: "X",
          authorRole: "admin",
        }),
      ),
    ).rejects.toThrow();
    // Halle replies in its own tenant; the state reads the reply.
    await withTenant(client.db, halle.id, (tx) =>
      addComment(tx, { tenantId: halle.id, userId: null, name: "CDO Halle", role: "coordinator" }, actor, {
        kommuneId: halle.id,
        serviceId: record!.serviceId,
        body: "Antwort aus Halle",
      }),
    );
    const stateSees = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      listComments(tx, halle.id, record!.serviceId),
    );
    expect(stateSees.map((c) => c.body)).toEqual(
      expect.arrayContaining(["Geheimer Hinweis an Halle", "Antwort aus Halle"]),
    );
  });
});

describe("records of a Kommune", () => {
  async function firstServiceWith(status: RolloutStatus) {
    const board = await withTenant(client.db, harz.id, (tx) =>
      listBoard(tx, harz, { status, page: 1, pageSize: 5, sort: "service" }),
    );
    return board.items[0]!;
  }

  /** A status change of `row` at the version it was read, the other fields left empty. */
  function change(
    row: { serviceId: string; version: number },
    input: { status: RolloutStatus; reason: string | null; reuseRoute: ReuseRoute | null },
  ) {
    return withTenant(client.db, harz.id, (tx) =>
      updateRecord(tx, harz, actor, {
        serviceId: row.serviceId,
        expectedVersion: row.version,
        statusSince: null,
        plannedOnline: null,
        fachverfahren: null,
        interfaceNeeded: null,
        contact: null,
        note: null,
        ...input,
      }),
    );
  }

  it("validates transitions with German messages per field and bumps the version", async () => {
    const row = await firstServiceWith("online");
    const back = change(row, { status: "implementing", reason: null, reuseRoute: "efa_marketplace" });
    await expect(back).rejects.toMatchObject({ code: "BAD_REQUEST", field: "reason" });
    await expect(back).rejects.toThrow("braucht eine Begründung");
    const twoBack = change(row, { status: "planning", reason: "zurück", reuseRoute: null });
    await expect(twoBack).rejects.toMatchObject({ code: "BAD_REQUEST", field: "status" });
    const ok = await change(row, {
      status: "implementing",
      reason: "Dienst vorübergehend abgeschaltet",
      reuseRoute: "efa_marketplace",
    });
    expect(ok).toMatchObject({ status: "implementing", onlineSince: null, version: row.version + 1 });
    const stale = change(row, { status: "online", reason: null, reuseRoute: "efa_marketplace" });
    await expect(stale).rejects.toBeInstanceOf(DomainError);
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("bulk: previews, then applies all or nothing; a changed selection is refused", async () => {
    const board = await withTenant(client.db, harz.id, (tx) =>
      listBoard(tx, harz, { status: "not_started", page: 1, pageSize: 50, sort: "service" }),
    );
    const themenfeldId = board.items[0]!.themenfeldId;
    const preview = await withTenant(client.db, harz.id, (tx) =>
      bulkUpdateRecords(tx, harz, actor, {
        themenfeldId,
        status: "planning",
        reuseRoute: "efa_marketplace",
        dryRun: true,
      }),
    );
    expect(preview.applied).toBe(false);
    expect(preview.changed.length).toBeGreaterThan(0);
    expect(preview.skipped.length).toBeGreaterThan(0);
    expect(preview.skipped.every((s) => s.from !== "not_started")).toBe(true);
    const wrongCount = withTenant(client.db, harz.id, (tx) =>
      bulkUpdateRecords(tx, harz, actor, {
        themenfeldId,
        status: "planning",
        reuseRoute: "efa_marketplace",
        dryRun: false,
        expectedCount: preview.changed.length + 1,
      }),
    );
    await expect(wrongCount).rejects.toMatchObject({ code: "CONFLICT" });
    const unchanged = await withTenant(client.db, harz.id, (tx) =>
      bulkUpdateRecords(tx, harz, actor, {
        themenfeldId,
        status: "planning",
        reuseRoute: "efa_marketplace",
        dryRun: true,
      }),
    );
    expect(unchanged.changed.length).toBe(preview.changed.length);
    const done = await withTenant(client.db, harz.id, (tx) =>
      bulkUpdateRecords(tx, harz, actor, {
        themenfeldId,
        status: "planning",
        reuseRoute: "efa_marketplace",
        dryRun: false,
        expectedCount: preview.changed.length,
      }),
    );
    expect(done.applied).toBe(true);
    const after = await withTenant(client.db, harz.id, (tx) =>
      listBoard(tx, harz, { themenfeldId, page: 1, pageSize: 200, sort: "service" }),
    );
    for (const c of done.changed) {
      const row = after.items.find((r) => r.serviceId === c.serviceId)!;
      expect(row.status === "planning" || c.from === "planning").toBe(true);
      expect(row.reuseRoute).toBe("efa_marketplace");
    }
  });
});

describe("catalogue re-import", () => {
  it("keeps the PMO's fields and correction, marks dropped services and refuses files with rejected rows", async () => {
    const sources = readBundledCatalogue();
    const [first, second] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      listServices(tx, { municipal: true, page: 1, pageSize: 2 }),
    ).then((r) => r.items);
    await withTenant(client.db, STATE_TENANT_ID, async (tx) => {
      await updateServiceInfo(tx, STATE_TENANT_ID, actor, {
        serviceId: first!.id,
        efaAvailable: true,
        efaProvidingLand: "Hessen",
        efaSince: "2023-05-01",
        priority: "ozg_booster",
        maturityModel: "OZG-Reifegradmodell",
        maturityLevel: 3,
        notes: "Notiz des PMO",
      });
      await correctResponsibility(tx, STATE_TENANT_ID, actor, {
        serviceId: second!.id,
        mode: "override",
        municipal: true,
        kinds: ["landkreis"],
        reason: "Nur Kreisebene in Sachsen-Anhalt",
      });
    });

    // A newer file: one service renamed, one dropped, and one bad row in another copy.
    const lines = sources.ozgLeistungen!.split("\n");
    const renamed = lines.map((l) =>
      l.startsWith(`${first!.id},`) ? l.replace(first!.name, `${first!.name} (neu)`) : l,
    );
    const dropped = renamed.filter((l) => !l.startsWith("10005,"));
    const leika = sources
      .leikaLeistungen!.split("\n")
      .filter((l) => !l.trimEnd().endsWith(",10005"))
      .join("\n");
    const bad = [...dropped, "99999,Kaputte Leistung,Gibtsnicht,Bildung"].join("\n");
    const refused = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      importCatalogue(
        tx,
        STATE_TENANT_ID,
        actor,
        { ...sources, ozgLeistungen: bad, leikaLeistungen: leika },
        { source: "upload", dryRun: false },
      ),
    );
    expect(refused.applied).toBe(false);
    expect(refused.rejected.map((p) => p.message)).toEqual([
      "Unbekannte Lage »Gibtsnicht« bei OZG-Leistung 99999",
    ]);
    const stillNamed = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.select({ name: ozgServices.name }).from(ozgServices).where(eq(ozgServices.id, first!.id)),
    );
    expect(stillNamed[0]!.name).toBe(first!.name);

    const report = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      importCatalogue(
        tx,
        STATE_TENANT_ID,
        actor,
        { ...sources, ozgLeistungen: dropped.join("\n"), leikaLeistungen: leika },
        { source: "upload", dryRun: false },
      ),
    );
    expect(report.applied).toBe(true);
    expect(report.changes.renamed.map((s) => s.id)).toEqual([first!.id]);
    expect(report.changes.removed.map((s) => s.id)).toEqual(["10005"]);
    const [a, b, gone] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      Promise.all(
        [first!.id, second!.id, "10005"].map((id) =>
          tx
            .select()
            .from(ozgServices)
            .where(eq(ozgServices.id, id))
            .then((r) => r[0]!),
        ),
      ),
    );
    expect(a).toMatchObject({
      name: `${first!.name} (neu)`,
      efaAvailable: true,
      efaProvidingLand: "Hessen",
      priority: "ozg_booster",
      maturityLevel: 3,
      notes: "Notiz des PMO",
    });
    expect(b).toMatchObject({
      overrideMunicipal: true,
      municipalExecution: true,
      responsibleKinds: ["landkreis"],
    });
    expect(gone!.inCatalogue).toBe(false);

    // Back to the bundled file: the service returns, everything else stays.
    await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      importCatalogue(tx, STATE_TENANT_ID, actor, sources, { source: "bundled", dryRun: false }),
    );
    const back = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.select().from(ozgServices).where(eq(ozgServices.id, "10005")),
    );
    expect(back[0]!.inCatalogue).toBe(true);
  });
});

describe("aggregates maintained per Kreis (what the rollout jobs run)", () => {
  /** A small deterministic PRNG, so that a failing sequence can be replayed from its seed. */
  function random(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pick = <T>(rnd: () => number, list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const day = (rnd: () => number) =>
    `${2021 + Math.floor(rnd() * 9)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;

  type Kommune = { id: string; kreisAgs: string };
  let kommunen: Kommune[] = [];
  let serviceIds: string[] = [];
  const tested = new Set<string>();
  const today = berlinToday();

  const inState = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(client.db, STATE_TENANT_ID, fn);
  /** Drift in the tested Kreise only: other test files add Kommunen (without Kreis) while this one runs. */
  const driftIn = (drift: DriftEntry[], kreise: ReadonlySet<string>) =>
    drift.filter((d) => d.key.split(" / ").some((part) => kreise.has(part)));

  beforeAll(async () => {
    const rows = await inState((tx) =>
      tx.execute<{ id: string; kreisAgs: string }>(sql`
        select id, kreis_ags as "kreisAgs" from tenants
        where kind in ('einheitsgemeinde', 'verbandsgemeinde', 'landkreis') and kreis_ags in (
          select kreis_ags from tenants where kreis_ags is not null and id <> ${harz.id}
          group by kreis_ags having count(*) >= 4 order by kreis_ags limit 2)`),
    );
    kommunen = [...rows];
    for (const k of kommunen) tested.add(k.kreisAgs);
    serviceIds = (
      await inState((tx) =>
        tx.execute<{ id: string }>(
          sql`select id from ozg_services where in_catalogue and municipal_execution order by id limit 60`,
        ),
      )
    ).map((r) => r.id);
    // The catalogue tests above changed every Kreis: start from a full recompute.
    await inState((tx) => refreshRolloutAll(tx, STATE_TENANT_ID, today, { checkDrift: false }));
  });

  /** One random change to a Kommune's records, as any write path could leave them; returns the Kreis it touches. */
  async function randomChange(rnd: () => number): Promise<string> {
    const k = pick(rnd, kommunen);
    const serviceId = pick(rnd, serviceIds);
    const status = pick(rnd, [
      "not_started",
      "planning",
      "implementing",
      "online",
      "not_responsible",
    ] as const);
    await withTenant(client.db, k.id, async (tx) => {
      // Records are never deleted (no grant); "back to nicht begonnen" is the nearest thing.
      const values = {
        status,
        planningSince: status === "not_started" ? null : day(rnd),
        implementingSince: status === "implementing" || status === "online" ? day(rnd) : null,
        onlineSince: status === "online" ? day(rnd) : null,
        notResponsibleSince: status === "not_responsible" ? day(rnd) : null,
        plannedOnline: rnd() < 0.7 ? day(rnd) : null,
        // As the product's write path does (an upsert's SET does not run drizzle's $onUpdate).
        updatedAt: new Date(),
      };
      await tx
        .insert(rolloutRecords)
        .values({ tenantId: k.id, serviceId, ...values })
        .onConflictDoUpdate({ target: [rolloutRecords.tenantId, rolloutRecords.serviceId], set: values });
    });
    return k.kreisAgs;
  }

  it("incremental refreshes of the changed Kreise equal a full recompute after random change sequences", async () => {
    expect(kommunen.length).toBeGreaterThanOrEqual(8);
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = random(seed);
      const touched = new Set<string>();
      for (let i = 0; i < 25; i++) touched.add(await randomChange(rnd));
      for (const kreis of touched)
        await inState((tx) => refreshRolloutKreis(tx, STATE_TENANT_ID, kreis, today));
      const { drift } = await inState((tx) => refreshRolloutAll(tx, STATE_TENANT_ID, today));
      expect(driftIn(drift, tested), `seed ${seed}`).toEqual([]);
    }
  });

  it("a change no job took in shows up as drift, and the nightly recompute repairs it", async () => {
    const k = kommunen[0]!;
    const kreis = k.kreisAgs;
    // A change that alters a count: flip the status of a service the Kommune is responsible for.
    const [service] = await inState((tx) =>
      tx.execute<{ id: string }>(sql`
        select s.id from ozg_services s join tenants t on t.id = ${k.id} and t.kind = any(s.responsible_kinds)
        where s.in_catalogue and s.municipal_execution order by s.id limit 1`),
    );
    await withTenant(client.db, k.id, (tx) =>
      tx
        .insert(rolloutRecords)
        .values({ tenantId: k.id, serviceId: service!.id, status: "online", onlineSince: "2025-03-01" })
        .onConflictDoUpdate({
          target: [rolloutRecords.tenantId, rolloutRecords.serviceId],
          set: {
            status: sql`case when ${rolloutRecords.status} = 'online' then 'planning' else 'online' end`,
            updatedAt: new Date(),
          },
        }),
    );
    expect((await inState((tx) => rolloutStand(tx))).pendingSince).not.toBeNull();
    const first = await inState((tx) => refreshRolloutAll(tx, STATE_TENANT_ID, today));
    expect((await inState((tx) => rolloutStand(tx))).pendingSince).toBeNull();
    const missed = driftIn(first.drift, new Set([kreis]));
    expect(missed.map((d) => d.table)).toEqual(
      expect.arrayContaining(["rollout_agg_cells", "rollout_agg_kommunen"]),
    );
    expect(missed.some((d) => d.key === `${kreis} / ${k.id}`)).toBe(true);
    const status = await inState((tx) => rolloutAggStatus(tx));
    expect(status!.driftRows).toBe(first.driftRows);
    expect(status!.drift.length).toBeGreaterThan(0);
    const second = await inState((tx) => refreshRolloutAll(tx, STATE_TENANT_ID, today));
    expect(driftIn(second.drift, new Set([kreis]))).toEqual([]);
  });

  it("the nightly pass stores each service's median days to online, as a direct computation gives them", async () => {
    await inState((tx) => refreshRolloutAll(tx, STATE_TENANT_ID, today, { checkDrift: false }));
    const [row] = await inState((tx) =>
      tx.execute<{ serviceId: string; stored: number | null; direct: number | null }>(sql`
        with d as (
          select r.service_id, round(percentile_cont(0.5) within group (
                   order by r.online_since - coalesce(r.planning_since, r.implementing_since)))::int as direct
          from rollout_records r
          join tenants k on k.id = r.tenant_id and k.kind <> 'state'
          join ozg_services s on s.id = r.service_id and s.in_catalogue and s.municipal_execution
            and k.kind = any(s.responsible_kinds)
          where r.status = 'online' and r.online_since is not null
            and coalesce(r.planning_since, r.implementing_since) is not null
          group by r.service_id)
        select d.service_id as "serviceId", a.median_days_to_online as stored, d.direct
        from d join rollout_agg_services a on a.service_id = d.service_id
        order by d.service_id limit 1`),
    );
    expect(row!.direct).not.toBeNull();
    expect(row!.stored).toBe(row!.direct);
    const coverage = await inState((tx) => serviceCoverage(tx));
    expect(coverage.services.find((x) => x.serviceId === row!.serviceId)!.medianDaysToOnline).toBe(
      row!.direct,
    );
  });

  it("a rerun of the same Kreis refresh changes nothing", async () => {
    const kreis = kommunen[0]!.kreisAgs;
    const rowsOf = () =>
      inState((tx) =>
        tx.execute(sql`
          select service_id, pairs, planning, implementing, online, not_responsible, overdue, population_online
          from rollout_agg_cells where kreis_ags = ${kreis} order by service_id`),
      );
    await inState((tx) => refreshRolloutKreis(tx, STATE_TENANT_ID, kreis, today));
    const once = await rowsOf();
    await inState((tx) => refreshRolloutKreis(tx, STATE_TENANT_ID, kreis, today));
    expect(await rowsOf()).toEqual(once);
    expect(once.length).toBeGreaterThan(0);
  });

  it("the aggregates are the state's own: a Kommune reads none of them", async () => {
    const k = kommunen[0]!;
    const seen = await withTenant(client.db, k.id, (tx) =>
      tx.execute<{ n: number }>(sql`
        select (select count(*) from rollout_agg_cells) + (select count(*) from rollout_agg_kommunen)
             + (select count(*) from rollout_agg_golives) + (select count(*) from rollout_agg_services)
             + (select count(*) from rollout_agg_kreise) + (select count(*) from rollout_agg_state) as n`),
    );
    expect(Number(seen[0]!.n)).toBe(0);
    await expect(
      withTenant(client.db, k.id, (tx) => refreshRolloutKreis(tx, k.id, k.kreisAgs, today)),
    ).rejects.toThrow();
  });
});
