// The records behind any figure of the dashboards, by Kommune name (the state's programme). The filter comes from the
// link that led here (query string) and can be narrowed or cleared; pairs without a record show "nicht begonnen".

import { A, useSearchParams } from "@solidjs/router";
import { formatCountOf, formatDate, formatDateTime } from "@spatz/domain";
import { stepDate } from "@spatz/rollout";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { codeOptions, FilterBar, SelectField, withAll } from "../../ui/Field.tsx";
import { OverdueBadge } from "../../ui/OverdueBadge.tsx";
import { PagedTable } from "../../ui/PagedTable.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { TypeAheadField } from "../../ui/TypeAheadField.tsx";
import { formatMonth } from "../format.ts";
import {
  type KommuneKind,
  kommuneKindLabels,
  type ReuseRoute,
  type RolloutStatus,
  reuseRouteLabels,
  reuseRoutes,
  rolloutStatuses,
  rolloutStatusLabels,
} from "../labels.ts";
import { catalogueFacetsQuery } from "../queries.ts";
import { StateTabs, StatusBadge } from "../ui.tsx";

const KEYS = [
  "serviceId",
  "themenfeldId",
  "lageId",
  "kreisAgs",
  "kommuneId",
  "kind",
  "status",
  "reuseRoute",
  "stuckMonths",
  "overdue",
  "month",
  "monthKind",
] as const;

