// The OZG catalogue as the state maintains it: every service with its derived (or corrected) responsibility and the
// PMO's fields; filterable and paged; import of a newer catalogue.

import { A } from "@solidjs/router";
import { can, formatDateTime } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { codeOptions, FilterBar, SelectField, TextField, withAll } from "../../ui/Field.tsx";
import { PagedTable } from "../../ui/PagedTable.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { formatCount } from "../format.ts";
import {
  type KommuneKind,
  kommuneKindLabels,
  kommuneKinds,
  type ServicePriority,
  servicePriorities,
  servicePriorityLabels,
} from "../labels.ts";
import { catalogueFacetsQuery } from "../queries.ts";
import { Kpi, StateTabs } from "../ui.tsx";

const yesNo = (v: string) => (v === "" ? undefined : v === "ja");

export function kindsText(municipal: boolean, kinds: readonly string[]): string {
  if (!municipal) return "nicht kommunal";
  return kinds.map((k) => kommuneKindLabels[k as KommuneKind]).join(", ");
}

export function CataloguePage(props: { me: Me }) {
  const [search, setSearch] = createSignal("");
  const [themenfeld, setThemenfeld] = createSignal("");
  const [municipal, setMunicipal] = createSignal("");
  const [kind, setKind] = createSignal("");
  const [efa, setEfa] = createSignal("");
  const [priority, setPriority] = createSignal("");
  const [corrected, setCorrected] = createSignal("");
  const [page, setPage] = createSignal(1);
  const facets = useQuery(catalogueFacetsQuery);
  const filter = () => ({
    search: search() || undefined,
    themenfeldId: themenfeld() || undefined,
    municipal: yesNo(municipal()),
    kind: (kind() || undefined) as KommuneKind | undefined,
    efaAvailable: yesNo(efa()),
    priority: (priority() || undefined) as ServicePriority | undefined,
    corrected: yesNo(corrected()),
    page: page(),
    pageSize: 50,
  });
  const list = useQuery(() => ({
    queryKey: ["rollout.services", filter()],
    queryFn: () => trpc.rollout.services.query(filter()),
    placeholderData: keepPreviousData,
  }));
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const yesNoOptions = [
    { value: "", label: "alle" },
    { value: "ja", label: "ja" },
    { value: "nein", label: "nein" },
  ];
  return (
    <>
      <PageHeader
        title="OZG-Katalog"
        intro="Themenfelder, Lagen und OZG-Leistungen mit abgeleiteter Zuständigkeit und den Angaben des Landes-PMO."
        actions={
          <Show when={can(props.me.user.role, "rollout.importCatalogue")}>
            <A href="/land/katalog/import" class="button button-primary">
              Katalog importieren
            </A>
          </Show>
        }
      />
      <StateTabs me={props.me} />
      <Show when={facets.data}>
        {(f) => (
          <section class="kpis" aria-label="Katalog in Zahlen">
            <Kpi value={formatCount(f().stats.services)} label="OZG-Leistungen im Katalog" />
            <Kpi value={formatCount(f().stats.municipal)} label="mit kommunalem Vollzug" />
            <Kpi value={formatCount(f().stats.efa)} label="als EfA-Dienst angeboten" />
            <Kpi value={formatCount(f().stats.corrected)} label="Zuständigkeit vom PMO korrigiert" />
            <Kpi
              value={f().stats.updatedAt ? formatDateTime(f().stats.updatedAt!) : "–"}
              label="letzter Import"
            />
          </section>
        )}
      </Show>
      <FilterBar label="Katalog filtern">
        <TextField
          label="Suchen (Name oder OZG-ID)"
          maxLength={100}
          type="search"
          value={search()}
          onInput={(e) => reset(setSearch)(e.currentTarget.value)}
        />
        <SelectField
          label="Themenfeld"
          value={themenfeld()}
          onChange={(e) => reset(setThemenfeld)(e.currentTarget.value)}
          options={withAll((facets.data?.themenfelder ?? []).map((t) => ({ value: t.id, label: t.name })))}
        />
        <SelectField
          label="Kommunaler Vollzug"
          value={municipal()}
          onChange={(e) => reset(setMunicipal)(e.currentTarget.value)}
          options={yesNoOptions}
        />
        <SelectField
          label="Zuständig"
          value={kind()}
          onChange={(e) => reset(setKind)(e.currentTarget.value)}
          options={[{ value: "", label: "alle Arten" }, ...codeOptions(kommuneKinds, kommuneKindLabels)]}
        />
        <SelectField
          label="EfA-Dienst"
          value={efa()}
          onChange={(e) => reset(setEfa)(e.currentTarget.value)}
          options={yesNoOptions}
        />
        <SelectField
          label="Priorität"
          value={priority()}
          onChange={(e) => reset(setPriority)(e.currentTarget.value)}
          options={withAll(codeOptions(servicePriorities, servicePriorityLabels))}
        />
        <SelectField
          label="Korrigiert"
          value={corrected()}
          onChange={(e) => reset(setCorrected)(e.currentTarget.value)}
          options={yesNoOptions}
        />
      </FilterBar>
      <PagedTable
        query={list}
        empty={<EmptyState title="Keine Leistung für diese Auswahl." />}
        caption="OZG-Leistungen"
        head={
          <>
            <th scope="col">OZG-ID</th>
            <th scope="col">OZG-Leistung</th>
            <th scope="col">Themenfeld / Lage</th>
            <th scope="col">LeiKa-Typen</th>
            <th scope="col">Zuständig</th>
            <th scope="col">EfA</th>
            <th scope="col">Priorität</th>
          </>
        }
        row={(s) => (
          <tr>
            <td>{s.id}</td>
            <td>
              <A href={`/land/katalog/${s.id}`}>{s.name}</A>
            </td>
            <td>
              {s.themenfeld}
              <br />
              <span class="muted">{s.lage}</span>
            </td>
            <td>{s.leikaTypes.join(", ") || "–"}</td>
            <td>
              {kindsText(s.municipalExecution, s.responsibleKinds)}
              <Show when={s.overrideMunicipal !== null}>
                <br />
                <span class="muted">korrigiert</span>
              </Show>
            </td>
            <td>{s.efaAvailable ? `ja (${s.efaProvidingLand ?? "?"})` : "nein"}</td>
            <td>{s.priority ? servicePriorityLabels[s.priority as ServicePriority] : "–"}</td>
          </tr>
        )}
        onPage={setPage}
      />
    </>
  );
}
