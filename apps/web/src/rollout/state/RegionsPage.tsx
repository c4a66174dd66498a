// Coverage per Kreis and per Kommune: sortable tables and a map of Sachsen-Anhalt drawn from the Gemeinden's
// coordinates (a simple equirectangular projection, no map tiles: the CSP allows only 'self'), coloured by the share
// online of the Kommune that administers each Gemeinde, or of its Kreis.
import { A, useNavigate } from "@solidjs/router";
import { berlinToday } from "@spatz/domain";
import type { KommunenPageInput } from "@spatz/rollout";
import { useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { Chart } from "../../ui/charts/Chart.tsx";
import { codeOptions, FilterBar, SelectField, TextField, withAll } from "../../ui/Field.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { ExportButtons } from "../ExportButtons.tsx";
import { formatCount, formatShare } from "../format.ts";
import { type KommuneKind, kommuneKindLabels, kommuneKinds } from "../labels.ts";
import { type Column, type SortState, SortTable } from "../SortTable.tsx";
import { drillHref, Share, StateTabs } from "../ui.tsx";
import { ForecastSection } from "./ForecastSection.tsx";

type Data = Awaited<ReturnType<typeof trpc.rollout.coverageByKommune.query>>;
type KreisRow = Data["kreise"][number];

/** Viridis-like sequential scale: readable for colour-blind users, light = low, dark = high. */
const SCALE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];
const COS_LAT = Math.cos((51.9 * Math.PI) / 180);

const kreisColumns: Column<KreisRow>[] = [
  {
    key: "name",
    header: "Kreis",
    sort: (r) => r.name,
    cell: (r) => <A href={drillHref({ kreisAgs: r.kreisAgs })}>{r.name}</A>,
  },
  {
    key: "kommunen",
    header: "Kommunen",
    num: true,
    sort: (r) => r.kommunen,
    cell: (r) => formatCount(r.kommunen),
  },
  {
    key: "online",
    header: "online / zuständig",
    num: true,
    sort: (r) => r.online,
    cell: (r) => (
      <A href={drillHref({ kreisAgs: r.kreisAgs, status: "online" })}>
        {formatCount(r.online)} / {formatCount(r.relevant)}
      </A>
    ),
  },
  {
    key: "share",
    header: "Anteil online",
    num: true,
    sort: (r) => r.share,
    cell: (r) => <Share share={r.share} />,
  },
  {
    key: "implementing",
    header: "in Umsetzung",
    num: true,
    sort: (r) => r.byStatus.implementing,
    cell: (r) => formatCount(r.byStatus.implementing),
  },
];

type KommunePage = Awaited<ReturnType<typeof trpc.rollout.kommunen.query>>;
type KommuneRow = KommunePage["items"][number];

// Keys are the server's sort keys (rollout.kommunen); a column without `sort` cannot be sorted.
const kommuneColumns: Column<KommuneRow>[] = [
  {
    key: "name",
    header: "Kommune",
    sort: (r) => r.name,
    cell: (r) => <A href={drillHref({ kommuneId: r.kommuneId })}>{r.name}</A>,
  },
  { key: "kind", header: "Art", cell: (r) => kommuneKindLabels[r.kind] },
  { key: "kreis", header: "Kreis", sort: (r) => r.kreisName, cell: (r) => r.kreisName || "–" },
  {
    key: "population",
    header: "Einwohner",
    num: true,
    sort: (r) => r.population,
    cell: (r) => formatCount(r.population),
  },
  {
    key: "online",
    header: "online / zuständig",
    num: true,
    sort: (r) => r.online,
    cell: (r) => (
      <A href={drillHref({ kommuneId: r.kommuneId, status: "online" })}>
        {formatCount(r.online)} / {formatCount(r.relevant)}
      </A>
    ),
  },
  {
    key: "share",
    header: "Anteil online",
    num: true,
    sort: (r) => r.share,
    cell: (r) => <Share share={r.share} />,
  },
  {
    key: "implementing",
    header: "in Umsetzung",
    num: true,
    sort: (r) => r.implementing,
    cell: (r) => formatCount(r.implementing),
  },
  {
    key: "overdue",
    header: "davon überfällig",
    num: true,
    sort: (r) => r.overdue,
    cell: (r) => formatCount(r.overdue),
  },
];

const PAGE_SIZE = 50;

