// Maturity charts: the radar (Ist/Plan/Soll per dimension) and the history line with plan and targets. Pure functions
// of the engine's Dashboard, so screens, tables and server-rendered reports share one definition.
import { formatDate, formatNumber } from "@spatz/domain";
import type { Dashboard, HistoryPoint, TargetEvaluation } from "@spatz/maturity";
import type { EChartsCoreOption } from "echarts/core";
import { PALETTE } from "./palette.ts";

export type RadarRow = {
  key: string;
  name: string;
  /** Ist score today (level + share of the next level). */
  current: number;
  currentLevel: number;
  /** Plan score a year ahead (Dashboard.plannedOn). */
  plan: number;
  /** Soll level, null without a target. */
  target: number | null;
  dueOn: string | null;
  status: TargetEvaluation["status"] | null;
};

export function radarRows(dashboard: Dashboard): RadarRow[] {
  return dashboard.current.dimensions.map((d, i) => {
    const target = dashboard.targets.find((t) => t.dimensionKey === d.key) ?? null;
    return {
      key: d.key,
      name: d.name,
      current: d.score,
      currentLevel: d.level,
      plan: dashboard.planned.dimensions[i]?.score ?? d.score,
      target: target?.targetLevel ?? null,
      dueOn: target?.dueOn ?? null,
      status: target?.status ?? null,
    };
  });
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function maturityRadarOption(rows: readonly RadarRow[]): EChartsCoreOption {
  const hasTargets = rows.some((r) => r.target !== null);
  const data: object[] = [
    {
      name: "Ist",
      value: rows.map((r) => round2(r.current)),
      lineStyle: { color: PALETTE.actual, width: 3 },
      itemStyle: { color: PALETTE.actual },
      areaStyle: { color: PALETTE.actual, opacity: 0.15 },
    },
    {
      name: "Plan",
      value: rows.map((r) => round2(r.plan)),
      lineStyle: { color: PALETTE.plan, width: 2, type: "dashed" },
      itemStyle: { color: PALETTE.plan },
    },
  ];
  if (hasTargets) {
    data.push({
      name: "Soll",
      // A dimension without a target has no Soll point; ECharts leaves "-" out of the polygon.
      value: rows.map((r) => r.target ?? "-"),
      lineStyle: { color: PALETTE.target, width: 2, type: "dotted" },
      itemStyle: { color: PALETTE.target },
      symbol: "diamond",
      symbolSize: 9,
    });
  }
  return {
    animation: false,
    textStyle: { fontFamily: "system-ui, sans-serif", color: PALETTE.text },
    legend: {
      bottom: 0,
      data: hasTargets ? ["Ist", "Plan", "Soll"] : ["Ist", "Plan"],
      textStyle: { color: PALETTE.text },
    },
    // Rich-text tooltips are drawn inside the SVG: no HTML with inline styles, which the CSP would block.
    tooltip: {
      trigger: "item",
      renderMode: "richText",
      confine: true,
      formatter: (p: { name: string; value: (number | string)[] }) =>
        [
          p.name,
          ...rows.map(
            (r, i) =>
              `${r.name}: ${typeof p.value[i] === "number" ? formatNumber(p.value[i] as number, 2) : "–"}`,
          ),
        ].join("\n"),
    },
    radar: {
      radius: "62%",
      center: ["50%", "48%"],
      splitNumber: 4,
      indicator: rows.map((r) => ({ name: r.name, min: 0, max: 4 })),
      // Long names break into short lines so that they stay inside the chart, on a phone too.
      axisName: {
        color: PALETTE.text,
        fontSize: 12,
        lineHeight: 15,
        formatter: (name: string) => radarLabel(name),
      },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      splitLine: { lineStyle: { color: PALETTE.grid, opacity: 0.5 } },
      splitArea: { show: false },
    },
    series: [{ type: "radar", name: "Reifegrad", data }],
  };
}

export type HistorySeries = {
  /** Dimension name, or "Reifegradindex" for the weighted mean. */
  label: string;
  dimensionKey: string | null;
  today: string;
  actual: [string, number][];
  plan: [string, number][];
  targets: { date: string; level: number; label: string }[];
};

function pointValue(point: HistoryPoint, dimensionKey: string | null): number {
  if (dimensionKey === null) return point.index;
  return point.dimensions.find((d) => d.key === dimensionKey)?.score ?? 0;
}

/** The series of the history chart for the index (null) or one dimension. */
export function historySeries(dashboard: Dashboard, dimensionKey: string | null): HistorySeries {
  const dimension = dashboard.current.dimensions.find((d) => d.key === dimensionKey);
  // Targets are levels of one dimension: on the index line they would mislead, so they show per dimension.
  const targets = dimension ? dashboard.targets.filter((t) => t.dimensionKey === dimension.key) : [];
  return {
    label: dimension?.name ?? "Reifegradindex",
    dimensionKey: dimension ? dimension.key : null,
    today: dashboard.today,
    actual: dashboard.history.map((p) => [p.date, round2(pointValue(p, dimension ? dimension.key : null))]),
    plan: dashboard.plan.map((p) => [p.date, round2(pointValue(p, dimension ? dimension.key : null))]),
    targets: targets.map((t) => ({
      date: t.dueOn,
      level: t.targetLevel,
      label: `Soll ${t.dimensionName}: Stufe ${t.targetLevel} bis ${formatDate(t.dueOn)}`,
    })),
  };
}

export type HistoryRow = { date: string; actual: number | null; plan: number | null };

/**
 * The table behind the chart, oldest first: one row per date on which the shown value changes (plus the first
 * date, today and the end of the plan), so each step of the line is one row with its exact date.
 */
export function historyRows(series: HistorySeries): HistoryRow[] {
  const rows = new Map<string, HistoryRow>();
  for (const [date, value] of series.actual) rows.set(date, { date, actual: value, plan: null });
  for (const [date, value] of series.plan) {
    const row = rows.get(date) ?? { date, actual: null, plan: null };
    row.plan = value;
    rows.set(date, row);
  }
  const all = [...rows.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = all.at(-1)?.date;
  let previous: number | null = null;
  return all.filter((row) => {
    const value = row.actual ?? row.plan;
    const keep = previous === null || value !== previous || row.date === series.today || row.date === last;
    previous = value;
    return keep;
  });
}

const axisDate = (value: number) => {
  const d = new Date(value);
  return `${String(d.getMonth() + 1).padStart(2, "0")}.${d.getFullYear()}`;
};

export function maturityHistoryOption(series: HistorySeries): EChartsCoreOption {
  const fmt = (v: unknown) => formatNumber(Number(v), 2);
  return {
    animation: false,
    textStyle: { fontFamily: "system-ui, sans-serif", color: PALETTE.text },
    legend: { top: 0, data: ["Ist", "Plan", "Soll"], textStyle: { color: PALETTE.text } },
    tooltip: {
      trigger: "axis",
      renderMode: "richText",
      confine: true,
      formatter: (params: { seriesName: string; value: [string, number] }[]) => {
        const list = Array.isArray(params) ? params : [params];
        const date = list[0]?.value[0];
        return [
          date ? formatDate(String(date).slice(0, 10)) : "",
          ...list.map((p) => `${p.seriesName}: ${fmt(p.value[1])}`),
        ].join("\n");
      },
    },
    grid: { left: 48, right: 24, top: 40, bottom: 40 },
    xAxis: {
      type: "time",
      axisLabel: { color: PALETTE.text, formatter: axisDate, hideOverlap: true },
      axisLine: { lineStyle: { color: PALETTE.grid } },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: 4,
      interval: 1,
      name: "Stufe",
      nameTextStyle: { color: PALETTE.text },
      axisLabel: { color: PALETTE.text },
      splitLine: { lineStyle: { color: PALETTE.grid, opacity: 0.3 } },
    },
    series: [
      {
        name: "Ist",
        type: "line",
        // The value holds until the next point: a step appears exactly on the date of the completion.
        step: "end",
        showSymbol: false,
        data: series.actual,
        lineStyle: { color: PALETTE.actual, width: 3 },
        itemStyle: { color: PALETTE.actual },
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: PALETTE.grid, type: "solid" },
          label: { formatter: "heute", color: PALETTE.text },
          data: [{ xAxis: series.today }],
        },
      },
      {
        name: "Plan",
        type: "line",
        step: "end",
        showSymbol: false,
        data: series.plan,
        lineStyle: { color: PALETTE.plan, width: 2, type: "dashed" },
        itemStyle: { color: PALETTE.plan },
      },
      {
        name: "Soll",
        type: "scatter",
        symbol: "diamond",
        symbolSize: 14,
        data: series.targets.map((t) => ({ value: [t.date, t.level], name: t.label })),
        itemStyle: { color: PALETTE.target },
        tooltip: { trigger: "item", renderMode: "richText", formatter: (p: { name: string }) => p.name },
      },
    ],
  };
}

