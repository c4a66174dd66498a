// The timeline (Gantt): projects as bars by month or quarter, grouped by Geschäftsbereich, milestones as diamonds
// (overdue ones red), a line for today. The same content as a table for keyboard and screen-reader users.
import { A } from "@solidjs/router";
import { formatCountOf, formatDate, type ProjectStatus, projectStatusLabels } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createMemo, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { trpc } from "../lib/trpc.ts";
import { Chart } from "../ui/charts/Chart.tsx";
import type { EChartsOption } from "../ui/charts/option.ts";
import { SelectField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Pager } from "../ui/Pager.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState } from "../ui/states.tsx";
import { FilterForm, PortfolioNav, StatusBadge, useFilterOptions, useProjectFilter } from "./common.tsx";
import { AmpelBadge } from "./Steering.tsx";

type Timeline = Awaited<ReturnType<typeof trpc.portfolio.timeline.query>>;
type Scale = "month" | "quarter";

const PAGE_SIZE = 40;
const DAY = 86_400_000;

const STATUS_COLORS: Record<ProjectStatus, string> = {
  registered: "#6b7785",
  assessed: "#5c5c00",
  approved: "#00626f",
  in_progress: "#0b3d6e",
  completed: "#1d6b35",
  rejected: "#7b2d8b",
  stopped: "#a51d24",
};
const MILESTONE_COLORS = { done: "#1d6b35", open: "#b35900", overdue: "#a51d24" };
const MILESTONE_NAMES = {
  done: "Meilenstein erreicht",
  open: "Meilenstein offen",
  overdue: "Meilenstein überfällig",
};

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const monthName = new Intl.DateTimeFormat("de-DE", { month: "short", timeZone: "UTC" });

function shorten(text: string, max = 42): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function ganttOption(data: Timeline, scale: Scale): EChartsOption {
  const labels = data.items.map((p) => `${p.gbCode} · ${shorten(p.name)}`);
  const categories = data.items.map((_, i) => String(i));
  const today = utc(data.today);
  const min = utc(data.from);
  const max = utc(data.to) + DAY;
  const bars = data.items.map((p, i) => ({
    value: [i, Math.max(utc(p.startDate), min), Math.min(utc(p.endDate) + DAY, max)],
    itemStyle: { color: STATUS_COLORS[p.status] },
    name: `${p.name} (${formatDate(p.startDate)} – ${formatDate(p.endDate)}, ${projectStatusLabels[p.status]})`,
  }));
  const milestones = (kind: keyof typeof MILESTONE_COLORS) =>
    data.items.flatMap((p, i) =>
      p.milestones
        .filter((m) => (kind === "done" ? m.done : kind === "overdue" ? m.overdue : !m.done && !m.overdue))
        .filter((m) => utc(m.dueDate) >= min && utc(m.dueDate) <= max)
        .map((m) => ({ value: [utc(m.dueDate), i], name: `${m.title} (${formatDate(m.dueDate)})` })),
    );
  // Alternating bands per Geschäftsbereich (the projects come sorted by GB).
  const bands: [{ yAxis: string; name: string }, { yAxis: string }][] = [];
  data.items.forEach((p, i) => {
    const last = bands.at(-1);
    if (last && data.items[Number(last[0].yAxis)]?.gbCode === p.gbCode) last[1].yAxis = String(i);
    else bands.push([{ yAxis: String(i), name: p.gbCode }, { yAxis: String(i) }]);
  });
  return {
    grid: { left: 300, right: 30, top: 60, bottom: 20 },
    // Only the kinds of milestone that occur (an empty "überfällig" entry would suggest otherwise).
    legend: {
      top: 0,
      data: (["done", "open", "overdue"] as const)
        .filter((kind) => milestones(kind).length > 0)
        .map((kind) => MILESTONE_NAMES[kind]),
    },
    tooltip: { renderMode: "richText", formatter: (p: { name: string }) => p.name },
    xAxis: {
      type: "time",
      position: "top",
      min,
      max,
      minInterval: scale === "month" ? 28 * DAY : 89 * DAY,
      maxInterval: scale === "month" ? 31 * DAY : 92 * DAY,
      splitLine: { show: true, lineStyle: { color: "#d5dbe1" } },
      axisLabel: {
        formatter: (value: number) => {
          const d = new Date(value);
          const m = d.getUTCMonth();
          return scale === "month" ? monthName.format(d) : `Q${Math.floor(m / 3) + 1} ${d.getUTCFullYear()}`;
        },
      },
    },
    yAxis: {
      type: "category",
      data: categories,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { formatter: (v: string) => labels[Number(v)] ?? "", width: 280, overflow: "truncate" },
    },
    series: [
      {
        type: "custom",
        name: "Projekte",
        encode: { x: [1, 2], y: 0 },
        data: bars,
        renderItem: (
          _params: unknown,
          api: {
            value: (i: number) => number;
            coord: (v: number[]) => number[];
            size: (v: number[]) => number[];
            style: () => object;
          },
        ) => {
          const start = api.coord([api.value(1), api.value(0)]);
          const end = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1]! * 0.55;
          return {
            type: "rect",
            shape: {
              x: start[0]!,
              y: start[1]! - height / 2,
              width: Math.max(2, end[0]! - start[0]!),
              height,
            },
            style: api.style(),
          };
        },
        markArea: {
          silent: true,
          itemStyle: { color: "rgba(11, 61, 110, 0.05)" },
          label: { show: false },
          data: bands.filter((_, i) => i % 2 === 0),
        },
        markLine:
          today >= min && today <= max
            ? {
                silent: true,
                symbol: "none",
                lineStyle: { color: "#a51d24", width: 2, type: "solid" },
                label: { formatter: "Heute", color: "#a51d24", fontWeight: "bold" },
                data: [{ xAxis: today }],
              }
            : undefined,
      },
      ...(["done", "open", "overdue"] as const).map((kind) => ({
        type: "scatter",
        name: { done: "Meilenstein erreicht", open: "Meilenstein offen", overdue: "Meilenstein überfällig" }[
          kind
        ],
        symbol: "diamond",
        symbolSize: kind === "overdue" ? 14 : 11,
        itemStyle: { color: MILESTONE_COLORS[kind], borderColor: "#fff", borderWidth: 1 },
        z: 5,
        data: milestones(kind),
      })),
    ],
  };
}

