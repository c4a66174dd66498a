// A Kommune's position in a group, computed from the group's published quartiles alone: no other Kommune's value is
// needed, so a Kommune learns nothing beyond the k-anonymous figures.

export type Quartiles = { p25: number; median: number; p75: number };

/** Band i covers the i-th quarter of the group: 0 = untere 25 %, 3 = obere 25 %. */
export type BandIndex = 0 | 1 | 2 | 3;

export type PercentileBand = {
  /** The lowest and highest quarter the value can be in; equal unless the value ties with a quartile. */
  from: BandIndex;
  to: BandIndex;
  label: string;
};

const SINGLE_BAND_LABELS = ["untere 25 %", "25–50 %", "50–75 %", "obere 25 %"] as const;
const BAND_START = [0, 25, 50, 75] as const;
const BAND_END = [25, 50, 75, 100] as const;

/**
 * The quarter of the group a value falls into. A value equal to a quartile sits on the boundary between two quarters
 * (and with many equal values, e.g. everyone at level 1, on several), so the band is a range then: "untere 50 %" for a
 * value equal to the 25 % quartile below the median, "gleichauf mit der Gruppe" when all three quartiles equal it.
 */
export function percentileBand(value: number, q: Quartiles): PercentileBand {
  const cuts = [q.p25, q.median, q.p75];
  const from = cuts.filter((c) => c < value).length as BandIndex;
  const to = cuts.filter((c) => c <= value).length as BandIndex;
  return { from, to, label: bandLabel(from, to) };
}

export function bandLabel(from: BandIndex, to: BandIndex): string {
  if (from === to) return SINGLE_BAND_LABELS[from];
  if (from === 0 && to === 3) return "gleichauf mit der Gruppe";
  if (from === 0) return `untere ${BAND_END[to]} %`;
  if (to === 3) return `obere ${100 - BAND_START[from]} %`;
  return `${BAND_START[from]}–${BAND_END[to]} %`;
}

export type DimensionGap = { dimensionKey: string; own: number; median: number; gap: number };

/**
 * The dimensions in which a Kommune lags the group median, largest gap first (gap = own score − median < 0).
 * Dimensions whose group figure is suppressed are left out by the caller (no median).
 */
export function laggingDimensions(
  own: ReadonlyMap<string, number>,
  medians: ReadonlyMap<string, number>,
): DimensionGap[] {
  const gaps: DimensionGap[] = [];
  for (const [dimensionKey, score] of own) {
    const median = medians.get(dimensionKey);
    if (median === undefined) continue;
    const gap = score - median;
    if (gap < 0) gaps.push({ dimensionKey, own: score, median, gap });
  }
  return gaps.sort((a, b) => a.gap - b.gap || a.dimensionKey.localeCompare(b.dimensionKey));
}
