// The audit log: who changed what and when, with before/after; filterable and paged, read-only.

import { A } from "@solidjs/router";
import { auditActionLabel, auditEntityLabel, formatDateTime } from "@spatz/domain";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { trpc } from "../lib/trpc.ts";
import { FilterBar, SelectField, TextField } from "../ui/Field.tsx";
import { PagedTable } from "../ui/PagedTable.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState } from "../ui/states.tsx";

/** Berlin calendar day → UTC instant at its start. */
function dayStart(isoDate: string): Date | undefined {
  if (!isoDate) return undefined;
  return new Date(`${isoDate}T00:00:00`);
}

/** Where an object of the log lives in the app, if it has a page of its own. */
function subjectHref(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  if (entityType === "measure") return `/massnahmen/${entityId}`;
  if (entityType === "project") return `/portfolio/projekte/${entityId}`;
  return null;
}

export function AuditPage() {
  const [action, setAction] = createSignal("");
  const [actor, setActor] = createSignal("");
  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal("");
  const [page, setPage] = createSignal(1);
  const filter = () => ({
    action: action() || undefined,
    actor: actor() || undefined,
    from: dayStart(from()),
    to: to() ? new Date(dayStart(to())!.getTime() + 86_400_000) : undefined,
    page: page(),
    pageSize: 50,
  });
  const log = useQuery(() => ({
    queryKey: ["audit.list", filter()],
    queryFn: () => trpc.audit.list.query(filter()),
    placeholderData: keepPreviousData,
  }));
  const resetPage = () => setPage(1);
  return (
    <>
      <PageHeader
        title="Protokoll"
        intro="Jede Änderung mit Zeitpunkt, Person und Inhalt. Das Protokoll kann nicht verändert werden."
      />
      <FilterBar label="Protokoll filtern">
        <SelectField
          label="Aktion"
          options={[
            { value: "", label: "alle Aktionen" },
            ...(log.data?.actions ?? [])
              .map((a) => ({ value: a, label: auditActionLabel(a) }))
              .sort((a, b) => a.label.localeCompare(b.label, "de")),
          ]}
          value={action()}
          onChange={(e) => {
            setAction(e.currentTarget.value);
            resetPage();
          }}
        />
        <TextField
          label="Person"
          maxLength={200}
          value={actor()}
          onInput={(e) => {
            setActor(e.currentTarget.value);
            resetPage();
          }}
        />
        <TextField
          label="Von"
          type="date"
          value={from()}
          onInput={(e) => {
            setFrom(e.currentTarget.value);
            resetPage();
          }}
        />
        <TextField
          label="Bis"
          type="date"
          value={to()}
          onInput={(e) => {
            setTo(e.currentTarget.value);
            resetPage();
          }}
        />
      </FilterBar>
      <PagedTable
        query={log}
        empty={<EmptyState title="Keine Einträge für diese Auswahl." />}
        head={
          <>
            <th scope="col">Zeitpunkt</th>
            <th scope="col">Person</th>
            <th scope="col">Aktion</th>
            <th scope="col">Objekt</th>
            <th scope="col">Änderung</th>
          </>
        }
        row={(e) => (
          <tr>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actorLabel}</td>
            <td>{auditActionLabel(e.action)}</td>
            <td>
              {auditEntityLabel(e.entityType)}
              <Show
                when={e.subjectName}
                fallback={
                  <Show when={e.entityId}>
                    {" "}
                    <span class="muted">{e.entityId}</span>
                  </Show>
                }
              >
                {(name) => (
                  <>
                    {" "}
                    <Show when={subjectHref(e.entityType, e.entityId)} fallback={<q>{name()}</q>}>
                      {(href) => (
                        <A href={href()}>
                          <q>{name()}</q>
                        </A>
                      )}
                    </Show>
                  </>
                )}
              </Show>
            </td>
            <td>
              <Show when={e.before || e.after} fallback="–">
                <details>
                  <summary>Details</summary>
                  <Show when={e.before}>
                    <p>vorher:</p>
                    <pre>{JSON.stringify(e.before, null, 2)}</pre>
                  </Show>
                  <Show when={e.after}>
                    <p>nachher:</p>
                    <pre>{JSON.stringify(e.after, null, 2)}</pre>
                  </Show>
                </details>
              </Show>
            </td>
          </tr>
        )}
        onPage={setPage}
      />
    </>
  );
}
