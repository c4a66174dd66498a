// Progress over time (go-lives per month, planned vs actual, cumulative) and bottlenecks: services with many Kommunen
// stuck "in Umsetzung" for more than N months. Bars and rows link to the records behind them.
import { A, useNavigate } from "@solidjs/router";
import { formatDate } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createSignal } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { Chart } from "../../ui/charts/Chart.tsx";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { FilterBar, TextField } from "../../ui/Field.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { formatCount, formatMonth } from "../format.ts";
import { SortTable } from "../SortTable.tsx";
import { drillHref, StateTabs } from "../ui.tsx";

export function ProgressPage(props: { me: Me }) {
  const navigate = useNavigate();
  const progress = useQuery(() => ({
    queryKey: ["rollout.progress"],
    queryFn: () => trpc.rollout.progress.query(),
  }));
  const [monthsText, setMonthsText] = createSignal("6");
  const months = () => {
    const n = Number.parseInt(monthsText(), 10);
    return Number.isFinite(n) && n >= 1 && n <= 120 ? n : null;
  };
  const stuck = useQuery(() => ({
    queryKey: ["rollout.bottlenecks", months()],
    queryFn: () => trpc.rollout.bottlenecks.query({ months: months() ?? 6, minKommunen: 1 }),
    enabled: months() !== null,
    placeholderData: keepPreviousData,
  }));
  return (
    <>
      <PageHeader
        title="Verlauf und Engpässe"
        intro="Go-lives je Monat (tatsächlich und geplant) und Leistungen, deren Umsetzung in vielen Kommunen stockt."
      />
      <StateTabs me={props.me} />
      <QueryView
        query={progress}
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="Noch keine Go-lives erfasst oder geplant." />}
      >
        {(rows) => (
          <Chart
            heading={2}
            title="Go-lives je Monat"
            actions={
              <ExportButtons
                label="Go-lives je Monat"
                load={(format) => trpc.rollout.exportState.query({ table: "progress", format })}
              />
            }
            summary={`Säulen- und Liniendiagramm: Go-lives je Monat von ${formatMonth(rows[0]!.month)} bis ${formatMonth(rows.at(-1)!.month)}, tatsächlich ${formatCount(rows.at(-1)!.cumulativeActual)} und geplant ${formatCount(rows.at(-1)!.cumulativePlanned)} insgesamt.`}
            onClick={(p) => {
              const row = rows[p.dataIndex];
              if (row)
                navigate(
                  drillHref({
                    month: row.month,
                    monthKind: p.seriesIndex % 2 === 0 ? "actual" : "planned",
                  }),
                );
            }}
            option={{
              tooltip: { trigger: "axis" },
              legend: { top: 0 },
              grid: { left: 8, right: 8, top: 40, bottom: 8 },
              xAxis: { type: "category", data: rows.map((r) => formatMonth(r.month)) },
              yAxis: [
                { type: "value", name: "je Monat" },
                { type: "value", name: "kumuliert", splitLine: { show: false } },
              ],
              series: [
                {
                  name: "tatsächlich",
                  type: "bar",
                  itemStyle: { color: "#009E73" },
                  data: rows.map((r) => r.actual),
                },
                {
                  name: "geplant",
                  type: "bar",
                  itemStyle: { color: "#E69F00" },
                  data: rows.map((r) => r.planned),
                },
                {
                  name: "tatsächlich kumuliert",
                  type: "line",
                  yAxisIndex: 1,
                  showSymbol: false,
                  itemStyle: { color: "#005a41" },
                  data: rows.map((r) => r.cumulativeActual),
                },
                {
                  name: "geplant kumuliert",
                  type: "line",
                  yAxisIndex: 1,
                  showSymbol: false,
                  lineStyle: { type: "dashed" },
                  itemStyle: { color: "#8a5d00" },
                  data: rows.map((r) => r.cumulativePlanned),
                },
              ],
            }}
            table={
              <SortTable
                caption="Go-lives je Monat"
                rows={rows}
                initialSort={{ key: "month", dir: "desc" }}
                columns={[
                  { key: "month", header: "Monat", sort: (r) => r.month, cell: (r) => formatMonth(r.month) },
                  {
                    key: "actual",
                    header: "tatsächlich",
                    num: true,
                    sort: (r) => r.actual,
                    cell: (r) => (
                      <A href={drillHref({ month: r.month, monthKind: "actual" })}>{formatCount(r.actual)}</A>
                    ),
                  },
                  {
                    key: "planned",
                    header: "geplant",
                    num: true,
                    sort: (r) => r.planned,
                    cell: (r) => (
                      <A href={drillHref({ month: r.month, monthKind: "planned" })}>
                        {formatCount(r.planned)}
                      </A>
                    ),
                  },
                  {
                    key: "ca",
                    header: "kumuliert tatsächlich",
                    num: true,
                    cell: (r) => formatCount(r.cumulativeActual),
                  },
                  {
                    key: "cp",
                    header: "kumuliert geplant",
                    num: true,
                    cell: (r) => formatCount(r.cumulativePlanned),
                  },
                ]}
              />
            }
          />
        )}
      </QueryView>

      <div class="section-head">
        <h2>Engpässe</h2>
        <ExportButtons
          label="Engpässe"
          load={(format) =>
            trpc.rollout.exportState.query({
              table: "bottlenecks",
              format,
              bottlenecks: { months: months() ?? 6, minKommunen: 1 },
            })
          }
        />
      </div>
      <FilterBar label="Engpässe einstellen">
        <TextField
          label="In Umsetzung seit mehr als (Monate)"
          type="number"
          min="1"
          max="120"
          inputMode="numeric"
          value={monthsText()}
          onInput={(e) => setMonthsText(e.currentTarget.value)}
          error={months() === null ? "Bitte eine ganze Zahl von 1 bis 120 eingeben." : undefined}
        />
      </FilterBar>
      <QueryView
        query={stuck}
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="Keine Leistung ist länger als so viele Monate in Umsetzung." />}
      >
        {(rows) => (
          <SortTable
            caption="Engpässe"
            captionHidden
            rows={rows}
            initialSort={{ key: "stuck", dir: "desc" }}
            columns={[
              {
                key: "name",
                header: "OZG-Leistung",
                sort: (r) => r.name,
                cell: (r) => `${r.name} (${r.serviceId})`,
              },
              {
                key: "themenfeld",
                header: "Themenfeld",
                sort: (r) => r.themenfeld,
                cell: (r) => r.themenfeld,
              },
              {
                key: "stuck",
                header: `Kommunen > ${months() ?? 6} Monate in Umsetzung`,
                num: true,
                sort: (r) => r.stuck,
                cell: (r) => (
                  <A href={drillHref({ serviceId: r.serviceId, stuckMonths: months() ?? 6 })}>
                    {formatCount(r.stuck)}
                  </A>
                ),
              },
              {
                key: "implementing",
                header: "in Umsetzung gesamt",
                num: true,
                sort: (r) => r.implementing,
                cell: (r) => formatCount(r.implementing),
              },
              {
                key: "relevant",
                header: "zuständig",
                num: true,
                sort: (r) => r.relevant,
                cell: (r) => formatCount(r.relevant),
              },
              {
                key: "oldest",
                header: "ältester Beginn",
                sort: (r) => r.oldest,
                cell: (r) => formatDate(r.oldest),
              },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}
