// Capacity per GB and year (docs/adr/0016-capacity.md): PT from own staff and framework contracts against the share of
// each approved or running project's and each pending proposal's effort that falls into the year; over-commitment per
// GB and in total; German numbers ("1.100") read as the user means them; bad input refused and nothing written.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, sessionCookie } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => t.close());

type Row = {
  gbId: string | null;
  code: string;
  internalDays: number;
  contractDays: number;
  consumedDays: number;
  availableDays: number;
  projectDays: number;
  projectsWithoutEffort: number;
  proposalDays: number;
  freeDays: number;
  overCommitted: boolean;
};
type Overview = { rows: Row[]; central: Row | null; total: Omit<Row, "gbId" | "code"> };

describe("capacity", () => {
  it("sets the PT of a year against projects and proposals, per GB and in total", async () => {
    const kommune = await createTenant(t.client.db, "kapazitaet");
    const pmo = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id),
    );
    const gb = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "GB5",
      name: "Gesundheit",
      kind: "gb",
      parentId: null,
    });
    const r = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "53",
      name: "Gesundheitsamt",
      kind: "r",
      parentId: gb.id,
    });
    const other = await pmo.must<{ id: string }>("orgUnits.create", {
      code: "GB2",
      name: "Finanzen",
      kind: "gb",
      parentId: null,
    });
    const project = (
      name: string,
      start: string,
      end: string,
      status: string,
      effortDays: string,
      gbId = gb.id,
    ) => pmo.must("portfolio.create", { gbId, rId: r.id, name, start, end, status, effortDays });
    await project("E-Akte Gesundheitsamt", "2025-01-01", "2025-12-31", "approved", "400");
    // Runs over the turn of the year: 181 of its 365 days (and PT) fall into 2025.
    await project("Fachverfahren Meldewesen", "2024-07-01", "2025-06-30", "in_progress", "365");
    await project("Abgeschlossen", "2025-01-01", "2025-03-31", "completed", "999");
    await project("Ohne Aufwand", "2025-01-01", "2025-12-31", "approved", "");
    const round = await pmo.must<{ id: string }>("registration.openRound", {
      year: 2025,
      title: "Anmeldung 2025",
    });
    await pmo.must("registration.submitProposal", {
      roundId: round.id,
      gbId: gb.id,
      rId: r.id,
      name: "Online-Terminvergabe",
      start: "2025-01-01",
      end: "2025-12-31",
      effortDays: "100",
    });

    // German numbers: "1.100" is eleven hundred; the hint's own example reads as it says.
    await pmo.must("capacity.create", {
      gbId: gb.id,
      year: 2025,
      kind: "internal",
      name: "Team Gesundheit",
      personDays: "500",
    });
    await pmo.must("capacity.create", {
      gbId: null,
      year: 2025,
      kind: "framework_contract",
      name: "Rahmenvertrag Consultingleistungen",
      personDays: "1.100",
      consumedDays: "200,5",
    });

    const o = await pmo.must<Overview>("capacity.overview", { year: 2025 });
    expect(o.rows.map((x) => x.code)).toEqual(["GB5"]);
    expect(o.rows[0]).toMatchObject({
      internalDays: 500,
      availableDays: 500,
      projectDays: 581,
      projectsWithoutEffort: 1,
      proposalDays: 100,
      freeDays: -181,
      overCommitted: true,
    });
    expect(o.central).toMatchObject({
      contractDays: 1100,
      consumedDays: 200.5,
      availableDays: 1100,
      freeDays: 1100,
    });
    expect(o.total).toMatchObject({
      availableDays: 1600,
      projectDays: 581,
      proposalDays: 100,
      freeDays: 919,
      overCommitted: false,
    });
    // 2024 holds the other 184 PT of the project that crosses the year.
    const earlier = await pmo.must<Overview>("capacity.overview", { year: 2024 });
    expect(earlier.rows[0]).toMatchObject({
      projectDays: 184,
      availableDays: 0,
      freeDays: -184,
      overCommitted: true,
    });

    // A round's view counts only its own open proposals; another round's are not added.
    const round2 = await pmo.must<{ id: string }>("registration.openRound", {
      year: 2026,
      title: "Anmeldung 2026",
    });
    const inRound2 = await pmo.must<Overview>("capacity.overview", { year: 2025, roundId: round2.id });
    expect(inRound2.rows[0]).toMatchObject({ proposalDays: 0, freeDays: -81 });

    // Bad input: German messages at the field, nothing written.
    const refused = async (input: Record<string, unknown>, field: string, text: RegExp) => {
      const result = await pmo.call("capacity.create", {
        year: 2025,
        kind: "internal",
        name: "Fehler",
        personDays: "10",
        ...input,
      });
      expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
      expect(result.raw).toMatch(text);
      expect(result.raw).toContain(field);
    };
    await refused(
      { kind: "framework_contract", personDays: "100", consumedDays: "150" },
      "consumedDays",
      /mehr Tage abgerufen/,
    );
    await refused({ consumedDays: "5" }, "consumedDays", /nur bei Rahmenverträgen/);
    await refused({ personDays: "1,2,3" }, "personDays", /keine gültige Anzahl/);
    await refused({ personDays: "" }, "personDays", /Bitte die verfügbaren Tage/);
    await refused({ gbId: r.id }, "gbId", /Geschäftsbereich Ihrer Verwaltung/);
    const sources = await pmo.must<{ name: string }[]>("capacity.sources", { year: 2025 });
    expect(sources.map((s) => s.name).sort()).toEqual([
      "Rahmenvertrag Consultingleistungen",
      "Team Gesundheit",
    ]);

    // A GB with capacity is not removed from under it; a GB without any is.
    const removal = await pmo.call("orgUnits.remove", { id: gb.id });
    expect(removal).toMatchObject({ ok: false, code: "CONFLICT" });
    await pmo.must("orgUnits.remove", { id: other.id });

    // Only the PMO keeps the entries; everyone of the Kommune reads them.
    const viewer = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.viewer!.id));
    expect((await viewer.must<Overview>("capacity.overview", { year: 2025 })).total.freeDays).toBe(919);
    expect(
      await viewer.call("capacity.create", { year: 2025, kind: "internal", name: "Team", personDays: "1" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
