// "Soll in Gefahr": targets the plan does not reach in time (or whose date has passed), with the late measures.
import { A } from "@solidjs/router";
import { formatDate } from "@spatz/domain";
import { createMemo, For, Show } from "solid-js";
import { forecastRange } from "../ui/forecast-text.ts";
import { levelText } from "./format.ts";
import type { DashboardData } from "./queries.ts";

export function TargetRisks(props: { data: DashboardData }) {
  const byId = createMemo(() => new Map(props.data.measures.map((m) => [m.id, m])));
  const targets = () => props.data.dashboard.targets;
  const atRisk = () => targets().filter((t) => t.status === "at_risk");
  return (
    <section class="card" aria-labelledby="risks-title">
      <h2 id="risks-title">Soll in Gefahr</h2>
      <Show
        when={targets().length > 0}
        fallback={
          <p>
            Für diesen Bereich sind noch keine Soll-Ziele freigegeben. <A href="/strategie">Zur Strategie</A>
          </p>
        }
      >
        <Show when={atRisk().length > 0} fallback={<p>Alle Soll-Ziele sind erreicht oder im Plan.</p>}>
          <ul class="risks">
            <For each={atRisk()}>
              {(t) => (
                <li>
                  <strong>{t.dimensionName}</strong>: Soll {levelText(t.targetLevel)} bis{" "}
                  {formatDate(t.dueOn)} – Ist {levelText(t.currentLevel)}, laut Plan zum Termin{" "}
                  {levelText(t.plannedLevel)}
                  {t.dueOn < props.data.dashboard.today ? " (Termin überschritten)" : ""}.
                  <Show when={t.overdueMeasureIds.length > 0}>
                    {" "}
                    Überfällig:{" "}
                    <For each={t.overdueMeasureIds}>
                      {(id, i) => (
                        <>
                          {i() > 0 ? ", " : ""}
                          <A href={`/massnahmen/${id}`}>{byId().get(id)?.title ?? "Maßnahme"}</A>
                        </>
                      )}
                    </For>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.data.sollForecast.forecasts.length > 0}>
          <h3>Wann ist das Soll erreicht? (Prognose bei aktuellem Tempo)</h3>
          <p class="muted">
            Aus den abgeschlossenen Maßnahmen der letzten 6 und 12 Monate (eine Maßnahme je fehlendem
            Kriterium gerechnet).
          </p>
          <ul class="soll-forecast">
            <For each={props.data.sollForecast.forecasts}>
              {(f) => (
                <li>
                  <strong>{f.dimensionName}</strong>: Soll {levelText(f.targetLevel)} bis{" "}
                  {formatDate(f.dueOn)}, {f.missingCriteria} Kriterien fehlen –{" "}
                  {forecastRange({ reached: false, earliest: f.earliest, latest: f.latest })} (
                  {VERDICT[f.verdict]})
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}

const VERDICT = { in_time: "rechtzeitig", uncertain: "knapp", late: "zu spät" } as const;
