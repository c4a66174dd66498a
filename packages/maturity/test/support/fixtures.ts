/** A small hand-made model and measure builders for readable unit tests. */
import type { Criterion, CriterionLevel, Dimension, MaturityModel, MeasureInput } from "../../src/index.ts";

function criterion(key: string, validityMonths: number | null = null): Criterion {
  return { key, title: `Titel ${key}`, explanation: `Erklärung ${key}.`, validityMonths };
}

function dimension(key: string, weight: number, levels: Criterion[][]): Dimension {
  return {
    key,
    name: `Dimension ${key}`,
    description: "",
    weight,
    levels: levels.map((criteria, i) => ({
      level: (i + 1) as CriterionLevel,
      name: `Stufe ${i + 1}`,
      criteria,
    })),
  };
}

/**
 * Dimension "a" (weight 1): level 1 a1x, a1y · level 2 a2 · level 3 a3x, a3y · level 4 a4.
 * Dimension "b" (weight 3): level 1 b1 · level 2 b2 (valid 12 months) · level 3 b3 · level 4 b4 (valid 1 month).
 */
export function testModel(): MaturityModel {
  return {
    id: "test-model",
    version: 7,
    name: "Testmodell",
    dimensions: [
      dimension("a", 1, [
        [criterion("a1x"), criterion("a1y")],
        [criterion("a2")],
        [criterion("a3x"), criterion("a3y")],
        [criterion("a4")],
      ]),
      dimension("b", 3, [[criterion("b1")], [criterion("b2", 12)], [criterion("b3")], [criterion("b4", 1)]]),
    ],
  };
}

export function done(id: string, completedOn: string | null, ...criterionKeys: string[]): MeasureInput {
  return { id, status: "completed", completedOn, plannedEnd: null, criterionKeys };
}

export function planned(id: string, plannedEnd: string | null, ...criterionKeys: string[]): MeasureInput {
  return { id, status: "planned", completedOn: null, plannedEnd, criterionKeys };
}

export function inProgress(id: string, plannedEnd: string | null, ...criterionKeys: string[]): MeasureInput {
  return { id, status: "in_progress", completedOn: null, plannedEnd, criterionKeys };
}

export function discarded(id: string, completedOn: string, ...criterionKeys: string[]): MeasureInput {
  return { id, status: "discarded", completedOn, plannedEnd: completedOn, criterionKeys };
}
