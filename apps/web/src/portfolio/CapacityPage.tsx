// Capacity (Kapazität): per GB and year the PT available from own staff and framework contracts against the PT that
// approved and running projects and pending proposals plan for that year; over-commitment is said in words. The PMO
// keeps the capacity entries below the table.
import { useSearchParams } from "@solidjs/router";
import {
  berlinToday,
  CAPACITY_KIND_LABELS,
  CAPACITY_KINDS,
  type CapacityKind,
  can,
  formatDate,
} from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, type JSX, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { orgUnitsQuery } from "../maturity/queries.ts";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { codeOptions, FilterBar, Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { CapacityTable, freeText } from "./CapacityTable.tsx";
import { daysToInput, PortfolioNav, personDays } from "./common.tsx";

type Source = Awaited<ReturnType<typeof trpc.capacity.sources.query>>[number];

const thisYear = () => Number(berlinToday().slice(0, 4));

/** The years to choose from: last year to three years ahead, and the chosen one. */
function yearOptions(chosen: number) {
  const years = new Set([thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2, thisYear() + 3, chosen]);
  return [...years].sort().map((y) => ({ value: String(y), label: String(y) }));
}

export function CapacityPage(props: { me: Me }) {
  const [params, setParams] = useSearchParams<{ jahr?: string }>();
  const year = () => {
    const y = Number(params.jahr);
    return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear();
  };
  const overview = useQuery(() => ({
    queryKey: ["capacity.overview", year()],
    queryFn: () => trpc.capacity.overview.query({ year: year() }),
  }));
  const canEdit = () => can(props.me.user.role, "capacity.create");
  return (
    <>
      <PageHeader
        title="Kapazität"
        intro="Wie viele Personentage (PT) jeder Geschäftsbereich im Jahr hat – aus eigenem Personal und Rahmenverträgen – und wie viele die genehmigten und laufenden Projekte und die offenen Anmeldungen dafür einplanen."
      />
      <PortfolioNav me={props.me} />
      <FilterBar label="Jahr wählen">
        <SelectField
          label="Jahr"
          value={String(year())}
          options={yearOptions(year())}
          onChange={(e) => setParams({ jahr: e.currentTarget.value })}
        />
      </FilterBar>
      <section class="card" aria-labelledby="capacity-title">
        <h2 id="capacity-title">Kapazität und Planung {year()}</h2>
        <p class="muted">
          Ein Projekt zählt mit dem Anteil seines Aufwands, der auf das Jahr fällt (nach Tagen). Zentrale
          Kapazität (z. B. ein Rahmenvertrag für alle Geschäftsbereiche) steht allen zur Verfügung und zählt
          in der Summe.
        </p>
        <QueryView
          query={overview}
          loadingLabel="Kapazität wird berechnet …"
          isEmpty={(d) => d.rows.length === 0 && !d.central}
          empty={
            <EmptyState title={`Für ${year()} ist weder Kapazität erfasst noch Aufwand geplant.`}>
              {canEdit() ? "Erfassen Sie unten die Personentage der Geschäftsbereiche." : ""}
            </EmptyState>
          }
        >
          {(data) => (
            <>
              <Show when={data.rows.some((r) => r.overCommitted) || data.total.overCommitted}>
                <Alert kind="info">
                  Überplant {year()}:{" "}
                  {[
                    ...data.rows.filter((r) => r.overCommitted).map((r) => `${r.code} (${freeText(r)})`),
                    ...(data.total.overCommitted ? [`gesamt (${freeText(data.total)})`] : []),
                  ].join(", ")}
                  .
                </Alert>
              </Show>
              <CapacityTable
                data={data}
                proposalsLabel="offene Anmeldungen"
                caption={`Kapazität je Geschäftsbereich ${year()} in Personentagen`}
              />
            </>
          )}
        </QueryView>
      </section>
      <Sources year={year()} canEdit={canEdit()} />
    </>
  );
}

function Sources(props: { year: number; canEdit: boolean }) {
  const sources = useQuery(() => ({
    queryKey: ["capacity.sources", props.year],
    queryFn: () => trpc.capacity.sources.query({ year: props.year }),
  }));
  const [editing, setEditing] = createSignal<Source | null>(null);
  const client = useQueryClient();
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.capacity.remove.mutate({ id }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["capacity.sources"] }),
        client.invalidateQueries({ queryKey: ["capacity.overview"] }),
      ]),
  }));
  return (
    <>
      <section class="card" aria-labelledby="sources-title">
        <h2 id="sources-title">Erfasste Kapazität {props.year}</h2>
        <QueryView
          query={sources}
          loadingLabel="Einträge werden geladen …"
          isEmpty={(rows) => rows.length === 0}
          empty={<EmptyState title={`Für ${props.year} ist keine Kapazität erfasst.`} />}
        >
          {(rows) => (
            <TableScroll>
              <table class="table">
                <caption class="visually-hidden">Kapazitätseinträge {props.year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Quelle</th>
                    <th scope="col">Geschäftsbereich</th>
                    <th scope="col">Art</th>
                    <th scope="col">Personentage</th>
                    <th scope="col">abgerufen</th>
                    <th scope="col">Beschluss</th>
                    <Show when={props.canEdit}>
                      <th scope="col">
                        <span class="visually-hidden">Aktionen</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows}>
                    {(s) => (
                      <tr>
                        <th scope="row">{s.name}</th>
                        <td>{s.gbCode ? `${s.gbCode} – ${s.gbName}` : "zentral"}</td>
                        <td>{CAPACITY_KIND_LABELS[s.kind]}</td>
                        <td>{personDays(s.personDays)}</td>
                        <td>{s.kind === "framework_contract" ? personDays(s.consumedDays) : "–"}</td>
                        <td>{s.decisionNumber ?? "–"}</td>
                        <Show when={props.canEdit}>
                          <td>
                            <button type="button" class="button button-small" onClick={() => setEditing(s)}>
                              {s.name} bearbeiten
                            </button>{" "}
                            <ConfirmButton
                              class="button button-small"
                              disabled={remove.isPending}
                              question={`„${s.name}“ entfernen?`}
                              onConfirm={() => remove.mutate(s.id)}
                            >
                              {s.name} entfernen
                            </ConfirmButton>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryView>
        <Show when={remove.isError}>
          <Alert kind="error">{errorMessage(remove.error)}</Alert>
        </Show>
      </section>
      <Show when={props.canEdit}>
        <Show
          when={editing()}
          keyed
          fallback={<SourceForm year={props.year} source={null} onDone={() => {}} />}
        >
          {(s) => <SourceForm year={props.year} source={s} onDone={() => setEditing(null)} />}
        </Show>
      </Show>
    </>
  );
}

function SourceForm(props: { year: number; source: Source | null; onDone: () => void }): JSX.Element {
  const client = useQueryClient();
  const units = useQuery(orgUnitsQuery);
  const decisions = useQuery(() => ({
    queryKey: ["governance.decisionOptions"],
    queryFn: () => trpc.governance.decisionOptions.query(),
  }));
  const initial = () => ({
    gbId: props.source?.gbId ?? "",
    kind: (props.source?.kind ?? "internal") as CapacityKind,
    name: props.source?.name ?? "",
    personDays: daysToInput(props.source?.personDays),
    consumedDays: props.source?.kind === "framework_contract" ? daysToInput(props.source.consumedDays) : "",
    decisionId: props.source?.decisionId ?? "",
  });
  const [v, setV] = createStore(initial());
  const save = useMutation(() => ({
    mutationFn: () => {
      const values = {
        ...v,
        year: props.year,
        gbId: v.gbId || null,
        decisionId: v.decisionId || null,
        consumedDays: v.kind === "framework_contract" ? v.consumedDays : "",
      };
      return props.source
        ? trpc.capacity.update.mutate({ id: props.source.id, ...values })
        : trpc.capacity.create.mutate(values);
    },
    onSuccess: async () => {
      if (!props.source) setV(initial());
      await Promise.all([
        client.invalidateQueries({ queryKey: ["capacity.sources"] }),
        client.invalidateQueries({ queryKey: ["capacity.overview"] }),
      ]);
      props.onDone();
    },
  }));
  const errors = () => fieldErrors(save.error);
  const title = () =>
    props.source ? `„${props.source.name}“ bearbeiten` : `Kapazität für ${props.year} erfassen`;
  return (
    <section class="card" aria-labelledby="source-form-title">
      <h2 id="source-form-title">{title()}</h2>
      <Form class="form form-grid" label={title()} onSubmit={() => save.mutate()}>
        <TextField
          label="Quelle"
          hint="z. B. „Team Digitalisierung“ oder „Rahmenvertrag Consultingleistungen“"
          value={v.name}
          onInput={(e) => setV("name", e.currentTarget.value)}
          error={errors().name}
        />
        <SelectField
          label="Geschäftsbereich"
          value={v.gbId}
          options={[
            { value: "", label: "zentral (gesamte Verwaltung)" },
            ...(units.data ?? [])
              .filter((u) => u.kind === "gb")
              .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })),
          ]}
          onChange={(e) => setV("gbId", e.currentTarget.value)}
          error={errors().gbId}
        />
        <SelectField
          label="Art"
          value={v.kind}
          options={codeOptions(CAPACITY_KINDS, CAPACITY_KIND_LABELS)}
          onChange={(e) => setV("kind", e.currentTarget.value as CapacityKind)}
          error={errors().kind}
        />
        <TextField
          label="Personentage im Jahr"
          inputMode="decimal"
          value={v.personDays}
          onInput={(e) => setV("personDays", e.currentTarget.value)}
          error={errors().personDays}
        />
        <Show when={v.kind === "framework_contract"}>
          <TextField
            label="davon abgerufen"
            inputMode="decimal"
            value={v.consumedDays}
            onInput={(e) => setV("consumedDays", e.currentTarget.value)}
            error={errors().consumedDays}
          />
        </Show>
        <SelectField
          label="Beschluss"
          value={v.decisionId}
          options={[
            { value: "", label: "kein Beschluss" },
            ...(decisions.data ?? []).map((d) => ({
              value: d.id,
              label: `${d.number}: ${d.title} (${formatDate(d.heldOn)})`,
            })),
          ]}
          onChange={(e) => setV("decisionId", e.currentTarget.value)}
          error={errors().decisionId}
        />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={save.isPending}>
            {props.source ? "Änderungen speichern" : "Kapazität erfassen"}
          </button>
          <Show when={props.source}>
            <button type="button" class="button" onClick={() => props.onDone()}>
              Abbrechen
            </button>
          </Show>
        </div>
      </Form>
      <MutationResult mutation={save} success={props.source ? undefined : "Die Kapazität ist erfasst."} />
    </section>
  );
}
