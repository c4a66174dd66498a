// German figures for the rollout screens: shares as "42,5 %", money exact ("22.137.500 €", cents only when there are
// any), counts with thousands separators.
import { formatInteger, formatNumber } from "@spatz/domain";

export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined) return "–";
  return `${formatNumber(share * 100, digits)} %`;
}

/** Exact euros from integer cents: "22.137.500 €", or "1.234,56 €" when there are cents. */
export function formatCents(cents: number): string {
  const whole = cents % 100 === 0;
  return `${formatNumber(cents / 100, whole ? 0 : 2)}\u00a0€`;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : formatInteger(n);
}

export function formatPersonDays(pd: number): string {
  return `${formatNumber(pd, Number.isInteger(pd) ? 0 : 2)} PT`;
}

/** "2025-03" → "03/2025". */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}
