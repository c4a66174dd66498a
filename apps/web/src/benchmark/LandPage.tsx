// "Reifegrad im Land" (Landes-PMO, Landesadministration): the k-anonymous maturity figures of the Kommunen – the
// distribution per dimension for a peer group and Stichtag, the trend of median and quartiles over 36 months, the
// map of the Kreise, how many Kommunen reach a level in a dimension, and the Kommunen that share their figures with
// the Land by name. Suppressed figures say so in German; every chart has its table; the export is what is shown.
import { A } from "@solidjs/router";
import { boxplotOption, quartileTrendOption } from "@spatz/charts";
import { can, formatCountOf, formatDateTime, formatInteger, formatNumber } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { Chart } from "../ui/charts/Chart.tsx";
import { ExportButtons } from "../ui/ExportButtons.tsx";
import { FilterBar, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import {
  FigureCells,
  FigureHeaderCells,
  formatScore,
  GroupPicker,
  StichtagPicker,
  stichtagLabel,
} from "./figures.tsx";
import { KreisMap } from "./KreisMap.tsx";
import "./benchmark.css";

export function LandPage(props: { me: Me }) {
  const catalogue = useQuery(() => ({
    queryKey: ["benchmark.catalogue"],
    queryFn: () => trpc.benchmark.catalogue.query(),
  }));
  const status = useQuery(() => ({
    queryKey: ["benchmark.status"],
    queryFn: () => trpc.benchmark.status.query(),
    refetchInterval: 30_000,
  }));
  const [groupId, setGroupId] = createSignal("all");
  const [stichtag, setStichtag] = createSignal("current");
  const [metric, setMetric] = createSignal("index");
  return (
    <>
      <PageHeader
        title="Reifegrad im Land"
        intro="Wie weit die Kommunen in ihrer digitalen Reife sind – nur als Gruppenwerte von mindestens k Kommunen, oder namentlich, wo eine Kommune ihre Werte mit dem Land teilt."
      />
      <Show when={status.data}>
        {(s) => (
          <p class="aggregate-stand" role="status">
            {s().summary}
            <Show when={can(props.me.user.role, "jobs.overview")}>
              {" "}
              <A href="/land/hintergrundaufgaben">Hintergrundaufgaben ansehen</A>
            </Show>
          </p>
        )}
      </Show>
      <Show when={can(props.me.user.role, "benchmark.setK")}>
        <KSetting />
      </Show>
      <QueryView
        query={catalogue}
        loadingLabel="Vergleichswerte werden geladen …"
        isEmpty={(c) => c.asOf === null}
        empty={
          <EmptyState title="Die Vergleichswerte werden gerade zum ersten Mal berechnet.">
            Sie erscheinen, sobald die Hintergrundaufgabe gelaufen ist.
          </EmptyState>
        }
      >
        {(c) => (
          <>
            <FilterBar label="Auswahl">
              <GroupPicker catalogue={c} value={groupId()} onChange={setGroupId} />
              <StichtagPicker catalogue={c} value={stichtag()} onChange={setStichtag} />
            </FilterBar>
            <Distribution groupId={groupId()} stichtag={stichtag()} k={c.k} />
            <FilterBar label="Kennzahl für Verlauf und Karte">
              <SelectField
                label="Kennzahl für Verlauf und Karte"
                value={metric()}
                onChange={(e) => setMetric(e.currentTarget.value)}
                options={c.metrics.map((m) => ({ value: m.key, label: m.label }))}
              />
            </FilterBar>
            <Trend groupId={groupId()} metric={metric()} />
            <MapSection stichtag={stichtag()} metric={metric()} />
            <LevelCounts catalogue={c} stichtag={stichtag()} />
            <SharedKommunen />
          </>
        )}
      </QueryView>
    </>
  );
}

function Distribution(props: { groupId: string; stichtag: string; k: number }) {
  const input = () => ({ groupId: props.groupId, stichtag: props.stichtag });
  const distribution = useQuery(() => ({
    queryKey: ["benchmark.distribution", input()],
    queryFn: () => trpc.benchmark.distribution.query(input()),
  }));
  return (
    <QueryView query={distribution}>
      {(d) => (
        <section aria-labelledby="distribution-title">
          <div class="section-head">
            <h2 id="distribution-title">
              Verteilung: {d.group.label},{" "}
              {stichtagLabel(d.stichtag.period === "current" ? "current" : d.stichtag.date)}
            </h2>
            <ExportButtons
              label="Verteilung"
              load={(format) => trpc.benchmark.exportDistribution.query({ ...input(), format })}
            />
          </div>
          <p class="muted">
            Berechnet am {formatDateTime(d.computedAt)}. Werte nur für Gruppen mit mindestens {d.k} Kommunen.
          </p>
          <Chart
            heading={3}
            title="Index und Dimensionen"
            summary={`Kastengrafik je Kennzahl (Minimum, 25 %, Median, 75 %, Maximum) für ${d.group.label}.`}
            option={boxplotOption(d.metrics)}
            // Open: the table is where a suppressed figure says why.
            tableOpen
            table={
              <table class="table">
                <caption>Verteilung je Kennzahl</caption>
                <thead>
                  <tr>
                    <th scope="col">Kennzahl</th>
                    <FigureHeaderCells />
                  </tr>
                </thead>
                <tbody>
                  <For each={d.metrics}>
                    {(m) => (
                      <tr>
                        <th scope="row">{m.label}</th>
                        <FigureCells figures={m.figures} />
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            }
          />
        </section>
      )}
    </QueryView>
  );
}

function Trend(props: { groupId: string; metric: string }) {
  const input = () => ({ groupId: props.groupId, metric: props.metric });
  const trend = useQuery(() => ({
    queryKey: ["benchmark.trend", input()],
    queryFn: () => trpc.benchmark.trend.query(input()),
  }));
  return (
    <QueryView query={trend} isEmpty={(t) => t.points.length === 0}>
      {(t) => {
        const label = (p: (typeof t.points)[number]) =>
          p.stichtag.period === "current" ? "aktuell" : p.stichtag.date.slice(0, 7);
        return (
          <Chart
            heading={2}
            title={`Verlauf: ${t.metric.label} (${t.group.label})`}
            summary={`Liniendiagramm: Median und Quartile von ${t.metric.label} über ${formatCountOf(t.points.length, "Stichtag", "Stichtage")}; Lücken sind nicht ausgewiesene Monate.`}
            option={quartileTrendOption(t.points.map((p) => ({ label: label(p), figures: p.figures })))}
            table={
              <table class="table">
                <caption>Verlauf je Stichtag</caption>
                <thead>
                  <tr>
                    <th scope="col">Stichtag</th>
                    <FigureHeaderCells />
                  </tr>
                </thead>
                <tbody>
                  <For each={t.points}>
                    {(p) => (
                      <tr>
                        <th scope="row">{label(p)}</th>
                        <FigureCells figures={p.figures} />
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

function MapSection(props: { stichtag: string; metric: string }) {
  const input = () => ({ stichtag: props.stichtag, metric: props.metric });
  const map = useQuery(() => ({
    queryKey: ["benchmark.kreisMap", input()],
    queryFn: () => trpc.benchmark.kreisMap.query(input()),
  }));
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">Kreise</h2>
      <QueryView query={map} isEmpty={(m) => m.kreise.length === 0}>
        {(m) => (
          <KreisMap
            metricLabel={m.metric.label}
            kreise={m.kreise.map((k) => ({
              kreisAgs: k.kreisAgs,
              label: k.label,
              median: k.median,
              reason: k.figures.suppressed ? k.figures.reason : null,
            }))}
          />
        )}
      </QueryView>
    </section>
  );
}

function LevelCounts(props: { catalogue: { metrics: { key: string; label: string }[] }; stichtag: string }) {
  const dimensions = () => props.catalogue.metrics.filter((m) => m.key !== "index");
  const [dimension, setDimension] = createSignal(dimensions()[0]?.key ?? "");
  const [minLevel, setMinLevel] = createSignal(2);
  const input = () => ({ dimensionKey: dimension(), minLevel: minLevel(), stichtag: props.stichtag });
  const counts = useQuery(() => ({
    queryKey: ["benchmark.levelCounts", input()],
    queryFn: () => trpc.benchmark.levelCounts.query(input()),
    enabled: dimension() !== "",
  }));
  return (
    <section aria-labelledby="levels-title">
      <h2 id="levels-title">Wie viele Kommunen erreichen eine Stufe?</h2>
      <FilterBar label="Dimension und Stufe">
        <SelectField
          label="Dimension"
          value={dimension()}
          onChange={(e) => setDimension(e.currentTarget.value)}
          options={dimensions().map((m) => ({ value: m.key, label: m.label }))}
        />
        <SelectField
          label="mindestens Stufe"
          value={String(minLevel())}
          onChange={(e) => setMinLevel(Number(e.currentTarget.value))}
          options={[1, 2, 3, 4].map((l) => ({ value: String(l), label: String(l) }))}
        />
      </FilterBar>
      <QueryView query={counts}>
        {(c) => (
          <TableScroll>
            <table class="table">
              <caption>
                Kommunen mit Stufe ≥ {c.minLevel} in {c.dimension.label}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Gruppe</th>
                  <th scope="col">erreicht</th>
                </tr>
              </thead>
              <tbody>
                <For each={c.groups}>
                  {(g) => (
                    <tr>
                      <th scope="row">{g.group.label}</th>
                      <td classList={{ suppressed: g.figures.suppressed }}>
                        {g.figures.suppressed
                          ? g.figures.reason
                          : `${formatInteger(g.figures.reached)} von ${formatInteger(g.figures.n)} Kommunen (${formatNumber(g.figures.share * 100, 0)} %)`}
                      </td>
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

function SharedKommunen() {
  const shared = useQuery(() => ({
    queryKey: ["benchmark.sharedKommunen"],
    queryFn: () => trpc.benchmark.sharedKommunen.query(),
  }));
  return (
    <section aria-labelledby="shared-title">
      <h2 id="shared-title">Kommunen, die ihre Werte mit dem Land teilen</h2>
      <QueryView
        query={shared}
        isEmpty={(s) => s.rows.length === 0}
        empty={<EmptyState title="Noch keine Kommune teilt ihre Werte namentlich mit dem Land." />}
      >
        {(s) => (
          <TableScroll>
            <table class="table">
              <caption class="visually-hidden">Kommunen, die ihre Werte mit dem Land teilen</caption>
              <thead>
                <tr>
                  <th scope="col">Kommune</th>
                  <th scope="col">Art</th>
                  <th scope="col">Kreis</th>
                  <th scope="col" class="num">
                    Index
                  </th>
                  <For each={s.metrics.filter((m) => m.key !== "index")}>
                    {(m) => (
                      <th scope="col" class="num">
                        {m.label}
                      </th>
                    )}
                  </For>
                </tr>
              </thead>
              <tbody>
                <For each={s.rows}>
                  {(r) => (
                    <tr>
                      <th scope="row">{r.name}</th>
                      <td>{r.kindLabel}</td>
                      <td>{r.kreisName ?? "–"}</td>
                      <td class="num">{formatScore(r.index)}</td>
                      <For each={s.metrics.filter((m) => m.key !== "index")}>
                        {(m) => {
                          const d = r.dimensions.find((x) => x.key === m.key);
                          return (
                            <td class="num">{d ? `Stufe ${d.level} (${formatScore(d.score)})` : "–"}</td>
                          );
                        }}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      <p class="muted">
        Eine Kommune entscheidet selbst, ob sie ihre Werte namentlich teilt, und kann es jederzeit
        zurücknehmen. <A href="/land/hintergrundaufgaben">Hintergrundaufgaben</A>
      </p>
    </section>
  );
}

/** The minimum group size k (state administration): a change recomputes every figure at once. */
function KSetting() {
  const client = useQueryClient();
  const settings = useQuery(() => ({
    queryKey: ["benchmark.settings"],
    queryFn: () => trpc.benchmark.settings.query(),
  }));
  // null until the user types: the field shows the current k.
  const [value, setValue] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const save = useMutation(() => ({
    mutationFn: () => trpc.benchmark.setK.mutate({ k: Number(value() ?? settings.data?.k) }),
    onSuccess: async (s) => {
      setNotice(`Mindestgröße ${s.k} gespeichert; die Vergleichswerte werden neu berechnet.`);
      await client.invalidateQueries({ queryKey: ["benchmark.settings"] });
    },
  }));
  return (
    <Show when={settings.data}>
      {(s) => (
        <details class="k-setting">
          <summary>Mindestgröße einer Vergleichsgruppe: k = {s().k}</summary>
          <form
            class="form form-inline"
            aria-label="Mindestgröße k"
            onSubmit={(e) => {
              e.preventDefault();
              setNotice(null);
              save.mutate();
            }}
          >
            <TextField
              label={`k (${s().minK} bis ${s().maxK} Kommunen)`}
              inputmode="numeric"
              value={value() ?? String(s().k)}
              onInput={(e) => setValue(e.currentTarget.value)}
              error={save.isError ? (fieldErrors(save.error).k ?? errorMessage(save.error)) : undefined}
            />
            <button type="submit" class="button" disabled={save.isPending}>
              Speichern
            </button>
          </form>
          <Show when={s().changedAt}>
            <p class="muted">
              Zuletzt geändert am {formatDateTime(s().changedAt)} von {s().changedBy ?? "–"}.
            </p>
          </Show>
          <Show when={notice()}>
            <Alert kind="success">{notice()}</Alert>
          </Show>
        </details>
      )}
    </Show>
  );
}