export function DrilldownPage(props: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const str = (k: string) => {
    const v = params[k];
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const page = () => Number(str("page") ?? 1) || 1;
  const filter = () => ({
    serviceId: str("serviceId"),
    themenfeldId: str("themenfeldId"),
    lageId: str("lageId"),
    kreisAgs: str("kreisAgs"),
    kommuneId: str("kommuneId"),
    kind: str("kind") as KommuneKind | undefined,
    status: str("status") as RolloutStatus | undefined,
    reuseRoute: str("reuseRoute") as ReuseRoute | undefined,
    stuckMonths: str("stuckMonths") ? Number(str("stuckMonths")) : undefined,
    overdue: str("overdue") === "ja" ? true : undefined,
    month: str("month"),
    monthKind: str("monthKind") as "actual" | "planned" | undefined,
  });
  const options = useQuery(() => ({
    queryKey: ["rollout.drilldownOptions"],
    queryFn: () => trpc.rollout.drilldownOptions.query(),
    staleTime: 5 * 60_000,
  }));
  const facets = useQuery(catalogueFacetsQuery);
  const list = useQuery(() => ({
    queryKey: ["rollout.drilldown", filter(), page()],
    queryFn: () => trpc.rollout.drilldown.query({ ...filter(), page: page(), pageSize: 50 }),
    placeholderData: keepPreviousData,
  }));
  const chips = () => {
    const f = filter();
    const first = list.data?.items[0];
    const out: { key: string; text: string }[] = [];
    if (f.serviceId)
      out.push({ key: "serviceId", text: `Leistung: ${first?.service ?? f.serviceId} (${f.serviceId})` });
    if (f.themenfeldId)
      out.push({
        key: "themenfeldId",
        text: `Themenfeld: ${facets.data?.themenfelder.find((t) => t.id === f.themenfeldId)?.name ?? f.themenfeldId}`,
      });
    if (f.lageId)
      out.push({
        key: "lageId",
        text: `Lage: ${facets.data?.lagen.find((l) => l.id === f.lageId)?.name ?? f.lageId}`,
      });
    if (f.kreisAgs !== undefined)
      out.push({ key: "kreisAgs", text: `Kreis: ${first?.kreisName || f.kreisAgs}` });
    if (f.kommuneId)
      out.push({
        key: "kommuneId",
        text: `Kommune: ${options.data?.kommunen.find((k) => k.id === f.kommuneId)?.name ?? first?.kommune ?? "…"}`,
      });
    if (f.kind) out.push({ key: "kind", text: `Art: ${kommuneKindLabels[f.kind]}` });
    if (f.stuckMonths)
      out.push({ key: "stuckMonths", text: `seit mehr als ${f.stuckMonths} Monaten in Umsetzung` });
    if (f.reuseRoute)
      out.push({ key: "reuseRoute", text: `Nachnutzungsweg: ${reuseRouteLabels[f.reuseRoute]}` });
    if (f.overdue) out.push({ key: "overdue", text: "nur überfällige Go-lives" });
    if (f.month)
      out.push({
        key: "month",
        text: `${f.monthKind === "planned" ? "geplanter" : "tatsächlicher"} Go-live im ${formatMonth(f.month)}`,
      });
    return out;
  };
  const clear = (key: string) =>
    setParams({ [key]: undefined, ...(key === "month" ? { monthKind: undefined } : {}), page: undefined });
  return (
    <>
      <PageHeader
        title="Einträge der Kommunen"
        intro="Die Rollout-Einträge hinter den Zahlen, mit dem Namen der Kommune."
      />
      <StateTabs me={props.me} />
      <FilterBar label="Einträge filtern">
        <SelectField
          label="Kreis"
          value={filter().kreisAgs ?? ""}
          onChange={(e) => setParams({ kreisAgs: e.currentTarget.value || undefined, page: undefined })}
          options={withAll((options.data?.kreise ?? []).map((k) => ({ value: k.kreisAgs, label: k.name })))}
        />
        <TypeAheadField
          label="Kommune"
          hint="Namen tippen und aus der Liste wählen"
          value={filter().kommuneId}
          options={(options.data?.kommunen ?? []).map((k) => ({
            value: k.id,
            label: k.kreisName && k.kreisName !== k.name ? `${k.name} (${k.kreisName})` : k.name,
          }))}
          onChoose={(id) => setParams({ kommuneId: id, page: undefined })}
        />
        <TypeAheadField
          label="Leistung"
          hint="Namen tippen und aus der Liste wählen"
          value={filter().serviceId}
          options={(options.data?.services ?? []).map((sv) => ({
            value: sv.id,
            label: `${sv.name} (${sv.id})`,
          }))}
          onChoose={(id) => setParams({ serviceId: id, page: undefined })}
        />
        <SelectField
          label="Themenfeld"
          value={filter().themenfeldId ?? ""}
          onChange={(e) => setParams({ themenfeldId: e.currentTarget.value || undefined, page: undefined })}
          options={withAll((facets.data?.themenfelder ?? []).map((t) => ({ value: t.id, label: t.name })))}
        />
        <SelectField
          label="Status"
          value={filter().status ?? ""}
          onChange={(e) => setParams({ status: e.currentTarget.value || undefined, page: undefined })}
          options={withAll(codeOptions(rolloutStatuses, rolloutStatusLabels))}
        />
        <SelectField
          label="Nachnutzungsweg"
          value={filter().reuseRoute ?? ""}
          onChange={(e) => setParams({ reuseRoute: e.currentTarget.value || undefined, page: undefined })}
          options={withAll(codeOptions(reuseRoutes, reuseRouteLabels))}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={filter().overdue === true}
            onChange={(e) =>
              setParams({ overdue: e.currentTarget.checked ? "ja" : undefined, page: undefined })
            }
          />
          nur überfällige Go-lives
        </label>
        <Show when={KEYS.some((k) => k !== "status" && str(k) !== undefined)}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => setParams(Object.fromEntries([...KEYS, "page"].map((k) => [k, undefined])))}
          >
            Alle Filter entfernen
          </button>
        </Show>
      </FilterBar>
      <Show when={chips().length > 0}>
        <ul class="filter-chips" aria-label="Aktive Filter">
          <For each={chips()}>
            {(c) => (
              <li>
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() => clear(c.key)}
                  aria-label={`Filter entfernen: ${c.text}`}
                >
                  {c.text} ✕
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="section-head">
        <p class="muted" aria-live="polite">
          {list.data ? formatCountOf(list.data.total, "Eintrag", "Einträge") : ""}
        </p>
        <ExportButtons
          label="Einträge"
          load={(format) =>
            trpc.rollout.exportState.query({ table: "drilldown", format, drilldown: filter() })
          }
        />
      </div>
      <PagedTable
        query={list}
        empty={<EmptyState title="Keine Einträge für diese Auswahl." />}
        caption="Einträge der Kommunen"
        head={
          <>
            <th scope="col">Kommune</th>
            <th scope="col">OZG-Leistung</th>
            <th scope="col">Status (seit)</th>
            <th scope="col">Nachnutzungsweg</th>
            <th scope="col">geplanter Go-live</th>
            <th scope="col">Fachverfahren</th>
            <th scope="col">zuletzt geändert</th>
          </>
        }
        row={(r) => (
          <tr>
            <td>
              <A href={`/land/rollout/eintraege/${r.kommuneId}/${r.serviceId}`}>{r.kommune}</A>
              <br />
              <span class="muted">
                {kommuneKindLabels[r.kind]}
                {r.kreisName ? ` · ${r.kreisName}` : ""}
              </span>
            </td>
            <td>
              {r.service} <span class="muted">({r.serviceId})</span>
            </td>
            <td>
              <StatusBadge status={r.status} />
              {/* The date in the status cell: one column less, so the table fits a 1366-px screen. */}
              <Show when={stepDate(r, r.status)}>
                {(since) => <span class="muted nowrap"> seit {formatDate(since())}</span>}
              </Show>
            </td>
            <td>{r.reuseRoute ? reuseRouteLabels[r.reuseRoute as ReuseRoute] : "–"}</td>
            <td>
              {formatDate(r.plannedOnline)}
              <OverdueBadge when={r.overdue} />
            </td>
            <td>
              {r.fachverfahren ?? "–"}
              {r.interfaceNeeded ? " (Schnittstelle)" : ""}
            </td>
            <td>{r.updatedAt ? formatDateTime(r.updatedAt) : "–"}</td>
          </tr>
        )}
        onPage={(p) => setParams({ page: p === 1 ? undefined : String(p) })}
      />
    </>
  );
}