export function TimelinePage(props: { me: Me }) {
  const f = useProjectFilter();
  const options = useFilterOptions();
  const scale = () => (f.params.skala === "quartal" ? "quarter" : "month") as Scale;
  const year = () => Number(f.params.jahr) || options.data?.defaultYear || new Date().getFullYear();
  const page = () => Math.max(1, Number(f.params.page) || 1);
  const span = () =>
    scale() === "month"
      ? { from: `${year()}-01-01`, to: `${year()}-12-31` }
      : { from: `${year()}-01-01`, to: `${year() + 2}-12-31` };
  const input = () => ({ filter: f.filter(), ...span(), page: page(), pageSize: PAGE_SIZE });
  const timeline = useQuery(() => ({
    queryKey: ["portfolio.timeline", input()],
    queryFn: () => trpc.portfolio.timeline.query(input()),
    enabled: options.data !== undefined || !!f.params.jahr,
    placeholderData: keepPreviousData,
  }));
  const years = () => {
    const list = options.data?.years ?? [];
    return list.includes(year()) ? list : [...list, year()].sort();
  };
  return (
    <>
      <PageHeader
        title="Zeitplan"
        intro="Projekte und Meilensteine im Zeitverlauf, gruppiert nach Geschäftsbereich."
      />
      <PortfolioNav me={props.me} />
      <div class="toolbar">
        <SelectField
          label="Jahr"
          value={String(year())}
          options={years().map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(e) => f.setParams({ jahr: e.currentTarget.value, page: undefined })}
        />
        <SelectField
          label="Darstellung"
          value={scale() === "month" ? "monat" : "quartal"}
          options={[
            { value: "monat", label: "Monate (ein Jahr)" },
            { value: "quartal", label: "Quartale (drei Jahre)" },
          ]}
          onChange={(e) => f.setParams({ skala: e.currentTarget.value, page: undefined })}
        />
      </div>
      <FilterForm
        me={props.me}
        label="Zeitplan filtern"
        noYear
        filter={f.filter()}
        options={options.data}
        onChange={(patch) => f.update(patch)}
      />
      <QueryView
        query={timeline}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="Keine Projekte in diesem Zeitraum." />}
      >
        {(data) => (
          <TimelineView
            data={data}
            scale={scale()}
            onPage={(n) => f.setParams({ page: n > 1 ? String(n) : undefined })}
          />
        )}
      </QueryView>
    </>
  );
}

