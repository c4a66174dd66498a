// Shared pieces of the portfolio screens: the filter (kept in the address, so views can be bookmarked, shared and
// saved), the filter form, the portfolio's sub-navigation and formatting.
import { useSearchParams } from "@solidjs/router";
import {
  formatEuro,
  formatNumber,
  type ProjectFilter,
  type ProjectMethod,
  type ProjectStatus,
  projectMethodLabels,
  projectMethods,
  projectStatuses,
  projectStatusLabels,
} from "@spatz/domain";
import { useQuery } from "@tanstack/solid-query";
import { type JSX, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { trpc } from "../lib/trpc.ts";
import { codeOptions, FilterBar, SelectField, TextField, withAll } from "../ui/Field.tsx";
import { type Section, SectionNav } from "../ui/SectionNav.tsx";

export type FilterOptions = Awaited<ReturnType<typeof trpc.portfolio.filterOptions.query>>;

export function useFilterOptions() {
  return useQuery(() => ({
    queryKey: ["portfolio.filterOptions"],
    queryFn: () => trpc.portfolio.filterOptions.query(),
    staleTime: 60_000,
  }));
}

/** Address parameters of a filter: q, gb, r, status, year, method, lead, mine. */
function filterFromParams(p: Partial<Record<string, string | string[]>>): ProjectFilter {
  const one = (key: string) => {
    const v = p[key];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const status = one("status");
  const method = one("method");
  const year = Number(one("year"));
  return {
    ...(one("q") ? { search: one("q") } : {}),
    ...(one("gb") ? { gbId: one("gb") } : {}),
    ...(one("r") ? { rId: one("r") } : {}),
    ...(status && (projectStatuses as readonly string[]).includes(status)
      ? { status: status as ProjectStatus }
      : {}),
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(method && (projectMethods as readonly string[]).includes(method)
      ? { method: method as ProjectMethod }
      : {}),
    ...(one("lead") ? { lead: one("lead") } : {}),
    ...(one("mine") === "1" ? { mine: true } : {}),
  };
}

function paramsFromFilter(f: ProjectFilter): Record<string, string | undefined> {
  return {
    q: f.search || undefined,
    gb: f.gbId,
    r: f.rId,
    status: f.status,
    year: f.year ? String(f.year) : undefined,
    method: f.method,
    lead: f.lead,
    mine: f.mine ? "1" : undefined,
  };
}

export function useProjectFilter() {
  const [params, setParams] = useSearchParams();
  const filter = () => filterFromParams(params);
  const update = (patch: Partial<ProjectFilter>, extra: Record<string, string | undefined> = {}) =>
    setParams({ ...paramsFromFilter({ ...filter(), ...patch }), page: undefined, ...extra });
  const replace = (f: ProjectFilter) =>
    setParams({
      q: undefined,
      gb: undefined,
      r: undefined,
      status: undefined,
      year: undefined,
      method: undefined,
      lead: undefined,
      mine: undefined,
      page: undefined,
      ...paramsFromFilter(f),
    });
  return { params, setParams, filter, update, replace };
}

export function FilterForm(props: {
  me: Me;
  filter: ProjectFilter;
  onChange: (patch: Partial<ProjectFilter>) => void;
  options: FilterOptions | undefined;
  /** Leave out the year (the timeline has its own). */
  noYear?: boolean;
  label: string;
}) {
  const units = () => props.options?.orgUnits ?? [];
  const gbs = () => units().filter((u) => u.kind === "gb");
  const rs = () =>
    units().filter((u) => u.kind === "r" && (!props.filter.gbId || u.parentId === props.filter.gbId));
  const gbCode = (id: string | null) => units().find((u) => u.id === id)?.code ?? "";
  return (
    <FilterBar label={props.label}>
      <TextField
        label="Suchen"
        maxLength={100}
        type="search"
        value={props.filter.search ?? ""}
        onInput={(e) => props.onChange({ search: e.currentTarget.value || undefined })}
      />
      <SelectField
        label="Geschäftsbereich"
        value={props.filter.gbId ?? ""}
        options={withAll(gbs().map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })))}
        onChange={(e) => props.onChange({ gbId: e.currentTarget.value || undefined, rId: undefined })}
      />
      <SelectField
        label="Ressort/Fachbereich"
        value={props.filter.rId ?? ""}
        options={withAll(
          rs().map((u) => ({ value: u.id, label: `${gbCode(u.parentId)} / ${u.code} – ${u.name}` })),
        )}
        onChange={(e) => props.onChange({ rId: e.currentTarget.value || undefined })}
      />
      <SelectField
        label="Status"
        value={props.filter.status ?? ""}
        options={withAll(codeOptions(projectStatuses, projectStatusLabels))}
        onChange={(e) =>
          props.onChange({ status: (e.currentTarget.value || undefined) as ProjectStatus | undefined })
        }
      />
      <Show when={!props.noYear}>
        <SelectField
          label="Jahr"
          value={props.filter.year ? String(props.filter.year) : ""}
          options={[
            { value: "", label: "alle Jahre" },
            ...(props.options?.years ?? []).map((y) => ({ value: String(y), label: String(y) })),
          ]}
          onChange={(e) =>
            props.onChange({ year: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })
          }
        />
      </Show>
      <SelectField
        label="Methode"
        value={props.filter.method ?? ""}
        options={withAll(codeOptions(projectMethods, projectMethodLabels))}
        onChange={(e) =>
          props.onChange({ method: (e.currentTarget.value || undefined) as ProjectMethod | undefined })
        }
      />
      <SelectField
        label="Projektleitung"
        value={props.filter.lead ?? ""}
        options={withAll((props.options?.leads ?? []).map((l) => ({ value: l, label: l })))}
        onChange={(e) => props.onChange({ lead: e.currentTarget.value || undefined })}
      />
      <Show when={props.me.user.role === "project_lead" || props.filter.mine}>
        <div class="field field-checkbox">
          <label>
            <input
              type="checkbox"
              checked={!!props.filter.mine}
              onChange={(e) => props.onChange({ mine: e.currentTarget.checked || undefined })}
            />{" "}
            nur meine Projekte
          </label>
        </div>
      </Show>
    </FilterBar>
  );
}

