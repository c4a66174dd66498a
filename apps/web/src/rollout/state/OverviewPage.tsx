// The state PMO's overview: how far the online services have reached the Kommunen, overall, per Themenfeld, per
// Lebenslage and per kind of Kommune. Every figure links to the records behind it.
import { A, useNavigate } from "@solidjs/router";
import { berlinToday } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { Chart } from "../../ui/charts/Chart.tsx";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { coverageColumns } from "../coverage-columns.tsx";
import { formatCount, formatShare } from "../format.ts";
import { kommuneKindLabels, rolloutStatusLabels, STATUS_COLORS } from "../labels.ts";
import { type Column, SortTable } from "../SortTable.tsx";
import { drillHref, Kpi, StateTabs } from "../ui.tsx";
import { ForecastSection } from "./ForecastSection.tsx";

type Overview = Awaited<ReturnType<typeof trpc.rollout.stateOverview.query>>;
type Group = Overview["themenfelder"][number];

const STACK = ["online", "implementing", "planning", "not_started"] as const;

function groupColumns(label: string, key: "themenfeldId" | "lageId"): Column<Group>[] {
  return [
    {
      key: "name",
      header: label,
      sort: (r) => r.name,
      cell: (r) => <A href={drillHref({ [key]: r.id })}>{r.name}</A>,
    },
    {
      key: "services",
      header: "Leistungen",
      num: true,
      sort: (r) => r.services,
      cell: (r) => formatCount(r.services),
    },
    {
      key: "nationwide",
      header: "flächendeckend",
      num: true,
      sort: (r) => r.servicesNationwide,
      cell: (r) => formatCount(r.servicesNationwide),
    },
    {
      key: "atLeastOne",
      header: "in mind. einer Kommune",
      num: true,
      sort: (r) => r.servicesAtLeastOne,
      cell: (r) => formatCount(r.servicesAtLeastOne),
    },
    ...coverageColumns<Group>((r) => ({ [key]: r.id })),
  ];
}

export function OverviewPage(props: { me: Me }) {
  const navigate = useNavigate();
  const overview = useQuery(() => ({
    queryKey: ["rollout.stateOverview"],
    queryFn: () => trpc.rollout.stateOverview.query(),
  }));
  return (
    <>
      <PageHeader
        title="Rollout der Onlinedienste – Landesüberblick"
        intro="Wie weit die OZG-/EfA-Onlinedienste in den Kommunen angekommen sind. Gezählt werden nur die für eine Leistung zuständigen Kommunen."
      />
      <StateTabs me={props.me} />
      <QueryView
        query={overview}
        loadingLabel="Abdeckung wird berechnet …"
        isEmpty={(d) => d.overall.services === 0}
        empty={
          <EmptyState title="Noch kein OZG-Katalog importiert.">
            <A href="/land/katalog">Zum OZG-Katalog</A>
          </EmptyState>
        }
      >
        {(d) => (
          <>
            <section aria-label="Kennzahlen" class="kpis">
              <Kpi value={formatShare(d.overall.share)} label="der Paare Kommune × Leistung online" />
              <Kpi
                value={`${formatCount(d.overall.servicesNationwide)} von ${formatCount(d.overall.services)}`}
                label="Leistungen flächendeckend (alle zuständigen Kommunen)"
              />
              <Kpi
                value={`${formatCount(d.overall.servicesAtLeastOne)} von ${formatCount(d.overall.services)}`}
                label="Leistungen in mindestens einer Kommune online"
              />
              <Kpi
                value={
                  <A href={drillHref({ status: "implementing" })}>
                    {formatCount(d.overall.byStatus.implementing)}
                  </A>
                }
                label="Einträge in Umsetzung"
              />
              <Kpi
                value={
                  <A href={drillHref({ status: "not_started" })}>
                    {formatCount(d.overall.byStatus.not_started)}
                  </A>
                }
                label="Paare noch nicht begonnen"
              />
            </section>

            <Chart
              heading={2}
              title="Stand je Themenfeld"
              actions={
                <ExportButtons
                  label="Abdeckung je Themenfeld"
                  load={(format) => trpc.rollout.exportState.query({ table: "themenfelder", format })}
                />
              }
              class="chart-tall"
              summary={`Gestapeltes Balkendiagramm: Zahl der Paare Kommune × Leistung je Themenfeld und Status. Insgesamt ${formatShare(d.overall.share)} online.`}
              onClick={(p) => {
                const t = d.themenfelder[p.dataIndex];
                const status = STACK[p.seriesIndex];
                if (t && status) navigate(drillHref({ themenfeldId: t.id, status }));
              }}
              option={{
                tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
                legend: { top: 0 },
                grid: { left: 8, right: 24, top: 36, bottom: 8 },
                xAxis: { type: "value" },
                yAxis: { type: "category", inverse: true, data: d.themenfelder.map((t) => t.name) },
                series: STACK.map((s) => ({
                  name: rolloutStatusLabels[s],
                  type: "bar",
                  stack: "status",
                  itemStyle: { color: STATUS_COLORS[s] },
                  data: d.themenfelder.map((t) => t.byStatus[s]),
                })),
              }}
              table={
                <SortTable
                  caption="Abdeckung je Themenfeld"
                  columns={groupColumns("Themenfeld", "themenfeldId")}
                  rows={d.themenfelder}
                />
              }
            />

            <div class="section-head">
              <h2>Abdeckung je Lebens- und Unternehmenslage</h2>
              <ExportButtons
                label="Abdeckung je Lage"
                load={(format) => trpc.rollout.exportState.query({ table: "lagen", format })}
              />
            </div>
            <SortTable
              caption="Abdeckung je Lage"
              captionHidden
              columns={groupColumns("Lage", "lageId")}
              rows={d.lagen.filter((l) => l.services > 0)}
              initialSort={{ key: "share", dir: "desc" }}
            />

            <ForecastSection
              scope={{}}
              title="Prognose für das Land bei aktuellem Tempo"
              current={berlinToday().slice(0, 7)}
            />

            <h2>Nach Art der Kommune</h2>
            <SortTable
              caption="Abdeckung nach Art der Kommune"
              captionHidden
              rows={d.kinds}
              columns={[
                {
                  key: "kind",
                  header: "Art",
                  cell: (r) => <A href={drillHref({ kind: r.kind })}>{kommuneKindLabels[r.kind]}</A>,
                },
                { key: "kommunen", header: "Kommunen", num: true, cell: (r) => formatCount(r.kommunen) },
                ...coverageColumns<Overview["kinds"][number]>((r) => ({ kind: r.kind })),
              ]}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
