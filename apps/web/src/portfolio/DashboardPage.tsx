// The PMO's overview: projects by status and Geschäftsbereich, starts and ends per quarter, overdue milestones,
// budget and effort, and how many projects follow which PM standard. Every chart has its table.
import { A } from "@solidjs/router";
import {
  formatCountOf,
  formatDate,
  formatInteger,
  PM_STANDARD_LABELS,
  PM_STANDARDS,
  projectStatuses,
  projectStatusLabels,
} from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { trpc } from "../lib/trpc.ts";
import { Chart } from "../ui/charts/Chart.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import {
  FilterForm,
  money,
  PortfolioNav,
  personDays,
  useFilterOptions,
  useProjectFilter,
} from "./common.tsx";
import { RiskMatrix } from "./Steering.tsx";

type Dashboard = Awaited<ReturnType<typeof trpc.portfolio.dashboard.query>>;

const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 0 });

export function DashboardPage(props: { me: Me }) {
  const f = useProjectFilter();
  const options = useFilterOptions();
  const dashboard = useQuery(() => ({
    queryKey: ["portfolio.dashboard", f.filter()],
    queryFn: () => trpc.portfolio.dashboard.query({ filter: f.filter() }),
    placeholderData: keepPreviousData,
  }));
  return (
    <>
      <PageHeader title="Portfolio-Übersicht" intro="Kennzahlen des Portfolios für die gewählte Auswahl." />
      <PortfolioNav me={props.me} />
      <FilterForm
        me={props.me}
        label="Übersicht filtern"
        filter={f.filter()}
        options={options.data}
        onChange={(patch) => f.update(patch)}
      />
      <QueryView
        query={dashboard}
        isEmpty={(d) => d.total === 0}
        empty={<EmptyState title="Keine Projekte für diese Auswahl." />}
      >
        {(d) => <DashboardView data={d} />}
      </QueryView>
    </>
  );
}

