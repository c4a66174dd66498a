// The two documented ways a report reaches another tenant (docs/adr/0012-reports.md), enforced by the database: the
// state reads a Kommune's Reifegradbericht of the whole administration only while that Kommune shares its figures
// with the Land by name (revoking takes effect at once); a Landkreis reads the Land's Rollout-Stand of its own Kreis
// and no other. Nobody else reads another tenant's report, and no report younger than a year can be deleted.
import { randomUUID } from "node:crypto";
import { STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie, stateTenant } from "../src/fixtures.ts";
import { createArchivedReport } from "../src/reports.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let state: FixtureTenant;
let sharing: FixtureTenant;
let other: FixtureTenant;
let landkreis: FixtureTenant;
let otherLandkreis: FixtureTenant;
let gemeinde: FixtureTenant;
const KREIS = `19${String(Math.floor(Math.random() * 900) + 100)}`;

async function as(tenant: FixtureTenant, role: string) {
  return new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));
}

async function setKreis(tenant: FixtureTenant, kreisAgs: string) {
  await withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
    tx.update(schema.tenants).set({ kreisAgs }).where(eq(schema.tenants.id, tenant.id)),
  );
}

const sharedIds = async (s: ApiSession) =>
  (
    await s.must<{ items: { id: string }[] }>("reports.list", { page: 1, pageSize: 200, source: "shared" })
  ).items.map((r) => r.id);

async function download(tenant: FixtureTenant, role: string, id: string) {
  const cookie = await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id);
  return t.app.request(`/dateien/berichte/${id}/pdf`, { headers: { cookie } });
}

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  state = await stateTenant(t.client.db);
  sharing = await createTenant(t.client.db, "teilt");
  other = await createTenant(t.client.db, "andere");
  landkreis = await createTenant(t.client.db, "kreis", "landkreis");
  otherLandkreis = await createTenant(t.client.db, "nachbarkreis", "landkreis");
  gemeinde = await createTenant(t.client.db, "gemeinde");
  await setKreis(landkreis, KREIS);
  await setKreis(gemeinde, KREIS);
  await setKreis(otherLandkreis, `${KREIS.slice(0, 4)}${(Number(KREIS[4]) + 1) % 10}`);
});
afterAll(() => t.close());

describe("the state and a Kommune's Reifegradbericht", () => {
  it("reads it only while the Kommune shares with the Land by name, and never one of an org unit", async () => {
    const whole = await createArchivedReport(t, sharing);
    const unit = await createArchivedReport(t, sharing, { scope: randomUUID() });
    const pmo = await as(state, "state_pmo");

    expect(await sharedIds(pmo)).not.toContain(whole.id);
    expect(await pmo.call("reports.file", { id: whole.id, format: "pdf" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect((await download(state, "state_pmo", whole.id)).status).toBe(404);

    const leadership = await as(sharing, "leadership");
    await leadership.must("benchmark.setSharing", { withLand: true, withKommunen: false });
    expect(await sharedIds(pmo)).toContain(whole.id);
    expect(await sharedIds(pmo)).not.toContain(unit.id);
    const res = await download(state, "state_pmo", whole.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect((await pmo.call("reports.file", { id: unit.id, format: "pdf" })).ok).toBe(false);

    // Sharing with Kommunen does not hand reports to other Kommunen.
    await leadership.must("benchmark.setSharing", { withLand: true, withKommunen: true });
    expect(await sharedIds(await as(other, "leadership"))).not.toContain(whole.id);
    expect((await download(other, "leadership", whole.id)).status).toBe(404);

    // Revoking takes effect with the next request.
    await leadership.must("benchmark.setSharing", { withLand: false, withKommunen: false });
    expect(await sharedIds(pmo)).not.toContain(whole.id);
    expect((await download(state, "state_pmo", whole.id)).status).toBe(404);
  });

  it("the state's own archive never lists a Kommune's report", async () => {
    const report = await createArchivedReport(t, sharing);
    await (await as(sharing, "leadership")).must("benchmark.setSharing", {
      withLand: true,
      withKommunen: false,
    });
    const own = await (await as(state, "state_pmo")).must<{ items: { id: string }[] }>("reports.list", {
      page: 1,
      pageSize: 200,
    });
    expect(own.items.map((r) => r.id)).not.toContain(report.id);
    await (await as(sharing, "leadership")).must("benchmark.setSharing", {
      withLand: false,
      withKommunen: false,
    });
  });
});

describe("the Land's Rollout-Stand of a Kreis", () => {
  it("is read by the Landkreis of that Kreis only", async () => {
    const stand = await createArchivedReport(t, state, { kind: "rollout_stand", scope: KREIS });
    const lagebericht = await createArchivedReport(t, state, { kind: "lagebericht" });
    const kreis = await as(landkreis, "viewer");
    expect(await sharedIds(kreis)).toContain(stand.id);
    expect(await sharedIds(kreis)).not.toContain(lagebericht.id);
    expect((await download(landkreis, "viewer", stand.id)).status).toBe(200);
    for (const outsider of [otherLandkreis, gemeinde]) {
      expect(await sharedIds(await as(outsider, "viewer"))).not.toContain(stand.id);
      expect((await download(outsider, "viewer", stand.id)).status).toBe(404);
    }
  });
});

describe("the archive is immutable", () => {
  it("no report can be changed, and none younger than a year deleted, whatever the runtime role asks", async () => {
    const recent = await withTenant(t.client.db, other.id, (tx) =>
      tx
        .insert(schema.reportArchive)
        .values({
          tenantId: other.id,
          kind: "reifegradbericht",
          scopeLabel: "gesamte Verwaltung",
          stichtag: sql`current_date - 30`,
          triggeredBy: "Test",
          fileBase: "x",
          pdf: Buffer.from("%PDF"),
          csv: Buffer.from(""),
          xlsx: Buffer.from(""),
          pdfSha256: "0".repeat(64),
          csvSha256: "0".repeat(64),
          xlsxSha256: "0".repeat(64),
        })
        .returning({ id: schema.reportArchive.id }),
    );
    const removed = await withTenant(t.client.db, other.id, (tx) =>
      tx.execute(sql`delete from report_archive where tenant_id = ${other.id} returning id`),
    );
    expect(removed.map((r) => r.id)).not.toContain(recent[0]!.id);
    const update = await withTenant(t.client.db, other.id, (tx) =>
      tx.execute(sql`update report_archive set scope_label = 'geändert' where id = ${recent[0]!.id}`),
    ).then(
      () => "updated",
      (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
    );
    expect(update).toContain("permission denied");
  });
});
