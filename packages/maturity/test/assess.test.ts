import { describe, expect, it } from "vitest";
import { type Assessment, assess, ModelValidationError } from "../src/index.ts";
import { discarded, done, inProgress, planned, testModel } from "./support/fixtures.ts";

const model = testModel();

function dim(assessment: Assessment, key: string) {
  const found = assessment.dimensions.find((dimension) => dimension.key === key);
  if (!found) throw new Error(`no dimension ${key}`);
  return found;
}

function crit(assessment: Assessment, key: string) {
  for (const dimension of assessment.dimensions) {
    for (const level of dimension.levels) {
      const found = level.criteria.find((criterion) => criterion.key === key);
      if (found) return found;
    }
  }
  throw new Error(`no criterion ${key}`);
}

describe("assess: levels and scores", () => {
  it("starts at the baseline without measures", () => {
    const result = assess(model, [], "2024-06-01");
    expect(result.dimensions.map((d) => [d.key, d.level, d.score, d.levelName])).toEqual([
      ["a", 0, 0, "Ausgangslage"],
      ["b", 0, 0, "Ausgangslage"],
    ]);
    expect(result.index).toBe(0);
  });

  it("echoes model id, version, date and mode", () => {
    const result = assess(model, [], "2024-06-01", { mode: "plan" });
    expect([result.modelId, result.modelVersion, result.at, result.mode]).toEqual([
      "test-model",
      7,
      "2024-06-01",
      "plan",
    ]);
  });

  it("is a staircase: fulfilled higher criteria do not help while a lower level is incomplete", () => {
    const measures = [done("m1", "2024-01-10", "a1x", "a2", "a3x", "a3y", "a4")];
    const a = dim(assess(model, measures, "2024-06-01"), "a");
    expect(a.level).toBe(0);
    // Only the share of level 1 counts: 1 of 2.
    expect(a.score).toBe(0.5);
    expect(a.levels.map((level) => level.complete)).toEqual([false, true, true, true]);
  });

  it("adds the fulfilled share of the next level to the score", () => {
    const measures = [done("m1", "2024-01-10", "a1x", "a1y", "a2", "a3x")];
    const a = dim(assess(model, measures, "2024-06-01"), "a");
    expect(a.level).toBe(2);
    expect(a.levelName).toBe("Stufe 2");
    expect(a.score).toBe(2.5);
  });

  it("scores exactly 4 at level 4", () => {
    const measures = [done("m1", "2024-01-10", "a1x", "a1y", "a2", "a3x", "a3y", "a4")];
    const a = dim(assess(model, measures, "2024-06-01"), "a");
    expect(a.level).toBe(4);
    expect(a.score).toBe(4);
  });

  it("weights the dimension scores in the index", () => {
    // a: level 2 + 1/2 = 2.5 (weight 1); b: level 1 (weight 3) → (2.5 + 3) / 4.
    const measures = [done("m1", "2024-01-10", "a1x", "a1y", "a2", "a3x", "b1")];
    const result = assess(model, measures, "2024-06-01");
    expect(dim(result, "b").score).toBe(1);
    expect(result.index).toBeCloseTo(1.375, 12);
  });

  it("counts a completion on its completion date but not before", () => {
    const measures = [done("m1", "2024-03-01", "b1")];
    expect(dim(assess(model, measures, "2024-02-29"), "b").level).toBe(0);
    expect(dim(assess(model, measures, "2024-03-01"), "b").level).toBe(1);
  });
});

