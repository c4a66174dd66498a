/**
 * The maturity over time with exact steps: the monthly history points plus a point on every date on which the
 * assessment can change (a completion, in plan mode a planned end, and the end of a validity period). Drawn as a
 * step line, the chart then shows each step on its real date, not at the next first of a month.
 */
import { addMonths, assertIsoDate } from "./dates.ts";
import { historyAt, historyDates } from "./history.ts";
import type { AssessmentMode, HistoryPoint, IsoDate, MaturityModel, MeasureInput } from "./types.ts";

export interface TimelineRange {
  from: IsoDate;
  to: IsoDate;
}

/** Dates within [from, to] on which a measure starts or stops counting for a criterion of the model. */
export function changeDates(
  model: MaturityModel,
  measures: readonly MeasureInput[],
  range: TimelineRange,
  mode: AssessmentMode,
): IsoDate[] {
  const validity = new Map<string, number | null>();
  for (const d of model.dimensions)
    for (const l of d.levels) for (const c of l.criteria) validity.set(c.key, c.validityMonths);
  const dates = new Set<IsoDate>();
  const add = (date: IsoDate) => {
    if (date >= range.from && date <= range.to) dates.add(date);
  };
  for (const measure of measures) {
    const open = measure.status === "planned" || measure.status === "in_progress";
    const from =
      measure.status === "completed"
        ? measure.completedOn
        : mode === "plan" && open
          ? measure.plannedEnd
          : null;
    if (from === null) continue;
    assertIsoDate(from, `Maßnahme ${measure.id}`);
    let counts = false;
    for (const key of measure.criterionKeys) {
      if (!validity.has(key)) continue;
      counts = true;
      const months = validity.get(key);
      if (months) add(addMonths(from, months));
    }
    if (counts) add(from);
  }
  return [...dates].sort();
}

/**
 * history() plus a point on `from` and on every change date; every point equals assess() at its date. Sorted, no
 * duplicate dates.
 */
export function timeline(
  model: MaturityModel,
  measures: readonly MeasureInput[],
  range: TimelineRange,
  mode: AssessmentMode = "actual",
): HistoryPoint[] {
  const dates = new Set(historyDates({ from: range.from, to: range.to, step: "month" }));
  // The series starts on `from` itself (history() starts at the next first of a month), e.g. the plan line at today.
  dates.add(range.from);
  for (const date of changeDates(model, measures, range, mode)) dates.add(date);
  // One sweep over all dates (as history() does), not one assessment per date.
  return historyAt(model, measures, [...dates].sort(), mode);
}
