// The maturity dashboard (Reifegrad): Ist vs Soll for the whole administration or one org unit, the history with the
// plan line, the staircase per dimension, next steps and targets at risk. Coordinators also adopt new model versions.
import { A, useSearchParams } from "@solidjs/router";
import { can, formatCountOf, formatDate } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, trpc } from "../lib/trpc.ts";
import { GoalProgress } from "../strategy/GoalFigures.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Alert } from "../ui/states.tsx";
import { HistoryFigure } from "./HistoryFigure.tsx";
import { Kpis } from "./Kpis.tsx";
import { LiveQuery } from "./LiveQuery.tsx";
import { NextSteps } from "./NextSteps.tsx";
import { dashboardQuery, modelQuery, orgUnitOptions, orgUnitsQuery } from "./queries.ts";
import { RadarFigure } from "./RadarFigure.tsx";
import { Staircase } from "./Staircase.tsx";
import { TargetRisks } from "./TargetRisks.tsx";

export function DashboardPage(props: { me: Me }) {
  const [params, setParams] = useSearchParams<{ bereich?: string }>();
  const scope = () => params.bereich || null;
  const units = useQuery(orgUnitsQuery);
  const dashboard = useQuery(() => dashboardQuery(scope()));
  return (
    <>
      <PageHeader
        title="Reifegrad"
        intro="Der Reifegrad folgt aus den abgeschlossenen Maßnahmen – kein Fragebogen. Ist, Plan und Soll auf einen Blick."
        actions={
          <div class="field field-inline">
            <label for="scope">Bereich</label>
            <select
              id="scope"
              value={scope() ?? ""}
              onChange={(e) => setParams({ bereich: e.currentTarget.value || undefined })}
            >
              <option value="" selected={scope() === null}>
                Gesamte Verwaltung
              </option>
              {/* `selected` per option: opened with ?bereich=…, the units load after the select is drawn. */}
              <For each={orgUnitOptions(units.data ?? [])}>
                {(o) => (
                  <option value={o.value} selected={o.value === scope()}>
                    {o.label}
                  </option>
                )}
              </For>
            </select>
          </div>
        }
      />
      <ModelNotice me={props.me} />
      <LiveQuery query={dashboard} loadingLabel="Reifegrad wird berechnet …">
        {(live) => (
          <>
            <p class="muted" data-testid="dashboard-basis">
              {live().modelSummary.name}, Version {live().modelSummary.version}.{" "}
              <Show
                when={live().strategy?.approvedVersion}
                fallback={
                  <>
                    Soll: noch keine freigegebene Strategie für diesen Bereich.{" "}
                    <A href="/strategie">Zur Strategie</A>
                  </>
                }
              >
                Soll aus „{live().strategy!.title}“, Version {live().strategy!.approvedVersion}, freigegeben
                am {formatDate(live().strategy!.approvedOn)} von {live().strategy!.approvedByName}.
              </Show>
            </p>
            <Show when={live().measures.length === 0}>
              <Alert kind="info">
                <p>
                  In diesem Bereich gibt es noch keine Maßnahmen. Der Reifegrad steigt, sobald Maßnahmen mit
                  ihren Kriterien abgeschlossen werden. <A href="/massnahmen">Zu den Maßnahmen</A>
                </p>
              </Alert>
            </Show>
            <Kpis data={live()} />
            <div class="grid-2">
              <section class="card" aria-labelledby="radar-title">
                <h2 id="radar-title">Ist und Soll</h2>
                <RadarFigure data={live()} />
              </section>
              <TargetRisks data={live()} />
            </div>
            <GoalProgress kpis={live().kpis} />
            <section class="card" aria-labelledby="history-title">
              <h2 id="history-title">Entwicklung und Plan</h2>
              <HistoryFigure data={live()} />
            </section>
            <NextSteps data={live()} me={props.me} />
            <Staircase data={live()} />
          </>
        )}
      </LiveQuery>
    </>
  );
}

function ModelNotice(props: { me: Me }) {
  const client = useQueryClient();
  const model = useQuery(modelQuery);
  const adopt = useMutation(() => ({
    mutationFn: () => trpc.maturity.adoptModel.mutate(),
    onSuccess: () => client.invalidateQueries(),
  }));
  return (
    <>
      <Show when={model.data?.newerVersion}>
        {(newer) => (
          <Alert kind="info">
            <p>
              Das Land hat Version {newer().version} des Reifegradmodells veröffentlicht; Ihre Maßnahmen sind
              mit Version {model.data!.summary.version} verknüpft.{" "}
              <Show
                when={can(props.me.user.role, "maturity.adoptModel")}
                fallback="Die Koordination kann sie übernehmen."
              >
                <button
                  type="button"
                  class="button button-secondary"
                  disabled={adopt.isPending}
                  onClick={() => adopt.mutate()}
                >
                  Version {newer().version} übernehmen
                </button>
              </Show>
            </p>
            <Show when={adopt.isError}>
              <p>{errorMessage(adopt.error)}</p>
            </Show>
          </Alert>
        )}
      </Show>
      <Show when={adopt.data}>
        {(r) => (
          <Alert kind="success">
            <p>
              Version {r().version} übernommen: {formatCountOf(r().relinkedMeasures, "Maßnahme", "Maßnahmen")}{" "}
              neu verknüpft
              {r().droppedCriterionKeys.length > 0
                ? `; entfallene Kriterien: ${r().droppedCriterionKeys.join(", ")}`
                : ""}
              .
            </p>
          </Alert>
        )}
      </Show>
    </>
  );
}
