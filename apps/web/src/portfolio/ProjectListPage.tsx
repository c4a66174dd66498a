// The portfolio list: search and filters (GB, R, status, year, method, lead), sorting, paging, saved filters and
// the export of exactly what is filtered.
import { A } from "@solidjs/router";
import {
  AMPEL_LABELS,
  can,
  formatCountOf,
  formatDate,
  PROJECT_SORT_LABELS,
  PROJECT_SORTS,
  type ProjectFilter,
  type ProjectSort,
  projectMethodLabels,
} from "@spatz/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { codeOptions, Form, SelectField, TextField } from "../ui/Field.tsx";
import { PagedTable } from "../ui/PagedTable.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import {
  FilterForm,
  money,
  PortfolioNav,
  StatusBadge,
  useFilterOptions,
  useProjectFilter,
} from "./common.tsx";
import { AmpelBadge } from "./Steering.tsx";

const PAGE_SIZE = 25;

export function ProjectListPage(props: { me: Me }) {
  const f = useProjectFilter();
  const options = useFilterOptions();
  const sort = () =>
    ((PROJECT_SORTS as readonly string[]).includes(String(f.params.sort))
      ? f.params.sort
      : "start") as ProjectSort;
  const dir = () => (f.params.dir === "desc" ? "desc" : "asc") as "asc" | "desc";
  const page = () => Math.max(1, Number(f.params.page) || 1);
  const input = () => ({ filter: f.filter(), sort: sort(), dir: dir(), page: page(), pageSize: PAGE_SIZE });
  const list = useQuery(() => ({
    queryKey: ["portfolio.list", input()],
    queryFn: () => trpc.portfolio.list.query(input()),
    placeholderData: keepPreviousData,
  }));
  const sortBy = (key: ProjectSort) =>
    f.setParams({ sort: key, dir: sort() === key && dir() === "asc" ? "desc" : "asc", page: undefined });
  const ariaSort = (key: ProjectSort) =>
    sort() === key ? (dir() === "asc" ? "ascending" : "descending") : undefined;
  const SortHeader = (p: { key: ProjectSort; label?: string; class?: string }) => (
    <th scope="col" aria-sort={ariaSort(p.key)} class={p.class}>
      <button type="button" class="sort-button" onClick={() => sortBy(p.key)}>
        {p.label ?? PROJECT_SORT_LABELS[p.key]}
        <span aria-hidden="true">{sort() === p.key ? (dir() === "asc" ? " ▲" : " ▼") : ""}</span>
      </button>
    </th>
  );
  return (
    <>
      <PageHeader
        title="Projektportfolio"
        intro={`Alle Projekte von ${props.me.tenant.name}.`}
        actions={
          <Show when={can(props.me.user.role, "portfolio.create")}>
            <A href="/portfolio/projekte/neu" class="button button-primary">
              Projekt anlegen
            </A>
          </Show>
        }
      />
      <PortfolioNav me={props.me} />
      <FilterForm
        me={props.me}
        label="Projekte filtern"
        filter={f.filter()}
        options={options.data}
        onChange={(patch) => f.update(patch)}
      />
      <SavedFilters current={f.filter()} onApply={(filter) => f.replace(filter)} />
      <div class="toolbar">
        <SelectField
          label="Sortieren nach"
          value={sort()}
          options={codeOptions(PROJECT_SORTS, PROJECT_SORT_LABELS)}
          onChange={(e) => f.setParams({ sort: e.currentTarget.value, page: undefined })}
        />
        <SelectField
          label="Reihenfolge"
          value={dir()}
          options={[
            { value: "asc", label: "aufsteigend" },
            { value: "desc", label: "absteigend" },
          ]}
          onChange={(e) => f.setParams({ dir: e.currentTarget.value, page: undefined })}
        />
        <div class="toolbar-actions">
          {/* A form POST: the export is audited, so it must pass the CSRF check; the browser saves the file. */}
          <form method="post" action="/dateien/portfolio">
            <input type="hidden" name="filter" value={JSON.stringify(f.filter())} />
            <input type="hidden" name="sort" value={sort()} />
            <input type="hidden" name="dir" value={dir()} />
            <button type="submit" class="button button-secondary" name="format" value="csv">
              Export CSV
            </button>
            <button type="submit" class="button button-secondary" name="format" value="xlsx">
              Export Excel
            </button>
          </form>
        </div>
      </div>
      <PagedTable
        query={list}
        empty={
          <EmptyState title="Keine Projekte für diese Auswahl.">
            <Show when={can(props.me.user.role, "portfolio.importPreview")}>
              <p>
                Projekte können Sie anlegen oder <A href="/portfolio/import">aus einer Liste importieren</A>.
              </p>
            </Show>
          </EmptyState>
        }
        caption="Projekte"
        before={(data) => (
          <>
            <p class="muted" aria-live="polite">
              {formatCountOf(data.total, "Projekt", "Projekte")}
            </p>
          </>
        )}
        head={
          <>
            {/* On a phone (phone-hidden/phone-only/phone-wrap, styles.css) the table keeps name, status and budget; the name's
                cell then says the rest in one line, so the list fits the screen instead of scrolling sideways. */}
            <SortHeader key="gb" class="phone-hidden" />
            <SortHeader key="name" />
            <SortHeader key="start" class="phone-hidden" />
            <SortHeader key="end" class="phone-hidden" />
            <th scope="col" class="phone-hidden">
              Dauer
            </th>
            <SortHeader key="status" />
            <th scope="col" class="phone-hidden">
              Ampel
            </th>
            <th scope="col" class="phone-hidden">
              Methode
            </th>
            <th scope="col" class="phone-hidden">
              Projektleitung
            </th>
            <SortHeader key="budget" class="num" />
          </>
        }
        row={(p) => (
          <tr>
            <td class="phone-hidden">
              {p.gbCode} / {p.rCode}
            </td>
            <td class="phone-wrap">
              <A href={`/portfolio/projekte/${p.id}`}>{p.name}</A>
              <span class="phone-only muted">
                {p.gbCode} / {p.rCode} · {formatDate(p.startDate)} – {formatDate(p.endDate)}
                <Show when={p.latestAmpel}>{(a) => <> · Ampel {AMPEL_LABELS[a().overall]}</>}</Show>
              </span>
              <Show when={p.overdueMilestones > 0}>
                {" "}
                <span class="badge badge-overdue">
                  {p.overdueMilestones === 1
                    ? "1 Meilenstein überfällig"
                    : `${p.overdueMilestones} Meilensteine überfällig`}
                </span>
              </Show>
            </td>
            <td class="phone-hidden">{formatDate(p.startDate)}</td>
            <td class="phone-hidden">{formatDate(p.endDate)}</td>
            <td class="phone-hidden">{p.duration}</td>
            <td>
              <StatusBadge status={p.status} />
            </td>
            <td class="phone-hidden">
              <Show when={p.latestAmpel} fallback="–">
                {(a) => (
                  <span title={`Statusbericht vom ${formatDate(a().reportedOn)}`}>
                    <AmpelBadge ampel={a().overall} />
                  </span>
                )}
              </Show>
              <Show when={p.reportMissing}>
                {" "}
                <span class="badge badge-overdue">Statusbericht fehlt</span>
              </Show>
            </td>
            <td class="phone-hidden">{p.method ? projectMethodLabels[p.method] : "–"}</td>
            <td class="phone-hidden">{p.leadName ?? "–"}</td>
            <td class="num">{money(p.budgetCents)}</td>
          </tr>
        )}
        onPage={(n) => f.setParams({ page: n > 1 ? String(n) : undefined })}
        pagerLabel="Seiten der Projektliste"
      />
    </>
  );
}

