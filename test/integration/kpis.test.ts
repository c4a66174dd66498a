// Measurable goals (docs/adr/0018-strategy-kpis.md): a strategy goal's key figure with baseline and target, values
// recorded over time (one per day, a second replaces it), progress against the straight line to the target, shown on
// the maturity dashboard beside the Soll. German numbers; bad input refused with nothing written.
import { berlinToday } from "@spatz/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, sessionCookie } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => t.close());

type Kpi = {
  id: string;
  baseline: number;
  target: number;
  values: { id: string; measuredOn: string; value: number; note: string }[];
  progress: { share: number | null; status: string | null; latest: { value: number } | null };
};

describe("key figures of strategy goals", () => {
  it("measures a goal from baseline to target, on the strategy and beside the Soll", async () => {
    const kommune = await createTenant(t.client.db, "kennzahlen");
    const cdo = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id),
    );
    const viewer = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.viewer!.id));
    const goal = "Papierarm arbeiten";
    const strategy = await cdo.must<{ id: string }>("strategies.save", {
      orgUnitId: null,
      title: "Digitalstrategie",
      goals: [goal, "Onlinedienste ausbauen"],
    });
    const today = berlinToday();
    const year = Number(today.slice(0, 4));
    const base = {
      strategyId: strategy.id,
      goal,
      name: "Papierlose Verfahren",
      unit: "Verfahren",
      baseline: "1.200",
      baselineOn: `${year}-01-01`,
      target: "2.400",
      targetOn: `${year + 2}-01-01`,
      source: "Prozessregister",
    };
    // Bad input: an unknown goal, a target equal to the baseline, a word for a number – each refused at its field.
    for (const [input, field] of [
      [{ ...base, goal: "Gibt es nicht" }, "goal"],
      [{ ...base, target: "1200" }, "target"],
      [{ ...base, baseline: "ca. 1000" }, "baseline"],
    ] as const) {
      const r = await cdo.call("kpis.create", input);
      expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
      expect(r.raw).toContain(field);
    }
    expect(await cdo.must<Kpi[]>("kpis.list", { strategyId: strategy.id })).toEqual([]);

    const { id } = await cdo.must<{ id: string }>("kpis.create", base);
    let [kpi] = await viewer.must<Kpi[]>("kpis.list", { strategyId: strategy.id });
    expect(kpi).toMatchObject({
      baseline: 1200,
      target: 2400,
      values: [],
      progress: { share: null, status: null },
    });

    await cdo.must("kpis.recordValue", {
      kpiId: id,
      measuredOn: today,
      value: "1.500",
      note: "erste Zählung",
    });
    // The same day again replaces the value (a correction).
    await cdo.must("kpis.recordValue", { kpiId: id, measuredOn: today, value: "2.100", note: "korrigiert" });
    [kpi] = await viewer.must<Kpi[]>("kpis.list", { strategyId: strategy.id });
    expect(kpi!.values).toEqual([
      expect.objectContaining({ measuredOn: today, value: 2100, note: "korrigiert" }),
    ]);
    // 900 of 1,200 is 75 % of the way, ahead of the line (at most half of the two years has passed).
    expect(kpi!.progress).toMatchObject({ share: 0.75, status: "on_track", latest: { value: 2100 } });

    // The dashboard shows the figure beside the Soll.
    const dashboard = await viewer.must<{ kpis: { name: string; progress: { status: string } }[] }>(
      "maturity.dashboard",
      { orgUnitId: null },
    );
    expect(dashboard.kpis).toEqual([
      expect.objectContaining({
        name: "Papierlose Verfahren",
        progress: expect.objectContaining({ status: "on_track" }),
      }),
    ]);

    // Only the CDO/PMO keeps figures; removing the value and the figure leaves nothing behind.
    expect(await viewer.call("kpis.recordValue", { kpiId: id, measuredOn: today, value: "1" })).toMatchObject(
      {
        ok: false,
        code: "FORBIDDEN",
      },
    );
    await cdo.must("kpis.removeValue", { id: kpi!.values[0]!.id });
    [kpi] = await viewer.must<Kpi[]>("kpis.list", { strategyId: strategy.id });
    expect(kpi!.values).toEqual([]);
    await cdo.must("kpis.recordValue", { kpiId: id, measuredOn: today, value: "1300" });
    await cdo.must("kpis.remove", { id });
    expect(await viewer.must<Kpi[]>("kpis.list", { strategyId: strategy.id })).toEqual([]);
    const history = await (
      await new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id))
    ).must<{ items: { action: string }[] }>("audit.list", { page: 1, pageSize: 20, entityType: "strategy" });
    expect(history.items.map((i) => i.action)).toEqual(
      expect.arrayContaining([
        "strategy.kpi_create",
        "strategy.kpi_value",
        "strategy.kpi_value_remove",
        "strategy.kpi_remove",
      ]),
    );
  });
});