function DashboardView(props: { data: Dashboard }) {
  const d = () => props.data;
  const statusCount = (s: string) => d().byStatus.find((x) => x.status === s)?.count ?? 0;
  const statuses = () => projectStatuses.filter((s) => statusCount(s) > 0);
  const standardCount = (s: string) => d().standards.find((x) => x.standard === s)?.count ?? 0;
  return (
    <>
      <div class="kpis">
        <div class="kpi">
          <span class="kpi-value">{formatInteger(d().total)}</span>
          <span class="kpi-label">Projekte</span>
        </div>
        <div class="kpi">
          <span class="kpi-value">{formatInteger(statusCount("in_progress"))}</span>
          <span class="kpi-label">in Umsetzung</span>
        </div>
        <div class="kpi">
          <span class="kpi-value">{money(d().budgetCents)}</span>
          <span class="kpi-label">Budget</span>
        </div>
        <div class="kpi">
          <span class="kpi-value">{personDays(d().effortDays)}</span>
          <span class="kpi-label">Aufwand</span>
        </div>
        <div class="kpi" classList={{ "kpi-alert": d().overdueMilestones.count > 0 }}>
          <span class="kpi-value">{formatInteger(d().overdueMilestones.count)}</span>
          <span class="kpi-label">überfällige Meilensteine</span>
        </div>
        <div class="kpi" classList={{ "kpi-alert": d().ampel.red > 0 }}>
          <span class="kpi-value">{formatInteger(d().ampel.red)}</span>
          <span class="kpi-label">
            in Umsetzung mit roter Ampel (gelb {formatInteger(d().ampel.yellow)}, grün{" "}
            {formatInteger(d().ampel.green)}, ohne Bericht {formatInteger(d().ampel.none)})
          </span>
        </div>
      </div>
      <div class="charts">
        <Chart
          title="Projekte nach Status"
          summary={`Balkendiagramm mit der Zahl der Projekte je Status, insgesamt ${d().total}.`}
          height={260}
          option={{
            grid: { left: 110, right: 30, top: 10, bottom: 30 },
            tooltip: { renderMode: "richText" },
            xAxis: { type: "value", minInterval: 1 },
            yAxis: { type: "category", inverse: true, data: statuses().map((s) => projectStatusLabels[s]) },
            series: [
              {
                type: "bar",
                name: "Projekte",
                data: statuses().map((s) => statusCount(s)),
                label: { show: true, position: "right" },
              },
            ],
          }}
          table={
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Projekte
                  </th>
                  <th scope="col" class="num">
                    Budget
                  </th>
                  <th scope="col" class="num">
                    Aufwand
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={d().byStatus}>
                  {(s) => (
                    <tr>
                      <th scope="row">{projectStatusLabels[s.status]}</th>
                      <td class="num">{formatInteger(s.count)}</td>
                      <td class="num">{money(s.budgetCents)}</td>
                      <td class="num">{personDays(s.effortDays)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          }
        />
        <Chart
          title="Projekte nach Geschäftsbereich"
          summary={`Balkendiagramm mit der Zahl der Projekte je Geschäftsbereich (${formatCountOf(d().byGb.length, "Bereich", "Bereiche")}).`}
          height={Math.max(200, d().byGb.length * 34 + 40)}
          option={{
            grid: { left: 80, right: 30, top: 10, bottom: 30 },
            tooltip: { renderMode: "richText" },
            xAxis: { type: "value", minInterval: 1 },
            yAxis: { type: "category", inverse: true, data: d().byGb.map((g) => g.code) },
            series: [
              {
                type: "bar",
                name: "Projekte",
                data: d().byGb.map((g) => g.count),
                label: { show: true, position: "right" },
              },
            ],
          }}
          table={
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Geschäftsbereich</th>
                  <th scope="col" class="num">
                    Projekte
                  </th>
                  <th scope="col" class="num">
                    Budget
                  </th>
                  <th scope="col" class="num">
                    Aufwand
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={d().byGb}>
                  {(g) => (
                    <tr>
                      <th scope="row">
                        {g.code} – {g.name}
                      </th>
                      <td class="num">{formatInteger(g.count)}</td>
                      <td class="num">{money(g.budgetCents)}</td>
                      <td class="num">{personDays(g.effortDays)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          }
        />
        <Chart
          title="Projektstarts und -enden je Quartal"
          summary={`Säulendiagramm mit der Zahl der Projekte, die je Quartal beginnen und enden (${formatCountOf(d().quarters.length, "Quartal", "Quartale")}).`}
          height={280}
          option={{
            grid: { left: 50, right: 20, top: 40, bottom: 50 },
            legend: { top: 0, data: ["Starts", "Enden"] },
            tooltip: { renderMode: "richText", trigger: "axis" },
            xAxis: {
              type: "category",
              data: d().quarters.map((q) => q.quarter.replace("-", " ")),
              axisLabel: { rotate: d().quarters.length > 12 ? 45 : 0 },
            },
            yAxis: { type: "value", minInterval: 1 },
            series: [
              { type: "bar", name: "Starts", data: d().quarters.map((q) => q.starting) },
              { type: "bar", name: "Enden", data: d().quarters.map((q) => q.ending) },
            ],
          }}
          table={
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Quartal</th>
                  <th scope="col" class="num">
                    Starts
                  </th>
                  <th scope="col" class="num">
                    Enden
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={d().quarters}>
                  {(q) => (
                    <tr>
                      <th scope="row">{q.quarter.replace("-", " ")}</th>
                      <td class="num">{q.starting}</td>
                      <td class="num">{q.ending}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          }
        />
        <Chart
          title="Anwendung der PM-Standards"
          summary="Balkendiagramm mit dem Anteil der Projekte, die den jeweiligen Standard anwenden."
          height={240}
          option={{
            grid: { left: 150, right: 50, top: 10, bottom: 30 },
            tooltip: { renderMode: "richText" },
            xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value} %" } },
            yAxis: { type: "category", inverse: true, data: PM_STANDARDS.map((s) => PM_STANDARD_LABELS[s]) },
            series: [
              {
                type: "bar",
                name: "Anteil der Projekte",
                data: PM_STANDARDS.map((s) => Math.round((standardCount(s) / Math.max(1, d().total)) * 100)),
                label: { show: true, position: "right", formatter: "{c} %" },
              },
            ],
          }}
          table={
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Standard</th>
                  <th scope="col" class="num">
                    Projekte
                  </th>
                  <th scope="col" class="num">
                    Anteil
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={PM_STANDARDS}>
                  {(s) => (
                    <tr>
                      <th scope="row">{PM_STANDARD_LABELS[s]}</th>
                      <td class="num">{formatInteger(standardCount(s))}</td>
                      <td class="num">{percent.format(standardCount(s) / Math.max(1, d().total))}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          }
        />
      </div>
      <section class="card" aria-labelledby="risk-map-title">
        <h2 id="risk-map-title">Risiken im Portfolio</h2>
        <Show
          when={d().riskCells.length > 0}
          fallback={<p class="muted">Keine offenen Risiken in den Projekten dieser Auswahl.</p>}
        >
          <RiskMatrix
            cells={d().riskCells}
            caption="Offene Risiken aller Projekte nach Eintrittswahrscheinlichkeit und Auswirkung"
          />
        </Show>
      </section>
      <section class="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">Überfällige Meilensteine</h2>
        <Show
          when={d().overdueMilestones.count > 0}
          fallback={<EmptyState title="Keine überfälligen Meilensteine." />}
        >
          <p class="muted">
            {d().overdueMilestones.count === 1
              ? "1 offener Meilenstein laufender Projekte liegt"
              : `${formatInteger(d().overdueMilestones.count)} offene Meilensteine laufender Projekte liegen`}{" "}
            vor dem {formatDate(d().today)}
            {d().overdueMilestones.count > d().overdueMilestones.items.length ? "; die ältesten zehn:" : ":"}
          </p>
          <TableScroll>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Termin</th>
                  <th scope="col">Meilenstein</th>
                  <th scope="col">Projekt</th>
                  <th scope="col">Projektleitung</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().overdueMilestones.items}>
                  {(m) => (
                    <tr>
                      <td>{formatDate(m.dueDate)}</td>
                      <td>{m.title}</td>
                      <td>
                        <A href={`/portfolio/projekte/${m.projectId}`}>{m.projectName}</A>
                      </td>
                      <td>{m.leadName ?? "–"}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        </Show>
      </section>
    </>
  );
}
