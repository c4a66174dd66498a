// Renders a query's loading, error and empty states, and its data once there.
import type { UseQueryResult } from "@tanstack/solid-query";
import { type JSX, Match, Switch } from "solid-js";
import { EmptyState, ErrorState, Loading } from "./states.tsx";

export function QueryView<T>(props: {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  isEmpty?: (data: T) => boolean;
  empty?: JSX.Element;
  children: (data: T) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.query.isPending}>
        <Loading label={props.loadingLabel} />
      </Match>
      <Match when={props.query.isError}>
        <ErrorState error={props.query.error} onRetry={() => props.query.refetch()} />
      </Match>
      <Match when={props.query.data !== undefined && props.isEmpty?.(props.query.data as T)}>
        {props.empty ?? <EmptyState title="Keine Einträge vorhanden." />}
      </Match>
      <Match when={props.query.data !== undefined}>{props.children(props.query.data as T)}</Match>
    </Switch>
  );
}
