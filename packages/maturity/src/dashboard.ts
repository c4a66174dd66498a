/**
 * Everything the maturity dashboard shows, from one call: Ist today, the history with exact steps, the plan line
 * (open measures counted on their planned end) and the Soll targets. Pure like the rest of the engine, so the API,
 * the report jobs and tests all get the same numbers.
 */
import { assess } from "./assess.ts";
import { addDays, addMonths, assertIsoDate, maxDate } from "./dates.ts";
import { evaluateTargets } from "./targets.ts";
import { timeline } from "./timeline.ts";
import type {
  Assessment,
  HistoryPoint,
  IsoDate,
  MaturityModel,
  MeasureInput,
  Target,
  TargetEvaluation,
} from "./types.ts";

export interface DashboardOptions {
  today: IsoDate;
  /** Months of history shown at least (default 12); earlier completions extend it, up to `maxHistoryMonths`. */
  minHistoryMonths?: number;
  maxHistoryMonths?: number;
  /** Months of plan shown at least and the date of `planned` (default 12); later planned ends and due dates extend the plan line, up to 60 months. */
  minPlanMonths?: number;
}

export interface Dashboard {
  today: IsoDate;
  /** Ist today. */
  current: Assessment;
  /**
   * Plan a year ahead (`plannedOn`): the headline "Plan" figure. Further out the plan line falls wherever a yearly
   * check has no renewal planned yet, which says more about planning horizons than about the plan.
   */
  planned: Assessment;
  plannedOn: IsoDate;
  /** Actual values from `historyFrom` to today (monthly plus every change date). */
  history: HistoryPoint[];
  /** Plan values from today to `planTo`. */
  plan: HistoryPoint[];
  historyFrom: IsoDate;
  planTo: IsoDate;
  targets: TargetEvaluation[];
}

function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

export function buildDashboard(
  model: MaturityModel,
  measures: readonly MeasureInput[],
  targets: readonly Target[],
  options: DashboardOptions,
): Dashboard {
  const { today } = options;
  assertIsoDate(today, "Heute");
  const maxBack = addMonths(today, -(options.maxHistoryMonths ?? 120));
  let historyFrom = monthStart(addMonths(today, -(options.minHistoryMonths ?? 12)));
  for (const m of measures) {
    if (m.status === "completed" && m.completedOn !== null && m.completedOn < historyFrom) {
      historyFrom = monthStart(maxDate(m.completedOn, maxBack));
    }
  }
  const maxAhead = addMonths(today, 60);
  // "In einem Jahr" is the last day of the coming year: evidence renewed today is valid for twelve months, through the
  // day before its anniversary, and must still count in the headline plan (issue 15: it dropped out on the boundary).
  const plannedOn = addDays(addMonths(today, options.minPlanMonths ?? 12), -1);
  let planTo = plannedOn;
  const later = (date: IsoDate | null) => {
    if (date !== null && date > planTo) planTo = date < maxAhead ? date : maxAhead;
  };
  for (const m of measures) if (m.status === "planned" || m.status === "in_progress") later(m.plannedEnd);
  for (const t of targets) later(t.dueOn);

  return {
    today,
    current: assess(model, measures, today),
    planned: assess(model, measures, plannedOn, { mode: "plan" }),
    plannedOn,
    history: timeline(model, measures, { from: historyFrom, to: today }, "actual"),
    plan: timeline(model, measures, { from: today, to: planTo }, "plan"),
    historyFrom,
    planTo,
    targets: evaluateTargets(model, measures, targets, today),
  };
}
