// The changes of one rollout record, newest first and paged: who changed which field from what to what.
import { auditActionLabel, formatDate } from "@spatz/domain";
import { trpc } from "../../lib/trpc.ts";
import { describeChanges, HistoryCard } from "../../ui/HistoryCard.tsx";
import { type ReuseRoute, type RolloutStatus, reuseRouteLabels, rolloutStatusLabels } from "../labels.ts";

/** The record's fields as the audit log keeps them, with their German names (in the form's order). */
const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  statusReason: "Begründung",
  planningSince: "In Planung seit",
  implementingSince: "In Umsetzung seit",
  onlineSince: "Online seit",
  notResponsibleSince: "Nicht zuständig seit",
  reuseRoute: "Nachnutzungsweg",
  plannedOnline: "Geplanter Go-live",
  fachverfahren: "Fachverfahren",
  interfaceNeeded: "Schnittstelle nötig",
  contact: "Ansprechperson",
  note: "Notiz",
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (field === "status") return rolloutStatusLabels[value as RolloutStatus] ?? String(value);
  if (field === "reuseRoute") return reuseRouteLabels[value as ReuseRoute] ?? String(value);
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (field.endsWith("Since") || field === "plannedOnline") return formatDate(String(value));
  return String(value);
}

export function RecordHistory(props: { serviceId: string }) {
  return (
    <HistoryCard
      queryKey={["rollout.record", props.serviceId]}
      fetch={(page) => trpc.rollout.recordHistory.query({ serviceId: props.serviceId, ...page })}
      actionLabel={auditActionLabel}
      changes={(e) => describeChanges(e.before, e.after, FIELD_LABELS, show)}
    />
  );
}
