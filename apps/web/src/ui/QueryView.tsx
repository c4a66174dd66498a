// Renders a query's loading, error and empty states, and its data once there (QueryView rebuilds its content with
// each new answer; StableQueryView creates it once and lets it follow the data, for pages with forms).
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

/**
 * Like QueryView, but the content is created once and follows later data (a refetch after a change keeps form state
 * and success messages instead of rebuilding the page).
 */
export function StableQueryView<T>(props: {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  children: (data: () => T) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.query.data === undefined && props.query.isPending}>
        <Loading label={props.loadingLabel} />
      </Match>
      <Match when={props.query.data === undefined && props.query.isError}>
        <ErrorState error={props.query.error} onRetry={() => props.query.refetch()} />
      </Match>
      <Match when={props.query.data}>{(data) => props.children(data as () => T)}</Match>
    </Switch>
  );
}
