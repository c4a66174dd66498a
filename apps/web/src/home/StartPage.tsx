// A start page per role ("Alle Stakeholder haben Zugriff → verschiedene Sichten"). Modules add their sections here.
import { A } from "@solidjs/router";
import { ROLE_LABELS, type Role } from "@spatz/domain";
import { type JSX, Match, Switch } from "solid-js";
import type { Me } from "../auth/session.ts";
import { MyProjectsTile, PortfolioOverviewTiles } from "../portfolio/StartTiles.tsx";
import { KommuneRolloutTile, StateRolloutTiles } from "../rollout/StartTiles.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState } from "../ui/states.tsx";

const TITLES: Record<Role, string> = {
  admin: "Start – Administration",
  leadership: "Start – Verwaltungsführung",
  coordinator: "Start – Steuerung (CDO/PMO)",
  project_lead: "Start – Meine Projekte und Maßnahmen",
  viewer: "Start – Überblick",
  state_admin: "Start – Landesadministration",
  state_pmo: "Start – Landes-PMO",
};

function Tile(props: { title: string; children: JSX.Element }) {
  return (
    <section class="tile" aria-labelledby={`tile-${props.title}`}>
      <h2 id={`tile-${props.title}`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function StartPage(props: { me: Me }) {
  const role = () => props.me.user.role;
  return (
    <>
      <PageHeader
        title={TITLES[role()]}
        intro={`Angemeldet als ${props.me.user.displayName} (${ROLE_LABELS[role()]}) · ${props.me.tenant.name}`}
      />
      <div class="tiles" data-start-page={role()}>
        <Switch>
          <Match when={role() === "state_admin"}>
            <Tile title="Kommunen">
              <p>
                Mandanten anlegen, umbenennen, sperren und die erste Administration einer Kommune einladen.
              </p>
              <A href="/land/kommunen" class="button button-primary">
                Kommunen verwalten
              </A>
            </Tile>
            <Tile title="Landespersonal">
              <p>Konten des Landes-PMO und der Landesadministration.</p>
              <A href="/verwaltung/benutzer">Benutzer verwalten</A>
            </Tile>
            <Tile title="Protokoll">
              <p>Alle Änderungen des Landes mit Zeitpunkt, Person und Inhalt.</p>
              <A href="/verwaltung/protokoll">Protokoll ansehen</A>
            </Tile>
          </Match>
          <Match when={role() === "state_pmo"}>
            <StateRolloutTiles />
            <Tile title="Kommunen">
              <A href="/land/kommunen">Verzeichnis der Kommunen</A>
            </Tile>
          </Match>
          <Match when={role() === "admin"}>
            <Tile title="Benutzer">
              <p>Kolleginnen und Kollegen einladen, Rollen vergeben, Konten sperren.</p>
              <A href="/verwaltung/benutzer" class="button button-primary">
                Benutzer verwalten
              </A>
            </Tile>
            <Tile title="Protokoll">
              <A href="/verwaltung/protokoll">Protokoll ansehen</A>
            </Tile>
          </Match>
          <Match when={role() === "leadership"}>
            <PortfolioOverviewTiles me={props.me} />
            <KommuneRolloutTile />
            <Tile title="Reifegrad (Ist/Soll)">
              <EmptyState title="Noch keine Reifegrad-Daten.">
                Der Reifegrad ergibt sich aus abgeschlossenen Maßnahmen.
              </EmptyState>
            </Tile>
            <Tile title="Protokoll">
              <A href="/verwaltung/protokoll">Protokoll ansehen</A>
            </Tile>
          </Match>
          <Match when={role() === "coordinator"}>
            <PortfolioOverviewTiles me={props.me} />
            <KommuneRolloutTile />
            <Tile title="Maßnahmen">
              <EmptyState title="Noch keine Maßnahmen.">
                Sobald Maßnahmen erfasst sind, steuern Sie sie hier.
              </EmptyState>
            </Tile>
          </Match>
          <Match when={role() === "project_lead"}>
            <MyProjectsTile me={props.me} />
          </Match>
          <Match when={role() === "viewer"}>
            <Tile title="Überblick">
              <EmptyState title="Noch keine Inhalte freigegeben.">
                Hier sehen Sie Strategie, Reifegrad und Projekte Ihrer Verwaltung (nur lesend).
              </EmptyState>
            </Tile>
          </Match>
        </Switch>
      </div>
    </>
  );
}
