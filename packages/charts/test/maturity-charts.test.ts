import { buildDashboard, defaultModel, type MeasureInput } from "@spatz/maturity";
import { describe, expect, it } from "vitest";
import {
  historyRows,
  historySeries,
  maturityHistoryOption,
  maturityRadarOption,
  radarLabel,
  radarRows,
} from "../src/index.ts";

const measures: MeasureInput[] = [
  {
    id: "m1",
    status: "completed",
    completedOn: "2025-03-17",
    plannedEnd: null,
    criterionKeys: ["strategie.1.verantwortung"],
  },
  {
    id: "m2",
    status: "completed",
    completedOn: "2025-06-02",
    plannedEnd: null,
    criterionKeys: ["strategie.1.bestandsaufnahme"],
  },
  {
    id: "m3",
    status: "planned",
    completedOn: null,
    plannedEnd: "2027-02-15",
    criterionKeys: ["strategie.2.it-governance"],
  },
];
const dashboard = buildDashboard(
  defaultModel,
  measures,
  [{ dimensionKey: "strategie", level: 2, dueOn: "2027-06-30" }],
  {
    today: "2026-11-28",
  },
);

describe("maturity radar", () => {
  it("has one row per dimension with Ist, Plan and Soll", () => {
    const rows = radarRows(dashboard);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({
      key: "strategie",
      currentLevel: 1,
      current: 1,
      target: 2,
      status: "at_risk",
    });
    expect(rows[0]!.plan).toBeCloseTo(1 + 1 / 3, 5);
    expect(rows[1]).toMatchObject({ key: "kompetenzen", current: 0, target: null });
  });

  it("draws Soll only where targets exist and never animates", () => {
    const option = maturityRadarOption(radarRows(dashboard)) as {
      animation: boolean;
      series: { data: { name: string; value: unknown[] }[] }[];
    };
    expect(option.animation).toBe(false);
    const soll = option.series[0]!.data.find((d) => d.name === "Soll")!;
    expect(soll.value.slice(0, 2)).toEqual([2, "-"]);
    const without = maturityRadarOption(radarRows({ ...dashboard, targets: [] })) as {
      series: { data: unknown[] }[];
    };
    expect(without.series[0]!.data).toHaveLength(2);
  });
});

describe("maturity history", () => {
  it("has a point on each completion date and the target marker", () => {
    const series = historySeries(dashboard, "strategie");
    expect(series.actual).toContainEqual(["2025-06-02", 1]);
    expect(series.actual).toContainEqual(["2025-06-01", 0.5]);
    expect(series.plan[0]).toEqual(["2026-11-28", 1]);
    expect(series.plan).toContainEqual(["2027-02-15", 1.33]);
    expect(series.targets).toEqual([
      { date: "2027-06-30", level: 2, label: "Soll Strategie & Steuerung: Stufe 2 bis 30.06.2027" },
    ]);
    expect(historySeries(dashboard, null).targets).toEqual([]);
    const rows = historyRows(series);
    expect(rows.find((r) => r.date === "2026-11-28")).toEqual({ date: "2026-11-28", actual: 1, plan: 1 });
    // Only the steps: the first date, the two completions, today, the planned completion and the end of the plan.
    expect(rows.map((r) => [r.date, r.actual ?? r.plan])).toEqual([
      [series.actual[0]![0], 0],
      ["2025-03-17", 0.5],
      ["2025-06-02", 1],
      ["2026-11-28", 1],
      ["2027-02-15", 1.33],
      [series.plan.at(-1)![0], 1.33],
    ]);
  });

  it("draws the Ist and Plan lines as steps", () => {
    const option = maturityHistoryOption(historySeries(dashboard, null)) as {
      series: { name: string; step?: string }[];
    };
    expect(option.series.map((s) => [s.name, s.step])).toEqual([
      ["Ist", "end"],
      ["Plan", "end"],
      ["Soll", undefined],
    ]);
  });
});

describe("radar labels", () => {
  it("break into short lines after '&' and hyphenate long compounds where their parts join", () => {
    expect(radarLabel("Prozessdigitalisierung")).toBe("Prozess-\ndigitalisierung");
    expect(radarLabel("Onlinedienste & Bürgerzentrierung")).toBe("Onlinedienste &\nBürger-\nzentrierung");
    expect(radarLabel("IT-Sicherheit & Notfallmanagement")).toBe("IT-Sicherheit &\nNotfall-\nmanagement");
    expect(radarLabel("Strategie & Steuerung")).toBe("Strategie &\nSteuerung");
    expect(radarLabel("Daten & Interoperabilität")).toBe("Daten &\nInteroperabilität");
    expect(radarLabel("Digitale Verwaltung im ländlichen Raum")).toBe(
      "Digitale\nVerwaltung im\nländlichen\nRaum",
    );
    // A name of the Land's own with no known joint is split in its middle.
    expect(radarLabel("Verwaltungsmodernisierungsvorhaben")).toBe("Verwaltungsmodern-\nisierungsvorhaben");
  });
});
