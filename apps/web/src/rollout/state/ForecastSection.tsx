// "Prognose bei aktuellem Tempo": when the Land (or one service, or one Kreis) reaches 50 %, 80 % and 100 % online,
// from the go-lives of the last 6 and 12 months (rollout.forecast). The two paces give a range, not a date; where the
// slower pace does not get there by the horizon the text says "bei aktuellem Tempo nicht vor 2031". The chart shows
// the online pairs so far and the two projections; the table has the same figures.
import { FORECAST_HORIZON } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { createUniqueId, For } from "solid-js";
import { trpc } from "../../lib/trpc.ts";
import { Chart } from "../../ui/charts/Chart.tsx";
import { forecastRange } from "../../ui/forecast-text.ts";
import { QueryView } from "../../ui/QueryView.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { formatCount, formatMonth, formatShare } from "../format.ts";

type Scope = { serviceId?: string; kreisAgs?: string };
type Forecast = Awaited<ReturnType<typeof trpc.rollout.forecast.query>>;

const TARGET_LABELS: Record<string, string> = {
  "0.5": "50 % online",
  "0.8": "80 % online",
  "1": "flächendeckend (100 %)",
};

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i < 240; i++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(month);
    if (month >= to) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** History (online so far, cumulative) and the projections at both paces, up to full coverage or the horizon. */
function series(f: Forecast, current: string) {
  const full = f.targets.find((t) => t.target === 1);
  const latest = full?.latest && "month" in full.latest ? full.latest.month : FORECAST_HORIZON;
  const end = latest < current ? current : latest;
  const months = monthsBetween(shiftMonth(current, -35), end);
  const goLives = new Map(f.goLives.map((g) => [g.month, g.count]));
  let cumulative = f.online - f.goLives.filter((g) => g.month >= months[0]!).reduce((a, g) => a + g.count, 0);
  const history = months.map((m) => {
    if (m > current) return null;
    cumulative += goLives.get(m) ?? 0;
    return cumulative;
  });
  const projection = (perMonth: number) =>
    months.map((m, i) =>
      m < current
        ? null
        : Math.min(f.relevant, Math.round(f.online + perMonth * (i - months.indexOf(current)))),
    );
  return { months, history, paces: f.paces.map((p) => ({ ...p, values: projection(p.perMonth) })) };
}

export function ForecastSection(props: { scope: Scope; title: string; current: string }) {
  const headingId = createUniqueId();
  const forecast = useQuery(() => ({
    queryKey: ["rollout.forecast", props.scope],
    queryFn: () => trpc.rollout.forecast.query(props.scope),
  }));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <QueryView
        query={forecast}
        loadingLabel="Prognose wird berechnet …"
        isEmpty={(f) => f.relevant === 0}
        empty={<EmptyState title="Keine zuständigen Kommunen – keine Prognose." />}
      >
        {(f) => {
          const s = series(f, props.current);
          return (
            <>
              <p class="forecast-now">
                Heute {formatCount(f.online)} von {formatCount(f.relevant)} online (
                {formatShare(f.online / f.relevant)}). Tempo:{" "}
                {formatCount(Math.round(f.paces[0]!.perMonth * 10) / 10)} Freischaltungen je Monat in den
                letzten 6 Monaten, {formatCount(Math.round(f.paces[1]!.perMonth * 10) / 10)} in den letzten 12
                Monaten.
              </p>
              <Chart
                heading={3}
                title="Verlauf und Prognose"
                summary={`Liniendiagramm: online freigeschaltete Paare bis heute und die Fortschreibung mit dem Tempo der letzten 6 und 12 Monate. Flächendeckend: ${forecastRange(f.targets.at(-1)!)}.`}
                option={{
                  tooltip: { trigger: "axis" },
                  legend: { top: 0 },
                  grid: { left: 8, right: 24, top: 36, bottom: 8 },
                  xAxis: { type: "category", data: s.months.map(formatMonth) },
                  yAxis: { type: "value", max: f.relevant },
                  series: [
                    { name: "online (bisher)", type: "line", showSymbol: false, data: s.history },
                    ...s.paces.map((p) => ({
                      name: `Tempo ${p.months} Monate`,
                      type: "line" as const,
                      showSymbol: false,
                      lineStyle: { type: "dashed" as const },
                      data: p.values,
                    })),
                  ],
                }}
                table={
                  <table class="table">
                    <caption>Prognose je Ziel</caption>
                    <thead>
                      <tr>
                        <th scope="col">Ziel</th>
                        <th scope="col" class="num">
                          nötig online
                        </th>
                        <th scope="col">erreicht bei aktuellem Tempo</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={f.targets}>
                        {(t) => (
                          <tr>
                            <th scope="row">{TARGET_LABELS[String(t.target)] ?? formatShare(t.target)}</th>
                            <td class="num">{formatCount(t.needed)}</td>
                            <td>{forecastRange(t)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                }
              />
              <dl class="facts forecast-facts">
                <For each={f.targets}>
                  {(t) => (
                    <>
                      <dt>{TARGET_LABELS[String(t.target)] ?? formatShare(t.target)}</dt>
                      <dd>{forecastRange(t)}</dd>
                    </>
                  )}
                </For>
              </dl>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
