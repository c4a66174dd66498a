// A Kommune's rollout board: its progress against the Land average (aggregates only, no other Kommune's name), the
// offered EfA services it has not started, all its responsible services with status, and bulk changes.

import { A } from "@solidjs/router";
import { can, formatDate, formatDateTime } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { Chart } from "../../ui/charts/Chart.tsx";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { codeOptions, FilterBar, SelectField, TextField, withAll } from "../../ui/Field.tsx";
import { forecastRange } from "../../ui/forecast-text.ts";
import { OverdueBadge } from "../../ui/OverdueBadge.tsx";
import { PagedTable } from "../../ui/PagedTable.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { formatCount, formatShare } from "../format.ts";
import {
  type ReuseRoute,
  type RolloutStatus,
  reuseRouteLabels,
  reuseRoutes,
  rolloutStatuses,
  rolloutStatusLabels,
  type ServicePriority,
  servicePriorityLabels,
} from "../labels.ts";
import { catalogueFacetsQuery } from "../queries.ts";
import { SortTable } from "../SortTable.tsx";
import { Kpi, StatusBadge } from "../ui.tsx";
import { BulkForm } from "./BulkForm.tsx";

type Summary = Awaited<ReturnType<typeof trpc.rollout.kommuneSummary.query>>;

const TARGET_LABELS: Record<string, string> = {
  "0.5": "die Hälfte",
  "0.8": "80 %",
  "1": "alle",
};

