// Coverage per Kreis and per Kommune: sortable tables and a map of Sachsen-Anhalt's Kreise or Gemeinden (ui/map), coloured
// by the share online of the Kreis or of the Kommune that administers each Gemeinde, or for one service by its share per
// Kreis or the status of each Gemeinde's Kommune; every region leads to its entries.

import { A } from "@solidjs/router";
import { berlinToday } from "@spatz/domain";
import type { KommunenPageInput } from "@spatz/rollout";
import { useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { codeOptions, FilterBar, SelectField, TextField, withAll } from "../../ui/Field.tsx";
import { type MapLevel, type MapRegion, RegionMap } from "../../ui/map/RegionMap.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView, StableQueryView } from "../../ui/QueryView.tsx";
import { EmptyState, ErrorState, Loading } from "../../ui/states.tsx";
import { coverageColumns } from "../coverage-columns.tsx";
import { formatCount, formatShare } from "../format.ts";
import {
  type KommuneKind,
  kommuneKindLabels,
  kommuneKinds,
  rolloutStatusLabels,
  STATUS_COLORS,
} from "../labels.ts";
import { catalogueFacetsQuery, coverageMatrixQuery, serviceByKommuneQuery } from "../queries.ts";
import { type Column, type SortState, SortTable } from "../SortTable.tsx";
import { drillHref, StateTabs } from "../ui.tsx";
import { ForecastSection } from "./ForecastSection.tsx";

type Data = Awaited<ReturnType<typeof trpc.rollout.coverageByKommune.query>>;
type KreisRow = Data["kreise"][number];

/** Viridis-like sequential scale: readable for colour-blind users, light = low, dark = high. */
const SCALE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

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
  ...coverageColumns<KreisRow>((r) => ({ kreisAgs: r.kreisAgs })),
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
  ...coverageColumns<KommuneRow>((r) => ({ kommuneId: r.kommuneId })),
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

/** The colour of a share online (0–1) in five steps of SCALE; grey-hatched where the Kommune has nothing to offer. */
function shareFill(share: number | null): string | null {
  return share === null ? null : SCALE[Math.min(SCALE.length - 1, Math.floor(share * SCALE.length))]!;
}

const LEGEND = SCALE.map((colour, i) => ({
  colour,
  label: `${i * 20} bis ${i === SCALE.length - 1 ? "100" : `unter ${(i + 1) * 20}`} %`,
}));

/** One service by Gemeinde: the status of the administering Kommune, in the status colours of the other charts. */
const STATUS_LEGEND = (["online", "implementing", "planning", "not_started", "not_responsible"] as const).map(
  (status) => ({ colour: STATUS_COLORS[status], label: rolloutStatusLabels[status] }),
);

function RolloutMap(props: { data: Data }) {
  const [level, setLevel] = createSignal<MapLevel>("kreise");
  // The figure: all services, or one service of a Themenfeld: its share online per Kreis (from the Kreis aggregates),
  // or per Gemeinde the status of the Kommune that administers it.
  const [themenfeldId, setThemenfeldId] = createSignal("");
  const [serviceId, setServiceId] = createSignal("");
  const facets = useQuery(catalogueFacetsQuery);
  const matrix = useQuery(() => coverageMatrixQuery(themenfeldId()));
  const service = () => matrix.data?.services.find((sv) => sv.serviceId === serviceId());
  const statuses = useQuery(() =>
    serviceByKommuneQuery(service() !== undefined && level() === "gemeinden" ? serviceId() : ""),
  );
  const statusOf = createMemo(() => new Map((statuses.data ?? []).map((s) => [s.kommuneId, s.status])));
  const byStatus = () => service() !== undefined && level() === "gemeinden";
  const kommuneById = createMemo(() => new Map(props.data.kommunen.map((k) => [k.kommuneId, k])));
  // A Gemeinde shows the share of the Kommune that administers it (its Verbandsgemeinde, or itself).
  const gemeinden = createMemo(() =>
    props.data.points.map((p) => {
      const kommune = p.kommuneId ? kommuneById().get(p.kommuneId) : undefined;
      return { ags: p.ags, name: p.name, kommune, share: kommune?.share ?? null };
    }),
  );
  const serviceRegions = (sv: NonNullable<ReturnType<typeof service>>): MapRegion[] =>
    props.data.kreise.map((k) => {
      const cell = sv.cells[k.kreisAgs];
      const share = cell && cell.relevant > 0 ? cell.online / cell.relevant : null;
      return {
        code: k.kreisAgs,
        label:
          share === null
            ? `${k.name}: ${sv.name} – keine zuständige Kommune`
            : `${k.name}: ${sv.name} ${formatShare(share)} online (${formatCount(cell!.online)} von ${formatCount(cell!.relevant)})`,
        fill: shareFill(share),
        href: share === null ? undefined : drillHref({ serviceId: sv.serviceId, kreisAgs: k.kreisAgs }),
      };
    });
  // A Gemeinde whose Kommune is not responsible for the service (its kind is not) is hatched like "no figures".
  const serviceGemeinden = () =>
    gemeinden().map((g) => ({
      ...g,
      status: g.kommune ? statusOf().get(g.kommune.kommuneId) : undefined,
    }));
  const serviceGemeindeRegions = (sv: NonNullable<ReturnType<typeof service>>): MapRegion[] =>
    serviceGemeinden().map((g) => ({
      code: g.ags,
      label:
        g.kommune && g.status
          ? `${g.name} (${g.kommune.name}): ${sv.name} – ${rolloutStatusLabels[g.status]}`
          : `${g.name}: ${sv.name} – keine zuständige Kommune`,
      fill: g.status ? STATUS_COLORS[g.status] : null,
      href:
        g.kommune && g.status ? `/land/rollout/eintraege/${g.kommune.kommuneId}/${sv.serviceId}` : undefined,
    }));
  const regions = (): MapRegion[] => {
    const sv = service();
    if (sv) return level() === "gemeinden" ? serviceGemeindeRegions(sv) : serviceRegions(sv);
    return level() === "kreise"
      ? props.data.kreise.map((k) => ({
          code: k.kreisAgs,
          label: `${k.name}: ${formatShare(k.share)} online`,
          fill: shareFill(k.share),
          href: drillHref({ kreisAgs: k.kreisAgs }),
        }))
      : gemeinden().map((g) => ({
          code: g.ags,
          label: g.kommune
            ? `${g.name} (${g.kommune.name}): ${formatShare(g.share)} online`
            : `${g.name}: keine zuständige Kommune in SPATZ`,
          fill: shareFill(g.share),
          href: g.kommune ? drillHref({ kommuneId: g.kommune.kommuneId }) : undefined,
        }));
  };
  return (
    <section aria-labelledby="map-title" class="card">
      <h2 id="map-title">Karte: Anteil online</h2>
      <FilterBar label="Kennzahl der Karte">
        <SelectField
          label="Themenfeld"
          value={themenfeldId()}
          onChange={(e) => {
            setThemenfeldId(e.currentTarget.value);
            setServiceId("");
          }}
          options={[
            { value: "", label: "alle Leistungen" },
            ...(facets.data?.themenfelder ?? []).map((t) => ({ value: t.id, label: t.name })),
          ]}
        />
        <Show when={themenfeldId()}>
          <SelectField
            label="Leistung"
            value={serviceId()}
            onChange={(e) => setServiceId(e.currentTarget.value)}
            options={[
              { value: "", label: matrix.isPending ? "wird geladen …" : "alle Leistungen des Themenfelds" },
              ...(matrix.data?.services ?? []).map((sv) => ({ value: sv.serviceId, label: sv.name })),
            ]}
          />
        </Show>
      </FilterBar>
      <fieldset class="field">
        <legend>Gebiete</legend>
        <label class="checkbox-field">
          <input
            type="radio"
            name="map-level"
            checked={level() === "kreise"}
            onChange={() => setLevel("kreise")}
          />
          Kreise
        </label>
        <label class="checkbox-field">
          <input
            type="radio"
            name="map-level"
            checked={level() === "gemeinden"}
            onChange={() => setLevel("gemeinden")}
          />
          Gemeinden ({service() ? "Stand" : "Anteil"} der zuständigen Kommune, z. B. der Verbandsgemeinde)
        </label>
      </fieldset>
      <Show when={byStatus() && statuses.isPending}>
        <Loading label="Stand der Kommunen wird geladen …" />
      </Show>
      <Show when={byStatus() && statuses.isError}>
        <ErrorState error={statuses.error} onRetry={() => statuses.refetch()} />
      </Show>
      <RegionMap
        level={level()}
        regions={regions()}
        summary={
          byStatus()
            ? `Karte von Sachsen-Anhalt: die Gemeinden, gefärbt nach dem Stand von „${service()!.name}“ in der zuständigen Kommune (schraffiert = keine zuständige Kommune); jede Gemeinde führt zum Eintrag ihrer Kommune.`
            : `Karte von Sachsen-Anhalt: ${level() === "kreise" ? "die Kreise" : "die Gemeinden"}, gefärbt nach dem Anteil online ${service() ? `von „${service()!.name}“` : "aller Leistungen"} (hell = wenig, dunkel = viel, schraffiert = keine Angaben); jedes Gebiet führt zu seinen Einträgen.`
        }
        legend={
          <ul class="map-legend" aria-label="Farben der Karte">
            <For each={byStatus() ? STATUS_LEGEND : LEGEND}>
              {(step) => (
                <li>
                  <svg class="map-legend-swatch" viewBox="0 0 16 16" aria-hidden="true">
                    <rect width="16" height="16" fill={step.colour} />
                  </svg>
                  {step.label}
                </li>
              )}
            </For>
          </ul>
        }
      />
      {/* The map's figures as a sortable table, every region on one page (it is printed with the map). */}
      <Switch>
        <Match when={byStatus() && service()}>
          {(sv) => (
            <MapData
              title={`${sv().name} je Gemeinde`}
              rows={serviceGemeinden()}
              columns={[
                ...gemeindeColumns,
                {
                  key: "status",
                  header: "Stand",
                  sort: (g) => (g.status ? rolloutStatusLabels[g.status] : null),
                  cell: (g) => (g.status ? rolloutStatusLabels[g.status] : "nicht zuständig"),
                },
              ]}
            />
          )}
        </Match>
        <Match when={service()}>
          {(sv) => (
            <MapData
              title={`${sv().name} je Kreis`}
              rows={props.data.kreise}
              columns={[
                { key: "name", header: "Kreis", sort: (k) => k.name, cell: (k) => k.name },
                {
                  key: "online",
                  header: "Online",
                  num: true,
                  sort: (k) => sv().cells[k.kreisAgs]?.online ?? 0,
                  cell: (k) => formatCount(sv().cells[k.kreisAgs]?.online ?? 0),
                },
                {
                  key: "relevant",
                  header: "Zuständige Kommunen",
                  num: true,
                  sort: (k) => sv().cells[k.kreisAgs]?.relevant ?? 0,
                  cell: (k) => formatCount(sv().cells[k.kreisAgs]?.relevant ?? 0),
                },
              ]}
            />
          )}
        </Match>
        <Match when={!service()}>
          <MapData
            title="Gemeinden und ihre zuständige Kommune"
            rows={gemeinden()}
            columns={[
              ...gemeindeColumns,
              {
                key: "share",
                header: "Anteil online",
                num: true,
                sort: (g) => g.share,
                cell: (g) => formatShare(g.share),
              },
            ]}
          />
        </Match>
      </Switch>
    </section>
  );
}

type MapGemeinde = { name: string; kommune?: { name: string } };

/** The first two columns of the Gemeinden's tables under the map. */
const gemeindeColumns: Column<MapGemeinde>[] = [
  { key: "name", header: "Gemeinde", sort: (g) => g.name, cell: (g) => g.name },
  {
    key: "kommune",
    header: "Zuständige Kommune",
    sort: (g) => g.kommune?.name ?? null,
    cell: (g) => g.kommune?.name ?? "–",
  },
];

/** The figures of the map as a table, closed under it (opened for printing). */
function MapData<R>(props: { title: string; rows: readonly R[]; columns: Column<R>[] }) {
  return (
    <details class="chart-data">
      <summary>Daten als Tabelle: {props.title}</summary>
      <SortTable
        caption={props.title}
        captionHidden
        rows={props.rows}
        columns={props.columns}
        pageSize={300}
      />
    </details>
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
      {/* Stable: a refetch updates the tables and the map in place, keeping the map's chosen level and figure. */}
      <StableQueryView query={data}>
        {(d) => (
          <Show
            when={d().kommunen.length > 0}
            fallback={<EmptyState title="Noch keine Kommunen angelegt." />}
          >
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
              rows={d().kreise}
              initialSort={{ key: "share", dir: "desc" }}
            />
            <RolloutMap data={d()} />
            <KreisForecast kreise={d().kreise} />
            <div class="section-head">
              <h2>Kommunen</h2>
              <ExportButtons
                label="Abdeckung je Kommune"
                load={(format) => trpc.rollout.exportState.query({ table: "kommunen", format })}
              />
            </div>
            <KommuneTable kreise={d().kreise} />
          </Show>
        )}
      </StableQueryView>
    </>
  );
}
