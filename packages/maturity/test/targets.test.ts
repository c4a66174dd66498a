import { describe, expect, it } from "vitest";
import { evaluateTargets, type MeasureInput, type Target, targetStatusLabels } from "../src/index.ts";
import { done, inProgress, planned, testModel } from "./support/fixtures.ts";

const model = testModel();
const today = "2024-06-01";

function evaluateOne(measures: MeasureInput[], target: Target) {
  return evaluateTargets(model, measures, [target], today)[0];
}

describe("evaluateTargets", () => {
  it("marks a target as reached when today's level meets it", () => {
    const result = evaluateOne([done("m1", "2024-01-01", "b1", "b2"), planned("old", "2024-01-01", "b1")], {
      dimensionKey: "b",
      level: 2,
      dueOn: "2025-12-31",
    });
    expect(result).toMatchObject({
      currentLevel: 2,
      gap: 0,
      status: "reached",
      dimensionName: "Dimension b",
      overdueMeasureIds: [],
    });
  });

  it("is on track when the plan reaches the level by the due date, with the gap to today", () => {
    const measures = [done("m1", "2024-01-01", "b1"), planned("p1", "2024-09-30", "b2", "b3")];
    const result = evaluateOne(measures, { dimensionKey: "b", level: 3, dueOn: "2024-12-31" });
    expect(result).toMatchObject({ currentLevel: 1, plannedLevel: 3, gap: 2, status: "on_track" });
  });

  it("counts a plan that lands exactly on the due date as on track", () => {
    const measures = [inProgress("p1", "2024-12-31", "b1")];
    const result = evaluateOne(measures, { dimensionKey: "b", level: 1, dueOn: "2024-12-31" });
    expect(result?.status).toBe("on_track");
  });

  it("is at risk when the plan lands after the due date", () => {
    const measures = [planned("p1", "2025-01-01", "b1")];
    const result = evaluateOne(measures, { dimensionKey: "b", level: 1, dueOn: "2024-12-31" });
    expect(result).toMatchObject({ currentLevel: 0, plannedLevel: 0, gap: 1, status: "at_risk" });
  });

  it("is at risk when a needed completion expires before the due date", () => {
    // b2 is valid for 12 months: completed 2024-01-15, it lapses on 2025-01-15, before the due date.
    const measures = [done("m1", "2024-01-01", "b1"), planned("p1", "2024-01-15", "b2")];
    const result = evaluateOne(measures, { dimensionKey: "b", level: 2, dueOn: "2025-03-01" });
    expect(result).toMatchObject({ plannedLevel: 1, status: "at_risk" });
  });

  it("is at risk when the due date has passed unmet, even if the plan claimed it, and flags late measures", () => {
    // "late-above" is late too, but serves level 2, which this target does not need.
    const measures = [planned("late", "2024-03-01", "a1x", "a1y"), planned("late-above", "2024-05-15", "a2")];
    const result = evaluateOne(measures, { dimensionKey: "a", level: 1, dueOn: "2024-04-30" });
    expect(result).toMatchObject({ currentLevel: 0, plannedLevel: 1, gap: 1, status: "at_risk" });
    expect(result?.overdueMeasureIds).toEqual(["late"]);
  });

  it("uses today's actual level, not the plan, for the current level", () => {
    const measures = [planned("p1", "2024-05-01", "b1")];
    const result = evaluateOne(measures, { dimensionKey: "b", level: 1, dueOn: "2024-12-31" });
    expect(result?.currentLevel).toBe(0);
    expect(result?.status).toBe("on_track");
  });

  it("evaluates several targets in input order", () => {
    const results = evaluateTargets(
      model,
      [done("m1", "2024-01-01", "b1")],
      [
        { dimensionKey: "b", level: 1, dueOn: "2024-01-01" },
        { dimensionKey: "a", level: 4, dueOn: "2026-01-01" },
      ],
      today,
    );
    expect(results.map((r) => [r.dimensionKey, r.status, r.gap])).toEqual([
      ["b", "reached", 0],
      ["a", "at_risk", 4],
    ]);
  });

  it("rejects targets the model cannot evaluate", () => {
    const bad = (target: { dimensionKey: string; level: number; dueOn: string }) => () =>
      evaluateTargets(model, [], [target], today);
    expect(bad({ dimensionKey: "zz", level: 2, dueOn: "2025-01-01" })).toThrow(/unbekannte Dimension/);
    expect(bad({ dimensionKey: "a", level: 5, dueOn: "2025-01-01" })).toThrow(RangeError);
    expect(bad({ dimensionKey: "a", level: 2, dueOn: "31.12.2025" })).toThrow(RangeError);
  });

  it("has German labels for every status", () => {
    expect(targetStatusLabels).toEqual({ reached: "erreicht", on_track: "im Plan", at_risk: "in Gefahr" });
  });
});
