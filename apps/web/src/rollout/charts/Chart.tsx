// One chart: ECharts loaded lazily, drawn on a canvas (no inline styles or scripts, so the strict CSP holds), with a
// text alternative (role="img" + label) and, next to it, the data table behind it (ChartFigure). `data-chart-ready`
// is set once ECharts has finished rendering (browser tests wait for it).
import { createEffect, getOwner, type JSX, onCleanup, onMount, runWithOwner } from "solid-js";
import type { EChartsOption } from "./echarts-setup.ts";

export type ChartClick = { dataIndex: number; seriesIndex: number; name: string; value: unknown };

export function Chart(props: {
  option: () => EChartsOption;
  label: string;
  class?: string;
  onClick?: (params: ChartClick) => void;
}) {
  let el!: HTMLDivElement;
  let dispose: (() => void) | undefined;
  const owner = getOwner();
  onMount(async () => {
    const { echarts } = await import("./echarts-setup.ts");
    if (!el.isConnected) return;
    const chart = echarts.init(el, undefined, { renderer: "canvas" });
    chart.on("finished", () => {
      el.dataset.chartReady = "true";
    });
    chart.on("click", (p) => props.onClick?.(p as unknown as ChartClick));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    dispose = () => {
      observer.disconnect();
      chart.dispose();
    };
    runWithOwner(owner, () =>
      createEffect(() => {
        el.dataset.chartReady = "false";
        chart.setOption(props.option(), true);
      }),
    );
  });
  onCleanup(() => dispose?.());
  return <div ref={el} class={`chart ${props.class ?? ""}`} role="img" aria-label={props.label} />;
}

/** A chart with a caption and its data as a table (open by a click; screen readers get the table). */
export function ChartFigure(props: {
  title: string;
  chart: JSX.Element;
  table: JSX.Element;
  tableOpen?: boolean;
  actions?: JSX.Element;
}) {
  return (
    <figure class="chart-figure">
      <figcaption>
        <h2>{props.title}</h2>
        {props.actions}
      </figcaption>
      {props.chart}
      <details class="chart-data" open={props.tableOpen}>
        <summary>Daten als Tabelle: {props.title}</summary>
        {props.table}
      </details>
    </figure>
  );
}
