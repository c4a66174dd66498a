// A sortable, paged table for dashboard figures (all rows are on the client: at most a few hundred). Column headers
// are buttons; aria-sort tells screen readers the current order.
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

export function SortTable<T>(props: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  initialSort?: { key: string; dir: "asc" | "desc" };
  pageSize?: number;
  rowKey?: (row: T) => string;
  captionHidden?: boolean;
}) {
  const [sort, setSort] = createSignal(props.initialSort ?? null);
  const [page, setPage] = createSignal(1);
  const size = () => props.pageSize ?? 25;
  const sorted = createMemo(() => {
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
  const visible = () => sorted().slice((page() - 1) * size(), page() * size());
  const toggle = (key: string) => {
    const s = sort();
    setSort({ key, dir: s?.key === key && s.dir === "asc" ? "desc" : s?.key === key ? "asc" : "desc" });
    setPage(1);
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
      <Show when={props.rows.length > size()}>
        <Pager
          page={page()}
          pageSize={size()}
          total={props.rows.length}
          onPage={setPage}
          label={`Seiten: ${props.caption}`}
        />
      </Show>
    </>
  );
}
