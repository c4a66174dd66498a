// Calendar dates as the API carries them ("YYYY-MM-DD", what <input type="date"> sends) and today in Germany.
import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" (what <input type="date"> sends), 1900–2100. */
export const isoDate = z
  .string({ error: "Bitte ein Datum eingeben." })
  .regex(ISO_DATE, "Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).")
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 1900 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, "Diesen Tag gibt es im Kalender nicht.");

// Made once: building an Intl formatter costs far more than formatting with it (the dashboards ask per request).
const BERLIN_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's calendar date in Germany (Europe/Berlin): the date the maturity engine assesses "now" at. */
export function berlinToday(now: Date = new Date()): string {
  return BERLIN_DATE.format(now);
}
