// Stichtage of the benchmark: the current day and the last day of each month (Europe/Berlin calendar dates).
import type { IsoDate } from "./api.ts";

/** Month-end Stichtage back-filled and shown in trends. */
export const TREND_MONTHS = 36;

function iso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The last day of the month of `date`. */
export function monthEndOf(date: IsoDate): IsoDate {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m, 0)));
}

export function isMonthEnd(date: IsoDate): boolean {
  return monthEndOf(date) === date;
}

/**
 * The last `count` month ends strictly before `today`, oldest first. A month end is final only once its day is over,
 * so on 30 November the last one is 31 October; from 1 December it is 30 November.
 */
export function monthEndsBefore(today: IsoDate, count: number = TREND_MONTHS): IsoDate[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const ends: IsoDate[] = [];
  // Date.UTC(y, m - 1 - i, 0) is the last day of the month before month (m - i).
  for (let i = count - 1; i >= 0; i--) ends.push(iso(new Date(Date.UTC(y, m - 1 - i, 0))));
  return ends;
}
