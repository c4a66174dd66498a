// The periods of scheduled reports: a run on the first of a month reports on the month (or quarter) that has just
// ended, as of its last day.
import type { JobPayload } from "./payloads.ts";

type Kind = JobPayload<"report.schedule">["kind"];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last day of the month before `today`'s month. */
export function previousMonthEnd(today: string): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m - 1, 0)));
}

/** The last day of the quarter before `today`'s quarter. */
export function previousQuarterEnd(today: string): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const quarterStartMonth = Math.floor((m - 1) / 3) * 3; // 0, 3, 6, 9
  return iso(new Date(Date.UTC(y, quarterStartMonth, 0)));
}

/** The Stichtag a scheduled run of `kind` on `today` reports on. */
export function scheduledStichtag(kind: Kind, today: string): string {
  return kind === "reifegradbericht" ? previousQuarterEnd(today) : previousMonthEnd(today);
}
