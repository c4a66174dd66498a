// All measures of the Kommune: filterable, paged, and (for editors) a bulk status change that changes all selected
// measures or none.
import { A } from "@solidjs/router";
import {
  berlinToday,
  can,
  formatCountOf,
  formatDate,
  isMeasureOverdue,
  MEASURE_SORT_LABELS,
  MEASURE_SORTS,
  MEASURE_STATUS_LABELS,
  MEASURE_STATUSES,
  type MeasureSort,
  type MeasureStatus,
} from "@spatz/domain";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { fieldErrors, trpc } from "../lib/trpc.ts";
import { modelQuery, orgUnitOptions, orgUnitsQuery, useRefreshMeasures } from "../maturity/queries.ts";
import { codeOptions, FilterBar, Form, SelectField, TextField, withAll } from "../ui/Field.tsx";
import { OverdueBadge } from "../ui/OverdueBadge.tsx";
import { PagedTable } from "../ui/PagedTable.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { canCreateMeasures, canEditMeasure } from "./permissions.ts";

export function MeasureListPage(props: { me: Me }) {
  const model = useQuery(modelQuery);
  const units = useQuery(orgUnitsQuery);
  const refresh = useRefreshMeasures();
  const [search, setSearch] = createSignal("");
  const [status, setStatus] = createSignal<MeasureStatus | "">("");
  const [dimension, setDimension] = createSignal("");
  const [unit, setUnit] = createSignal("");
  const [mine, setMine] = createSignal(props.me.user.role === "project_lead");
  const [overdue, setOverdue] = createSignal(false);
  const [sort, setSort] = createSignal<MeasureSort>("attention");
  const [page, setPage] = createSignal(1);
  const [selected, setSelected] = createSignal<string[]>([]);
  const filter = () => ({
    search: search() || undefined,
    statuses: status() ? [status() as MeasureStatus] : undefined,
    dimensionKey: dimension() || undefined,
    orgUnitId: unit() || undefined,
    responsible: mine() ? ("me" as const) : undefined,
    overdue: overdue() || undefined,
    sort: sort(),
    page: page(),
    pageSize: 25,
  });
  const list = useQuery(() => ({
    queryKey: ["measures.list", filter()],
    queryFn: () => trpc.measures.list.query(filter()),
    placeholderData: keepPreviousData,
  }));
  const reset = () => {
    setPage(1);
    setSelected([]);
  };
  const dimensionOf = createMemo(() => {
    const map = new Map<string, string>();
    for (const d of model.data?.model.dimensions ?? [])
      for (const l of d.levels) for (const c of l.criteria) map.set(c.key, d.name);
    return map;
  });
  const bulkAllowed = () => can(props.me.user.role, "measures.bulkSetStatus");
  return (
    <>
      <PageHeader
        title="Maßnahmen"
        intro="Abgeschlossene Maßnahmen mit Nachweis erfüllen Kriterien des Reifegradmodells."
        actions={
          <>
            <A href="/massnahmen/board" class="button">
              Board
            </A>
            <Show when={canCreateMeasures(props.me)}>
              <A href="/massnahmen/neu" class="button button-primary">
                Neue Maßnahme
              </A>
            </Show>
          </>
        }
      />
      <FilterBar label="Maßnahmen filtern">
        <TextField
          label="Suchen"
          maxLength={100}
          type="search"
          value={search()}
          onInput={(e) => {
            setSearch(e.currentTarget.value);
            reset();
          }}
        />
        <SelectField
          label="Status"
          options={withAll(codeOptions(MEASURE_STATUSES, MEASURE_STATUS_LABELS))}
          value={status()}
          onChange={(e) => {
            setStatus(e.currentTarget.value as MeasureStatus | "");
            reset();
          }}
        />
        <SelectField
          label="Sortierung"
          options={codeOptions(MEASURE_SORTS, MEASURE_SORT_LABELS)}
          value={sort()}
          onChange={(e) => {
            setSort(e.currentTarget.value as MeasureSort);
            reset();
          }}
        />
        <SelectField
          label="Dimension"
          options={withAll(
            (model.data?.model.dimensions ?? []).map((d) => ({ value: d.key, label: d.name })),
          )}
          value={dimension()}
          onChange={(e) => {
            setDimension(e.currentTarget.value);
            reset();
          }}
        />
        <SelectField
          label="Organisationseinheit"
          options={withAll(orgUnitOptions(units.data ?? []))}
          value={unit()}
          onChange={(e) => {
            setUnit(e.currentTarget.value);
            reset();
          }}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={mine()}
            onChange={(e) => {
              setMine(e.currentTarget.checked);
              reset();
            }}
          />{" "}
          nur meine
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={overdue()}
            onChange={(e) => {
              setOverdue(e.currentTarget.checked);
              reset();
            }}
          />{" "}
          nur überfällige
        </label>
      </FilterBar>
      <Show when={bulkAllowed()}>
        <BulkBar
          selected={selected()}
          onDone={async () => {
            setSelected([]);
            await refresh();
          }}
        />
      </Show>
      <PagedTable
        query={list}
        empty={<EmptyState title="Keine Maßnahmen für diese Auswahl." />}
        caption="Maßnahmen"
        head={
          <>
            <Show when={bulkAllowed()}>
              <th scope="col">
                <span class="visually-hidden">Auswahl</span>
              </th>
            </Show>
            <th scope="col">Titel</th>
            <th scope="col">Status</th>
            <th scope="col">Dimension</th>
            <th scope="col">Bereich</th>
            <th scope="col">Verantwortlich</th>
            <th scope="col">Geplantes Ende</th>
            <th scope="col">Abgeschlossen am</th>
          </>
        }
        row={(m) => (
          <tr>
            <Show when={bulkAllowed()}>
              <td>
                <Show when={canEditMeasure(props.me, m)}>
                  <input
                    type="checkbox"
                    aria-label={`${m.title} auswählen`}
                    checked={selected().includes(m.id)}
                    onChange={(e) =>
                      setSelected(
                        e.currentTarget.checked
                          ? [...selected(), m.id]
                          : selected().filter((id) => id !== m.id),
                      )
                    }
                  />
                </Show>
              </td>
            </Show>
            <td>
              <A href={`/massnahmen/${m.id}`}>{m.title}</A>
            </td>
            <td>
              <span class={`badge status-${m.status}`}>{MEASURE_STATUS_LABELS[m.status]}</span>
              <OverdueBadge when={isMeasureOverdue(m, berlinToday())} />
            </td>
            <td>{[...new Set(m.criterionKeys.map((k) => dimensionOf().get(k) ?? "–"))].join(", ")}</td>
            <td>{m.orgUnitCode ?? "gesamt"}</td>
            <td>{m.responsibleName ?? "–"}</td>
            <td>{formatDate(m.plannedEnd)}</td>
            <td>{formatDate(m.completedOn)}</td>
          </tr>
        )}
        onPage={(p) => {
          setPage(p);
          setSelected([]);
        }}
      />
    </>
  );
}

