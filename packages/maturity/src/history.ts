/**
 * Maturity over time ("Reifegradentwicklung"). Each point equals assess() at its date; instead of assessing
 * every date from scratch, the completions of each criterion are merged into disjoint intervals once and the
 * dates are swept in order with one cursor per criterion.
 */
import { compileModel } from "./compiled-model.ts";
import { assertIsoDate, isMonthStart, nextMonthStart } from "./dates.ts";
import { type Completion, indexLinks, mergeIntervals } from "./fulfilment.ts";
import { levelFromCounts, scoreFromCounts, weightedIndex } from "./scoring.ts";
import type {
  AssessmentMode,
  HistoryDimensionPoint,
  HistoryPoint,
  HistoryRange,
  IsoDate,
  MaturityModel,
  MeasureInput,
} from "./types.ts";

/**
 * The dates of a monthly series: every first day of a month d with from ≤ d ≤ to, in order, followed by `to`
 * itself when `to` is not a first of the month (so the series always ends on the requested date, e.g. today).
 * A `from` that is not a first of the month is not itself a point; the series starts at the next month start.
 */
export function historyDates(range: HistoryRange): IsoDate[] {
  assertIsoDate(range.from, "Beginn des Zeitraums");
  assertIsoDate(range.to, "Ende des Zeitraums");
  if (range.step !== "month") throw new RangeError(`Unbekannte Schrittweite „${String(range.step)}“.`);
  if (range.from > range.to) {
    throw new RangeError(`Der Zeitraum beginnt (${range.from}) nach seinem Ende (${range.to}).`);
  }
  const dates: IsoDate[] = [];
  let date = isMonthStart(range.from) ? range.from : nextMonthStart(range.from);
  while (date <= range.to) {
    dates.push(date);
    date = nextMonthStart(date);
  }
  if (!isMonthStart(range.to)) dates.push(range.to);
  return dates;
}

function hasEnded(interval: Completion, date: IsoDate): boolean {
  return interval.until !== null && interval.until <= date;
}

export function history(
  model: MaturityModel,
  measures: readonly MeasureInput[],
  range: HistoryRange,
  mode: AssessmentMode = "actual",
): HistoryPoint[] {
  return historyAt(model, measures, historyDates(range), mode);
}

/**
 * The same sweep for any ascending list of dates (e.g. month starts merged with the dates of completions): each
 * point equals assess() at its date.
 */
export function historyAt(
  model: MaturityModel,
  measures: readonly MeasureInput[],
  dates: readonly IsoDate[],
  mode: AssessmentMode = "actual",
): HistoryPoint[] {
  for (let i = 0; i < dates.length; i++) {
    assertIsoDate(dates[i], "Datum der Zeitreihe");
    if (i > 0 && dates[i]! < dates[i - 1]!)
      throw new RangeError("Die Daten der Zeitreihe sind nicht aufsteigend.");
  }
  const compiled = compileModel(model);
  const links = indexLinks(compiled, measures, mode);
  const intervals = links.completions.map(mergeIntervals);
  const cursors = new Int32Array(intervals.length);
  const fulfilledPerLevel = compiled.dimensions.map((entry) => new Int32Array(entry.sizes.length));
  const scores = new Float64Array(compiled.dimensions.length);

  return dates.map((date): HistoryPoint => {
    const dimensions = compiled.dimensions.map((entry, d): HistoryDimensionPoint => {
      const counts = fulfilledPerLevel[d]!;
      for (let levelIndex = 0; levelIndex < entry.sizes.length; levelIndex++) {
        const offset = entry.offsets[levelIndex]!;
        let fulfilled = 0;
        for (let c = offset; c < offset + entry.sizes[levelIndex]!; c++) {
          const list = intervals[c]!;
          let cursor = cursors[c]!;
          // Dates only move forward, so an interval that has ended is never needed again.
          while (cursor < list.length && hasEnded(list[cursor]!, date)) cursor++;
          cursors[c] = cursor;
          if (cursor < list.length && list[cursor]!.on <= date) fulfilled++;
        }
        counts[levelIndex] = fulfilled;
      }
      const level = levelFromCounts(counts, entry.sizes);
      const score = scoreFromCounts(level, counts, entry.sizes);
      scores[d] = score;
      return { key: entry.dimension.key, level, score };
    });
    return { date, index: weightedIndex(scores, compiled.weights), dimensions };
  });
}
