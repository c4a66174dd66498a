// The "Verlauf" card of a project, a measure or a rollout record: its audit entries, newest first and paged, each as
// time, person, action and the changed fields ("Status: in Planung → in Umsetzung"). The modules give the query,
// their action names and how to show a field's value.
import { formatDateTime } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createSignal, For } from "solid-js";
import { PagedTable } from "./PagedTable.tsx";
import { EmptyState } from "./states.tsx";

export type HistoryEntry = {
  at: Date | string;
  actorLabel: string;
  action: string;
  before: unknown;
  after: unknown;
};
type HistoryPage<E> = { items: E[]; total: number; page: number; pageSize: number };

const PAGE_SIZE = 20;

/**
 * "Feld: vorher → nachher" for each labelled field an entry touches, in the labels' order; a field only in `after`
 * (a new record) shows its value, one only in `before` (a removal) shows "→ –". Unchanged fields are left out.
 */
export function describeChanges(
  before: unknown,
  after: unknown,
  labels: Readonly<Record<string, string>>,
  show: (field: string, value: unknown) => string,
): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return Object.keys(labels)
    .filter((f) => (f in b ? JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null) : a[f] != null))
    .map((f) => `${labels[f]}: ${f in b ? `${show(f, b[f])} → ` : ""}${show(f, a[f])}`);
}

export function HistoryCard<E extends HistoryEntry>(props: {
  /** The query key of the thing; the page is appended. Keyed below the thing's own query, so reloading it reloads this. */
  queryKey: readonly unknown[];
  fetch: (page: { page: number; pageSize: number }) => Promise<HistoryPage<E>>;
  actionLabel: (action: string) => string;
  changes: (entry: E) => string[];
}) {
  const [page, setPage] = createSignal(1);
  const history = useQuery(() => ({
    queryKey: [...props.queryKey, "history", page()],
    queryFn: () => props.fetch({ page: page(), pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  }));
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">Verlauf</h2>
      <PagedTable
        query={history}
        loadingLabel="Verlauf wird geladen …"
        empty={<EmptyState title="Noch keine Änderungen." />}
        labelledBy="history-title"
        head={
          <>
            <th scope="col">Zeitpunkt</th>
            <th scope="col">Person</th>
            <th scope="col">Aktion</th>
            <th scope="col">Änderung</th>
          </>
        }
        row={(e) => (
          <tr>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actorLabel}</td>
            <td>{props.actionLabel(e.action)}</td>
            <td>
              <ul class="plain">
                <For each={props.changes(e)}>{(c) => <li>{c}</li>}</For>
              </ul>
            </td>
          </tr>
        )}
        onPage={setPage}
        pagerLabel="Seiten des Verlaufs"
      />
    </section>
  );
}
