// A chart with its data table: the canvas is for the eye, the table (always in the page, behind "Daten als Tabelle")
// for screen readers, keyboard users and copying. Resizes with its container and is disposed with the component.
import { createEffect, createResource, createUniqueId, type JSX, onCleanup } from "solid-js";
import type { EChartsOption } from "./echarts.ts";

// ECharts is large: it is loaded with the first chart, not with the app.
const loadECharts = () => import("./echarts.ts");

export function Chart(props: {
  title: string;
  /** One sentence for screen readers: what the chart shows (the table has the numbers). */
  summary: string;
  option: EChartsOption;
  /** Height in pixels. */
  height: number;
  /** The same data as a table. */
  table: JSX.Element;
  /** Show the table open (e.g. where it is the main alternative, like the timeline). */
  tableOpen?: boolean;
}) {
  let container!: HTMLDivElement;
  let chart: ReturnType<Awaited<ReturnType<typeof loadECharts>>["echarts"]["init"]> | undefined;
  const id = createUniqueId();
  const [lib] = createResource(loadECharts);
  const observer = new ResizeObserver(() => chart?.resize());
  onCleanup(() => {
    observer.disconnect();
    chart?.dispose();
  });
  createEffect(() => {
    // CSSOM (element.style), not a style attribute: allowed by the CSP.
    container.style.height = `${props.height}px`;
    const loaded = lib();
    if (!loaded) return;
    const { echarts, BASE_TEXT, CHART_COLORS } = loaded;
    if (!chart) {
      chart = echarts.init(container, undefined, { renderer: "canvas" });
      observer.observe(container);
    } else chart.resize();
    chart.setOption(
      { color: CHART_COLORS, textStyle: BASE_TEXT, animation: false, ...props.option },
      { notMerge: true },
    );
  });
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {props.title}
      </figcaption>
      <div
        ref={container}
        class="chart-canvas"
        role="img"
        aria-label={`${props.title}: ${props.summary} Die Werte stehen in der Tabelle darunter.`}
        data-chart={props.title}
      />
      <details class="chart-table" open={props.tableOpen}>
        <summary>Daten als Tabelle: {props.title}</summary>
        {props.table}
      </details>
    </figure>
  );
}
