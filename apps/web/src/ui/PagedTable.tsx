// One page of a server-paged list as a table: the query's loading, error and empty states, the table in its scroll
// box, one row per item, and the pager below. Every paged list uses it, so they all behave alike.
import type { UseQueryResult } from "@tanstack/solid-query";
import { For, type JSX } from "solid-js";
import { Pager } from "./Pager.tsx";
import { QueryView } from "./QueryView.tsx";
import { TableScroll } from "./TableScroll.tsx";

export type PagedItems<T> = { items: T[]; page: number; pageSize: number; total: number };

export function PagedTable<T>(props: {
  query: UseQueryResult<PagedItems<T>>;
  /** Shown instead of the table when the page has no rows (an EmptyState with the reason). */
  empty: JSX.Element;
  loadingLabel?: string;
  /** The table's name: a visually hidden caption … */
  caption?: string;
  /** … or the id of a heading that names it. */
  labelledBy?: string;
  /** The header cells (`<th scope="col">`), without their row. */
  head: JSX.Element;
  /** One `<tr>` per item. */
  row: (item: T) => JSX.Element;
  /** Above the table, e.g. the number of hits. */
  before?: (page: PagedItems<T>) => JSX.Element;
  onPage: (page: number) => void;
  pagerLabel?: string;
}) {
  return (
    <QueryView
      query={props.query}
      loadingLabel={props.loadingLabel}
      isEmpty={(d) => d.items.length === 0}
      empty={props.empty}
    >
      {(data) => (
        <>
          {props.before?.(data)}
          <TableScroll>
            <table class="table" aria-labelledby={props.labelledBy}>
              {props.caption && <caption class="visually-hidden">{props.caption}</caption>}
              <thead>
                <tr>{props.head}</tr>
              </thead>
              <tbody>
                <For each={data.items}>{(item) => props.row(item)}</For>
              </tbody>
            </table>
          </TableScroll>
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={props.onPage}
            label={props.pagerLabel}
          />
        </>
      )}
    </QueryView>
  );
}
