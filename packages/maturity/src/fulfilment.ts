/**
 * Turns measures into per-criterion completions (validity intervals) — the single place where the rules
 * "which measure counts, from when, until when" live. assess, history and targets all read from here.
 */
import type { CompiledModel } from "./compiled-model.ts";
import { addMonths, assertIsoDate } from "./dates.ts";
import type { AssessmentMode, IsoDate, MeasureInput, OpenMeasureRef, UnknownCriterionKey } from "./types.ts";

/** A measure's completion counting for a criterion on the half-open interval [on, until). */
export interface Completion {
  measureId: string;
  on: IsoDate;
  /** null = never expires. */
  until: IsoDate | null;
}

export interface CriterionLinks {
  /** Per criterion (CompiledModel.criteria order), sorted by `on`, then measure id. */
  completions: Completion[][];
  /** Per criterion, open measures sorted by planned end (none last), then measure id. */
  openMeasures: OpenMeasureRef[][];
  unknownCriterionKeys: UnknownCriterionKey[];
  undatedCompletedMeasureIds: string[];
}

/** The date from which a measure counts, or null if it does not count in this mode. */
function countsFrom(measure: MeasureInput, mode: AssessmentMode): IsoDate | null {
  if (measure.status === "completed") return measure.completedOn;
  if (mode === "plan" && (measure.status === "planned" || measure.status === "in_progress")) {
    return measure.plannedEnd;
  }
  return null;
}

function assertMeasureDates(measure: MeasureInput): void {
  if (measure.status === "completed" && measure.completedOn !== null) {
    assertIsoDate(measure.completedOn, `Maßnahme ${measure.id}, completedOn`);
  }
  if ((measure.status === "planned" || measure.status === "in_progress") && measure.plannedEnd !== null) {
    assertIsoDate(measure.plannedEnd, `Maßnahme ${measure.id}, plannedEnd`);
  }
  if (measure.validUntil) assertIsoDate(measure.validUntil, `Maßnahme ${measure.id}, validUntil`);
}

function compareCompletions(a: Completion, b: Completion): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  return a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0;
}

function compareOpenMeasures(a: OpenMeasureRef, b: OpenMeasureRef): number {
  if (a.plannedEnd !== b.plannedEnd) {
    if (a.plannedEnd === null) return 1;
    if (b.plannedEnd === null) return -1;
    return a.plannedEnd < b.plannedEnd ? -1 : 1;
  }
  return a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0;
}

export function indexLinks(
  compiled: CompiledModel,
  measures: readonly MeasureInput[],
  mode: AssessmentMode,
): CriterionLinks {
  const count = compiled.criteria.length;
  const completions: Completion[][] = Array.from({ length: count }, () => []);
  const openMeasures: OpenMeasureRef[][] = Array.from({ length: count }, () => []);
  const unknown = new Map<string, Set<string>>();
  const undatedCompletedMeasureIds: string[] = [];

  for (const measure of measures) {
    assertMeasureDates(measure);
    if (measure.status === "completed" && measure.completedOn === null) {
      undatedCompletedMeasureIds.push(measure.id);
    }
    const from = countsFrom(measure, mode);
    const isOpen = measure.status === "planned" || measure.status === "in_progress";
    // A measure may list a key twice; it must still count once.
    const keys = new Set(measure.criterionKeys);
    for (const key of keys) {
      const index = compiled.indexByKey.get(key);
      if (index === undefined) {
        const ids = unknown.get(key) ?? new Set<string>();
        ids.add(measure.id);
        unknown.set(key, ids);
        continue;
      }
      if (from !== null) {
        const validity = compiled.criteria[index]!.validityMonths;
        const byValidity = validity === null ? null : addMonths(from, validity);
        const own = measure.validUntil ?? null;
        const until = own === null ? byValidity : byValidity === null || own < byValidity ? own : byValidity;
        // Evidence that ended before it began (revoked the day it was taken) never counts.
        if (until !== null && until <= from) continue;
        completions[index]!.push({ measureId: measure.id, on: from, until });
      }
      if (isOpen) {
        openMeasures[index]!.push({
          measureId: measure.id,
          status: measure.status as OpenMeasureRef["status"],
          plannedEnd: measure.plannedEnd,
        });
      }
    }
  }

  for (const list of completions) if (list.length > 1) list.sort(compareCompletions);
  for (const list of openMeasures) if (list.length > 1) list.sort(compareOpenMeasures);
  const unknownCriterionKeys = [...unknown.entries()]
    .map(([criterionKey, ids]) => ({ criterionKey, measureIds: [...ids].sort() }))
    .sort((a, b) => (a.criterionKey < b.criterionKey ? -1 : a.criterionKey > b.criterionKey ? 1 : 0));
  return { completions, openMeasures, unknownCriterionKeys, undatedCompletedMeasureIds };
}

export function isActiveAt(completion: Completion, at: IsoDate): boolean {
  return completion.on <= at && (completion.until === null || at < completion.until);
}

/** Union of the completion intervals, sorted and disjoint; touching intervals are joined. */
export function mergeIntervals(sorted: readonly Completion[]): Completion[] {
  const merged: Completion[] = [];
  for (const completion of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.until === null || completion.on <= last.until)) {
      if (last.until !== null && (completion.until === null || completion.until > last.until)) {
        last.until = completion.until;
      }
      continue;
    }
    merged.push({ measureId: completion.measureId, on: completion.on, until: completion.until });
  }
  return merged;
}
