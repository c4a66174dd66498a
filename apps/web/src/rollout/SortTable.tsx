// A sortable, paged table for dashboard figures. Either all rows are on the client (at most a few hundred) and it sorts
// and pages them itself, or (`remote`) the server sorts and pages and the table shows one page and reports clicks.
// Column headers are buttons; aria-sort tells screen readers the current order.
import { createMemo, createSignal, For, type JSX, Show } from "solid-js";
import { Pager } from "../ui/Pager.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

export type Column<T> = {
  key: string;
  header: string;
  /** Value to sort by; a column without it is not sortable. */
  sort?: (row: T) => string | number | null;
  cell: (row: T) => JSX.Element;
  num?: boolean;
};

export type SortState = { key: string; dir: "asc" | "desc" };

/** Sorting and paging done by the server: `rows` is the current page. */
export type RemotePaging = {
  sort: SortState;
  onSort: (sort: SortState) => void;
  page: number;
  total: number;
  onPage: (page: number) => void;
};

export function SortTable<T>(props: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  initialSort?: SortState;
  pageSize?: number;
  rowKey?: (row: T) => string;
  captionHidden?: boolean;
  remote?: RemotePaging;
}) {
  const [localSort, setLocalSort] = createSignal(props.initialSort ?? null);
  const [localPage, setLocalPage] = createSignal(1);
  const sort = () => props.remote?.sort ?? localSort();
  const page = () => props.remote?.page ?? localPage();
  const setPage = (p: number) => (props.remote ? props.remote.onPage(p) : setLocalPage(p));
  const total = () => props.remote?.total ?? props.rows.length;
  const size = () => props.pageSize ?? 25;
  const sorted = createMemo(() => {
    if (props.remote) return [...props.rows];
    const s = sort();
    const col = s && props.columns.find((c) => c.key === s.key);
    if (!s || !col?.sort) return [...props.rows];
    const get = col.sort;
    const dir = s.dir === "asc" ? 1 : -1;
    return [...props.rows].sort((a, b) => {
      const x = get(a);
      const y = get(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (
        (typeof x === "string" && typeof y === "string" ? x.localeCompare(y, "de") : x < y ? -1 : 1) * dir
      );
    });
  });
  const visible = () => (props.remote ? sorted() : sorted().slice((page() - 1) * size(), page() * size()));
  const toggle = (key: string) => {
    const s = sort();
    const next: SortState = {
      key,
      dir: s?.key === key && s.dir === "asc" ? "desc" : s?.key === key ? "asc" : "desc",
    };
    if (props.remote) props.remote.onSort(next);
    else {
      setLocalSort(next);
      setLocalPage(1);
    }
  };
  const ariaSort = (key: string) => {
    const s = sort();
    return s?.key === key ? (s.dir === "asc" ? "ascending" : "descending") : undefined;
  };
  return (
    <>
      <TableScroll>
        <table class="table">
          <caption classList={{ "visually-hidden": props.captionHidden ?? false }}>{props.caption}</caption>
          <thead>
            <tr>
              <For each={props.columns}>
                {(c) => (
                  <th scope="col" class={c.num ? "num" : undefined} aria-sort={ariaSort(c.key)}>
                    <Show when={c.sort} fallback={c.header}>
                      <button type="button" class="sort-button" onClick={() => toggle(c.key)}>
                        {c.header}
                        <span aria-hidden="true" class="sort-mark">
                          {sort()?.key === c.key ? (sort()?.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={visible()}>
              {(row) => (
                <tr>
                  <For each={props.columns}>
                    {(c) => <td class={c.num ? "num" : undefined}>{c.cell(row)}</td>}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>
      <Show when={total() > size()}>
        <Pager
          page={page()}
          pageSize={size()}
          total={total()}
          onPage={setPage}
          label={`Seiten: ${props.caption}`}
        />
      </Show>
    </>
  );
}
