// Benchmark charts: the box plot of a group's published figures per metric (a suppressed figure gets an empty box),
// optionally with the caller's own values as markers. One definition for the Reifegrad-im-Land and Vergleich screens
// and the reports' PDFs.
import type { EChartsCoreOption } from "echarts/core";
import { PALETTE } from "./palette.ts";

export type BoxFigures =
  | { suppressed: true }
  | { suppressed: false; min: number; p25: number; median: number; p75: number; max: number };

export function boxplotOption(
  metrics: readonly { label: string; figures: BoxFigures }[],
  own?: readonly (number | null)[],
): EChartsCoreOption {
  return {
    tooltip: { trigger: "item" },
    grid: { left: 8, right: 24, top: 24, bottom: 8 },
    xAxis: { type: "value", min: 0, max: 4 },
    yAxis: { type: "category", inverse: true, data: metrics.map((m) => m.label) },
    legend: own ? { top: 0 } : undefined,
    series: [
      {
        name: "Verteilung (Min., 25 %, Median, 75 %, Max.)",
        type: "boxplot",
        data: metrics.map((m) =>
          m.figures.suppressed
            ? []
            : [m.figures.min, m.figures.p25, m.figures.median, m.figures.p75, m.figures.max],
        ),
      },
      ...(own
        ? [
            {
              name: "Ihre Kommune",
              type: "scatter",
              symbol: "diamond",
              symbolSize: 14,
              itemStyle: { color: PALETTE.target },
              data: own.map((v, i) => (v === null ? null : [v, i])),
            },
          ]
        : []),
    ],
  };
}

/** Median and quartiles of a group over Stichtage (lines; a month without published figures is a gap). */
export function quartileTrendOption(
  points: readonly { label: string; figures: BoxFigures }[],
): EChartsCoreOption {
  const value = (f: BoxFigures, key: "p25" | "median" | "p75") => (f.suppressed ? null : f[key]);
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8 },
    xAxis: { type: "category", data: points.map((p) => p.label) },
    yAxis: { type: "value", min: 0, max: 4 },
    series: (["p25", "median", "p75"] as const).map((key) => ({
      name: key === "median" ? "Median" : key === "p25" ? "25 %" : "75 %",
      type: "line",
      connectNulls: false,
      lineStyle: key === "median" ? { width: 3 } : { type: "dashed" },
      data: points.map((p) => value(p.figures, key)),
    })),
  };
}
