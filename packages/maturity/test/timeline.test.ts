import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AssessmentMode, assess, buildDashboard, changeDates, timeline } from "../src/index.ts";
import { dateArb, scenarioArb } from "./support/arbitraries.ts";
import { done, planned, testModel } from "./support/fixtures.ts";

describe("timeline", () => {
  it("puts a point on the completion date, so a step shows on its real day", () => {
    const model = testModel();
    const measures = [done("m1", "2025-03-01", "b1"), done("m2", "2025-03-17", "b2")];
    const points = timeline(model, measures, { from: "2024-12-31", to: "2025-06-30" });
    expect(points.map((p) => p.date)).toEqual([
      "2024-12-31",
      "2025-01-01",
      "2025-02-01",
      "2025-03-01",
      "2025-03-17",
      "2025-04-01",
      "2025-05-01",
      "2025-06-01",
      "2025-06-30",
    ]);
    const b = (date: string) => points.find((p) => p.date === date)!.dimensions.find((d) => d.key === "b")!;
    expect(b("2025-03-01").level).toBe(1);
    expect(b("2025-03-17").level).toBe(2);
  });

  it("adds the day a validity period ends, and only changes inside the range", () => {
    const model = testModel();
    const measures = [done("m1", "2024-01-10", "b1", "b2"), done("m2", "2024-01-10", "unknown")];
    expect(changeDates(model, measures, { from: "2024-01-01", to: "2025-12-31" }, "actual")).toEqual([
      "2024-01-10",
      "2025-01-10",
    ]);
    expect(changeDates(model, measures, { from: "2024-06-01", to: "2025-12-31" }, "actual")).toEqual([
      "2025-01-10",
    ]);
  });

  it("counts planned ends only in plan mode", () => {
    const model = testModel();
    const measures = [planned("p1", "2026-05-05", "a2")];
    const range = { from: "2026-01-01", to: "2026-12-31" };
    expect(changeDates(model, measures, range, "actual")).toEqual([]);
    expect(changeDates(model, measures, range, "plan")).toEqual(["2026-05-05"]);
  });

  const modes: AssessmentMode[] = ["actual", "plan"];
  it.each(modes)("equals assess at every point (%s)", (mode) => {
    fc.assert(
      fc.property(scenarioArb, dateArb, ({ model, measures, at }, other) => {
        const [from, to] = at < other ? [at, other] : [other, at];
        const points = timeline(model, measures, { from, to }, mode);
        const dates = points.map((p) => p.date);
        expect(dates).toEqual([...new Set(dates)].sort());
        for (const point of points) {
          const expected = assess(model, measures, point.date, { mode });
          expect(point.dimensions.map((d) => [d.key, d.level, d.score])).toEqual(
            expected.dimensions.map((d) => [d.key, d.level, d.score]),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("buildDashboard", () => {
  it("reaches back to the first completion and forward to the last planned end and due date", () => {
    const model = testModel();
    const measures = [done("m1", "2021-05-20", "b1"), planned("p1", "2028-02-01", "b2")];
    const d = buildDashboard(model, measures, [{ dimensionKey: "b", level: 3, dueOn: "2028-06-30" }], {
      today: "2026-11-28",
    });
    expect(d.historyFrom).toBe("2021-05-01");
    expect(d.planTo).toBe("2028-06-30");
    expect(d.history.at(-1)?.date).toBe("2026-11-28");
    expect(d.plan[0]?.date).toBe("2026-11-28");
    expect(d.current.dimensions[1]?.level).toBe(1);
    // "In einem Jahr": the last day of the coming year.
    expect(d.plannedOn).toBe("2027-11-27");
    expect(d.planned.dimensions[1]?.level).toBe(1);
    expect(d.plan.find((p) => p.date === "2028-02-01")?.dimensions[1]?.level).toBe(2);
    expect(d.targets[0]).toMatchObject({ status: "at_risk", currentLevel: 1, plannedLevel: 2 });
  });

  it("a yearly criterion renewed today still counts in the plan a year ahead, and not a day longer", () => {
    const model = testModel();
    // b2 is valid twelve months: renewed today, it is valid through 2027-12-05 and expires on 2027-12-06.
    const measures = [done("m1", "2020-01-01", "b1"), done("renewed", "2026-12-06", "b2")];
    const d = buildDashboard(model, measures, [], { today: "2026-12-06" });
    const b2 = (a: typeof d.planned) =>
      a.dimensions.flatMap((x) => x.levels.flatMap((l) => l.criteria)).find((c) => c.key === "b2")!;
    expect(d.plannedOn).toBe("2027-12-05");
    expect(b2(d.planned)).toMatchObject({ fulfilled: true, expiresOn: "2027-12-06" });
    expect(b2(assess(model, measures, "2027-12-06", { mode: "plan" })).fulfilled).toBe(false);
  });

  it("shows at least a year back and ahead, and caps far dates", () => {
    const model = testModel();
    const d = buildDashboard(model, [planned("p", "2099-01-01", "a1x")], [], { today: "2026-11-28" });
    expect(d.historyFrom).toBe("2025-11-01");
    expect(d.planTo).toBe("2031-11-28");
  });
});
