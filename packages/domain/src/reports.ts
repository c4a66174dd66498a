// The report kinds (issue 14, docs/adr/0012-reports.md): who has which, how often they are made, their German names.
import type { TenantKind } from "./roles.ts";

export const REPORT_KINDS = ["reifegradbericht", "lagebericht", "rollout_stand"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  reifegradbericht: "Reifegradbericht",
  lagebericht: "Lagebericht Digitalisierung",
  rollout_stand: "Rollout-Stand",
};

export const REPORT_RHYTHM_LABELS: Readonly<Record<ReportKind, string>> = {
  reifegradbericht: "vierteljährlich, zum Quartalsende",
  lagebericht: "monatlich, zum Monatsende",
  rollout_stand: "monatlich, zum Monatsende",
};

/** The reports a tenant makes itself (its own archive). */
export function reportKindsMadeBy(kind: TenantKind): ReportKind[] {
  return kind === "state" ? ["lagebericht", "rollout_stand"] : ["reifegradbericht"];
}

/** The reports a tenant's users may subscribe to: its own, and a Landkreis the Land's Rollout-Stand of its Kreis. */
export function reportKindsToSubscribe(kind: TenantKind): ReportKind[] {
  if (kind === "state") return ["lagebericht"];
  return kind === "landkreis" ? ["reifegradbericht", "rollout_stand"] : ["reifegradbericht"];
}
