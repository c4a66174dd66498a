// Forecasts at the current pace (issue 13): when will a service be online in every responsible Kommune, when will the
// Land reach 50 %, 80 %, 100 % online? The pace is the go-lives of the last 6 and of the last 12 months; the two give
// a range rather than one date, because a single window overstates precision. Beyond the horizon (or with no go-live
// at all in a window) the answer is "bei aktuellem Tempo nicht vor <Jahr>", never an invented date. Pure: months as
// "YYYY-MM", no clock.

/** The last month a forecast names; later dates are reported as "nicht vor" the year after. */
export const FORECAST_HORIZON = "2030-12";

export const PACE_WINDOWS = [6, 12] as const;

export type MonthCount = { month: string; count: number };

export type Pace = { months: number; perMonth: number };

/** A forecast date for one target: a month, or beyond the horizon at that pace. */
export type ForecastPoint = { month: string } | { beyond: true };

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

function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Go-lives per month over the last `months` months up to and including `current`, averaged. */
export function paceOver(goLives: readonly MonthCount[], current: string, months: number): Pace {
  const end = monthIndex(current);
  const start = end - months + 1;
  let sum = 0;
  for (const g of goLives) {
    const i = monthIndex(g.month);
    if (i >= start && i <= end) sum += g.count;
  }
  return { months, perMonth: sum / months };
}

/** The month in which `remaining` further go-lives are reached at `perMonth`, counted from `current`. */
export function monthAtPace(current: string, remaining: number, perMonth: number): ForecastPoint {
  if (remaining <= 0) return { month: current };
  if (perMonth <= 0) return { beyond: true };
  const index = monthIndex(current) + Math.ceil(remaining / perMonth);
  return index > monthIndex(FORECAST_HORIZON) ? { beyond: true } : { month: monthOf(index) };
}

function order(a: ForecastPoint, b: ForecastPoint): [ForecastPoint, ForecastPoint] {
  if ("beyond" in a) return [b, a];
  if ("beyond" in b) return [a, b];
  return a.month <= b.month ? [a, b] : [b, a];
}

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
  const paces = PACE_WINDOWS.map((w) => paceOver(goLives, current, w));
  return {
    online,
    relevant,
    paces,
    targets: targets.map((target) => {
      const needed = Math.ceil(relevant * target - 1e-9);
      const reached = relevant > 0 && online >= needed;
      if (relevant === 0) return { target, needed, reached: false, earliest: null, latest: null };
      const [a, b] = paces.map((p) => monthAtPace(current, needed - online, p.perMonth)) as [
        ForecastPoint,
        ForecastPoint,
      ];
      const [earliest, latest] = order(a, b);
      return { target, needed, reached, earliest, latest };
    }),
  };
}

/** The year the German "nicht vor" text names for a forecast beyond the horizon. */
export const BEYOND_YEAR = Number(FORECAST_HORIZON.slice(0, 4)) + 1;
