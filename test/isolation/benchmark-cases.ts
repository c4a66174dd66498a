// Cross-tenant cases for the benchmark and job-monitor procedures, and the documented sharing rule (named sharing,
// docs/adr/0009-benchmark-privacy.md): Kommune A never reads B's maturity figures unless B shares them with Kommunen;
// the state reads them only while B shares them with the Land; revoking takes effect at once.
import { queries, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import type { ProcedurePath } from "@spatz/domain";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ApiSession, CallResult } from "../src/api-client.ts";
import type { FixtureTenant } from "../src/fixtures.ts";
import type { TestApp } from "../src/server.ts";

type BenchmarkPath = Extract<ProcedurePath, `benchmark.${string}` | `jobs.${string}`>;
type Case = () => Promise<void>;

type Deps = {
  t: () => TestApp;
  a: () => FixtureTenant;
  b: () => FixtureTenant;
  state: () => FixtureTenant;
  as: (tenant: FixtureTenant, role: string) => Promise<ApiSession>;
  expectNoLeak: (...results: (CallResult | string)[]) => void;
  refusedForKommune: (path: string, input?: unknown) => Case;
};

type Peer = { tenantId: string; score: number };
type Shared = { rows: { tenantId: string; name: string; index: number }[] };

/** A's and B's snapshots and the aggregates, as the jobs would write them. */
export async function setUpBenchmarks(t: TestApp, tenants: FixtureTenant[]): Promise<void> {
  for (const tenant of tenants)
    await withTenant(t.client.db, tenant.id, (tx) => queries.refreshMaturitySnapshot(tx, tenant.id));
  await withTenant(t.client.db, STATE_TENANT_ID, (tx) => queries.aggregateBenchmarks(tx, { scope: "all" }), {
    isolation: "repeatable read",
    statementTimeoutMs: 120_000,
  });
}

const sicherheitScore = async (session: ApiSession) => {
  const own = await session.must<{ current: { dimensions: { key: string; score: number }[] } | null }>(
    "benchmark.own",
  );
  return own.current!.dimensions.find((d) => d.key === "sicherheit")!.score;
};

export function benchmarkCases(d: Deps): Record<BenchmarkPath, Case> {
  const bSharing = async () =>
    (await d.as(d.b(), "viewer")).must<{ withLand: boolean; withKommunen: boolean }>("benchmark.sharing");
  return {
    "benchmark.catalogue": async () => {
      const r = await (await d.as(d.a(), "viewer")).call("benchmark.catalogue");
      expect(r.ok).toBe(true);
      d.expectNoLeak(r);
      const groups = (r as { data: { groups: { id: string; own: boolean }[] } }).data.groups;
      expect(groups.filter((g) => g.own).map((g) => g.id)).toEqual(["all", "kind:einheitsgemeinde"]);
    },
    "benchmark.distribution": async () => {
      const s = await d.as(d.a(), "coordinator");
      for (const groupId of ["all", "kind:einheitsgemeinde"]) {
        const r = await s.call("benchmark.distribution", { groupId, stichtag: "current" });
        expect(r.ok).toBe(true);
        d.expectNoLeak(r);
        expect(r.raw).not.toContain(d.b().id);
      }
    },
    "benchmark.trend": async () => {
      const r = await (await d.as(d.a(), "viewer")).call("benchmark.trend", {
        groupId: "all",
        metric: "sicherheit",
      });
      expect(r.ok).toBe(true);
      d.expectNoLeak(r);
      expect(r.raw).not.toContain(d.b().id);
    },
    "benchmark.kreisMap": d.refusedForKommune("benchmark.kreisMap", { stichtag: "current", metric: "index" }),
    "benchmark.sharedKommunen": d.refusedForKommune("benchmark.sharedKommunen"),
    "benchmark.levelCounts": d.refusedForKommune("benchmark.levelCounts", {
      dimensionKey: "sicherheit",
      minLevel: 1,
      stichtag: "current",
    }),
    "benchmark.exportDistribution": d.refusedForKommune("benchmark.exportDistribution", {
      groupId: "all",
      stichtag: "current",
      format: "csv",
    }),
    "benchmark.settings": d.refusedForKommune("benchmark.settings"),
    "benchmark.setK": async () => {
      await d.refusedForKommune("benchmark.setK", { k: 3 })();
      const settings = await (await d.as(d.state(), "state_pmo")).must<{ k: number }>("benchmark.settings");
      expect(settings.k).toBe(5);
    },
    "benchmark.status": d.refusedForKommune("benchmark.status"),
    "benchmark.own": async () => {
      // A reads its own snapshot: B completed an Informationssicherheit measure, A did not.
      const r = await (await d.as(d.a(), "viewer")).call("benchmark.own");
      expect(r.ok).toBe(true);
      d.expectNoLeak(r);
      expect(await sicherheitScore(await d.as(d.a(), "viewer"))).toBe(0);
      expect(await sicherheitScore(await d.as(d.b(), "viewer"))).toBeGreaterThan(0);
    },
    "benchmark.position": async () => {
      const r = await (await d.as(d.a(), "leadership")).call("benchmark.position", { groupId: "all" });
      expect(r.ok).toBe(true);
      d.expectNoLeak(r);
      const metrics = (r as { data: { metrics: { key: string; own: number | null }[] } }).data.metrics;
      expect(metrics.find((m) => m.key === "sicherheit")!.own).toBe(0);
    },
    "benchmark.peersAhead": async () => {
      // B is ahead in Informationssicherheit, but shares nothing: A does not learn of it.
      const r = await (await d.as(d.a(), "viewer")).call("benchmark.peersAhead", {
        dimensionKey: "sicherheit",
      });
      expect(r).toMatchObject({ ok: true, data: { peers: [] } });
      d.expectNoLeak(r);
    },
    "benchmark.sharing": async () => {
      const r = await (await d.as(d.a(), "viewer")).call("benchmark.sharing");
      expect(r).toMatchObject({ ok: true, data: { withLand: false, withKommunen: false, canChange: false } });
      d.expectNoLeak(r);
    },
    "benchmark.setSharing": async () => {
      // A's leadership decides for A only.
      const s = await d.as(d.a(), "leadership");
      expect(await s.call("benchmark.setSharing", { withLand: true, withKommunen: true })).toMatchObject({
        ok: true,
      });
      expect(await bSharing()).toMatchObject({ withLand: false, withKommunen: false });
      await s.must("benchmark.setSharing", { withLand: false, withKommunen: false });
    },
    "jobs.overview": d.refusedForKommune("jobs.overview"),
    "jobs.failed": d.refusedForKommune("jobs.failed", { queue: "benchmarks", page: 1, pageSize: 10 }),
    "jobs.retry": d.refusedForKommune("jobs.retry", { queue: "benchmarks", jobId: "x" }),
  };
}

