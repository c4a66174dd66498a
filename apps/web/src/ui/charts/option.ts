// The option type of a chart, importable without loading ECharts itself (a type-only import is erased by the build).
import type { EChartsCoreOption } from "echarts/core";

export type EChartsOption = EChartsCoreOption;
