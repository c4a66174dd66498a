// The ECharts modules SPATZ charts use, registered once. Importing through echarts/core keeps the browser bundle to
// these parts (tree-shaken); the SVG renderer draws with SVG elements and presentation attributes only, which the
// strict Content-Security-Policy (no inline styles) allows, and it is also the renderer for server-side SVG.
import { BoxplotChart, LineChart, RadarChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  BoxplotChart,
  LineChart,
  RadarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
