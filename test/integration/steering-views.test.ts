// The latest Ampel beyond the project page (issue 17): the portfolio dashboard counts the projects in Umsetzung by
// their latest report's overall light (and those without any), the timeline shows it beside each project; a newer
// report replaces an older one, whatever order they were filed in.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, sessionCookie } from "../src/fixtures.ts";
import { projectFixture } from "../src/portfolio.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => t.close());

const report = (projectId: string, reportedOn: string, light: "green" | "yellow" | "red") => ({
  projectId,
  reportedOn,
  schedule: light,
  cost: "green",
  quality: "green",
  resources: "green",
  summary: `Stand am ${reportedOn}`,
});

describe("the latest Ampel on the dashboard and the timeline", () => {
  it("counts running projects by their latest light and shows it on the timeline", async () => {
    const kommune = await createTenant(t.client.db, "ampel");
    const pmo = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id),
    );
    // Fixture projects run 01.01.–31.12.2024 and are in Umsetzung.
    const red = await projectFixture(t.client.db, kommune.id, { name: "Rot" });
    const green = await projectFixture(t.client.db, kommune.id, { name: "Grün" });
    await projectFixture(t.client.db, kommune.id, { name: "Ohne Bericht" });
    // The later report counts, though filed first.
    await pmo.must("steering.addStatusReport", report(red.projectId, "2024-06-30", "red"));
    await pmo.must("steering.addStatusReport", report(red.projectId, "2024-03-31", "green"));
    await pmo.must("steering.addStatusReport", report(green.projectId, "2024-05-31", "green"));

    // The portfolio's risk heat map counts open risks per cell; closed ones drop out.
    await pmo.must("steering.addRisk", {
      projectId: red.projectId,
      title: "Lieferverzug",
      probability: 4,
      impact: 5,
    });
    await pmo.must("steering.addRisk", {
      projectId: green.projectId,
      title: "Ausfall",
      probability: 4,
      impact: 5,
    });
    await pmo.must("steering.addRisk", {
      projectId: green.projectId,
      title: "Erledigt",
      probability: 2,
      impact: 2,
      status: "closed",
    });
    const dashboard = await pmo.must<{
      ampel: Record<string, number>;
      riskCells: { probability: number; impact: number; count: number }[];
    }>("portfolio.dashboard", { filter: {} });
    expect(dashboard.ampel).toEqual({ green: 1, yellow: 0, red: 1, none: 1 });
    expect(dashboard.riskCells).toEqual([{ probability: 4, impact: 5, count: 2 }]);
    const timeline = await pmo.must<{
      items: { name: string; latestAmpel: { overall: string; reportedOn: string } | null }[];
    }>("portfolio.timeline", { filter: {}, from: "2024-01-01", to: "2024-12-31", page: 1, pageSize: 50 });
    expect(Object.fromEntries(timeline.items.map((i) => [i.name, i.latestAmpel]))).toEqual({
      Rot: { overall: "red", reportedOn: "2024-06-30" },
      Grün: { overall: "green", reportedOn: "2024-05-31" },
      "Ohne Bericht": null,
    });
  });

  it("keeps a risk register per strategy: critical ones reach the start page, the CDO/PMO keeps them", async () => {
    const kommune = await createTenant(t.client.db, "strategierisiko");
    const cdo = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id),
    );
    const lead = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.project_lead!.id),
    );
    const leadership = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.leadership!.id),
    );
    const unit = await cdo.must<{ id: string }>("orgUnits.create", {
      code: "53",
      name: "Gesundheitsamt",
      kind: "other",
      parentId: null,
    });
    const strategy = await cdo.must<{ id: string }>("strategies.save", {
      orgUnitId: unit.id,
      title: "Strategie des Amtes",
    });
    const inUnit = await cdo.must<{ id: string }>("measures.create", {
      title: "Fachkräfte gewinnen",
      orgUnitId: unit.id,
      criterionKeys: ["kompetenzen.1.bedarfserhebung"],
    });
    await cdo.must<{ id: string }>("measures.create", {
      title: "Anderswo",
      criterionKeys: ["strategie.1.verantwortung"],
    });
    // The measures offered to treat the risk are those of the strategy's scope.
    const before = await lead.must<{ risks: unknown[]; measures: { id: string; title: string }[] }>(
      "steering.strategyRisks",
      { strategyId: strategy.id },
    );
    expect(before).toEqual({ risks: [], measures: [{ id: inUnit.id, title: "Fachkräfte gewinnen" }] });
    const risk = await cdo.must<{ id: string; level: string }>("steering.addStrategyRisk", {
      strategyId: strategy.id,
      title: "Fachkräftemangel im Amt",
      probability: 4,
      impact: 4,
      measureId: inUnit.id,
    });
    expect(risk.level).toBe("critical");
    const critical =
      await leadership.must<{ id: string; strategyTitle: string | null; projectId: string | null }[]>(
        "steering.criticalRisks",
      );
    expect(critical).toEqual([
      expect.objectContaining({ id: risk.id, strategyTitle: "Strategie des Amtes", projectId: null }),
    ]);
    // A project lead edits project risks of their own projects only, never a strategy's.
    const update = {
      id: risk.id,
      title: "Fachkräftemangel im Amt",
      probability: 4,
      impact: 4,
      measureId: inUnit.id,
      status: "closed",
    };
    expect(await lead.call("steering.updateRisk", update)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await cdo.must("steering.updateRisk", update);
    expect(await leadership.must<unknown[]>("steering.criticalRisks")).toEqual([]);
    const after = await cdo.must<{ risks: { status: string; measureTitle: string }[] }>(
      "steering.strategyRisks",
      {
        strategyId: strategy.id,
      },
    );
    expect(after.risks).toEqual([
      expect.objectContaining({ status: "closed", measureTitle: "Fachkräfte gewinnen" }),
    ]);
  });
});
