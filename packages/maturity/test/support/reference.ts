/**
 * A deliberately naive second implementation of the maturity rules, written from DESIGN.md §2 without using
 * the engine's code: it replays completion events in date order. Property tests compare the engine with it.
 */
import type { AssessmentMode, MaturityModel, MeasureInput } from "../../src/index.ts";

/** Month arithmetic through JavaScript's Date, independent of the engine's string arithmetic. */
export function referenceAddMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const lastDayOfTargetMonth = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDayOfTargetMonth)))
    .toISOString()
    .slice(0, 10);
}

export interface ReferenceDimension {
  key: string;
  level: number;
  score: number;
  fulfilled: Record<string, boolean>;
  /** complete[L - 1]: every criterion of level L is fulfilled (regardless of the levels below). */
  complete: boolean[];
}

export interface ReferenceAssessment {
  index: number;
  dimensions: ReferenceDimension[];
}

export function referenceAssess(
  model: MaturityModel,
  measures: MeasureInput[],
  at: string,
  mode: AssessmentMode,
): ReferenceAssessment {
  const events: { date: string; key: string }[] = [];
  for (const measure of measures) {
    let date: string | null = null;
    if (measure.status === "completed") date = measure.completedOn;
    if (mode === "plan" && (measure.status === "planned" || measure.status === "in_progress")) {
      date = measure.plannedEnd;
    }
    if (date === null) continue;
    for (const key of measure.criterionKeys) events.push({ date, key });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));

  // Replay: each completion up to `at` extends the criterion's validity to at least its own expiry.
  const validUntil = new Map<string, string>();
  const FOREVER = "9999-99-99";
  for (const event of events) {
    if (event.date > at) break;
    const criterion = model.dimensions
      .flatMap((dimension) => dimension.levels.flatMap((level) => level.criteria))
      .find((candidate) => candidate.key === event.key);
    if (!criterion) continue;
    const until =
      criterion.validityMonths === null ? FOREVER : referenceAddMonths(event.date, criterion.validityMonths);
    const previous = validUntil.get(event.key);
    if (previous === undefined || until > previous) validUntil.set(event.key, until);
  }
  const isFulfilled = (key: string) => {
    const until = validUntil.get(key);
    return until !== undefined && at < until;
  };

  const dimensions = model.dimensions.map((dimension): ReferenceDimension => {
    const levels = [1, 2, 3, 4].map((n) => dimension.levels.find((level) => level.level === n)!);
    const fulfilled: Record<string, boolean> = {};
    for (const level of levels) for (const c of level.criteria) fulfilled[c.key] = isFulfilled(c.key);
    const complete = levels.map((level) => level.criteria.every((c) => fulfilled[c.key]));
    let level = 0;
    while (level < 4 && complete[level]) level++;
    let score = level;
    if (level < 4) {
      const next = levels[level]!.criteria;
      score = level + next.filter((c) => fulfilled[c.key]).length / next.length;
    }
    return { key: dimension.key, level, score, fulfilled, complete };
  });
  let weighted = 0;
  let weights = 0;
  model.dimensions.forEach((dimension, i) => {
    weighted += dimension.weight * dimensions[i]!.score;
    weights += dimension.weight;
  });
  return { index: weighted / weights, dimensions };
}
