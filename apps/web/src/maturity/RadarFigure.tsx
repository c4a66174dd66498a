// Radar chart Ist / Plan / Soll per dimension, with the same figures as a table.
import { maturityRadarOption, radarRows } from "@spatz/charts";
import { formatDate } from "@spatz/domain";
import { createMemo, For, Show } from "solid-js";
import { Chart } from "../ui/charts/Chart.tsx";
import { levelText, scoreText, TARGET_STATUS } from "./format.ts";
import type { DashboardData } from "./queries.ts";

export function RadarFigure(props: { data: DashboardData; title?: string }) {
  const rows = createMemo(() => radarRows(props.data.dashboard));
  const option = createMemo(() => maturityRadarOption(rows()));
  const summary = () =>
    `Netzdiagramm: ${rows()
      .map((r) => `${r.name} Ist ${scoreText(r.current)}${r.target !== null ? `, Soll ${r.target}` : ""}`)
      .join("; ")}.`;
  return (
    <Chart
      title={props.title ?? "Reifegrad je Dimension (Ist, Plan, Soll)"}
      summary={summary()}
      option={option()}
      id="radar-chart"
      table={
        <table class="table" data-testid="radar-table">
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Ist-Stufe</th>
              <th scope="col" class="num">
                Ist-Wert
              </th>
              <th scope="col" class="num">
                Plan ({formatDate(props.data.dashboard.plannedOn)})
              </th>
              <th scope="col">Soll</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <th scope="row">{r.name}</th>
                  <td>{levelText(r.currentLevel)}</td>
                  <td class="num">{scoreText(r.current)}</td>
                  <td class="num">{scoreText(r.plan)}</td>
                  <td>
                    <Show when={r.target !== null} fallback="–">
                      {levelText(r.target!)} bis {formatDate(r.dueOn)}
                    </Show>
                  </td>
                  <td>{r.status ? TARGET_STATUS[r.status] : "–"}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      }
    />
  );
}
