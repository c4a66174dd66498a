// "Soll in Gefahr": targets the plan does not reach in time (or whose date has passed), with the late measures.
import { A } from "@solidjs/router";
import { formatDate } from "@spatz/domain";
import { createMemo, For, Show } from "solid-js";
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
      </Show>
    </section>
  );
}
