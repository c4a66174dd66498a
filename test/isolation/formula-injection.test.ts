// Formula injection (OWASP "CSV injection"): whatever a user typed, no cell of any export (headers included) starts
// with a character that makes a spreadsheet run it as a formula.
import { randomUUID } from "node:crypto";
import { withTenant } from "@spatz/db";
import { stateTables } from "@spatz/rollout";
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie, stateTenant } from "../src/fixtures.ts";
import { downloadPortfolio } from "../src/portfolio.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const PAYLOADS = ['=HYPERLINK("http://x.example","y")', "+SUM(1;2)", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"];
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-12,5") is not a formula. */
const NUMBER = /^-?\d+(,\d+)?$/;

let t: TestApp;
let kommune: FixtureTenant;
let state: FixtureTenant;
let scenarioIds: string[] = [];

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  [kommune, state] = await Promise.all([createTenant(t.client.db, "formel"), stateTenant(t.client.db)]);
  const cdo = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id));
  const services = await withTenant(t.client.db, kommune.id, (tx) =>
    tx.execute<{ id: string }>(sql`
      select id from ozg_services where in_catalogue and municipal_execution
        and 'einheitsgemeinde' = any(responsible_kinds) order by id limit ${PAYLOADS.length}`),
  );
  expect(services.length).toBe(PAYLOADS.length);
  for (const [i, payload] of PAYLOADS.entries()) {
    await cdo.must("rollout.updateRecord", {
      serviceId: services[i]!.id,
      expectedVersion: 0,
      status: "implementing",
      reuseRoute: "kitu_inhouse",
      fachverfahren: payload,
      interfaceNeeded: true,
      contact: payload,
      note: payload,
    });
  }
  const gb = await cdo.must<{ id: string }>("orgUnits.create", { code: "F", name: PAYLOADS[0], kind: "gb" });
  const r = await cdo.must<{ id: string }>("orgUnits.create", {
    code: "F1",
    name: PAYLOADS[1],
    kind: "r",
    parentId: gb.id,
  });
  for (const payload of PAYLOADS) {
    await cdo.must("portfolio.create", {
      gbId: gb.id,
      rId: r.id,
      name: `${payload} ${randomUUID().slice(0, 4)}`,
      description: payload,
      start: "2024-02-01",
      end: "2024-11-30",
      status: "in_progress",
      leadName: payload,
    });
  }
  const pmo = new ApiSession(t, await sessionCookie(t.client.db, state.id, state.users.state_pmo!.id));
  scenarioIds = [];
  for (const payload of PAYLOADS.slice(0, 6)) {
    const saved = await pmo.must<{ id: string }>("rollout.saveScenario", {
      name: `${payload} ${randomUUID().slice(0, 4)}`.trim(),
      description: payload,
      params: { dailyRateCents: 110_000 },
    });
    scenarioIds.push(saved.id);
  }
});
afterAll(() => t.close());

function csvCells(base64: string): string[] {
  const text = Buffer.from(base64, "base64")
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const rows = Papa.parse<string[]>(text, { delimiter: ";" }).data;
  return rows.flat();
}

function expectNoFormula(cells: string[], what: string) {
  expect(cells.length, what).toBeGreaterThan(0);
  const formulas = cells.filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
  expect(formulas, what).toEqual([]);
}

describe("exports neutralise formulas in every cell, headers included", () => {
  it("every table of the Land's rollout dashboards", async () => {
    const pmo = new ApiSession(t, await sessionCookie(t.client.db, state.id, state.users.state_pmo!.id));
    for (const table of stateTables) {
      const file = await pmo.must<{ base64: string }>("rollout.exportState", {
        table,
        format: "csv",
        ...(table === "scenarios" ? { scenarioIds } : {}),
      });
      expectNoFormula(csvCells(file.base64), table);
    }
    // The scenario names are the header cells of the comparison: they were typed by users.
    const comparison = await pmo.must<{ base64: string }>("rollout.exportState", {
      table: "scenarios",
      format: "csv",
      scenarioIds,
    });
    const header = csvCells(comparison.base64);
    expect(header.some((cell) => cell.startsWith("'="))).toBe(true);
  });

  it("the Kommune's rollout board", async () => {
    const cdo = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id),
    );
    const file = await cdo.must<{ base64: string }>("rollout.exportBoard", { format: "csv" });
    const cells = csvCells(file.base64);
    expectNoFormula(cells, "board");
    expect(cells.some((cell) => cell.startsWith("'=HYPERLINK"))).toBe(true);
  });

  it("the portfolio as CSV and TSV", async () => {
    const cookie = await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id);
    for (const format of ["csv", "tsv"] as const) {
      const res = await downloadPortfolio(t, cookie, `format=${format}`);
      expect(res.status, format).toBe(200);
      const text = new TextDecoder().decode(await res.arrayBuffer()).replace(/^\uFEFF/, "");
      const cells = Papa.parse<string[]>(text, { delimiter: format === "csv" ? ";" : "\t" }).data.flat();
      expectNoFormula(cells, format);
      expect(cells.some((cell) => cell.startsWith("'=HYPERLINK"))).toBe(true);
    }
  });
});