function BulkBar(props: { selected: string[]; onDone: () => void }) {
  const [status, setStatus] = createSignal<MeasureStatus>("in_progress");
  const [date, setDate] = createSignal(berlinToday());
  const [evidence, setEvidence] = createSignal("");
  const bulk = useMutation(() => ({
    mutationFn: () =>
      trpc.measures.bulkSetStatus.mutate({
        ids: props.selected,
        status: status(),
        completedOn: status() === "completed" ? date() || null : null,
        evidenceText: status() === "completed" ? evidence() || null : null,
      }),
    onSuccess: () => props.onDone(),
  }));
  const errors = () => fieldErrors(bulk.error);
  return (
    <section class="card bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Status mehrerer Maßnahmen ändern</h2>
      <Form class="form form-inline" onSubmit={() => bulk.mutate()}>
        <p aria-live="polite">{props.selected.length} ausgewählt</p>
        <SelectField
          label="Neuer Status"
          options={codeOptions(MEASURE_STATUSES, MEASURE_STATUS_LABELS)}
          value={status()}
          onChange={(e) => setStatus(e.currentTarget.value as MeasureStatus)}
        />
        <Show when={status() === "completed"}>
          <TextField
            label="Abschlussdatum"
            type="date"
            value={date()}
            onInput={(e) => setDate(e.currentTarget.value)}
            error={errors().completedOn}
          />
          <TextField
            label="Nachweis (für Maßnahmen ohne eigenen)"
            value={evidence()}
            onInput={(e) => setEvidence(e.currentTarget.value)}
            error={errors().evidenceText}
          />
        </Show>
        <button
          type="submit"
          class="button button-primary"
          disabled={props.selected.length === 0 || bulk.isPending}
        >
          Status ändern
        </button>
      </Form>
      <MutationResult mutation={bulk} />
      <Show when={bulk.data}>
        {(r) => (
          <Alert kind="success">
            <p>
              {formatCountOf(r().changed, "Maßnahme", "Maßnahmen")} geändert
              {r().unchanged > 0 ? `, ${r().unchanged} hatten den Status schon` : ""}.
            </p>
          </Alert>
        )}
      </Show>
    </section>
  );
}
