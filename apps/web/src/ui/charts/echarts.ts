// Apache ECharts, tree-shaken: only the charts and components SPATZ draws, rendered to canvas. Canvas and CSSOM styles
// are allowed by the strict Content-Security-Policy; HTML tooltips (inline style attributes) are not, so tooltips
// are drawn as rich text on the canvas.
import { BarChart, CustomChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  CustomChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;

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
