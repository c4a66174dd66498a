// A start page per role ("Alle Stakeholder haben Zugriff → verschiedene Sichten"). Modules add their sections here.
import { A } from "@solidjs/router";
import { ROLE_LABELS, type Role } from "@spatz/domain";
import { createUniqueId, type JSX, Match, Switch } from "solid-js";
import { SetupChecklist } from "../admin/SetupChecklist.tsx";
import type { Me } from "../auth/session.ts";
import {
  CoordinatorSteps,
  MaturitySummary,
  MeasureOverview,
  ModelTile,
  MyMeasures,
  PendingApprovals,
} from "../maturity/StartSections.tsx";
import { MyProjectsTile, PortfolioOverviewTiles } from "../portfolio/StartTiles.tsx";
import { CriticalRisks } from "../portfolio/Steering.tsx";
import { KommuneRolloutTile, StateRolloutTiles } from "../rollout/StartTiles.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { WhenSettled } from "../ui/WhenSettled.tsx";

const TITLES: Record<Role, string> = {
  admin: "Start – Administration",
  leadership: "Start – Verwaltungsführung",
  coordinator: "Start – Steuerung (CDO/PMO)",
  project_lead: "Start – Meine Projekte und Maßnahmen",
  viewer: "Start – Überblick",
  state_admin: "Start – Landesadministration",
  state_pmo: "Start – Landes-PMO",
};

function Tile(props: { title: string; children: JSX.Element; wide?: boolean }) {
  // A generated id: a title with spaces would make aria-labelledby point at several (missing) ids.
  const id = createUniqueId();
  return (
    <section class="tile" classList={{ "tile-wide": props.wide }} aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
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
      <WhenSettled>
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
              <Tile title="Reifegradmodell">
                <p>
                  Dimensionen, Stufen und Kriterien, die alle Kommunen nutzen; neue Versionen entstehen als
                  Entwurf.
                </p>
                <ModelTile />
              </Tile>
            </Match>
            <Match when={role() === "state_pmo"}>
              <StateRolloutTiles />
              <Tile title="Kommunen">
                <A href="/land/kommunen">Verzeichnis der Kommunen</A>
              </Tile>
              <Tile title="Reifegradmodell">
                <ModelTile />
              </Tile>
            </Match>
            <Match when={role() === "admin"}>
              <Tile title="Erste Schritte" wide>
                <SetupChecklist />
              </Tile>
              <Tile title="Benutzer">
                <p>Kolleginnen und Kollegen einladen, Rollen vergeben, Konten sperren.</p>
                <A href="/verwaltung/benutzer" class="button button-primary">
                  Benutzer verwalten
                </A>
              </Tile>
              <Tile title="Protokoll">
                <A href="/verwaltung/protokoll">Protokoll ansehen</A>
              </Tile>
              <Tile title="Organisation">
                <p>Organisationseinheiten für Maßnahmen, Strategien und Projekte.</p>
                <A href="/verwaltung/organisation">Organisation verwalten</A>
              </Tile>
            </Match>
            <Match when={role() === "leadership"}>
              <Tile title="Reifegrad (Ist/Soll)" wide>
                <MaturitySummary risks />
              </Tile>
              <Tile title="Freigaben">
                <p>Strategien und Soll-Ziele, die auf Ihre Freigabe warten.</p>
                <PendingApprovals />
              </Tile>
              <Tile title="Kritische Risiken">
                <CriticalRisks />
              </Tile>
              <PortfolioOverviewTiles me={props.me} />
              <KommuneRolloutTile />
              <Tile title="Protokoll">
                <A href="/verwaltung/protokoll">Protokoll ansehen</A>
              </Tile>
            </Match>
            <Match when={role() === "coordinator"}>
              <Tile title="Maßnahmen">
                <MeasureOverview />
              </Tile>
              <Tile title="Steuerung" wide>
                <CoordinatorSteps me={props.me} />
              </Tile>
              <PortfolioOverviewTiles me={props.me} />
              <KommuneRolloutTile />
            </Match>
            <Match when={role() === "project_lead"}>
              <Tile title="Meine Maßnahmen" wide>
                <MyMeasures />
              </Tile>
              <MyProjectsTile me={props.me} />
            </Match>
            <Match when={role() === "viewer"}>
              <Tile title="Reifegrad meiner Verwaltung" wide>
                <MaturitySummary />
              </Tile>
              <Tile title="Maßnahmen und Projekte">
                <p>Alle Maßnahmen, Projekte und Onlinedienste und ihr Stand (nur lesend).</p>
                <ul class="plain-list">
                  <li>
                    <A href="/massnahmen">Maßnahmen ansehen</A>
                  </li>
                  <li>
                    <A href="/strategie">Strategie ansehen</A>
                  </li>
                  <li>
                    <A href="/portfolio">Projektportfolio ansehen</A>
                  </li>
                  <li>
                    <A href="/rollout">Onlinedienste ansehen</A>
                  </li>
                </ul>
              </Tile>
            </Match>
          </Switch>
        </div>
      </WhenSettled>
    </>
  );
}