function SavedFilters(props: { current: ProjectFilter; onApply: (filter: ProjectFilter) => void }) {
  const client = useQueryClient();
  const [name, setName] = createSignal("");
  const saved = useQuery(() => ({
    queryKey: ["portfolio.savedFilters"],
    queryFn: () => trpc.portfolio.savedFilters.query(),
  }));
  const refresh = () => client.invalidateQueries({ queryKey: ["portfolio.savedFilters"] });
  const save = useMutation(() => ({
    mutationFn: () => trpc.portfolio.saveFilter.mutate({ name: name(), filter: props.current }),
    onSuccess: () => {
      setName("");
      refresh();
    },
  }));
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.portfolio.deleteFilter.mutate({ id }),
    onSuccess: refresh,
  }));
  return (
    <section class="saved-filters" aria-labelledby="saved-filters-title">
      <h2 id="saved-filters-title" class="visually-hidden">
        Gespeicherte Filter
      </h2>
      <Show when={(saved.data ?? []).length > 0}>
        <ul class="chips" aria-label="Gespeicherte Filter">
          <For each={saved.data}>
            {(s) => (
              <li class="chip">
                <button type="button" class="chip-apply" onClick={() => props.onApply(s.filter)}>
                  {s.name}
                </button>
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={`Gespeicherten Filter „${s.name}“ löschen`}
                  onClick={() => remove.mutate(s.id)}
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Form class="form form-inline" label="Filter speichern" onSubmit={() => save.mutate()}>
        <TextField
          label="Aktuellen Filter speichern als"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={fieldErrors(save.error).name}
        />
        <button type="submit" class="button button-secondary" disabled={save.isPending}>
          Filter speichern
        </button>
      </Form>
      <Show when={save.isError && !fieldErrors(save.error).name}>
        <Alert kind="error">{errorMessage(save.error)}</Alert>
      </Show>
    </section>
  );
}