describe("assess: validity periods", () => {
  it("is fulfilled the day before expiry and not on the expiry date", () => {
    const measures = [done("m1", "2023-03-15", "b2")];
    const before = crit(assess(model, measures, "2024-03-14"), "b2");
    expect(before.fulfilled).toBe(true);
    expect(before.expiresOn).toBe("2024-03-15");
    const on = crit(assess(model, measures, "2024-03-15"), "b2");
    expect(on.fulfilled).toBe(false);
    expect(on.expiresOn).toBeNull();
    expect(on.expiredOn).toBe("2024-03-15");
  });

  it("clamps a month-end completion to the end of a shorter month (leap year)", () => {
    const measures = [done("m1", "2024-01-31", "b4")];
    expect(crit(assess(model, measures, "2024-02-28"), "b4").fulfilled).toBe(true);
    expect(crit(assess(model, measures, "2024-02-28"), "b4").expiresOn).toBe("2024-02-29");
    expect(crit(assess(model, measures, "2024-02-29"), "b4").fulfilled).toBe(false);
  });

  it("clamps a month-end completion to the end of a shorter month (common year)", () => {
    const measures = [done("m1", "2023-01-31", "b4")];
    expect(crit(assess(model, measures, "2023-02-27"), "b4").fulfilled).toBe(true);
    expect(crit(assess(model, measures, "2023-02-28"), "b4").fulfilled).toBe(false);
  });

  it("drops the level when a lower criterion expires", () => {
    const measures = [done("m1", "2023-03-15", "b1", "b2", "b3")];
    expect(dim(assess(model, measures, "2024-03-14"), "b").level).toBe(3);
    const after = dim(assess(model, measures, "2024-03-15"), "b");
    expect(after.level).toBe(1);
    expect(after.score).toBe(1);
  });

  it("takes the latest expiry when a renewal overlaps and lists all fulfilling measures", () => {
    const measures = [done("renewal", "2024-03-01", "b2"), done("first", "2023-03-15", "b2")];
    const result = crit(assess(model, measures, "2024-03-10"), "b2");
    expect(result.fulfilledBy).toEqual(["first", "renewal"]);
    expect(result.expiresOn).toBe("2025-03-01");
    expect(crit(assess(model, measures, "2024-03-20"), "b2").fulfilledBy).toEqual(["renewal"]);
  });

  it("has no expiry for criteria without a validity period", () => {
    const result = crit(assess(model, [done("m1", "2010-01-01", "b1")], "2024-06-01"), "b1");
    expect(result.fulfilled).toBe(true);
    expect(result.expiresOn).toBeNull();
  });
});

describe("assess: plan mode, statuses and unknown keys", () => {
  const measures = [
    planned("p1", "2024-06-30", "b1"),
    inProgress("p2", "2024-08-31", "b2"),
    planned("p3", null, "b3"),
    discarded("x1", "2024-01-01", "a1x", "a1y"),
  ];

  it("ignores open measures in actual mode", () => {
    expect(dim(assess(model, measures, "2025-01-01"), "b").level).toBe(0);
  });

  it("counts open measures on their planned end in plan mode", () => {
    const plan = (at: string) => dim(assess(model, measures, at, { mode: "plan" }), "b").level;
    expect(plan("2024-06-29")).toBe(0);
    expect(plan("2024-06-30")).toBe(1);
    expect(plan("2024-08-31")).toBe(2);
    // p3 has no planned end and never counts, so level 3 stays out of reach.
    expect(plan("2030-01-01")).toBe(1);
  });

  it("never counts discarded measures", () => {
    for (const mode of ["actual", "plan"] as const) {
      expect(dim(assess(model, measures, "2025-01-01", { mode }), "a").score).toBe(0);
    }
  });

  it("counts completed measures on their completion date in plan mode, not on the planned end", () => {
    const late = { ...done("m1", "2024-05-01", "b1"), plannedEnd: "2024-01-01" };
    expect(dim(assess(model, [late], "2024-02-01", { mode: "plan" }), "b").level).toBe(0);
    expect(dim(assess(model, [late], "2024-05-01", { mode: "plan" }), "b").level).toBe(1);
  });

  it("reports links to unknown keys and still counts the known ones", () => {
    const result = assess(
      model,
      [done("m1", "2024-01-01", "b1", "gone.key"), done("m2", "2024-01-01", "gone.key", "other")],
      "2024-06-01",
    );
    expect(dim(result, "b").level).toBe(1);
    expect(result.unknownCriterionKeys).toEqual([
      { criterionKey: "gone.key", measureIds: ["m1", "m2"] },
      { criterionKey: "other", measureIds: ["m2"] },
    ]);
  });

  it("reports completed measures without a date and does not count them", () => {
    const result = assess(model, [done("m1", null, "b1")], "2024-06-01");
    expect(dim(result, "b").level).toBe(0);
    expect(result.undatedCompletedMeasureIds).toEqual(["m1"]);
  });

  it("counts a measure that lists the same key twice once", () => {
    const result = assess(model, [done("m1", "2024-01-01", "b1", "b1")], "2024-06-01");
    expect(crit(result, "b1").fulfilledBy).toEqual(["m1"]);
  });
});

