// The history of a measure and of a rollout record: every change is there, newest first, page by page (a long-lived
// record gathers more changes than one screen shows, and none may silently fall off).

import { withTenant } from "@spatz/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant } from "../src/fixtures.ts";
import { createMeasure, sessionAs } from "../src/maturity-fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;
let cdo: ApiSession;
beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "verlauf");
  cdo = await sessionAs(t, kommune, "coordinator");
});
afterAll(() => t.close());

type Page = { items: { action: string; after: Record<string, unknown> | null }[]; total: number };

describe("histories", () => {
  it("pages a measure's history, newest first, with every change", async () => {
    const measure = await createMeasure(t, kommune);
    for (let i = 1; i <= 24; i++)
      await cdo.must("measures.update", {
        id: measure.id,
        title: `Fassung ${i}`,
        criterionKeys: ["strategie.1.verantwortung"],
      });
    const first = await cdo.must<Page>("measures.history", { id: measure.id, page: 1, pageSize: 20 });
    const second = await cdo.must<Page>("measures.history", { id: measure.id, page: 2, pageSize: 20 });
    expect(first.total).toBe(25);
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(5);
    expect(first.items[0]!.after).toMatchObject({ title: "Fassung 24" });
    expect(second.items.at(-1)!.action).toBe("measure.create");
    // A viewer reads it too; an unknown measure is not found.
    const viewer = await sessionAs(t, kommune, "viewer");
    expect(
      (await viewer.must<Page>("measures.history", { id: measure.id, page: 2, pageSize: 20 })).total,
    ).toBe(25);
    expect(
      await viewer.call("measures.history", { id: crypto.randomUUID(), page: 1, pageSize: 20 }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("pages a rollout record's history, newest first, and has none before the first change", async () => {
    const [row] = await withTenant(t.client.db, kommune.id, (tx) =>
      tx.execute<{ id: string }>(sql`
        select id from ozg_services where municipal_execution and 'einheitsgemeinde' = any(responsible_kinds)
        order by id limit 1`),
    );
    const serviceId = row!.id;
    const history = (page: number) =>
      cdo.must<Page>("rollout.recordHistory", { serviceId, page, pageSize: 10 });
    expect(await history(1)).toMatchObject({ items: [], total: 0 });
    let version = 0;
    for (let i = 1; i <= 12; i++) {
      await cdo.must("rollout.updateRecord", {
        serviceId,
        expectedVersion: version++,
        status: "planning",
        note: `Stand ${i}`,
      });
    }
    const [first, second] = [await history(1), await history(2)];
    expect(first.total).toBe(12);
    expect(first.items).toHaveLength(10);
    expect(first.items[0]!.after).toMatchObject({ note: "Stand 12", status: "planning" });
    expect(second.items.map((e) => e.action)).toEqual(["rollout.record_update", "rollout.record_create"]);
  });
});
