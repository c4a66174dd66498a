// Small building blocks of the rollout screens: status badge, share with a meter, KPI tile, section navigation.
import { can } from "@spatz/domain";
import { type JSX, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { type Section, SectionNav } from "../ui/SectionNav.tsx";
import { formatShare } from "./format.ts";
import { type RolloutStatus, rolloutStatusLabels } from "./labels.ts";
import { AggregateStand } from "./state/AggregateStand.tsx";
import "./rollout.css";

export function StatusBadge(props: { status: RolloutStatus }) {
  return <span class={`status status-${props.status}`}>{rolloutStatusLabels[props.status]}</span>;
}

export function Share(props: { share: number | null; label?: string }) {
  return (
    <span class="share">
      <Show when={props.share !== null}>
        <meter class="share-meter" min={0} max={1} value={props.share ?? 0} aria-hidden="true" />
      </Show>
      {formatShare(props.share)}
    </span>
  );
}

export function Kpi(props: { value: JSX.Element; label: string }) {
  return (
    <div class="kpi">
      <span class="kpi-value">{props.value}</span>
      <span class="kpi-label">{props.label}</span>
    </div>
  );
}

const STATE_SECTIONS: Section[] = [
  { href: "/land/rollout", label: "Überblick", requires: "rollout.stateOverview" },
  { href: "/land/rollout/leistungen", label: "Leistungen", requires: "rollout.coverageByService" },
  { href: "/land/rollout/regionen", label: "Kreise und Kommunen", requires: "rollout.coverageByKommune" },
  { href: "/land/rollout/verlauf", label: "Verlauf und Engpässe", requires: "rollout.progress" },
  { href: "/land/rollout/eintraege", label: "Einträge", requires: "rollout.drilldown" },
  { href: "/land/katalog", label: "OZG-Katalog", requires: "rollout.services" },
  { href: "/land/kosten", label: "Kosten und Betrieb", requires: "rollout.costModel" },
];

/**
 * The state's rollout sections as tabs (links; the current one is marked for screen readers too), and below them as
 * of when the figures are.
 */
export function StateTabs(props: { me: Me }) {
  return (
    <>
      <SectionNav label="Rollout-Bereiche" me={props.me} sections={STATE_SECTIONS} />
      <Show when={can(props.me.user.role, "rollout.aggregateStatus")}>
        <AggregateStand showDrift={props.me.user.role === "state_admin"} />
      </Show>
    </>
  );
}

/** Query string for a drill-down link. */
export function drillHref(filter: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== "") params.set(k, String(v));
  return `/land/rollout/eintraege?${params}`;
}