describe("assess: open measures and next steps", () => {
  const measures = [
    done("d1", "2024-01-01", "a1x", "a1y"),
    planned("late-null", null, "a2"),
    inProgress("sep", "2024-09-01", "a2"),
    planned("mar", "2024-03-01", "a2"),
    planned("mar-b", "2024-03-01", "a2"),
    discarded("gone", "2024-02-01", "a2"),
    done("future", "2025-01-01", "a2"),
    planned("for-level-3", "2024-04-01", "a3x"),
    planned("for-fulfilled", "2024-04-01", "a1x"),
  ];
  const result = assess(model, measures, "2024-06-01");

  it("lists the open measures of a missing criterion by planned end, none last", () => {
    expect(crit(result, "a2").openMeasures).toEqual([
      { measureId: "mar", status: "planned", plannedEnd: "2024-03-01" },
      { measureId: "mar-b", status: "planned", plannedEnd: "2024-03-01" },
      { measureId: "sep", status: "in_progress", plannedEnd: "2024-09-01" },
      { measureId: "late-null", status: "planned", plannedEnd: null },
    ]);
  });

  it("lists no open measures for fulfilled criteria", () => {
    expect(crit(result, "a1x").openMeasures).toEqual([]);
  });

  it("names only the missing criteria of the next level", () => {
    const step = result.nextSteps.find((s) => s.dimensionKey === "a");
    expect(step?.currentLevel).toBe(1);
    expect(step?.nextLevel).toBe(2);
    expect(step?.missing.map((m) => m.criterionKey)).toEqual(["a2"]);
    expect(step?.missing[0]?.openMeasures.map((m) => m.measureId)).toEqual([
      "mar",
      "mar-b",
      "sep",
      "late-null",
    ]);
  });

  it("lists every criterion of level 1 for a dimension at the baseline", () => {
    const step = result.nextSteps.find((s) => s.dimensionKey === "b");
    expect(step?.nextLevel).toBe(1);
    expect(step?.missing.map((m) => m.criterionKey)).toEqual(["b1"]);
  });

  it("has no next step for a dimension at level 4", () => {
    const full = assess(
      model,
      [done("m", "2024-01-01", "a1x", "a1y", "a2", "a3x", "a3y", "a4")],
      "2024-06-01",
    );
    expect(full.nextSteps.map((s) => s.dimensionKey)).toEqual(["b"]);
  });
});

describe("assess: invalid input", () => {
  it("throws for a malformed date", () => {
    expect(() => assess(model, [], "2024-02-30")).toThrow(RangeError);
    expect(() => assess(model, [done("m1", "01.02.2024", "b1")], "2024-06-01")).toThrow(/m1/);
  });

  it("throws ModelValidationError for an invalid model", () => {
    const broken = testModel();
    broken.dimensions[0]!.weight = 0;
    expect(() => assess(broken, [], "2024-06-01")).toThrow(ModelValidationError);
  });

  it("accepts levels listed in any order", () => {
    const shuffled = testModel();
    shuffled.dimensions[1]!.levels.reverse();
    const result = assess(shuffled, [done("m1", "2024-01-01", "b1", "b2")], "2024-06-01");
    expect(dim(result, "b").level).toBe(2);
    expect(dim(result, "b").levels.map((level) => level.level)).toEqual([1, 2, 3, 4]);
  });
});
