import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AssessmentMode, assess, history, type MeasureInput } from "../src/index.ts";
import { criterionKeys, dateArb, scenarioArb } from "./support/arbitraries.ts";
import { referenceAssess } from "./support/reference.ts";

const modes: AssessmentMode[] = ["actual", "plan"];
const RUNS = { numRuns: 300 };

function fulfilledFlags(assessment: ReturnType<typeof assess>): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  for (const d of assessment.dimensions)
    for (const l of d.levels) for (const c of l.criteria) flags[c.key] = c.fulfilled;
  return flags;
}

describe("properties of assess", () => {
  it.each(modes)("equals a replay of completion events up to t (%s)", (mode) => {
    fc.assert(
      fc.property(scenarioArb, ({ model, measures, at }) => {
        const actual = assess(model, measures, at, { mode });
        const expected = referenceAssess(model, measures, at, mode);
        expect(actual.dimensions.map((d) => [d.key, d.level, d.score])).toEqual(
          expected.dimensions.map((d) => [d.key, d.level, d.score]),
        );
        expect(fulfilledFlags(actual)).toEqual(
          Object.assign({}, ...expected.dimensions.map((d) => d.fulfilled)),
        );
        expect(actual.index).toBeCloseTo(expected.index, 12);
      }),
      RUNS,
    );
  });

  it("never lowers a level or score when one more measure is completed by t", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        ({ model, measures, at }, pick, daysBefore, keyPicks) => {
          const keys = criterionKeys(model);
          const completedOn = new Date(Date.parse(`${at}T00:00:00Z`) - daysBefore * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const extra: MeasureInput = {
            id: "extra",
            status: "completed",
            completedOn,
            plannedEnd: null,
            criterionKeys: keyPicks.map((k) => keys[k % keys.length]!),
          };
          // Both ways to complete one more measure: add a new one, or finish one that was not completed.
          const unfinished = measures.filter((m) => m.status !== "completed");
          const target = unfinished[pick % Math.max(unfinished.length, 1)];
          const finished = measures.map((m) =>
            m === target ? { ...m, status: "completed" as const, completedOn } : m,
          );
          const before = assess(model, measures, at);
          for (const after of [assess(model, [...measures, extra], at), assess(model, finished, at)]) {
            after.dimensions.forEach((d, i) => {
              expect(d.level).toBeGreaterThanOrEqual(before.dimensions[i]!.level);
              expect(d.score).toBeGreaterThanOrEqual(before.dimensions[i]!.score);
            });
            expect(after.index).toBeGreaterThanOrEqual(before.index - 1e-12);
          }
        },
      ),
      RUNS,
    );
  });

  it.each(modes)("never reports a level above the highest complete staircase (%s)", (mode) => {
    fc.assert(
      fc.property(scenarioArb, ({ model, measures, at }) => {
        const result = assess(model, measures, at, { mode });
        const reference = referenceAssess(model, measures, at, mode);
        result.dimensions.forEach((d, i) => {
          const complete = reference.dimensions[i]!.complete;
          let staircase = 0;
          while (staircase < 4 && complete[staircase]) staircase++;
          expect(d.level).toBeLessThanOrEqual(staircase);
          for (let level = 1; level <= d.level; level++) expect(complete[level - 1]).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it.each(modes)("keeps the score in [level, level + 1) below level 4 and at 4 on top (%s)", (mode) => {
    fc.assert(
      fc.property(scenarioArb, ({ model, measures, at }) => {
        const result = assess(model, measures, at, { mode });
        for (const d of result.dimensions) {
          if (d.level === 4) expect(d.score).toBe(4);
          else {
            expect(d.score).toBeGreaterThanOrEqual(d.level);
            expect(d.score).toBeLessThan(d.level + 1);
          }
        }
        expect(result.index).toBeGreaterThanOrEqual(0);
        expect(result.index).toBeLessThanOrEqual(4);
      }),
      RUNS,
    );
  });

  it("scores the plan at least as high as the actual state", () => {
    fc.assert(
      fc.property(scenarioArb, ({ model, measures, at }) => {
        const actual = assess(model, measures, at, { mode: "actual" });
        const plan = assess(model, measures, at, { mode: "plan" });
        plan.dimensions.forEach((d, i) => {
          expect(d.level).toBeGreaterThanOrEqual(actual.dimensions[i]!.level);
          expect(d.score).toBeGreaterThanOrEqual(actual.dimensions[i]!.score);
        });
        expect(plan.index).toBeGreaterThanOrEqual(actual.index - 1e-12);
      }),
      RUNS,
    );
  });
});

describe("properties of history", () => {
  it.each(modes)("equals assess at every point (%s)", (mode) => {
    fc.assert(
      fc.property(scenarioArb, dateArb, ({ model, measures, at }, other) => {
        const [from, to] = at <= other ? [at, other] : [other, at];
        const points = history(model, measures, { from, to, step: "month" }, mode);
        for (const point of points) {
          const expected = assess(model, measures, point.date, { mode });
          expect(point.index).toBe(expected.index);
          expect(point.dimensions).toEqual(
            expected.dimensions.map((d) => ({ key: d.key, level: d.level, score: d.score })),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
