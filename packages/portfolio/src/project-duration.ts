/**
 * Project duration. The end date is inclusive: a project from 01.01.2023 to 31.12.2023 runs exactly one year.
 * The duration is the calendar interval (date-fns `intervalToDuration`) from the start to the day after the end:
 * 01.06.2022–01.02.2023 → [01.06.2022, 02.02.2023) → 8 Monate, 1 Tag.
 * At month ends date-fns clamps: 31.01.2023–28.02.2023 → [31.01., 01.03.) → 1 Monat, 1 Tag (31.01. + 1 Monat
 * = 28.02.).
 */
import { addDays, intervalToDuration, isBefore } from "date-fns";
import { type IsoDate, isoToLocalDate } from "./german-date.ts";

export interface ProjectDuration {
  years: number;
  months: number;
  days: number;
}

/** Duration from `start` to `end` inclusive (ISO dates). Throws a RangeError when end is before start. */
export function projectDuration(start: IsoDate, end: IsoDate): ProjectDuration {
  const from = isoToLocalDate(start);
  const to = isoToLocalDate(end);
  if (isBefore(to, from)) throw new RangeError(`End ${end} is before start ${start}`);
  const interval = intervalToDuration({ start: from, end: addDays(to, 1) });
  return { years: interval.years ?? 0, months: interval.months ?? 0, days: interval.days ?? 0 };
}

function count(value: number, singular: string, plural: string): string {
  return `${value} ${value === 1 ? singular : plural}`;
}

/**
 * "1 Jahr, 5 Monate, 0 Tage", "0 Jahre, 8 Monate, 1 Tag": the Projektliste's own form (export, import messages).
 * `compact` leaves out the zero parts for the screens ("8 Monate, 1 Tag", "1 Jahr, 5 Monate").
 */
export function formatDuration(duration: ProjectDuration, opts: { compact?: boolean } = {}): string {
  const parts: [number, string, string][] = [
    [duration.years, "Jahr", "Jahre"],
    [duration.months, "Monat", "Monate"],
    [duration.days, "Tag", "Tage"],
  ];
  const shown = opts.compact ? parts.filter(([value]) => value > 0) : parts;
  if (shown.length === 0) return count(0, "Tag", "Tage");
  return shown.map(([value, singular, plural]) => count(value, singular, plural)).join(", ");
}

const DECLARED =
  /^(?:(\d+)\s*Jahre?n?)?\s*[,;]?\s*(?:(\d+)\s*Monate?n?)?\s*[,;]?\s*(?:(\d+)\s*Tage?n?)?\s*\.?$/i;

/**
 * Reads a duration text as people write it ("0 Jahre, 8 Monate 0 Tage", "1 Jahr, 5 Monate, 0 Tage",
 * "8 Monate", "3 Jahre 1 Tag"; commas optional; singular or plural). Parts left out count as 0.
 * Returns null when the text is not such a duration.
 */
export function parseDeclaredDuration(text: string): ProjectDuration | null {
  const match = DECLARED.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) return null;
  return { years: Number(match[1] ?? 0), months: Number(match[2] ?? 0), days: Number(match[3] ?? 0) };
}

/** Same length of time, with 12 months counted as one year ("0 Jahre, 12 Monate" = "1 Jahr"). */
export function sameDuration(a: ProjectDuration, b: ProjectDuration): boolean {
  const months = (duration: ProjectDuration) => duration.years * 12 + duration.months;
  return months(a) === months(b) && a.days === b.days;
}
