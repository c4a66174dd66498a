// Rollout forecasts at the current pace (issue 13): when will a service be online in every responsible Kommune, when
// will the Land (or a Kreis, or a Kommune's own open records) reach 50 %, 80 %, 100 % online? The pace arithmetic is
// the shared one of @spatz/domain (forecast.ts); this adds the targets as shares of the relevant pairs.
import { type ForecastPoint, type MonthCount, type Pace, rangeAtPaces } from "@spatz/domain";

export type TargetForecast = {
  /** Share of the relevant pairs to reach (0.5, 0.8, 1). */
  target: number;
  /** Pairs online needed for the target. */
  needed: number;
  reached: boolean;
  /** The earlier and the later of the dates from the two pace windows (equal when both windows agree). */
  earliest: ForecastPoint | null;
  latest: ForecastPoint | null;
};

export type Forecast = {
  online: number;
  relevant: number;
  paces: Pace[];
  targets: TargetForecast[];
};

/**
 * The forecast for reaching each target share of `relevant` pairs from `online` now, at the paces of the last 6 and
 * 12 months of `goLives`. `current` is this month (Berlin).
 */
export function forecast(
  goLives: readonly MonthCount[],
  online: number,
  relevant: number,
  current: string,
  targets: readonly number[] = [0.5, 0.8, 1],
): Forecast {
  const paces = rangeAtPaces(goLives, current, 0).paces;
  return {
    online,
    relevant,
    paces,
    targets: targets.map((target) => {
      const needed = Math.ceil(relevant * target - 1e-9);
      const reached = relevant > 0 && online >= needed;
      if (relevant === 0) return { target, needed, reached: false, earliest: null, latest: null };
      const { earliest, latest } = rangeAtPaces(goLives, current, needed - online);
      return { target, needed, reached, earliest, latest };
    }),
  };
}
