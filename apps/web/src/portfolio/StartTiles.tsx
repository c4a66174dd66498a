// Portfolio tiles for the role start pages: the PMO sees the state of the portfolio and the registration round,
// project leads their own projects, the Verwaltungsführung the proposals waiting for a decision.
import { A } from "@solidjs/router";
import { can, formatCountOf, formatDate, formatInteger } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { For, type JSX, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { trpc } from "../lib/trpc.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState } from "../ui/states.tsx";
import { StatusBadge } from "./common.tsx";

function Tile(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <section class="tile" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function useRounds() {
  return useQuery(() => ({
    queryKey: ["registration.rounds"],
    queryFn: () => trpc.registration.rounds.query(),
  }));
}

/** Portfolio and registration round at a glance (PMO and Verwaltungsführung). */
export function PortfolioOverviewTiles(props: { me: Me }) {
  const dashboard = useQuery(() => ({
    queryKey: ["portfolio.dashboard", {}],
    queryFn: () => trpc.portfolio.dashboard.query({ filter: {} }),
  }));
  const rounds = useRounds();
  const count = (status: string) => dashboard.data?.byStatus.find((s) => s.status === status)?.count ?? 0;
  return (
    <>
      <Tile id="tile-portfolio" title="Projektportfolio">
        <QueryView
          query={dashboard}
          isEmpty={(d) => d.total === 0}
          empty={
            <EmptyState
              title="Noch keine Projekte."
              action={
                // Only the PMO imports; the Verwaltungsführung would land on "Kein Zugriff".
                <Show when={can(props.me.user.role, "portfolio.importPreview")}>
                  <A href="/portfolio/import">Projektliste importieren</A>
                </Show>
              }
            />
          }
        >
          {(d) => (
            <>
              <p>
                <strong>{formatInteger(d.total)}</strong> Projekte, davon{" "}
                <strong>{formatInteger(count("in_progress"))}</strong> in Umsetzung.
              </p>
              <Show when={d.overdueMilestones.count > 0}>
                <p class="text-overdue">
                  {d.overdueMilestones.count === 1
                    ? "1 Meilenstein ist überfällig."
                    : `${formatInteger(d.overdueMilestones.count)} Meilensteine sind überfällig.`}
                </p>
              </Show>
              <p>
                <A href="/portfolio" class="button button-primary">
                  Zum Portfolio
                </A>{" "}
                <A href="/portfolio/zeitplan">Zeitplan</A> · <A href="/portfolio/uebersicht">Übersicht</A>
              </p>
            </>
          )}
        </QueryView>
      </Tile>
      <Tile id="tile-rounds" title="Projektanmeldung">
        <QueryView
          query={rounds}
          isEmpty={(r) => r.length === 0}
          empty={<EmptyState title="Keine Anmelderunde." />}
        >
          {(list) => (
            <ul class="plain-list">
              <For each={list.slice(0, 3)}>
                {(r) => (
                  <li>
                    <A href={`/portfolio/anmeldung/${r.id}`}>{r.title}</A>:{" "}
                    {formatCountOf(r.proposals, "Anmeldung", "Anmeldungen")}, {r.open}{" "}
                    {props.me.user.role === "leadership"
                      ? "warten auf Entscheidung"
                      : "noch nicht entschieden"}
                    {r.status === "open" && r.deadline ? ` (Anmeldeschluss ${formatDate(r.deadline)})` : ""}
                  </li>
                )}
              </For>
            </ul>
          )}
        </QueryView>
      </Tile>
    </>
  );
}

/** The signed-in project lead's own projects and the open registration round. */
export function MyProjectsTile(_props: { me: Me }) {
  const mine = useQuery(() => ({
    queryKey: ["portfolio.list", "mine"],
    queryFn: () =>
      trpc.portfolio.list.query({ filter: { mine: true }, sort: "end", dir: "desc", page: 1, pageSize: 8 }),
  }));
  const rounds = useRounds();
  const open = () => rounds.data?.find((r) => r.status === "open");
  return (
    <Tile id="tile-my-projects" title="Meine Projekte">
      <QueryView
        query={mine}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="Ihnen sind noch keine Projekte zugeordnet." />}
      >
        {(d) => (
          <>
            <ul class="plain-list">
              <For each={d.items}>
                {(p) => (
                  <li>
                    <A href={`/portfolio/projekte/${p.id}`}>{p.name}</A> <StatusBadge status={p.status} />
                    <Show when={p.overdueMilestones > 0}>
                      {" "}
                      <span class="badge badge-overdue">{p.overdueMilestones} überfällig</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <p>
              <A href="/portfolio?mine=1">Alle meine Projekte ({d.total})</A>
            </p>
          </>
        )}
      </QueryView>
      <Show when={open()}>
        {(r) => (
          <p>
            <A href={`/portfolio/anmeldung/${r().id}`} class="button">
              Vorhaben für {r().year} anmelden
            </A>
          </p>
        )}
      </Show>
    </Tile>
  );
}