function SummarySection(props: { me: Me; summary: Summary }) {
  const s = () => props.summary;
  const bars = () => {
    const rows: { label: string; share: number | null }[] = [
      { label: props.me.tenant.name, share: s().own.share },
    ];
    if (s().land?.peer)
      rows.push({
        label: `Durchschnitt ${s().kindLabel} (${s().land!.peer!.kommunen})`,
        share: s().land!.peer!.share,
      });
    if (s().land)
      rows.push({ label: `Land Sachsen-Anhalt (${s().land!.kommunen} Kommunen)`, share: s().land!.share });
    return rows;
  };
  return (
    <>
      <section class="kpis" aria-label="Stand Ihrer Kommune">
        <Kpi
          value={formatShare(s().own.share)}
          label={`Ihrer ${formatCount(s().own.relevant)} zuständigen Leistungen online`}
        />
        <Kpi value={formatCount(s().own.online)} label="online verfügbar" />
        <Kpi value={formatCount(s().own.implementing)} label="in Umsetzung" />
        <Kpi value={formatCount(s().own.planning)} label="in Planung" />
        <Kpi value={formatCount(s().own.not_started)} label="nicht begonnen" />
      </section>
      <Chart
        heading={2}
        title="Ihr Stand im Vergleich"
        summary={`Balkendiagramm: Anteil online – ${bars()
          .map((b) => `${b.label} ${formatShare(b.share)}`)
          .join(", ")}.`}
        option={{
          grid: { left: 8, right: 48, top: 8, bottom: 8 },
          xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } },
          yAxis: { type: "category", inverse: true, data: bars().map((b) => b.label) },
          series: [
            {
              type: "bar",
              itemStyle: { color: "#0072B2" },
              label: {
                show: true,
                position: "right",
                formatter: (p: { value: number }) => `${formatShare(p.value / 100)}`,
              },
              data: bars().map((b) => (b.share === null ? 0 : Math.round(b.share * 1000) / 10)),
            },
          ],
        }}
        table={
          <table class="table">
            <caption class="visually-hidden">Anteil online im Vergleich</caption>
            <thead>
              <tr>
                <th scope="col">Vergleich</th>
                <th scope="col" class="num">
                  Anteil online
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={bars()}>
                {(b) => (
                  <tr>
                    <td>{b.label}</td>
                    <td class="num">{formatShare(b.share)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        }
      />
      <Show when={s().land} fallback={<p class="muted">Der Landesdurchschnitt wird noch berechnet.</p>}>
        {(land) => (
          <p class="muted">
            Landesdurchschnitt: nur Summen über alle Kommunen, alle 10 Minuten neu berechnet; zuletzt geändert
            am {formatDateTime(land().computedAt)}.
            {land().peer
              ? ""
              : " Für Ihre Art von Kommune gibt es zu wenige Kommunen für einen eigenen Durchschnitt."}
          </p>
        )}
      </Show>
      <section aria-labelledby="own-forecast">
        <h2 id="own-forecast">Prognose bei Ihrem aktuellen Tempo</h2>
        <Show
          when={s().own.relevant > 0}
          fallback={<p>Ihre Kommune ist für keine Leistung zuständig – keine Prognose.</p>}
        >
          <p>
            {formatCount(s().forecast.paces[0]!.perMonth * 6)} Ihrer Leistungen sind in den letzten 6 Monaten
            online gegangen, {formatCount(s().forecast.paces[1]!.perMonth * 12)} in den letzten 12 Monaten. In
            diesem Tempo sind Ihre offenen Leistungen online:
          </p>
          <dl class="facts forecast-facts">
            <For each={s().forecast.targets}>
              {(t) => (
                <>
                  <dt>{TARGET_LABELS[String(t.target)] ?? formatShare(t.target)}</dt>
                  <dd>{forecastRange(t)}</dd>
                </>
              )}
            </For>
          </dl>
        </Show>
      </section>
      <h2>Angebotene EfA-Dienste, die Sie noch nicht begonnen haben</h2>
      <Show
        when={s().efaNotStarted.length > 0}
        fallback={<EmptyState title="Alle angebotenen EfA-Dienste sind bei Ihnen begonnen." />}
      >
        <SortTable
          caption="Angebotene EfA-Dienste, noch nicht begonnen"
          captionHidden
          pageSize={10}
          rows={s().efaNotStarted}
          columns={[
            {
              key: "name",
              header: "OZG-Leistung",
              sort: (r) => r.name,
              cell: (r) => <A href={`/rollout/${r.serviceId}`}>{r.name}</A>,
            },
            { key: "themenfeld", header: "Themenfeld", sort: (r) => r.themenfeld, cell: (r) => r.themenfeld },
            {
              key: "land",
              header: "Bereitgestellt von",
              sort: (r) => r.efaProvidingLand,
              cell: (r) => r.efaProvidingLand ?? "–",
            },
            { key: "since", header: "seit", sort: (r) => r.efaSince, cell: (r) => formatDate(r.efaSince) },
            {
              key: "priority",
              header: "Priorität",
              sort: (r) => (r.priority === "ozg_booster" ? 0 : 1),
              cell: (r) => (r.priority ? servicePriorityLabels[r.priority as ServicePriority] : "–"),
            },
            {
              key: "land-online",
              header: "in Kommunen online",
              num: true,
              sort: (r) => (r.landRelevant ? r.landOnline / r.landRelevant : 0),
              cell: (r) => `${formatCount(r.landOnline)} von ${formatCount(r.landRelevant)}`,
            },
          ]}
        />
      </Show>
    </>
  );
}

export function BoardPage(props: { me: Me }) {
  const [search, setSearch] = createSignal("");
  const [themenfeld, setThemenfeld] = createSignal("");
  const [status, setStatus] = createSignal("");
  const [route, setRoute] = createSignal("");
  const [overdue, setOverdue] = createSignal(false);
  const [sort, setSort] = createSignal<"service" | "status" | "plannedOnline" | "updated">("service");
  const [page, setPage] = createSignal(1);
  const summary = useQuery(() => ({
    queryKey: ["rollout.kommuneSummary"],
    queryFn: () => trpc.rollout.kommuneSummary.query(),
  }));
  const facets = useQuery(catalogueFacetsQuery);
  const filter = () => ({
    search: search() || undefined,
    themenfeldId: themenfeld() || undefined,
    status: (status() || undefined) as RolloutStatus | undefined,
    reuseRoute: (route() || undefined) as ReuseRoute | undefined,
    overdue: overdue() || undefined,
  });
  const board = useQuery(() => ({
    queryKey: ["rollout.board", filter(), sort(), page()],
    queryFn: () => trpc.rollout.board.query({ ...filter(), sort: sort(), page: page(), pageSize: 25 }),
    placeholderData: keepPreviousData,
  }));
  const resetting = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title="Rollout der Onlinedienste"
        intro={`${props.me.tenant.name}: Stand der OZG-/EfA-Onlinedienste, für die Ihre Kommune zuständig ist.`}
      />
      <QueryView query={summary} loadingLabel="Stand wird geladen …">
        {(s) => <SummarySection me={props.me} summary={s} />}
      </QueryView>

      <div class="section-head">
        <h2>Alle zuständigen Leistungen</h2>
        <ExportButtons
          label="Rollout-Übersicht"
          load={(format) => trpc.rollout.exportBoard.query({ format, filter: filter() })}
        />
      </div>
      <FilterBar label="Leistungen filtern">
        <TextField
          label="Suchen (Name oder OZG-ID)"
          maxLength={100}
          type="search"
          value={search()}
          onInput={(e) => resetting(setSearch)(e.currentTarget.value)}
        />
        <SelectField
          label="Themenfeld"
          value={themenfeld()}
          onChange={(e) => resetting(setThemenfeld)(e.currentTarget.value)}
          options={withAll((facets.data?.themenfelder ?? []).map((t) => ({ value: t.id, label: t.name })))}
        />
        <SelectField
          label="Status"
          value={status()}
          onChange={(e) => resetting(setStatus)(e.currentTarget.value)}
          options={withAll(codeOptions(rolloutStatuses, rolloutStatusLabels))}
        />
        <SelectField
          label="Nachnutzungsweg"
          value={route()}
          onChange={(e) => resetting(setRoute)(e.currentTarget.value)}
          options={withAll(codeOptions(reuseRoutes, reuseRouteLabels))}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={overdue()}
            onChange={(e) => {
              setOverdue(e.currentTarget.checked);
              setPage(1);
            }}
          />
          nur überfällige Go-lives
        </label>
        <SelectField
          label="Sortierung"
          value={sort()}
          onChange={(e) => {
            setSort(e.currentTarget.value as "service");
            setPage(1);
          }}
          options={[
            { value: "service", label: "Katalogreihenfolge" },
            { value: "status", label: "Status" },
            { value: "plannedOnline", label: "geplanter Go-live" },
            { value: "updated", label: "zuletzt geändert" },
          ]}
        />
      </FilterBar>
      <PagedTable
        query={board}
        empty={<EmptyState title="Keine Leistung für diese Auswahl." />}
        caption="Zuständige Leistungen"
        head={
          <>
            <th scope="col">OZG-Leistung</th>
            <th scope="col">Themenfeld</th>
            <th scope="col">Status</th>
            <th scope="col">Nachnutzungsweg</th>
            <th scope="col">geplanter Go-live</th>
            <th scope="col">EfA</th>
            <th scope="col" class="num">
              Kommentare
            </th>
          </>
        }
        row={(r) => (
          <tr>
            <td>
              <A href={`/rollout/${r.serviceId}`}>{r.name}</A> <span class="muted">({r.serviceId})</span>
              <Show when={!r.responsible}>
                <br />
                <span class="muted">laut Katalog nicht (mehr) zuständig</span>
              </Show>
            </td>
            <td>{r.themenfeld}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.reuseRoute ? reuseRouteLabels[r.reuseRoute as ReuseRoute] : "–"}</td>
            <td>
              {formatDate(r.plannedOnline)}
              <OverdueBadge when={r.overdue} />
            </td>
            <td>{r.efaAvailable ? `ja (${r.efaProvidingLand ?? "?"})` : "nein"}</td>
            <td class="num">{formatCount(r.comments)}</td>
          </tr>
        )}
        onPage={setPage}
      />
      <Show when={can(props.me.user.role, "rollout.bulkUpdate")}>
        <BulkForm themenfelder={facets.data?.themenfelder ?? []} />
      </Show>
    </>
  );
}
