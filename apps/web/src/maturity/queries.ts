// Queries of the maturity screens, shared so that one completion refreshes every view of it.
import type { RoutePreloadFuncArgs } from "@solidjs/router";
import { useQueryClient } from "@tanstack/solid-query";
import { queryClient } from "../lib/query-client.ts";
import { trpc } from "../lib/trpc.ts";

export type DashboardData = Awaited<ReturnType<typeof trpc.maturity.dashboard.query>>;
export type ModelData = Awaited<ReturnType<typeof trpc.maturity.model.query>>;
export type MaturityModelData = ModelData["model"];

export const dashboardQuery = (orgUnitId: string | null) => ({
  queryKey: ["maturity.dashboard", orgUnitId] as const,
  queryFn: () => trpc.maturity.dashboard.query({ orgUnitId }),
});

export const modelQuery = () => ({
  queryKey: ["maturity.model"] as const,
  queryFn: () => trpc.maturity.model.query(),
  staleTime: 5 * 60_000,
});

export const orgUnitsQuery = () => ({
  queryKey: ["orgUnits.list"] as const,
  queryFn: () => trpc.orgUnits.list.query(),
  staleTime: 60_000,
});

export const assigneesQuery = () => ({
  queryKey: ["measures.assignees"] as const,
  queryFn: () => trpc.measures.assignees.query(),
  staleTime: 60_000,
});

export const projectOptionsQuery = () => ({
  queryKey: ["measures.projectOptions"] as const,
  queryFn: () => trpc.measures.projectOptions.query(),
  staleTime: 60_000,
});

/** After any change of a measure: lists, board, detail, dashboards and start pages all read fresh data. */
export function useRefreshMeasures() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      ["measures.list", "measures.get", "maturity.dashboard", "strategies.list", "portfolio.get"].map((key) =>
        client.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

/** "53 – Gesundheitsamt" with the tree shown by indentation in select lists. */
export function orgUnitOptions(units: { id: string; name: string; code: string; parentId: string | null }[]) {
  const children = new Map<string | null, typeof units>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ value: u.id, label: `${"\u00a0\u00a0".repeat(depth)}${u.code} – ${u.name}` });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  // Units whose parent is missing (should not happen) still appear.
  for (const u of units)
    if (!out.some((o) => o.value === u.id)) out.push({ value: u.id, label: `${u.code} – ${u.name}` });
  return out;
}

/** The dashboard's queries, started by the route while the page's code loads (auth/routing.tsx `preloadData`). */
export function preloadDashboard({ location }: RoutePreloadFuncArgs) {
  const scope = new URLSearchParams(location.search).get("bereich") || null;
  void queryClient.prefetchQuery(dashboardQuery(scope));
  void queryClient.prefetchQuery(orgUnitsQuery());
  void queryClient.prefetchQuery(modelQuery());
}
