// Apache ECharts for the browser, tree-shaken: only the charts and components SPATZ draws (portfolio, rollout and
// maturity), one registration for the whole app. Loaded on demand by Chart.tsx, so it is its own chunk and no page
// without a chart loads it. Drawn on a canvas: canvas and CSSOM styles are allowed by the strict Content-Security-
// Policy, HTML tooltips (markup with inline style attributes) are not, so Chart.tsx draws tooltips as rich text.
import { BarChart, BoxplotChart, CustomChart, LineChart, RadarChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  BoxplotChart,
  CustomChart,
  LineChart,
  RadarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type { EChartsOption } from "./option.ts";
export { echarts };

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics). */
export const CHART_COLORS = [
  "#0b3d6e",
  "#b35900",
  "#1d6b35",
  "#7b2d8b",
  "#a51d24",
  "#00626f",
  "#5c5c00",
  "#4a5561",
];

export const BASE_TEXT = { fontFamily: "system-ui, sans-serif", fontSize: 13, color: "#1b1f24" };
