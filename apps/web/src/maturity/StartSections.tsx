// Maturity content of the role start pages: leadership summary, coordinator management, own measures of a project
// lead, the read-only overview of viewers, and the model for the state.

import { A } from "@solidjs/router";
import {
  berlinToday,
  formatCountOf,
  formatDate,
  isMeasureOverdue,
  MEASURE_STATUS_LABELS,
  MEASURE_STATUSES,
  MODEL_STATUS_LABELS,
} from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { lazyNamed } from "../lib/lazy-named.ts";
import { trpc } from "../lib/trpc.ts";
import { OverdueBadge } from "../ui/OverdueBadge.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { Kpis } from "./Kpis.tsx";
import { LiveQuery } from "./LiveQuery.tsx";
import { NextSteps } from "./NextSteps.tsx";
import { dashboardQuery } from "./queries.ts";
import { TargetRisks } from "./TargetRisks.tsx";

// The radar's chart code loads after the start page itself (ECharts only once the figure is shown).
const RadarFigure = lazyNamed(() => import("./RadarFigure.tsx"), "RadarFigure");

/** Index, radar and risks of the whole administration. */
export function MaturitySummary(props: { risks?: boolean }) {
  const dashboard = useQuery(() => dashboardQuery(null));
  return (
    <LiveQuery query={dashboard} loadingLabel="Reifegrad wird berechnet …">
      {(data) => (
        <>
          <Kpis data={data()} />
          <RadarFigure data={data()} />
          <Show when={props.risks}>
            <TargetRisks data={data()} />
          </Show>
          <p>
            <A href="/reifegrad">Zum Reifegrad mit Entwicklung, Stufen und nächsten Schritten</A>
          </p>
        </>
      )}
    </LiveQuery>
  );
}

export function PendingApprovals() {
  const list = useQuery(() => ({
    queryKey: ["strategies.list"],
    queryFn: () => trpc.strategies.list.query(),
  }));
  return (
    <QueryView query={list}>
      {(rows) => (
        <Show when={rows.some((s) => s.pendingApproval)} fallback={<p>Keine Freigaben offen.</p>}>
          <ul>
            <For each={rows.filter((s) => s.pendingApproval)}>
              {(s) => (
                <li>
                  <A href={`/strategie?id=${s.id}`}>
                    {s.orgUnitCode ? `${s.orgUnitCode}: ${s.title}` : s.title}
                  </A>{" "}
                  <span class="muted">
                    ({s.approvedVersion > 0 ? "geänderter Arbeitsstand" : "noch nie freigegeben"})
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      )}
    </QueryView>
  );
}

function useMeasureCounts() {
  return useQuery(() => ({
    queryKey: ["measures.list", "counts"],
    queryFn: async () => {
      const totals = await Promise.all(
        MEASURE_STATUSES.map((s) =>
          trpc.measures.list.query({ statuses: [s], page: 1, pageSize: 5 }).then((r) => r.total),
        ),
      );
      return Object.fromEntries(MEASURE_STATUSES.map((s, i) => [s, totals[i]!])) as Record<
        (typeof MEASURE_STATUSES)[number],
        number
      >;
    },
  }));
}

export function MeasureOverview() {
  const counts = useMeasureCounts();
  const overdue = useQuery(() => ({
    queryKey: ["measures.list", "overdue"],
    queryFn: () => trpc.measures.list.query({ overdue: true, sort: "plannedEnd", page: 1, pageSize: 5 }),
  }));
  return (
    <>
      <QueryView query={counts}>
        {(c) => (
          <ul class="counts">
            <For each={MEASURE_STATUSES}>
              {(s) => (
                <li>
                  <span class="count">{c[s]}</span> {MEASURE_STATUS_LABELS[s]}
                </li>
              )}
            </For>
          </ul>
        )}
      </QueryView>
      <h3>Überfällig</h3>
      <QueryView
        query={overdue}
        isEmpty={(d) => d.items.length === 0}
        empty={<p>Keine überfälligen Maßnahmen.</p>}
      >
        {(d) => (
          <ul>
            <For each={d.items}>
              {(m) => (
                <li>
                  <A href={`/massnahmen/${m.id}`}>{m.title}</A>{" "}
                  <span class="muted">(geplant bis {formatDate(m.plannedEnd)})</span>
                </li>
              )}
            </For>
            <Show when={d.total > d.items.length}>
              <li>
                <A href="/massnahmen">alle {d.total} überfälligen</A>
              </li>
            </Show>
          </ul>
        )}
      </QueryView>
      <p class="button-row">
        <A href="/massnahmen/board" class="button button-primary">
          Board
        </A>
        <A href="/massnahmen" class="button">
          Liste
        </A>
        <A href="/massnahmen/neu" class="button">
          Neue Maßnahme
        </A>
      </p>
    </>
  );
}

export function CoordinatorSteps(props: { me: Me }) {
  const dashboard = useQuery(() => dashboardQuery(null));
  return (
    <LiveQuery query={dashboard}>
      {(data) => (
        <>
          <TargetRisks data={data()} />
          <NextSteps data={data()} me={props.me} limit={3} />
        </>
      )}
    </LiveQuery>
  );
}

export function MyMeasures() {
  const today = berlinToday();
  const mine = useQuery(() => ({
    queryKey: ["measures.list", "mine-open"],
    queryFn: () =>
      trpc.measures.list.query({
        responsible: "me",
        statuses: ["planned", "in_progress"],
        sort: "plannedEnd",
        page: 1,
        pageSize: 10,
      }),
  }));
  return (
    <QueryView
      query={mine}
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState title="Ihnen sind keine offenen Maßnahmen zugeordnet." />}
    >
      {(d) => (
        <>
          <TableScroll>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Maßnahme</th>
                  <th scope="col">Status</th>
                  <th scope="col">Geplantes Ende</th>
                </tr>
              </thead>
              <tbody>
                <For each={d.items}>
                  {(m) => (
                    <tr>
                      <td>
                        <A href={`/massnahmen/${m.id}`}>{m.title}</A>
                      </td>
                      <td>{MEASURE_STATUS_LABELS[m.status]}</td>
                      <td>
                        {formatDate(m.plannedEnd)}
                        <OverdueBadge when={isMeasureOverdue(m, today)} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
          <p>
            {formatCountOf(d.total, "offene Maßnahme", "offene Maßnahmen")}.{" "}
            <A href="/massnahmen/board">Auf dem Board bearbeiten</A>
          </p>
        </>
      )}
    </QueryView>
  );
}

export function ModelTile() {
  const list = useQuery(() => ({
    queryKey: ["maturityModels.list"],
    queryFn: () => trpc.maturityModels.list.query(),
  }));
  return (
    <QueryView query={list}>
      {(rows) => (
        <>
          <ul>
            <For each={rows.slice(0, 3)}>
              {(m) => (
                <li>
                  Version {m.version}: {MODEL_STATUS_LABELS[m.status]}
                </li>
              )}
            </For>
          </ul>
          <A href="/land/reifegradmodell" class="button button-primary">
            Reifegradmodell öffnen
          </A>
        </>
      )}
    </QueryView>
  );
}
