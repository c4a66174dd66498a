// History of the maturity (Ist, with each step on its date), the plan line and the Soll markers.
import { historyRows, historySeries, maturityHistoryOption } from "@spatz/charts";
import { formatDate } from "@spatz/domain";
import { createMemo, createSignal, createUniqueId, For, Show } from "solid-js";
import { Chart } from "../ui/charts/Chart.tsx";
import { scoreText } from "./format.ts";
import type { DashboardData } from "./queries.ts";

export function HistoryFigure(props: { data: DashboardData }) {
  const id = createUniqueId();
  const [dimension, setDimension] = createSignal<string>("");
  const series = createMemo(() => historySeries(props.data.dashboard, dimension() || null));
  const rows = createMemo(() => historyRows(series()).reverse());
  const option = createMemo(() => maturityHistoryOption(series()));
  // The plan counts evidence only as long as it is valid: a yearly check with no renewal planned yet expires in the
  // plan, and the line falls there. Said in words, so that a falling plan is not read as a setback.
  const planFalls = createMemo(() => {
    const plan = series().plan;
    const i = plan.findIndex((point, k) => k > 0 && point[1] < plan[k - 1]![1] - 1e-9);
    return i > 0 ? { on: plan[i]![0], from: plan[i - 1]![1], to: plan[i]![1] } : null;
  });
  const label = () => {
    const s = series();
    const first = s.actual[0];
    const last = s.actual.at(-1);
    return `Liniendiagramm ${s.label}: von ${first ? scoreText(first[1]) : "–"} am ${formatDate(first?.[0])} auf ${last ? scoreText(last[1]) : "–"} am ${formatDate(last?.[0])}; Plan bis ${formatDate(s.plan.at(-1)?.[0])}: ${scoreText(s.plan.at(-1)?.[1] ?? 0)}.`;
  };
  return (
    <Chart
      title={`Reifegradentwicklung: ${series().label}`}
      summary={label()}
      option={option()}
      id="history-chart"
      height={360}
      controls={
        <>
          <Show when={planFalls()}>
            {(fall) => (
              <p class="muted" data-testid="plan-falls">
                Der Plan sinkt am {formatDate(fall().on)} von {scoreText(fall().from)} auf{" "}
                {scoreText(fall().to)}: Dort laufen Nachweise mit begrenzter Gültigkeit ab (z. B. jährliche
                Prüfungen), für die noch keine Erneuerung geplant ist. Eine geplante Maßnahme zur Erneuerung
                hebt die Linie wieder.
              </p>
            )}
          </Show>
          <div class="field field-inline">
            <label for={`${id}-dim`}>Anzeigen für</label>
            <select
              id={`${id}-dim`}
              value={dimension()}
              onChange={(e) => setDimension(e.currentTarget.value)}
            >
              <option value="">Reifegradindex (alle Dimensionen)</option>
              <For each={props.data.dashboard.current.dimensions}>
                {(d) => <option value={d.key}>{d.name}</option>}
              </For>
            </select>
          </div>
        </>
      }
      table={
        <>
          <p class="muted">
            Neueste zuerst. Ein Wert gilt ab seinem Datum; Zeilen zwischen den Monatsanfängen zeigen den Tag
            einer Änderung (Abschluss oder Ablauf einer Gültigkeit).
          </p>
          <table class="table" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col" class="num">
                  Ist
                </th>
                <th scope="col" class="num">
                  Plan
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr>
                    <th scope="row">{formatDate(r.date)}</th>
                    <td class="num">{r.actual === null ? "–" : scoreText(r.actual)}</td>
                    <td class="num">{r.plan === null ? "–" : scoreText(r.plan)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <Show when={series().dimensionKey === null}>
            <p class="muted">
              Soll-Ziele gelten je Dimension: Wählen Sie eine Dimension, um sie als Marken zu sehen.
            </p>
          </Show>
          <For each={series().targets}>{(t) => <p>{t.label}</p>}</For>
        </>
      }
    />
  );
}
