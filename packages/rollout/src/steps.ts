/**
 * The date of each step of a rollout record, updated on a status change:
 * - the new status gets its date (default today); for "online verfügbar" that is the actual go-live;
 * - steps after the new status are cleared (a service taken back from "online" is no longer online since …);
 * - earlier steps keep their dates (skipped steps stay empty);
 * - "nicht zuständig" keeps the progress dates as history and gets its own date; leaving it clears that date.
 * Unchanged status with a date: corrects the date of the current step. Dates of the steps must not go backwards.
 */
import { type RolloutStatus, rolloutStatusLabels } from "./status.ts";

export interface StepDates {
  planningSince: string | null;
  implementingSince: string | null;
  onlineSince: string | null;
  notResponsibleSince: string | null;
}

export const emptyStepDates: Readonly<StepDates> = Object.freeze({
  planningSince: null,
  implementingSince: null,
  onlineSince: null,
  notResponsibleSince: null,
});

const stepField: Readonly<Record<RolloutStatus, keyof StepDates | null>> = {
  not_started: null,
  planning: "planningSince",
  implementing: "implementingSince",
  online: "onlineSince",
  not_responsible: "notResponsibleSince",
};

export function stepDateField(status: RolloutStatus): keyof StepDates | null {
  return stepField[status];
}

/** The date the record reached `status`, if known. */
export function stepDate(dates: StepDates, status: RolloutStatus): string | null {
  const field = stepField[status];
  return field ? dates[field] : null;
}

export function applyStepDates(
  previous: StepDates,
  from: RolloutStatus,
  to: RolloutStatus,
  date: string | null,
  today: string,
): StepDates {
  const next: StepDates = { ...previous };
  const field = stepField[to];
  if (from === to) {
    if (field && date) next[field] = date;
    return next;
  }
  const d = date ?? today;
  if (to === "not_responsible") {
    next.notResponsibleSince = d;
    return next;
  }
  next.notResponsibleSince = null;
  if (to === "not_started") return { ...emptyStepDates };
  if (to === "planning") {
    next.implementingSince = null;
    next.onlineSince = null;
  }
  if (to === "implementing") next.onlineSince = null;
  if (field) next[field] = d;
  return next;
}

/** German message when the dates of the steps go backwards, else null. */
export function checkStepOrder(dates: StepDates): string | null {
  const order: [RolloutStatus, string | null][] = [
    ["planning", dates.planningSince],
    ["implementing", dates.implementingSince],
    ["online", dates.onlineSince],
  ];
  let last: [RolloutStatus, string] | null = null;
  for (const [status, date] of order) {
    if (!date) continue;
    if (last && date < last[1]) {
      const [y, m, d] = last[1].split("-");
      return `Das Datum für »${rolloutStatusLabels[status]}« liegt vor dem Datum für »${rolloutStatusLabels[last[0]]}« (${d}.${m}.${y}).`;
    }
    last = [status, date];
  }
  return null;
}
