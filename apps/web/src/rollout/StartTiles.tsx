// Start-page tiles of the rollout module: the state PMO's programme at a glance, and a Kommune's own progress.
import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { Show } from "solid-js";
import { trpc } from "../lib/trpc.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { formatCount, formatShare } from "./format.ts";
import "./rollout.css";

export function StateRolloutTiles() {
  const overview = useQuery(() => ({
    queryKey: ["rollout.stateOverview"],
    queryFn: () => trpc.rollout.stateOverview.query(),
  }));
  return (
    <>
      <section class="tile" aria-labelledby="tile-rollout">
        <h2 id="tile-rollout">Rollout der Onlinedienste</h2>
        <QueryView query={overview} loadingLabel="Abdeckung wird berechnet …">
          {(d) => (
            <>
              <p>
                <span class="kpi-value">{formatShare(d.overall.share)}</span>
                <span class="kpi-label">der Paare Kommune × zuständige Leistung sind online.</span>
              </p>
              <p>
                {formatCount(d.overall.servicesNationwide)} von {formatCount(d.overall.services)} Leistungen
                flächendeckend, {formatCount(d.overall.servicesAtLeastOne)} in mindestens einer Kommune;{" "}
                {formatCount(d.overall.byStatus.implementing)} Einträge in Umsetzung.
              </p>
            </>
          )}
        </QueryView>
        <p>
          <A href="/land/rollout" class="button button-primary">
            Zum Landesüberblick
          </A>
        </p>
        <p>
          <A href="/land/rollout/regionen">Kreise und Kommunen mit Karte</A> ·{" "}
          <A href="/land/rollout/verlauf">Verlauf und Engpässe</A>
        </p>
      </section>
      <section class="tile" aria-labelledby="tile-katalog">
        <h2 id="tile-katalog">OZG-Katalog</h2>
        <p>
          Leistungen, Zuständigkeit der Kommunen, EfA-Verfügbarkeit, Priorität und Reifegrad pflegen; neuere
          Kataloge importieren.
        </p>
        <A href="/land/katalog">Zum OZG-Katalog</A>
      </section>
      <section class="tile" aria-labelledby="tile-kosten">
        <h2 id="tile-kosten">Kosten und Betriebsmodell</h2>
        <p>Kosten- und Finanzierungsmodell mit Szenarien; Vergleich der Betriebsmodelle.</p>
        <A href="/land/kosten">Zum Kostenmodell</A>
      </section>
    </>
  );
}

export function KommuneRolloutTile() {
  const summary = useQuery(() => ({
    queryKey: ["rollout.kommuneSummary"],
    queryFn: () => trpc.rollout.kommuneSummary.query(),
  }));
  return (
    <section class="tile" aria-labelledby="tile-kommune-rollout">
      <h2 id="tile-kommune-rollout">Onlinedienste (OZG/EfA)</h2>
      <QueryView query={summary} loadingLabel="Stand wird geladen …">
        {(s) => (
          <>
            <p>
              <span class="kpi-value">{formatShare(s.own.share)}</span>
              <span class="kpi-label">
                Ihrer {formatCount(s.own.relevant)} zuständigen Leistungen sind online
                <Show when={s.land}>{(l) => ` (Land: ${formatShare(l().share)})`}</Show>.
              </span>
            </p>
            <Show when={s.efaNotStarted.length > 0}>
              <p>
                {s.efaNotStarted.length === 1
                  ? "1 angebotenen EfA-Dienst"
                  : `${formatCount(s.efaNotStarted.length)} angebotene EfA-Dienste`}{" "}
                haben Sie noch nicht begonnen.
              </p>
            </Show>
          </>
        )}
      </QueryView>
      <A href="/rollout" class="button button-primary">
        Zur Rollout-Übersicht
      </A>
    </section>
  );
}
