// Like QueryView, but keeps the rendered content when the data is refetched (e.g. after completing a measure): the
// content receives an accessor and updates in place, so open tables, chosen dimensions and focus survive.
import type { UseQueryResult } from "@tanstack/solid-query";
import { type Accessor, type JSX, Show } from "solid-js";
import { QueryView } from "../ui/QueryView.tsx";

export function LiveQuery<T>(props: {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  children: (data: Accessor<T>) => JSX.Element;
}) {
  return (
    <>
      <Show when={props.query.data === undefined}>
        <QueryView query={props.query} loadingLabel={props.loadingLabel}>
          {() => null}
        </QueryView>
      </Show>
      <Show when={props.query.data}>{(data) => props.children(data as Accessor<T>)}</Show>
    </>
  );
}