/** The forecast of one Kreis (all its Kommunen's responsible services) at the current pace. */
function KreisForecast(props: { kreise: Data["kreise"] }) {
  const [kreis, setKreis] = createSignal(props.kreise[0]?.kreisAgs ?? "");
  return (
    <Show when={props.kreise.length > 0}>
      <FilterBar label="Kreis für die Prognose">
        <SelectField
          label="Prognose für den Kreis"
          value={kreis()}
          onChange={(e) => setKreis(e.currentTarget.value)}
          options={props.kreise.map((k) => ({ value: k.kreisAgs, label: k.name }))}
        />
      </FilterBar>
      <ForecastSection
        scope={{ kreisAgs: kreis() }}
        title={`Prognose: ${props.kreise.find((k) => k.kreisAgs === kreis())?.name ?? "Kreis"}`}
        current={berlinToday().slice(0, 7)}
      />
    </Show>
  );
}

/** The Kommunen, filtered, sorted and paged by the server (the list grows with the programme, not with the screen). */
function KommuneTable(props: { kreise: Data["kreise"] }) {
  const [search, setSearch] = createSignal("");
  const [kreis, setKreis] = createSignal("");
  const [kind, setKind] = createSignal<KommuneKind | "">("");
  const [sort, setSort] = createSignal<SortState>({ key: "share", dir: "desc" });
  const [page, setPage] = createSignal(1);
  const input = () => ({
    sort: sort().key as KommunenPageInput["sort"],
    dir: sort().dir,
    page: page(),
    pageSize: PAGE_SIZE,
    ...(search().trim() && { search: search().trim() }),
    ...(kreis() && { kreisAgs: kreis() }),
    ...(kind() && { kind: kind() as KommuneKind }),
  });
  const list = useQuery(() => ({
    queryKey: ["rollout.kommunen", input()],
    queryFn: () => trpc.rollout.kommunen.query(input()),
    placeholderData: (previous: KommunePage | undefined) => previous,
  }));
  const filter = (set: () => void) => {
    set();
    setPage(1);
  };
  return (
    <>
      <FilterBar label="Kommunen filtern">
        <TextField
          label="Kommune suchen"
          type="search"
          maxLength={100}
          value={search()}
          onInput={(e) => {
            const value = e.currentTarget.value;
            filter(() => setSearch(value));
          }}
        />
        <SelectField
          label="Kreis"
          value={kreis()}
          onChange={(e) => {
            const value = e.currentTarget.value;
            filter(() => setKreis(value));
          }}
          options={withAll(props.kreise.map((k) => ({ value: k.kreisAgs, label: k.name })))}
        />
        <SelectField
          label="Art"
          value={kind()}
          onChange={(e) => {
            const value = e.currentTarget.value as KommuneKind | "";
            filter(() => setKind(value));
          }}
          options={withAll(codeOptions(kommuneKinds, kommuneKindLabels))}
        />
      </FilterBar>
      <QueryView
        query={list}
        isEmpty={(d) => d.total === 0}
        empty={<EmptyState title="Keine Kommune für diese Auswahl." />}
      >
        {(d) => (
          <SortTable
            caption="Abdeckung je Kommune"
            captionHidden
            columns={kommuneColumns}
            rows={d.items}
            pageSize={PAGE_SIZE}
            remote={{
              sort: sort(),
              onSort: (next) => filter(() => setSort(next)),
              page: d.page,
              total: d.total,
              onPage: setPage,
            }}
          />
        )}
      </QueryView>
    </>
  );
}

