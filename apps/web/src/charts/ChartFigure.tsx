// A chart with its caption and the same numbers as a table (WCAG: a text alternative for every chart).
import { createUniqueId, type JSX } from "solid-js";

export function ChartFigure(props: {
  title: string;
  chart: JSX.Element;
  table: JSX.Element;
  /** Shown above the chart, e.g. a selector for what the chart shows. */
  controls?: JSX.Element;
  open?: boolean;
}) {
  const id = createUniqueId();
  return (
    <figure class="chart-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart-caption">
        {props.title}
      </figcaption>
      {props.controls}
      {props.chart}
      <details class="chart-data" open={props.open}>
        <summary>Daten als Tabelle: {props.title}</summary>
        {props.table}
      </details>
    </figure>
  );
}
