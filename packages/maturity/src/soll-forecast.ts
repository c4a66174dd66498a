// When is a Soll reached at the current pace? For each approved target not yet reached: the criteria still missing up
// to the target level, and the pace of completed measures over the last 6 and 12 months (the shared forecast
// arithmetic of @spatz/domain). A range, not a date; "nicht vor 2031" where the pace does not get there, and whether
// even the faster pace misses the due date. An estimate: one completed measure is taken to fulfil one missing
// criterion, which is how the plan line counts open measures too.
import { type ForecastPoint, type MonthCount, type Pace, rangeAtPaces } from "@spatz/domain";
import type { Assessment, MeasureInput, TargetEvaluation } from "./types.ts";

export type SollForecast = {
  dimensionKey: string;
  dimensionName: string;
  targetLevel: number;
  dueOn: string;
  /** Criteria of levels 1 … target not fulfilled today. */
  missingCriteria: number;
  earliest: ForecastPoint;
  latest: ForecastPoint;
  /** "in time" when even the slower pace makes the due month, "late" when even the faster one misses it. */
  verdict: "in_time" | "uncertain" | "late";
};

/** Completed measures per month (the Kommune's pace). */
export function completionsPerMonth(measures: readonly MeasureInput[], today: string): MonthCount[] {
  const byMonth = new Map<string, number>();
  for (const m of measures)
    if (m.status === "completed" && m.completedOn && m.completedOn <= today) {
      const month = m.completedOn.slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    }
  return [...byMonth].map(([month, count]) => ({ month, count }));
}

function reachedBy(point: ForecastPoint, dueMonth: string): boolean {
  return "month" in point && point.month <= dueMonth;
}

export function sollForecasts(
  current: Assessment,
  targets: readonly TargetEvaluation[],
  measures: readonly MeasureInput[],
  today: string,
): { paces: Pace[]; forecasts: SollForecast[] } {
  const counts = completionsPerMonth(measures, today);
  const month = today.slice(0, 7);
  const paces = rangeAtPaces(counts, month, 0).paces;
  const forecasts = targets
    .filter((t) => t.status !== "reached")
    .map((t): SollForecast => {
      const dimension = current.dimensions.find((d) => d.key === t.dimensionKey);
      const missingCriteria = (dimension?.levels ?? [])
        .filter((l) => l.level <= t.targetLevel)
        .reduce((n, l) => n + l.criteria.filter((c) => !c.fulfilled).length, 0);
      const { earliest, latest } = rangeAtPaces(counts, month, missingCriteria);
      const due = t.dueOn.slice(0, 7);
      return {
        dimensionKey: t.dimensionKey,
        dimensionName: t.dimensionName,
        targetLevel: t.targetLevel,
        dueOn: t.dueOn,
        missingCriteria,
        earliest,
        latest,
        verdict: reachedBy(latest, due) ? "in_time" : reachedBy(earliest, due) ? "uncertain" : "late",
      };
    });
  return { paces, forecasts };
}
