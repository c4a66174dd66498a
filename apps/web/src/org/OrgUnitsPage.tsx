// The one org unit tree of a Kommune: Geschäftsbereiche (GB) with their Ressorts/Fachbereiche (R) for the portfolio,
// and any other unit (e.g. the Gesundheitsamt with its own strategy) as the scope of measures and strategies.
import { ORG_UNIT_KIND_LABELS, type OrgUnitKind } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { orgUnitOptions, orgUnitsQuery } from "../maturity/queries.ts";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

type Unit = Awaited<ReturnType<typeof trpc.orgUnits.list.query>>[number];

function depth(u: Unit, all: Unit[]): number {
  let d = 0;
  let p = u.parentId;
  while (p && d < 20) {
    d++;
    p = all.find((x) => x.id === p)?.parentId ?? null;
  }
  return d;
}

export function OrgUnitsPage() {
  const client = useQueryClient();
  const units = useQuery(orgUnitsQuery);
  const [editing, setEditing] = createSignal<Unit | null>(null);
  // Units appear in the portfolio's filters and forms and in the maturity scopes too.
  const refresh = () =>
    Promise.all(
      ["orgUnits.list", "portfolio.filterOptions"].map((key) =>
        client.invalidateQueries({ queryKey: [key] }),
      ),
    );
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.orgUnits.remove.mutate({ id }),
    onSuccess: refresh,
  }));
  return (
    <>
      <PageHeader
        title="Organisationseinheiten"
        intro="Geschäftsbereiche (GB) und ihre Ressorts bzw. Fachbereiche (R) für Projekte, Maßnahmen und Strategien. Querschnittsvorhaben laufen unter „ALL“ / „Quer“."
      />
      <Show when={editing()} fallback={<AddUnitForm units={units.data ?? []} onSaved={refresh} />} keyed>
        {(unit) => (
          <EditUnitForm
            unit={unit}
            onDone={() => {
              setEditing(null);
              void refresh();
            }}
          />
        )}
      </Show>
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
      <QueryView
        query={units}
        isEmpty={(d) => d.length === 0}
        empty={
          <EmptyState title="Noch keine Organisationseinheiten. Sie entstehen auch beim Import einer Projektliste." />
        }
      >
        {(all) => (
          <TableScroll>
            <table class="table">
              <caption class="visually-hidden">Organisationseinheiten als Baum (eingerückt)</caption>
              <thead>
                <tr>
                  <th scope="col">Kürzel</th>
                  <th scope="col">Name</th>
                  <th scope="col">Art</th>
                  <th scope="col">Übergeordnet</th>
                  <th scope="col">
                    <span class="visually-hidden">Aktionen</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={orgUnitOptions(all).map((o) => all.find((u) => u.id === o.value)!)}>
                  {(u) => (
                    <tr>
                      <td class={`indent-${Math.min(depth(u, all), 4)}`}>{u.code}</td>
                      <td>{u.name}</td>
                      <td>{ORG_UNIT_KIND_LABELS[u.kind]}</td>
                      <td>{all.find((p) => p.id === u.parentId)?.code ?? "–"}</td>
                      <td class="actions">
                        <button
                          type="button"
                          class="button button-secondary"
                          aria-label={`${u.code} – ${u.name} umbenennen`}
                          onClick={() => setEditing(u)}
                        >
                          Umbenennen
                        </button>
                        <ConfirmButton
                          class="button button-secondary button-danger"
                          label={`${u.code} – ${u.name} löschen`}
                          question={`„${u.code} – ${u.name}“ löschen?`}
                          onConfirm={() => remove.mutate(u.id)}
                        >
                          Löschen
                        </ConfirmButton>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </>
  );
}

function AddUnitForm(props: { units: Unit[]; onSaved: () => Promise<unknown> }) {
  const [kind, setKind] = createSignal<OrgUnitKind>("gb");
  const [parentId, setParentId] = createSignal("");
  const [code, setCode] = createSignal("");
  const [name, setName] = createSignal("");
  const create = useMutation(() => ({
    mutationFn: () =>
      trpc.orgUnits.create.mutate({
        kind: kind(),
        parentId: kind() === "gb" ? null : parentId() || null,
        code: code(),
        name: name(),
      }),
    onSuccess: async () => {
      setCode("");
      setName("");
      await props.onSaved();
    },
  }));
  const errors = () => fieldErrors(create.error);
  // An R belongs directly to a GB; other units may hang anywhere in the tree.
  const parents = () =>
    kind() === "r"
      ? props.units
          .filter((u) => u.kind === "gb")
          .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` }))
      : orgUnitOptions(props.units);
  return (
    <section class="card" aria-labelledby="add-unit-title">
      <h2 id="add-unit-title">Organisationseinheit anlegen</h2>
      <Form class="form form-inline" onSubmit={() => create.mutate()}>
        <SelectField
          label="Art"
          value={kind()}
          options={(["gb", "r", "other"] as const).map((k) => ({ value: k, label: ORG_UNIT_KIND_LABELS[k] }))}
          onChange={(e) => setKind(e.currentTarget.value as OrgUnitKind)}
          error={errors().kind}
        />
        <Show when={kind() !== "gb"}>
          <SelectField
            label="gehört zu"
            value={parentId()}
            options={[
              {
                value: "",
                label: kind() === "r" ? "– Geschäftsbereich wählen –" : "– keine (oberste Ebene) –",
              },
              ...parents(),
            ]}
            onChange={(e) => setParentId(e.currentTarget.value)}
            error={errors().parentId}
          />
        </Show>
        <TextField
          label="Kürzel"
          value={code()}
          onInput={(e) => setCode(e.currentTarget.value)}
          error={errors().code}
        />
        <TextField
          label="Name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={errors().name}
        />
        <button type="submit" class="button button-primary" disabled={create.isPending}>
          Anlegen
        </button>
      </Form>
      <MutationResult mutation={create} />
    </section>
  );
}

function EditUnitForm(props: { unit: Unit; onDone: () => void }) {
  const [code, setCode] = createSignal("");
  const [name, setName] = createSignal("");
  createEffect(
    on(
      () => props.unit,
      (unit) => {
        setCode(unit.code);
        setName(unit.name);
      },
    ),
  );
  const save = useMutation(() => ({
    mutationFn: () => trpc.orgUnits.update.mutate({ id: props.unit.id, code: code(), name: name() }),
    onSuccess: () => props.onDone(),
  }));
  const errors = () => fieldErrors(save.error);
  return (
    <section class="card" aria-labelledby="edit-unit-title">
      <h2 id="edit-unit-title">„{props.unit.code}“ umbenennen</h2>
      <Form class="form form-inline" onSubmit={() => save.mutate()}>
        <TextField
          label="Kürzel"
          value={code()}
          onInput={(e) => setCode(e.currentTarget.value)}
          error={errors().code}
        />
        <TextField
          label="Name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={errors().name}
        />
        <button type="submit" class="button button-primary" disabled={save.isPending}>
          Speichern
        </button>
        <button type="button" class="button" onClick={() => props.onDone()}>
          Abbrechen
        </button>
      </Form>
      <MutationResult mutation={save} />
    </section>
  );
}
