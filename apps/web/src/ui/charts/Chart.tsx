// The one way SPATZ draws a chart: a figure with its caption, the drawing and the same numbers as a table (WCAG: a text
// alternative for every chart). ECharts is loaded when the first chart comes near the window, not with the app (it is
// larger than the rest of the app together); until then the figure says so, and if it cannot be loaded the table opens
// instead.
// CSP-safe: canvas, sizes through CSSOM (element.style, not a style attribute) and rich-text tooltips (HTML tooltips
// carry inline style attributes). `data-chart-ready="true"` is set once ECharts has finished drawing the current
// option (browser tests wait for it); `data-chart` names the chart.
import { createEffect, createSignal, createUniqueId, type JSX, onCleanup, onMount, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { Loading } from "../states.tsx";
import { TableScroll } from "../TableScroll.tsx";
import type { EChartsOption } from "./option.ts";

export type { EChartsOption } from "./option.ts";

type ECharts = typeof import("./echarts.ts");
type Instance = ReturnType<ECharts["echarts"]["init"]>;

let loading: Promise<ECharts> | undefined;
/** The chart code once it is there (charts that come into view later start drawing at once). */
let loaded: ECharts | undefined;
/** One request for the chart code, shared by every chart; a failed request is tried again by the next chart. */
function loadECharts(): Promise<ECharts> {
  loading ??= import("./echarts.ts").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export type ChartClick = { dataIndex: number; seriesIndex: number; name: string; value: unknown };

/** Tooltips as rich text drawn on the canvas (an HTML tooltip would need inline styles, which the CSP refuses). */
function cspSafe(option: EChartsOption): EChartsOption {
  const tooltip = option.tooltip as Record<string, unknown> | Record<string, unknown>[] | undefined;
  if (!tooltip) return option;
  const richText = (t: Record<string, unknown>) => ({ renderMode: "richText", ...t });
  return { ...option, tooltip: Array.isArray(tooltip) ? tooltip.map(richText) : richText(tooltip) };
}

const germanNumber = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });

/** ECharts writes 1,500 on value axes and in tooltips; German readers expect 1.500 (and 2,5 for decimals). */
function germanNumbers(option: EChartsOption): EChartsOption {
  // ECharts' defaults: an x axis without a type is a category axis, a y axis a value axis.
  const axis = (a: unknown, defaultType: "category" | "value") => {
    const list = (Array.isArray(a) ? a : [a]) as Record<string, unknown>[];
    const fixed = list.map((x) => {
      if (!x || (x.type ?? defaultType) !== "value") return x;
      const label = (x.axisLabel ?? {}) as Record<string, unknown>;
      if (label.formatter) return x;
      return { ...x, axisLabel: { ...label, formatter: (v: number) => germanNumber.format(v) } };
    });
    return Array.isArray(a) ? fixed : fixed[0];
  };
  const tooltip = option.tooltip as Record<string, unknown> | undefined;
  return {
    ...option,
    ...(option.xAxis ? { xAxis: axis(option.xAxis, "category") } : {}),
    ...(option.yAxis ? { yAxis: axis(option.yAxis, "value") } : {}),
    ...(tooltip && !Array.isArray(tooltip) && !tooltip.valueFormatter
      ? {
          tooltip: {
            ...tooltip,
            valueFormatter: (v: unknown) => (typeof v === "number" ? germanNumber.format(v) : String(v)),
          },
        }
      : {}),
  };
}

export function Chart(props: {
  title: string;
  /** One sentence for screen readers: what the chart shows (the table has the numbers). */
  summary: string;
  option: EChartsOption;
  /** The same data as a table. */
  table: JSX.Element;
  /** Height in pixels; without it the stylesheet decides (class "chart-tall", "chart-map" or the default). */
  height?: number;
  /** Further classes of the drawing, e.g. "chart-tall". */
  class?: string;
  /** id of the drawing. */
  id?: string;
  /** Show the table open (e.g. where it is the main alternative, like the timeline). */
  tableOpen?: boolean;
  /** The caption as a heading of this level, where the figure is a section of the page of its own. */
  heading?: 2 | 3;
  /** Next to the caption, e.g. export buttons. */
  actions?: JSX.Element;
  /** Between caption and drawing, e.g. a choice of what the chart shows. */
  controls?: JSX.Element;
  onClick?: (params: ChartClick) => void;
}) {
  let el!: HTMLDivElement;
  let chart: Instance | undefined;
  let disposed = false;
  const id = createUniqueId();
  const [lib, setLib] = createSignal<ECharts>();
  const [failed, setFailed] = createSignal(false);
  /** Whether this chart has asked for the chart code (until it comes near the window, its box stays empty). */
  const [requested, setRequested] = createSignal(false);
  const observer = new ResizeObserver(() => chart?.resize());

  onMount(() => {
    const start = () => {
      near.disconnect();
      window.removeEventListener("beforeprint", start);
      setRequested(true);
      if (loaded) return setLib(() => loaded);
      loadECharts().then(
        (module) => {
          if (!disposed) setLib(() => module);
        },
        () => setFailed(true),
      );
    };
    // ECharts is the largest download of the app: a chart loads it when it comes near the window, so a page whose
    // charts are further down (a phone's first screen) shows sooner. Printing draws every chart: with the code
    // already there at once, before the page is laid out for paper.
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
      rootMargin: "100px 0px",
    });
    near.observe(el);
    window.addEventListener("beforeprint", start);
    onCleanup(() => {
      near.disconnect();
      window.removeEventListener("beforeprint", start);
    });
  });
  createEffect(() => {
    if (props.height) el.style.height = `${props.height}px`;
    const loaded = lib();
    if (!loaded) return;
    const { echarts, BASE_TEXT, CHART_COLORS } = loaded;
    if (!chart) {
      chart = echarts.init(el, undefined, { renderer: "canvas" });
      chart.on("finished", () => {
        el.dataset.chartReady = "true";
      });
      chart.on("click", (p) => props.onClick?.(p as unknown as ChartClick));
      observer.observe(el);
    } else chart.resize();
    el.dataset.chartReady = "false";
    chart.setOption(
      cspSafe(
        germanNumbers({ color: CHART_COLORS, textStyle: BASE_TEXT, animation: false, ...props.option }),
      ),
      { notMerge: true },
    );
  });
  onCleanup(() => {
    disposed = true;
    observer.disconnect();
    chart?.dispose();
  });

  return (
    <figure class="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption class="chart-caption">
        <Dynamic
          component={props.heading ? `h${props.heading}` : "span"}
          id={`${id}-title`}
          class="chart-title"
        >
          {props.title}
        </Dynamic>
        {props.actions}
      </figcaption>
      {props.controls}
      <div class="chart-box">
        <div
          ref={el}
          id={props.id}
          class={`chart ${props.class ?? ""}`}
          role="img"
          aria-label={`${props.title}: ${props.summary} Die Werte stehen in der Tabelle darunter.`}
          data-chart={props.title}
        />
        <Show when={requested() && !lib() && !failed()}>
          <div class="chart-status">
            <Loading label="Diagramm wird geladen …" />
          </div>
        </Show>
        <Show when={failed()}>
          <p class="chart-status" role="alert">
            Das Diagramm konnte nicht geladen werden. Die Werte stehen in der Tabelle darunter.
          </p>
        </Show>
      </div>
      <details class="chart-data" open={props.tableOpen || failed()}>
        <summary>Daten als Tabelle: {props.title}</summary>
        <TableScroll>{props.table}</TableScroll>
      </details>
    </figure>
  );
}
