// Projects deliver maturity measures (measures.project_id): completing a project with `completeLinkedMeasures`
// completes its open measures in the same transaction, and the maturity level the engine computes rises with them.
// Without the flag nothing changes; removing a project keeps its measures and logs the unlink.
import { berlinToday } from "@spatz/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { projectFixture } from "../src/portfolio.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => t.close());

const as = async (tenant: FixtureTenant, role = "coordinator") =>
  new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));

type Measure = { id: string; status: string; completedOn: string | null; evidenceText: string | null };
type Dashboard = { dashboard: { current: { dimensions: { key: string; level: number; score: number }[] } } };

async function measure(s: ApiSession, id: string): Promise<Measure> {
  return (await s.must<{ measure: Measure }>("measures.get", { id })).measure;
}

async function strategieLevel(s: ApiSession) {
  const d = await s.must<Dashboard>("maturity.dashboard", { orgUnitId: null });
  return d.dashboard.current.dimensions.find((x) => x.key === "strategie")!;
}

describe("projects that deliver measures", () => {
  it("completes the open linked measures with the project, raising the level; only with the flag", async () => {
    const tenant = await createTenant(t.client.db, "liefert");
    const pmo = await as(tenant);
    // The fixture project runs 01.01.–31.12.2024: its end has passed, so that is the completion date.
    const project = await projectFixture(t.client.db, tenant.id, { name: "Digitalisierungsstrategie 2030" });
    const other = await projectFixture(t.client.db, tenant.id, { name: "Anderes Projekt" });
    const create = (title: string, key: string, projectId: string) =>
      pmo.must<{ id: string }>("measures.create", { title, criterionKeys: [key], projectId });
    const cdo = await create("CDO benennen", "strategie.1.verantwortung", project.projectId);
    const inventory = await create("Bestandsaufnahme", "strategie.1.bestandsaufnahme", project.projectId);
    const dropped = await create("Verworfene Idee", "strategie.2.it-governance", project.projectId);
    await pmo.must("measures.setStatus", { id: dropped.id, status: "discarded" });
    const elsewhere = await create("Governance", "strategie.2.it-governance", other.projectId);
    await pmo.must("measures.setStatus", { id: inventory.id, status: "in_progress" });

    expect(await strategieLevel(pmo)).toMatchObject({ level: 0, score: 0 });
    const detail = await pmo.must<{ measures: { id: string; status: string }[] }>("portfolio.get", {
      id: project.projectId,
    });
    expect(Object.fromEntries(detail.measures.map((m) => [m.id, m.status]))).toEqual({
      [cdo.id]: "planned",
      [inventory.id]: "in_progress",
      [dropped.id]: "discarded",
    });

    // Without the flag the project completes alone.
    expect(await pmo.must("portfolio.complete", { id: other.projectId })).toMatchObject({
      measuresCompleted: 0,
    });
    expect((await measure(pmo, elsewhere.id)).status).toBe("planned");

    expect(
      await pmo.must("portfolio.complete", { id: project.projectId, completeLinkedMeasures: true }),
    ).toEqual({ id: project.projectId, status: "completed", measuresCompleted: 2 });
    for (const id of [cdo.id, inventory.id]) {
      const m = await measure(pmo, id);
      expect(m).toMatchObject({ status: "completed", completedOn: "2024-12-31" });
      expect(m.evidenceText).toContain("Abschluss des Projekts „Digitalisierungsstrategie 2030“");
    }
    expect((await measure(pmo, dropped.id)).status).toBe("discarded");
    // Both level-1 criteria of "Strategie & Steuerung" are fulfilled now: the engine puts the dimension on level 1.
    expect(await strategieLevel(pmo)).toMatchObject({ level: 1 });

    // Who did it is in both histories: the measure's and the project's.
    const history = await pmo.must<{ items: { action: string; actorLabel: string }[] }>("measures.history", {
      id: cdo.id,
      page: 1,
      pageSize: 10,
    });
    expect(history.items[0]).toMatchObject({ action: "measure.complete" });
    const projectHistory = await pmo.must<{ items: { action: string; after: Record<string, unknown> }[] }>(
      "portfolio.history",
      { id: project.projectId, page: 1, pageSize: 10 },
    );
    expect(projectHistory.items[0]).toMatchObject({
      action: "project.complete",
      after: { measuresCompleted: 2, measureIds: expect.arrayContaining([cdo.id, inventory.id]) },
    });
  });

  it("completes on today when the project ends later, and all or nothing", async () => {
    const tenant = await createTenant(t.client.db, "heute");
    const pmo = await as(tenant);
    const project = await projectFixture(t.client.db, tenant.id);
    const next = `${Number(berlinToday().slice(0, 4)) + 1}-12-31`;
    const update = await pmo.call("portfolio.update", {
      id: project.projectId,
      gbId: project.gbId,
      rId: project.rId,
      name: project.name,
      start: "2024-01-01",
      end: next,
      status: "in_progress",
    });
    expect(update.ok).toBe(true);
    const m = await pmo.must<{ id: string }>("measures.create", {
      title: "Läuft mit dem Projekt",
      criterionKeys: ["daten.1.fachverfahrenskataster"],
      projectId: project.projectId,
    });
    await pmo.must("portfolio.complete", { id: project.projectId, completeLinkedMeasures: true });
    expect(await measure(pmo, m.id)).toMatchObject({ status: "completed", completedOn: berlinToday() });
    // A second completion is refused and changes nothing.
    const again = await pmo.call("portfolio.complete", {
      id: project.projectId,
      completeLinkedMeasures: true,
    });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("keeps the measures when a project is removed, logging the unlink; refuses an unknown project", async () => {
    const tenant = await createTenant(t.client.db, "entfernt");
    const pmo = await as(tenant);
    const project = await projectFixture(t.client.db, tenant.id);
    const m = await pmo.must<{ id: string }>("measures.create", {
      title: "Bleibt erhalten",
      criterionKeys: ["strategie.1.verantwortung"],
      projectId: project.projectId,
    });
    await pmo.must("portfolio.remove", { id: project.projectId });
    const after = await pmo.must<{ measure: { projectId: string | null } }>("measures.get", { id: m.id });
    expect(after.measure.projectId).toBeNull();
    const changes = await pmo.must<{ items: { action: string; before: Record<string, unknown> }[] }>(
      "measures.history",
      { id: m.id, page: 1, pageSize: 10 },
    );
    expect(changes.items[0]).toMatchObject({
      action: "measure.update",
      before: { projectId: project.projectId },
    });

    const unknown = await pmo.call("measures.update", {
      id: m.id,
      title: "Bleibt erhalten",
      criterionKeys: ["strategie.1.verantwortung"],
      projectId: project.projectId,
    });
    expect(unknown).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(unknown.raw).toContain("Dieses Projekt gibt es nicht.");
  });
});