const SECTIONS: Section[] = [
  { href: "/portfolio", label: "Projekte", requires: "portfolio.list" },
  { href: "/portfolio/zeitplan", label: "Zeitplan", requires: "portfolio.timeline" },
  { href: "/portfolio/uebersicht", label: "Übersicht", requires: "portfolio.dashboard" },
  { href: "/portfolio/anmeldung", label: "Projektanmeldung", requires: "registration.rounds" },
  { href: "/portfolio/kapazitaet", label: "Kapazität", requires: "capacity.overview" },
  { href: "/portfolio/pm-koffer", label: "PM-Koffer", requires: "handbook.current" },
  { href: "/portfolio/import", label: "Import", requires: "portfolio.importPreview" },
];

/** The portfolio's own navigation, below the page title. */
export function PortfolioNav(props: { me: Me }) {
  return <SectionNav label="Portfolio" me={props.me} sections={SECTIONS} />;
}

export function money(cents: number | null | undefined): string {
  return cents == null ? "–" : formatEuro(cents / 100);
}

export function personDays(days: number | null | undefined): string {
  return days == null ? "–" : `${formatNumber(days, Number.isInteger(days) ? 0 : 1)} PT`;
}

export function StatusBadge(props: { status: ProjectStatus }): JSX.Element {
  return <span class={`badge badge-${props.status}`}>{projectStatusLabels[props.status]}</span>;
}

/** Cents as the form shows them: "12.500,00". */
export function centsToInput(cents: number | null | undefined): string {
  return cents == null
    ? ""
    : new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2 }).format(cents / 100);
}

export function daysToInput(days: number | null | undefined): string {
  return days == null
    ? ""
    : new Intl.NumberFormat("de-DE", { maximumFractionDigits: 3, useGrouping: false }).format(days);
}