function RolloutMap(props: { data: Data }) {
  const navigate = useNavigate();
  const [mode, setMode] = createSignal<"kommune" | "kreis">("kommune");
  const kommuneById = createMemo(() => new Map(props.data.kommunen.map((k) => [k.kommuneId, k])));
  const kreisByAgs = createMemo(() => new Map(props.data.kreise.map((k) => [k.kreisAgs, k])));
  const points = createMemo(() =>
    props.data.points.map((p) => {
      const kommune = p.kommuneId ? kommuneById().get(p.kommuneId) : undefined;
      const kreis = kreisByAgs().get(p.kreisAgs);
      const row = mode() === "kommune" ? kommune : kreis;
      return { p, kommune, kreis, share: row?.share ?? null, owner: row?.name ?? "–" };
    }),
  );
  const bounds = createMemo(() => {
    const xs = props.data.points.map((p) => p.longitude * COS_LAT);
    const ys = props.data.points.map((p) => p.latitude);
    let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Equal scale on both axes for the 4:5 container: widen the narrower range.
    const target = 4 / 5;
    const w = x1 - x0;
    const h = y1 - y0;
    if (w / h < target) {
      const pad = (h * target - w) / 2;
      x0 -= pad;
      x1 += pad;
    } else {
      const pad = (w / target - h) / 2;
      y0 -= pad;
      y1 += pad;
    }
    return { x0: x0 - 0.05, x1: x1 + 0.05, y0: y0 - 0.05, y1: y1 + 0.05 };
  });
  return (
    <Chart
      heading={2}
      title="Karte: Anteil online"
      actions={
        <fieldset class="field">
          <legend>Färbung nach</legend>
          <label class="checkbox-field">
            <input
              type="radio"
              name="map-mode"
              checked={mode() === "kommune"}
              onChange={() => setMode("kommune")}
            />
            Kommune (Gemeindeaufgaben)
          </label>
          <label class="checkbox-field">
            <input
              type="radio"
              name="map-mode"
              checked={mode() === "kreis"}
              onChange={() => setMode("kreis")}
            />
            Kreis (alle Kommunen im Kreis)
          </label>
        </fieldset>
      }
      class="chart-map"
      summary={`Karte von Sachsen-Anhalt mit ${formatCount(props.data.points.length)} Gemeinden als Punkten, gefärbt nach dem Anteil online ${mode() === "kommune" ? "der zuständigen Kommune" : "des Kreises"} (hell = wenig, dunkel = viel).`}
      onClick={(e) => {
        const item = points()[e.dataIndex];
        if (!item) return;
        navigate(
          mode() === "kommune" && item.kommune
            ? drillHref({ kommuneId: item.kommune.kommuneId })
            : drillHref({ kreisAgs: item.p.kreisAgs }),
        );
      }}
      option={{
        grid: { left: 0, right: 0, top: 0, bottom: 40 },
        xAxis: { type: "value", min: bounds().x0, max: bounds().x1, show: false },
        yAxis: { type: "value", min: bounds().y0, max: bounds().y1, show: false },
        visualMap: {
          type: "continuous",
          min: 0,
          max: 1,
          dimension: 2,
          orient: "horizontal",
          left: "center",
          bottom: 0,
          itemWidth: 12,
          text: ["100 %", "0 %"],
          inRange: { color: SCALE },
          outOfRange: { color: "#bbbbbb" },
        },
        tooltip: {
          trigger: "item",
          formatter: (params: { dataIndex: number }) => {
            const item = points()[params.dataIndex];
            if (!item) return "";
            // Rich text on the canvas, not HTML: names need no escaping and a line break is "\n".
            return `${item.p.name}\n${item.owner}: ${formatShare(item.share)} online`;
          },
        },
        series: [
          {
            type: "scatter",
            symbolSize: (v: number[]) => Math.max(9, Math.min(28, Math.sqrt((v[3] ?? 0) / 300))),
            itemStyle: { borderColor: "#1b1f24", borderWidth: 0.5 },
            data: points().map((x) => [x.p.longitude * COS_LAT, x.p.latitude, x.share ?? -1, x.p.population]),
          },
        ],
      }}
      table={
        <table class="table">
          <caption class="visually-hidden">Gemeinden auf der Karte</caption>
          <thead>
            <tr>
              <th scope="col">Gemeinde</th>
              <th scope="col">{mode() === "kommune" ? "Zuständige Kommune" : "Kreis"}</th>
              <th scope="col" class="num">
                Anteil online
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={points()}>
              {(x) => (
                <tr>
                  <td>{x.p.name}</td>
                  <td>{x.owner}</td>
                  <td class="num">{formatShare(x.share)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      }
    />
  );
}

export function RegionsPage(props: { me: Me }) {
  const data = useQuery(() => ({
    queryKey: ["rollout.coverageByKommune"],
    queryFn: () => trpc.rollout.coverageByKommune.query(),
  }));
  return (
    <>
      <PageHeader
        title="Abdeckung je Kreis und Kommune"
        intro="Anteil der Paare Kommune × zuständige Leistung, die online sind. Ein Kreis umfasst den Landkreis selbst und alle Kommunen in ihm; eine kreisfreie Stadt ist ihr eigener Kreis."
      />
      <StateTabs me={props.me} />
      <QueryView
        query={data}
        isEmpty={(d) => d.kommunen.length === 0}
        empty={<EmptyState title="Noch keine Kommunen angelegt." />}
      >
        {(d) => (
          <>
            <div class="section-head">
              <h2>Kreise</h2>
              <ExportButtons
                label="Abdeckung je Kreis"
                load={(format) => trpc.rollout.exportState.query({ table: "kreise", format })}
              />
            </div>
            <SortTable
              caption="Abdeckung je Kreis"
              captionHidden
              columns={kreisColumns}
              rows={d.kreise}
              initialSort={{ key: "share", dir: "desc" }}
            />
            <RolloutMap data={d} />
            <KreisForecast kreise={d.kreise} />
            <div class="section-head">
              <h2>Kommunen</h2>
              <ExportButtons
                label="Abdeckung je Kommune"
                load={(format) => trpc.rollout.exportState.query({ table: "kommunen", format })}
              />
            </div>
            <KommuneTable kreise={d.kreise} />
          </>
        )}
      </QueryView>
    </>
  );
}