/** Where German compounds of the models' names join: "Prozess|digitalisierung", "Bürger|zentrierung", "Notfall|management". */
const JOINTS = [
  "digitalisierung",
  "zentrierung",
  "management",
  "kompetenz",
  "infrastruktur",
  "vernetzung",
  "sicherheit",
];

/**
 * A dimension's name in short lines (about `max` characters): a line ends after "&"; a longer compound is hyphenated
 * where its parts join ("Prozessdigitalisierung" → "Prozess-" / "digitalisierung"), or in its middle when it is much
 * longer and has no known joint; a word only slightly longer stays whole.
 */
export function radarLabel(name: string, max = 14): string {
  const lines: string[] = [];
  let line = "";
  const add = (part: string) => {
    if (line && line.length + 1 + part.length > max) {
      lines.push(line);
      line = part;
    } else line = line ? `${line} ${part}` : part;
  };
  for (const word of name.split(" ").filter(Boolean)) {
    if (word === "&") {
      lines.push(line ? `${line} &` : "&");
      line = "";
      continue;
    }
    const lower = word.toLowerCase();
    const joint = word.length > max ? JOINTS.map((j) => lower.indexOf(j, 3)).find((at) => at > 0) : undefined;
    const at = joint ?? (word.length > max + 4 ? Math.ceil(word.length / 2) : undefined);
    if (at === undefined) {
      add(word);
      continue;
    }
    add(`${word.slice(0, at)}-`);
    lines.push(line);
    line = word.slice(at);
  }
  if (line) lines.push(line);
  return lines.join("\n");
}
