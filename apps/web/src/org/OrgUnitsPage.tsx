// Organisational units (a tree: e.g. OB → FB 53 Gesundheitsamt): scope of measures and strategies.
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { orgUnitOptions, orgUnitsQuery } from "../maturity/queries.ts";
import { SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";

type Unit = { id: string; name: string; shortCode: string; parentId: string | null };

export function OrgUnitsPage() {
  const client = useQueryClient();
  const units = useQuery(orgUnitsQuery);
  const [editing, setEditing] = createSignal<Unit | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["orgUnits.list"] });
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.orgUnits.remove.mutate({ id }),
    onSuccess: refresh,
  }));
  const depth = (u: Unit, all: Unit[]): number => {
    let d = 0;
    let p = u.parentId;
    while (p && d < 20) {
      d++;
      p = all.find((x) => x.id === p)?.parentId ?? null;
    }
    return d;
  };
  return (
    <>
      <PageHeader
        title="Organisation"
        intro="Organisationseinheiten der Verwaltung: Bereiche für Maßnahmen, Strategien und Projekte."
      />
      <UnitForm
        unit={editing()}
        units={units.data ?? []}
        onDone={() => {
          setEditing(null);
          void refresh();
        }}
      />
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
      <QueryView
        query={units}
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="Noch keine Organisationseinheiten angelegt." />}
      >
        {(all) => (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Kürzel</th>
                <th scope="col">Name</th>
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
                    <td class={`indent-${Math.min(depth(u, all), 4)}`}>{u.shortCode}</td>
                    <td>{u.name}</td>
                    <td>{all.find((p) => p.id === u.parentId)?.shortCode ?? "–"}</td>
                    <td class="actions">
                      <button
                        type="button"
                        class="button button-secondary"
                        aria-label={`${u.shortCode} bearbeiten`}
                        onClick={() => setEditing(u)}
                      >
                        Bearbeiten
                      </button>
                      <button
                        type="button"
                        class="button button-secondary button-danger"
                        aria-label={`${u.shortCode} löschen`}
                        onClick={() => {
                          if (confirm(`„${u.name}“ löschen?`)) remove.mutate(u.id);
                        }}
                      >
                        Löschen
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  );
}

function UnitForm(props: { unit: Unit | null; units: Unit[]; onDone: () => void }) {
  const [name, setName] = createSignal("");
  const [code, setCode] = createSignal("");
  const [parent, setParent] = createSignal("");
  // Choosing "Bearbeiten" on another unit fills the form with that unit.
  createEffect(
    on(
      () => props.unit,
      (unit) => {
        setName(unit?.name ?? "");
        setCode(unit?.shortCode ?? "");
        setParent(unit?.parentId ?? "");
      },
    ),
  );
  const save = useMutation(() => ({
    mutationFn: () => {
      const input = { name: name(), shortCode: code(), parentId: parent() || null };
      return props.unit
        ? trpc.orgUnits.update.mutate({ ...input, id: props.unit.id })
        : trpc.orgUnits.create.mutate(input);
    },
    onSuccess: () => {
      setName("");
      setCode("");
      setParent("");
      props.onDone();
    },
  }));
  const errors = () => fieldErrors(save.error);
  return (
    <section class="card" aria-labelledby="unit-form-title">
      <h2 id="unit-form-title">
        {props.unit ? `„${props.unit.shortCode}“ bearbeiten` : "Organisationseinheit anlegen"}
      </h2>
      <form
        class="form form-inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextField
          label="Kürzel"
          value={code()}
          onInput={(e) => setCode(e.currentTarget.value)}
          error={errors().shortCode}
        />
        <TextField
          label="Name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={errors().name}
        />
        <SelectField
          label="Übergeordnete Einheit"
          options={[
            { value: "", label: "keine (oberste Ebene)" },
            ...orgUnitOptions(props.units).filter((o) => o.value !== props.unit?.id),
          ]}
          value={parent()}
          onChange={(e) => setParent(e.currentTarget.value)}
          error={errors().parentId}
        />
        <button type="submit" class="button button-primary" disabled={save.isPending}>
          {props.unit ? "Speichern" : "Anlegen"}
        </button>
        <Show when={props.unit}>
          <button type="button" class="button" onClick={() => props.onDone()}>
            Abbrechen
          </button>
        </Show>
      </form>
      <Show when={save.isError && Object.keys(errors()).length === 0}>
        <Alert kind="error">{errorMessage(save.error)}</Alert>
      </Show>
    </section>
  );
}
