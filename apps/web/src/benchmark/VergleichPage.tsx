// "Vergleich" (every role of a Kommune): where the Kommune stands among its peers – its index and each dimension
// against the chosen peer group (own marker on the distribution), its quartile band, its trend against the group
// median, the dimensions where it lags most, and which Kommunen that share their figures are ahead in a dimension.
// A Kommune sees another's figures only where that one shared them.
import { A } from "@solidjs/router";
import { boxplotOption } from "@spatz/charts";
import { can, formatCountOf, formatDateTime } from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { trpc } from "../lib/trpc.ts";
import { Chart } from "../ui/charts/Chart.tsx";
import { FilterBar, SelectField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { FigureCells, FigureHeaderCells, formatScore, GroupPicker } from "./figures.tsx";
import "./benchmark.css";

export function VergleichPage(props: { me: Me }) {
  const catalogue = useQuery(() => ({
    queryKey: ["benchmark.catalogue"],
    queryFn: () => trpc.benchmark.catalogue.query(),
  }));
  const own = useQuery(() => ({ queryKey: ["benchmark.own"], queryFn: () => trpc.benchmark.own.query() }));
  const [groupId, setGroupId] = createSignal("all");
  return (
    <>
      <PageHeader
        title="Vergleich"
        intro={`${props.me.tenant.name} im Vergleich mit anderen Kommunen – aus Gruppenwerten von mindestens k Kommunen; einzelne Kommunen nur, wo sie ihre Werte teilen.`}
      />
      <Show when={can(props.me.user.role, "benchmark.sharing")}>
        <p>
          <A href="/verwaltung/vergleich">Was Ihre Kommune teilt</A>
        </p>
      </Show>
      <QueryView
        query={catalogue}
        loadingLabel="Vergleichswerte werden geladen …"
        isEmpty={(c) => c.asOf === null}
        empty={<EmptyState title="Die Vergleichswerte werden gerade zum ersten Mal berechnet." />}
      >
        {(c) => (
          <QueryView
            query={own}
            isEmpty={(o) => o.current === null}
            empty={
              <EmptyState title="Für Ihre Kommune gibt es noch keinen Stand.">
                Er wird nach der nächsten Änderung an Ihren Maßnahmen berechnet.
              </EmptyState>
            }
          >
            {(o) => (
              <>
                <FilterBar label="Vergleichsgruppe">
                  <GroupPicker catalogue={c} value={groupId()} onChange={setGroupId} ownOnly />
                </FilterBar>
                <p class="muted">
                  Ihr Stand vom {formatDateTime(o.current!.computedAt)}: Index {formatScore(o.current!.index)}
                  , {o.current!.completedMeasures} Maßnahmen abgeschlossen, {o.current!.openMeasures} offen.
                </p>
                <Position groupId={groupId()} />
                <OwnTrend groupId={groupId()} own={o.trend} />
                <PeersAhead dimensions={o.current!.dimensions.map((d) => ({ key: d.key, label: d.label }))} />
              </>
            )}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

function Position(props: { groupId: string }) {
  const position = useQuery(() => ({
    queryKey: ["benchmark.position", props.groupId],
    queryFn: () => trpc.benchmark.position.query({ groupId: props.groupId }),
  }));
  return (
    <QueryView query={position}>
      {(p) => (
        <>
          <Chart
            heading={2}
            title={`Ihre Position in: ${p.group.label}`}
            summary={`Kastengrafik je Kennzahl für ${p.group.label}, Ihre Werte als Raute.`}
            option={boxplotOption(
              p.metrics,
              p.metrics.map((m) => m.own),
            )}
            tableOpen
            table={
              <table class="table">
                <caption>Ihre Werte und die der Gruppe</caption>
                <thead>
                  <tr>
                    <th scope="col">Kennzahl</th>
                    <th scope="col" class="num">
                      Ihr Wert
                    </th>
                    <th scope="col">Ihre Lage</th>
                    <FigureHeaderCells />
                  </tr>
                </thead>
                <tbody>
                  <For each={p.metrics}>
                    {(m) => (
                      <tr>
                        <th scope="row">{m.label}</th>
                        <td class="num">
                          {formatScore(m.own)}
                          {m.ownLevel !== null ? ` (Stufe ${m.ownLevel})` : ""}
                        </td>
                        <td class="band">{m.band?.label ?? "–"}</td>
                        <FigureCells figures={m.figures} />
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            }
          />
          <section aria-labelledby="lagging-title">
            <h2 id="lagging-title">Wo Sie am weitesten zurückliegen</h2>
            <Show
              when={p.lagging.length > 0}
              fallback={<p>In keiner Dimension liegen Sie unter dem Median dieser Gruppe.</p>}
            >
              <ol>
                <For each={p.lagging}>
                  {(l) => (
                    <li>
                      <strong>{l.label}</strong>: Ihr Wert {formatScore(l.own)}, Median der Gruppe{" "}
                      {formatScore(l.median)} (Abstand {formatScore(l.gap)})
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </section>
        </>
      )}
    </QueryView>
  );
}

type OwnTrendPoint = { stichtag: { period: string; date: string }; index: number };

function OwnTrend(props: { groupId: string; own: OwnTrendPoint[] }) {
  const trend = useQuery(() => ({
    queryKey: ["benchmark.trend", { groupId: props.groupId, metric: "index" }],
    queryFn: () => trpc.benchmark.trend.query({ groupId: props.groupId, metric: "index" }),
  }));
  const key = (s: { period: string; date: string }) =>
    s.period === "current" ? "aktuell" : s.date.slice(0, 7);
  return (
    <QueryView query={trend}>
      {(t) => {
        const labels = props.own.map((p) => key(p.stichtag));
        const median = new Map(
          t.points.map((p) => [key(p.stichtag), p.figures.suppressed ? null : p.figures.median]),
        );
        return (
          <Chart
            heading={2}
            title="Ihr Index im Verlauf und der Median der Gruppe"
            summary={`Liniendiagramm über ${formatCountOf(labels.length, "Stichtag", "Stichtage")}: Ihr Reifegradindex und der Median von ${t.group.label}.`}
            option={{
              tooltip: { trigger: "axis" },
              legend: { top: 0 },
              grid: { left: 8, right: 24, top: 36, bottom: 8 },
              xAxis: { type: "category", data: labels },
              yAxis: { type: "value", min: 0, max: 4 },
              series: [
                { name: "Ihr Index", type: "line", data: props.own.map((p) => p.index) },
                {
                  name: `Median ${t.group.label}`,
                  type: "line",
                  lineStyle: { type: "dashed" },
                  data: labels.map((l) => median.get(l) ?? null),
                },
              ],
            }}
            table={
              <table class="table">
                <caption>Index je Stichtag</caption>
                <thead>
                  <tr>
                    <th scope="col">Stichtag</th>
                    <th scope="col" class="num">
                      Ihr Index
                    </th>
                    <th scope="col" class="num">
                      Median der Gruppe
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={props.own}>
                    {(p) => (
                      <tr>
                        <th scope="row">{key(p.stichtag)}</th>
                        <td class="num">{formatScore(p.index)}</td>
                        <td class="num">
                          {median.get(key(p.stichtag)) == null
                            ? "nicht ausgewiesen"
                            : formatScore(median.get(key(p.stichtag)))}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            }
          />
        );
      }}
    </QueryView>
  );
}

function PeersAhead(props: { dimensions: { key: string; label: string }[] }) {
  const [dimension, setDimension] = createSignal(props.dimensions[0]?.key ?? "");
  const peers = useQuery(() => ({
    queryKey: ["benchmark.peersAhead", dimension()],
    queryFn: () => trpc.benchmark.peersAhead.query({ dimensionKey: dimension() }),
    enabled: dimension() !== "",
  }));
  return (
    <section aria-labelledby="peers-title">
      <h2 id="peers-title">Wer ist Ihnen voraus?</h2>
      <p class="muted">Nur Kommunen, die ihre Werte mit anderen Kommunen teilen.</p>
      <FilterBar label="Dimension">
        <SelectField
          label="Dimension"
          value={dimension()}
          onChange={(e) => setDimension(e.currentTarget.value)}
          options={props.dimensions.map((d) => ({ value: d.key, label: d.label }))}
        />
      </FilterBar>
      <QueryView
        query={peers}
        isEmpty={(p) => p.peers.length === 0}
        empty={<EmptyState title="Keine Kommune, die ihre Werte teilt, ist Ihnen hier voraus." />}
      >
        {(p) => (
          <TableScroll>
            <table class="table">
              <caption>Kommunen vor Ihnen in {p.dimension.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Kommune</th>
                  <th scope="col">Art</th>
                  <th scope="col">Kreis</th>
                  <th scope="col" class="num">
                    Stufe
                  </th>
                  <th scope="col" class="num">
                    Punktwert
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={p.peers}>
                  {(x) => (
                    <tr>
                      <th scope="row">{x.name}</th>
                      <td>{x.kindLabel}</td>
                      <td>{x.kreisName ?? "–"}</td>
                      <td class="num">{x.level}</td>
                      <td class="num">{formatScore(x.score)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </section>
  );
}
