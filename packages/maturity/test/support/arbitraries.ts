/** fast-check generators for random models, measures and dates near the interesting boundaries. */
import fc from "fast-check";
import type { Criterion, CriterionLevel, Dimension, MaturityModel, MeasureInput } from "../../src/index.ts";
import { referenceAddMonths } from "./reference.ts";

const EPOCH = Date.UTC(2019, 0, 1);
const DAYS = 365 * 7;

export function dateFromOffset(offset: number): string {
  return new Date(EPOCH + offset * 86_400_000).toISOString().slice(0, 10);
}

export const dateArb = fc.integer({ min: 0, max: DAYS }).map(dateFromOffset);

const dimensionArb = (index: number) =>
  fc
    .record({
      weight: fc.double({ min: 0.1, max: 5, noNaN: true }),
      sizes: fc.tuple(...[1, 2, 3, 4].map(() => fc.integer({ min: 1, max: 3 }))),
      validities: fc.array(fc.option(fc.integer({ min: 1, max: 24 }), { nil: null }), {
        minLength: 12,
        maxLength: 12,
      }),
      reversed: fc.boolean(),
    })
    .map(({ weight, sizes, validities, reversed }): Dimension => {
      const levels = sizes.map((size, l) => ({
        level: (l + 1) as CriterionLevel,
        name: `Stufe ${l + 1}`,
        criteria: Array.from(
          { length: size },
          (_, c): Criterion => ({
            key: `d${index}.${l + 1}.c${c}`,
            title: "t",
            explanation: "e",
            validityMonths: validities[l * 3 + c] ?? null,
          }),
        ),
      }));
      // The engine must not depend on the order in which a model lists its levels.
      if (reversed) levels.reverse();
      return { key: `d${index}`, name: `D${index}`, description: "", weight, levels };
    });

export const modelArb: fc.Arbitrary<MaturityModel> = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => dimensionArb(i))))
  .map((dimensions) => ({ id: "random", version: 1, name: "Zufallsmodell", dimensions }));

export function criterionKeys(model: MaturityModel): string[] {
  return model.dimensions.flatMap((d) => d.levels.flatMap((l) => l.criteria.map((c) => c.key)));
}

export function measureArb(model: MaturityModel): fc.Arbitrary<Omit<MeasureInput, "id">> {
  const keys = [...criterionKeys(model), "unknown.key"];
  return fc.record({
    status: fc.constantFrom("planned", "in_progress", "completed", "discarded"),
    completedOn: fc.option(dateArb, { nil: null, freq: 8 }),
    plannedEnd: fc.option(dateArb, { nil: null, freq: 5 }),
    criterionKeys: fc.array(fc.constantFrom(...keys), { minLength: 0, maxLength: 3 }),
  });
}

export function measuresArb(model: MaturityModel): fc.Arbitrary<MeasureInput[]> {
  return fc
    .array(measureArb(model), { maxLength: 40 })
    .map((list) => list.map((measure, i) => ({ ...measure, id: `m${i}` })));
}

/** Dates where the outcome flips: completions, planned ends and validity ends, and the days around them. */
function boundaryDates(model: MaturityModel, measures: MeasureInput[]): string[] {
  const validity = new Map<string, number | null>();
  for (const d of model.dimensions)
    for (const l of d.levels) for (const c of l.criteria) validity.set(c.key, c.validityMonths);
  const dates: string[] = [];
  for (const measure of measures) {
    for (const date of [measure.completedOn, measure.plannedEnd]) {
      if (date === null) continue;
      dates.push(date);
      for (const key of measure.criterionKeys) {
        const months = validity.get(key);
        if (months) dates.push(referenceAddMonths(date, months));
      }
    }
  }
  return dates.flatMap((date) => {
    const day = Date.parse(`${date}T00:00:00Z`);
    return [-1, 0, 1].map((shift) => new Date(day + shift * 86_400_000).toISOString().slice(0, 10));
  });
}

export interface Scenario {
  model: MaturityModel;
  measures: MeasureInput[];
  at: string;
}

export const scenarioArb: fc.Arbitrary<Scenario> = modelArb.chain((model) =>
  measuresArb(model).chain((measures) => {
    const boundaries = boundaryDates(model, measures);
    const atArb = boundaries.length > 0 ? fc.oneof(dateArb, fc.constantFrom(...boundaries)) : dateArb;
    return atArb.map((at) => ({ model, measures, at }));
  }),
);
