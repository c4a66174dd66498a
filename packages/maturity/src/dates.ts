/**
 * Calendar arithmetic on ISO date strings. Plain string comparison orders "YYYY-MM-DD" correctly, so the
 * engine compares dates with < and <= and only parses them where months are added.
 */
import { getDaysInMonth } from "date-fns";
import type { IsoDate } from "./types.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days of a calendar month (1–12); setFullYear because the Date constructor maps years below 100 to 19xx. */
function daysInMonth(year: number, month: number): number {
  const first = new Date(2000, 0, 1);
  first.setFullYear(year, month - 1, 1);
  return getDaysInMonth(first);
}

/** True for a real calendar date in the form "YYYY-MM-DD" (years 0001–9999). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: unknown, what: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${what}: "${String(value)}" ist kein gültiges Datum im Format JJJJ-MM-TT.`);
  }
}

function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last day
 * (2024-01-31 + 1 month = 2024-02-29), so a validity period never spills into the month after.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Monate müssen ganzzahlig sein: ${months}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = (monthIndex % 12) + 1;
  if (newYear < 1 || newYear > 9999)
    throw new RangeError(`Datum außerhalb des Bereichs: ${date} + ${months}`);
  return formatDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Adds (or with a negative number subtracts) calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Tage müssen ganzzahlig sein: ${days}`);
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isMonthStart(date: IsoDate): boolean {
  return date.endsWith("-01");
}

/** First day of the month after the month of `date`. */
export function nextMonthStart(date: IsoDate): IsoDate {
  return addMonths(`${date.slice(0, 8)}01`, 1);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? b : a;
}