function TimelineView(props: { data: Timeline; scale: Scale; onPage: (page: number) => void }) {
  const option = createMemo(() => ganttOption(props.data, props.scale));
  const groups = createMemo(() => {
    const result: { gb: string; gbName: string; items: Timeline["items"] }[] = [];
    for (const p of props.data.items) {
      const last = result.at(-1);
      if (last && last.gb === p.gbCode) last.items.push(p);
      else result.push({ gb: p.gbCode, gbName: p.gbName, items: [p] });
    }
    return result;
  });
  const overdue = () =>
    props.data.items.reduce((n, p) => n + p.milestones.filter((m) => m.overdue).length, 0);
  return (
    <>
      <p class="muted" aria-live="polite">
        {formatCountOf(props.data.total, "Projekt", "Projekte")} von {formatDate(props.data.from)} bis{" "}
        {formatDate(props.data.to)}
        {overdue() > 0
          ? ` · ${formatCountOf(overdue(), "überfälliger Meilenstein", "überfällige Meilensteine")} auf dieser Seite`
          : ""}
      </p>
      <Chart
        title="Zeitplan der Projekte"
        summary={`Balken für ${formatCountOf(props.data.items.length, "Projekt", "Projekte")} von ${formatDate(props.data.from)} bis ${formatDate(props.data.to)}, Meilensteine als Rauten, überfällige rot, eine rote Linie für heute.`}
        option={option()}
        height={Math.max(220, props.data.items.length * 30 + 90)}
        tableOpen
        table={
          <table class="table timeline-table">
            <caption class="visually-hidden">Projekte und Meilensteine im Zeitraum</caption>
            <thead>
              <tr>
                <th scope="col">GB / R</th>
                <th scope="col">Projekt</th>
                <th scope="col">Start</th>
                <th scope="col">Ende</th>
                <th scope="col">Dauer</th>
                <th scope="col">Status und Ampel</th>
                <th scope="col">Meilensteine</th>
              </tr>
            </thead>
            <For each={groups()}>
              {(group) => (
                <tbody>
                  <tr class="group-row">
                    <th scope="colgroup" colSpan={7}>
                      {group.gb} – {group.gbName}
                    </th>
                  </tr>
                  <For each={group.items}>
                    {(p) => (
                      <tr>
                        <td>
                          {p.gbCode} / {p.rCode}
                        </td>
                        <th scope="row">
                          <A href={`/portfolio/projekte/${p.id}`}>{p.name}</A>
                        </th>
                        <td>{formatDate(p.startDate)}</td>
                        <td>{formatDate(p.endDate)}</td>
                        <td>{p.duration}</td>
                        <td>
                          <StatusBadge status={p.status} />
                          <Show when={p.latestAmpel}>
                            {(a) => (
                              <>
                                <br />
                                <AmpelBadge
                                  ampel={a().overall}
                                  label={`Bericht ${formatDate(a().reportedOn)}`}
                                />
                              </>
                            )}
                          </Show>
                        </td>
                        <td>
                          <Show when={p.milestones.length > 0} fallback="–">
                            <ul class="plain-list">
                              <For each={p.milestones}>
                                {(m) => (
                                  <li classList={{ "text-overdue": m.overdue }}>
                                    {m.title}: {formatDate(m.dueDate)}
                                    {m.done ? " (erreicht)" : m.overdue ? " (überfällig)" : ""}
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              )}
            </For>
          </table>
        }
      />
      <Pager
        page={props.data.page}
        pageSize={props.data.pageSize}
        total={props.data.total}
        onPage={props.onPage}
        label="Seiten des Zeitplans"
      />
    </>
  );
}