/** The sharing rule itself, both ways, with revocation. */
export function describeNamedSharing(d: Deps) {
  describe("named sharing of maturity figures", () => {
    const setB = async (withLand: boolean, withKommunen: boolean) =>
      (await d.as(d.b(), "leadership")).must("benchmark.setSharing", { withLand, withKommunen });
    const sharedWithState = async () =>
      (await (await d.as(d.state(), "state_pmo")).must<Shared>("benchmark.sharedKommunen")).rows.map(
        (r) => r.tenantId,
      );
    const peersOfA = async () =>
      (
        await (
          await d.as(d.a(), "viewer")
        ).must<{ peers: Peer[] }>("benchmark.peersAhead", {
          dimensionKey: "sicherheit",
        })
      ).peers.map((p) => p.tenantId);

    it("the state reads B's figures by name only while B shares them with the Land", async () => {
      expect(await sharedWithState()).not.toContain(d.b().id);
      await setB(true, false);
      const shared = await (await d.as(d.state(), "state_admin")).must<Shared>("benchmark.sharedKommunen");
      expect(shared.rows.find((r) => r.tenantId === d.b().id)).toMatchObject({ name: d.b().name });
      // Shared with the Land is not shared with Kommunen.
      expect(await peersOfA()).not.toContain(d.b().id);
      await setB(false, false);
      expect(await sharedWithState()).not.toContain(d.b().id);
    });

    it("A sees B among the peers ahead only while B shares with Kommunen; revoking takes effect at once", async () => {
      expect(await peersOfA()).toEqual([]);
      await setB(false, true);
      expect(await peersOfA()).toEqual([d.b().id]);
      expect(await sharedWithState()).not.toContain(d.b().id);
      await setB(false, false);
      expect(await peersOfA()).toEqual([]);
      // In SQL too: A's transaction finds none of B's snapshot rows.
      const rows = await withTenant(d.t().client.db, d.a().id, (tx) =>
        tx.select().from(schema.maturitySnapshots).where(eq(schema.maturitySnapshots.tenantId, d.b().id)),
      );
      expect(rows).toEqual([]);
    });

    it("only B's leadership or admin decides, and every change is in B's audit log", async () => {
      for (const role of ["coordinator", "project_lead", "viewer"]) {
        expect(
          await (await d.as(d.b(), role)).call("benchmark.setSharing", {
            withLand: true,
            withKommunen: true,
          }),
        ).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
      const audit = await (await d.as(d.b(), "admin")).must<{ items: { action: string }[] }>("audit.list", {
        page: 1,
        pageSize: 100,
      });
      expect(
        audit.items.filter((i) => i.action === "benchmark.sharing_change").length,
      ).toBeGreaterThanOrEqual(4);
    });
  });
}
