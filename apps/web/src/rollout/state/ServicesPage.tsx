// Coverage per OZG-Leistung: share of the responsible Kommunen online, "flächendeckend" vs "in mindestens einer
// Kommune", filterable by Themenfeld and Lage, sortable; every count links to the records behind it.

import { A } from "@solidjs/router";
import { formatCountOf } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { FilterBar, SelectField, TextField, withAll } from "../../ui/Field.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { coverageColumns } from "../coverage-columns.tsx";
import { formatCount, formatShare } from "../format.ts";
import { catalogueFacetsQuery, coverageMatrixQuery } from "../queries.ts";
import { type Column, SortTable } from "../SortTable.tsx";
import { drillHref, StateTabs } from "../ui.tsx";

type Row = Awaited<ReturnType<typeof trpc.rollout.coverageByService.query>>[number];

const COVERAGE_FILTERS = [
  { value: "", label: "alle" },
  { value: "nationwide", label: "flächendeckend" },
  { value: "atLeastOne", label: "in mindestens einer Kommune, nicht flächendeckend" },
  { value: "none", label: "in keiner Kommune online" },
];

const columns: Column<Row>[] = [
  { key: "id", header: "OZG-ID", sort: (r) => Number(r.serviceId), cell: (r) => r.serviceId },
  {
    key: "name",
    header: "OZG-Leistung",
    sort: (r) => r.name,
    cell: (r) => <A href={drillHref({ serviceId: r.serviceId })}>{r.name}</A>,
  },
  { key: "themenfeld", header: "Themenfeld", sort: (r) => r.themenfeld, cell: (r) => r.themenfeld },
  {
    key: "efa",
    header: "EfA",
    sort: (r) => (r.efaAvailable ? 1 : 0),
    cell: (r) => (r.efaAvailable ? "ja" : "nein"),
  },
  ...coverageColumns<Row>(
    (r) => ({ serviceId: r.serviceId }),
    (r) => r.name,
  ),
  {
    key: "coverage",
    header: "Abdeckung",
    sort: (r) => (r.nationwide ? 2 : r.atLeastOne ? 1 : 0),
    cell: (r) => (r.nationwide ? "flächendeckend" : r.atLeastOne ? "mind. eine Kommune" : "keine"),
  },
  {
    key: "implementing",
    header: "in Umsetzung",
    num: true,
    sort: (r) => r.byStatus.implementing,
    cell: (r) => (
      <A href={drillHref({ serviceId: r.serviceId, status: "implementing" })}>
        {formatCount(r.byStatus.implementing)}
      </A>
    ),
  },
  {
    key: "not_started",
    header: "nicht begonnen",
    num: true,
    sort: (r) => r.byStatus.not_started,
    cell: (r) => (
      <A href={drillHref({ serviceId: r.serviceId, status: "not_started" })}>
        {formatCount(r.byStatus.not_started)}
      </A>
    ),
  },
  {
    key: "daysToOnline",
    header: "Median Tage bis online",
    num: true,
    sort: (r) => r.medianDaysToOnline,
    cell: (r) => formatCount(r.medianDaysToOnline),
  },
  {
    key: "daysImplementing",
    header: "Median Tage in Umsetzung",
    num: true,
    sort: (r) => r.medianDaysImplementing,
    cell: (r) => formatCount(r.medianDaysImplementing),
  },
];

