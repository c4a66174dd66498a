/**
 * A project's (or proposal's) effort in person-days spread over the calendar years it runs, in proportion to its days
 * in each year (end inclusive): 01.07.2024–30.06.2025 with 365 PT → 2024: 184 PT, 2025: 181 PT. The capacity view
 * compares these shares with the PT available per GB and year. Shares are rounded to thousandths (the precision of the
 * stored effort); rounding differences go to the last year so the shares add up to the effort.
 */
import { differenceInCalendarDays } from "date-fns";
import { type IsoDate, isoToLocalDate } from "./german-date.ts";

const days = (from: IsoDate, to: IsoDate) =>
  differenceInCalendarDays(isoToLocalDate(to), isoToLocalDate(from)) + 1;

export function effortByYear(start: IsoDate, end: IsoDate, effortDays: number): Map<number, number> {
  if (end < start) throw new RangeError(`End ${end} is before start ${start}`);
  const total = days(start, end);
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  const shares = new Map<number, number>();
  let given = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    if (year === lastYear) {
      shares.set(year, Math.round((effortDays - given) * 1000) / 1000);
      break;
    }
    const from = year === firstYear ? start : `${year}-01-01`;
    const share = Math.round(((effortDays * days(from, `${year}-12-31`)) / total) * 1000) / 1000;
    shares.set(year, share);
    given += share;
  }
  return shares;
}
