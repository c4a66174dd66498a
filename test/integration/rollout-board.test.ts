// Late go-lives on a Kommune's rollout board: a service "in Umsetzung" whose planned go-live has passed is flagged
// "überfällig" and found by the filter; one still in time, or already online, is not.

import { withTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant } from "../src/fixtures.ts";
import { sessionAs } from "../src/maturity-fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;
const services: string[] = [];

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "golive");
  const rows = await withTenant(t.client.db, kommune.id, (tx) =>
    tx.execute<{ id: string }>(sql`
      select id from ozg_services where in_catalogue and municipal_execution
        and 'einheitsgemeinde' = any(responsible_kinds) order by position limit 3`),
  );
  services.push(...rows.map((r) => r.id));
});
afterAll(() => t?.close());

type Row = { serviceId: string; overdue: boolean };

describe("rollout board", () => {
  it("flags go-lives that are late and filters them", async () => {
    const cdo = await sessionAs(t, kommune, "coordinator");
    const yesterday = new Date(Date.parse(`${berlinToday()}T12:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const set = (serviceId: string, status: string, plannedOnline: string | null) =>
      cdo.must("rollout.updateRecord", { serviceId, expectedVersion: 0, status, plannedOnline });
    await set(services[0]!, "implementing", yesterday);
    await set(services[1]!, "implementing", berlinToday());
    await set(services[2]!, "planning", "2025-01-31");

    const board = await cdo.must<{ items: Row[] }>("rollout.board", { page: 1, pageSize: 200 });
    const flag = (id: string) => board.items.find((r) => r.serviceId === id)?.overdue;
    expect([flag(services[0]!), flag(services[1]!), flag(services[2]!)]).toEqual([true, false, false]);

    const late = await cdo.must<{ items: Row[]; total: number }>("rollout.board", {
      page: 1,
      pageSize: 200,
      overdue: true,
    });
    expect(late.items.map((r) => r.serviceId)).toEqual([services[0]]);
    expect(late.total).toBe(1);
  });
});