export function ServicesPage(props: { me: Me }) {
  const [search, setSearch] = createSignal("");
  const [themenfeld, setThemenfeld] = createSignal("");
  const [lage, setLage] = createSignal("");
  const [coverage, setCoverage] = createSignal("");
  const facets = useQuery(catalogueFacetsQuery);
  const rows = useQuery(() => ({
    queryKey: ["rollout.coverageByService"],
    queryFn: () => trpc.rollout.coverageByService.query(),
  }));
  const filtered = createMemo(() => {
    const q = search().trim().toLowerCase();
    return (rows.data ?? []).filter(
      (r) =>
        (!q || r.name.toLowerCase().includes(q) || r.serviceId === q) &&
        (!themenfeld() || r.themenfeldId === themenfeld()) &&
        (!lage() || r.lageId === lage()) &&
        (coverage() === ""
          ? true
          : coverage() === "nationwide"
            ? r.nationwide
            : coverage() === "atLeastOne"
              ? r.atLeastOne && !r.nationwide
              : !r.atLeastOne),
    );
  });
  return (
    <>
      <PageHeader
        title="Abdeckung je Leistung"
        intro="Anteil der zuständigen Kommunen, in denen die Leistung online verfügbar ist. Flächendeckend = in allen zuständigen Kommunen."
      />
      <StateTabs me={props.me} />
      <FilterBar label="Leistungen filtern">
        <TextField
          label="Suchen (Name oder OZG-ID)"
          maxLength={100}
          type="search"
          value={search()}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <SelectField
          label="Themenfeld"
          value={themenfeld()}
          onChange={(e) => {
            setThemenfeld(e.currentTarget.value);
            setLage("");
          }}
          options={withAll((facets.data?.themenfelder ?? []).map((t) => ({ value: t.id, label: t.name })))}
        />
        <SelectField
          label="Lebens-/Unternehmenslage"
          value={lage()}
          onChange={(e) => setLage(e.currentTarget.value)}
          options={[
            { value: "", label: "alle" },
            ...(facets.data?.lagen ?? [])
              .filter((l) => !themenfeld() || l.themenfeldId === themenfeld())
              .map((l) => ({ value: l.id, label: l.name })),
          ]}
        />
        <SelectField
          label="Abdeckung"
          value={coverage()}
          onChange={(e) => setCoverage(e.currentTarget.value)}
          options={COVERAGE_FILTERS}
        />
      </FilterBar>
      <div class="section-head">
        <p class="muted" aria-live="polite">
          {formatCountOf(filtered().length, "Leistung", "Leistungen")}
        </p>
        <ExportButtons
          label="Abdeckung je Leistung"
          load={(format) => trpc.rollout.exportState.query({ table: "services", format })}
        />
      </div>
      <QueryView
        query={rows}
        isEmpty={() => filtered().length === 0}
        empty={<EmptyState title="Keine Leistung für diese Auswahl." />}
      >
        {() => (
          <SortTable
            caption="Abdeckung je Leistung"
            captionHidden
            columns={columns}
            rows={filtered()}
            initialSort={{ key: "share", dir: "desc" }}
            pageSize={50}
          />
        )}
      </QueryView>
      <CoverageMatrix />
    </>
  );
}

/**
 * Kreise × the services of one Themenfeld: the share online per cell, each cell leading to its entries. Answers "how
 * far is service X in Landkreis Y?" without a filter to set.
 */
function CoverageMatrix() {
  const facets = useQuery(catalogueFacetsQuery);
  const [themenfeld, setThemenfeld] = createSignal("");
  const chosen = () => themenfeld() || facets.data?.themenfelder[0]?.id || "";
  const matrix = useQuery(() => coverageMatrixQuery(chosen()));
  return (
    <section class="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">Abdeckung je Kreis und Leistung</h2>
      <FilterBar label="Themenfeld der Matrix">
        <SelectField
          label="Themenfeld"
          value={chosen()}
          onChange={(e) => setThemenfeld(e.currentTarget.value)}
          options={(facets.data?.themenfelder ?? []).map((t) => ({ value: t.id, label: t.name }))}
        />
      </FilterBar>
      <QueryView
        query={matrix}
        loadingLabel="Matrix wird geladen …"
        isEmpty={(m) => m.services.length === 0}
        empty={<EmptyState title="In diesem Themenfeld gibt es keine kommunalen Leistungen." />}
      >
        {(m) => (
          <TableScroll>
            <table class="table coverage-matrix">
              <caption>
                Anteil online je Kreis (zuständige Kommunen des Kreises) für die Leistungen des Themenfelds;
                jede Zelle führt zu ihren Einträgen
              </caption>
              <thead>
                <tr>
                  <th scope="col">Leistung</th>
                  <For each={m.kreise}>{(k) => <th scope="col">{k.name}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={m.services}>
                  {(sv) => (
                    <tr>
                      <th scope="row">{sv.name}</th>
                      <For each={m.kreise}>
                        {(k) => {
                          const cell = sv.cells[k.kreisAgs];
                          return (
                            <td class="num">
                              <Show when={cell && cell.relevant > 0} fallback="–">
                                <A href={drillHref({ serviceId: sv.serviceId, kreisAgs: k.kreisAgs })}>
                                  {formatShare(cell!.online / cell!.relevant, 0)}
                                  <span class="visually-hidden">
                                    {` – ${sv.name} in ${k.name}: ${formatCount(cell!.online)} von ${formatCount(cell!.relevant)} online`}
                                  </span>
                                </A>
                              </Show>
                            </td>
                          );
                        }}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </section>
  );
}
