/**
 * Dates as clerks type them. Accepted: dd.mm.yyyy and d.m.yyyy (01.04.2023, 1.4.2023) and ISO yyyy-mm-dd.
 * Impossible calendar dates (31.02.2023) and years outside 1900–2100 are rejected. Results are ISO strings.
 */

import { type ParseResult, parsed, rejected } from "@spatz/domain";
import { format, isExists, isValid, parseISO } from "date-fns";

export type IsoDate = string;

const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const GERMAN_SHORT_YEAR = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const DATE_FORMATS_TEXT = "Erlaubt sind Datumsangaben wie 01.04.2023, 1.4.2023 oder 2023-04-01.";

function fromParts(text: string, year: number, month: number, day: number): ParseResult<IsoDate> {
  // The year check comes first: for years 0–99 JavaScript dates (and so isExists) would mean 1900–1999.
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return rejected(
      `„${text}“: Das Jahr ${year} ist nicht plausibel (erlaubt: ${MIN_YEAR} bis ${MAX_YEAR}).`,
    );
  }
  if (!isExists(year, month - 1, day)) {
    return rejected(
      `„${text}“ ist kein gültiges Datum – diesen Tag gibt es im Kalender nicht. ${DATE_FORMATS_TEXT}`,
    );
  }
  return parsed(format(new Date(year, month - 1, day), "yyyy-MM-dd"));
}

/** Parses a trimmed date text to "YYYY-MM-DD", or explains in German why it is not a date. */
export function parseGermanDate(text: string): ParseResult<IsoDate> {
  const value = text.trim();
  const german = GERMAN.exec(value);
  if (german) return fromParts(value, Number(german[3]), Number(german[2]), Number(german[1]));
  const iso = ISO.exec(value);
  if (iso) return fromParts(value, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (GERMAN_SHORT_YEAR.test(value)) {
    return rejected(`„${value}“: Bitte das Jahr vierstellig angeben (z. B. 01.04.2023).`);
  }
  return rejected(`„${value}“ ist kein gültiges Datum. ${DATE_FORMATS_TEXT}`);
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
  const iso = ISO.exec(value);
  return iso !== null && isExists(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
}

/** "YYYY-MM-DD" as a local-time Date at midnight (for date-fns calendar arithmetic). */
export function isoToLocalDate(iso: IsoDate): Date {
  const date = parseISO(iso);
  if (!isIsoDate(iso) || !isValid(date)) throw new RangeError(`Not an ISO calendar date: ${iso}`);
  return date;
}

/** "2023-04-01" → "01.04.2023". */
export function formatGermanDate(iso: IsoDate): string {
  return format(isoToLocalDate(iso), "dd.MM.yyyy");
}
