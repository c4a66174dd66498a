// Forecasts at the current pace, shared by the rollout (go-lives) and maturity (completed measures) forecasts: the pace
// of the last 6 and of the last 12 months gives a range rather than one date, because a single window overstates
// precision; beyond the horizon (or with no progress in a window) the answer is "bei aktuellem Tempo nicht vor <Jahr>",
// never an invented date. Pure: months as "YYYY-MM", no clock.

/** The last month a forecast names; later dates are reported as "nicht vor" the year after. */
export const FORECAST_HORIZON = "2030-12";

/** The year the German "nicht vor" text names for a forecast beyond the horizon. */
export const BEYOND_YEAR = Number(FORECAST_HORIZON.slice(0, 4)) + 1;

export const PACE_WINDOWS = [6, 12] as const;

export type MonthCount = { month: string; count: number };

export type Pace = { months: number; perMonth: number };

/** A forecast date for one target: a month, or beyond the horizon at that pace. */
export type ForecastPoint = { month: string } | { beyond: true };

function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Progress per month over the last `months` months up to and including `current`, averaged. */
export function paceOver(counts: readonly MonthCount[], current: string, months: number): Pace {
  const end = monthIndex(current);
  const start = end - months + 1;
  let sum = 0;
  for (const g of counts) {
    const i = monthIndex(g.month);
    if (i >= start && i <= end) sum += g.count;
  }
  return { months, perMonth: sum / months };
}

/** The month in which `remaining` further steps are reached at `perMonth`, counted from `current`. */
export function monthAtPace(current: string, remaining: number, perMonth: number): ForecastPoint {
  if (remaining <= 0) return { month: current };
  if (perMonth <= 0) return { beyond: true };
  const index = monthIndex(current) + Math.ceil(remaining / perMonth);
  return index > monthIndex(FORECAST_HORIZON) ? { beyond: true } : { month: monthOf(index) };
}

/** The earlier and the later of two forecast points ("beyond" is the latest). */
export function orderedPoints(a: ForecastPoint, b: ForecastPoint): [ForecastPoint, ForecastPoint] {
  if ("beyond" in a) return [b, a];
  if ("beyond" in b) return [a, b];
  return a.month <= b.month ? [a, b] : [b, a];
}

/** The range of dates at the paces of both windows for `remaining` steps from `current`. */
export function rangeAtPaces(
  counts: readonly MonthCount[],
  current: string,
  remaining: number,
): { paces: Pace[]; earliest: ForecastPoint; latest: ForecastPoint } {
  const paces = PACE_WINDOWS.map((w) => paceOver(counts, current, w));
  const [earliest, latest] = orderedPoints(
    monthAtPace(current, remaining, paces[0]!.perMonth),
    monthAtPace(current, remaining, paces[1]!.perMonth),
  );
  return { paces, earliest, latest };
}
