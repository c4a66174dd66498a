// The German words for a forecast date range (rollout forecasts, the Kommune's own, the maturity Soll forecast).
import { BEYOND_YEAR, type ForecastPoint } from "@spatz/domain";
import type { TargetForecast } from "@spatz/rollout";
import { formatMonth } from "../rollout/format.ts";

function point(p: ForecastPoint | null): string {
  if (!p) return "–";
  return "beyond" in p ? `nicht vor ${BEYOND_YEAR}` : formatMonth(p.month);
}

/** "03/2027 bis 10/2027", "03/2027", or "frühestens 03/2027, beim langsameren Tempo nicht vor 2031". */
export function forecastRange(t: Pick<TargetForecast, "reached" | "earliest" | "latest">): string {
  if (t.reached) return "erreicht";
  if (!t.earliest || !t.latest) return "–";
  if ("beyond" in t.earliest) return `bei aktuellem Tempo nicht vor ${BEYOND_YEAR}`;
  if ("beyond" in t.latest)
    return `frühestens ${point(t.earliest)}, beim langsameren Tempo nicht vor ${BEYOND_YEAR}`;
  return t.earliest.month === t.latest.month
    ? point(t.earliest)
    : `${point(t.earliest)} bis ${point(t.latest)}`;
}
