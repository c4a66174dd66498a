// One ECharts chart. The chart modules load on first use (their own bundle chunk), render as SVG (works under the
// strict CSP: no inline style elements), and follow the option as it changes. Screen readers get the label here and
// the data table next to the chart (ChartFigure), not the drawing.
import type { EChartsCoreOption } from "echarts/core";
import { createEffect, onCleanup, onMount } from "solid-js";

type Chart = {
  setOption: (o: EChartsCoreOption, opts: { notMerge: boolean }) => void;
  resize: () => void;
  dispose: () => void;
};

export function EChart(props: { option: EChartsCoreOption; label: string; height?: number; id?: string }) {
  let el!: HTMLDivElement;
  let chart: Chart | undefined;
  let disposed = false;
  onMount(async () => {
    const { echarts } = await import("@spatz/charts/echarts");
    if (disposed) return;
    chart = echarts.init(el, null, { renderer: "svg" }) as unknown as Chart;
    chart.setOption(props.option, { notMerge: true });
    el.dataset.rendered = "true";
    const observer = new ResizeObserver(() => chart?.resize());
    observer.observe(el);
    onCleanup(() => observer.disconnect());
  });
  createEffect(() => {
    const option = props.option;
    chart?.setOption(option, { notMerge: true });
  });
  onCleanup(() => {
    disposed = true;
    chart?.dispose();
  });
  return (
    <div
      ref={el}
      id={props.id}
      class="chart"
      classList={{ "chart-tall": (props.height ?? 320) > 340 }}
      role="img"
      aria-label={props.label}
    />
  );
}
