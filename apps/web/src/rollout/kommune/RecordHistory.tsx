// The changes of one rollout record, newest first and paged: who changed which field from what to what.
import { auditActionLabel, formatDate, formatDateTime } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createSignal, For } from "solid-js";
import { trpc } from "../../lib/trpc.ts";
import { Pager } from "../../ui/Pager.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { type ReuseRoute, type RolloutStatus, reuseRouteLabels, rolloutStatusLabels } from "../labels.ts";

const PAGE_SIZE = 20;

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

/** "Status: in Planung → in Umsetzung" for each field that changed (every set field for a new record). */
export function recordChanges(before: unknown, after: unknown): string[] {
  const b = (before ?? null) as Record<string, unknown> | null;
  const a = (after ?? {}) as Record<string, unknown>;
  return Object.keys(FIELD_LABELS)
    .filter((f) => (b ? JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null) : a[f] != null))
    .map((f) => `${FIELD_LABELS[f]}: ${b ? `${show(f, b[f])} → ` : ""}${show(f, a[f])}`);
}

export function RecordHistory(props: { serviceId: string }) {
  const [page, setPage] = createSignal(1);
  // Under "rollout.record", so that reloading the record after a change reloads its history too.
  const history = useQuery(() => ({
    queryKey: ["rollout.record", props.serviceId, "history", page()],
    queryFn: () =>
      trpc.rollout.recordHistory.query({ serviceId: props.serviceId, page: page(), pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  }));
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">Verlauf</h2>
      <QueryView
        query={history}
        loadingLabel="Verlauf wird geladen …"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="Noch keine Änderungen." />}
      >
        {(d) => (
          <>
            <TableScroll>
              <table class="table" aria-labelledby="history-title">
                <thead>
                  <tr>
                    <th scope="col">Zeitpunkt</th>
                    <th scope="col">Person</th>
                    <th scope="col">Aktion</th>
                    <th scope="col">Änderung</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d.items}>
                    {(e) => (
                      <tr>
                        <td>{formatDateTime(e.at)}</td>
                        <td>{e.actorLabel}</td>
                        <td>{auditActionLabel(e.action)}</td>
                        <td>
                          <ul class="plain">
                            <For each={recordChanges(e.before, e.after)}>{(c) => <li>{c}</li>}</For>
                          </ul>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
            <Pager
              page={d.page}
              pageSize={d.pageSize}
              total={d.total}
              onPage={setPage}
              label="Seiten des Verlaufs"
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
