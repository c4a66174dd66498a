// The org unit tree of the Kommune: Geschäftsbereiche with their Ressorts/Fachbereiche (and other units).
import { ORG_UNIT_KIND_LABELS, type OrgUnitKind } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { ChoiceField, PortfolioNav } from "./common.tsx";

type Unit = Awaited<ReturnType<typeof trpc.orgUnits.list.query>>[number];

export function OrgUnitsPage(props: { me: Me }) {
  const client = useQueryClient();
  const units = useQuery(() => ({ queryKey: ["orgUnits.list"], queryFn: () => trpc.orgUnits.list.query() }));
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["orgUnits.list"] }),
      client.invalidateQueries({ queryKey: ["portfolio.filterOptions"] }),
    ]);
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.orgUnits.remove.mutate({ id }),
    onSuccess: refresh,
  }));
  return (
    <>
      <PageHeader
        title="Organisationseinheiten"
        intro="Geschäftsbereiche (GB) und ihre Ressorts bzw. Fachbereiche (R). Querschnittsvorhaben laufen unter „ALL“ / „Quer“."
      />
      <PortfolioNav me={props.me} />
      <AddUnitForm units={units.data ?? []} onSaved={refresh} />
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
      <QueryView
        query={units}
        isEmpty={(u) => u.length === 0}
        empty={
          <EmptyState title="Noch keine Organisationseinheiten. Sie entstehen auch beim Import einer Projektliste." />
        }
      >
        {(list) => (
          <ul class="tree" aria-label="Organisationseinheiten">
            <For each={list.filter((u) => u.parentId === null)}>
              {(gb) => (
                <li>
                  <UnitRow unit={gb} onSaved={refresh} onRemove={() => remove.mutate(gb.id)} />
                  <Show when={list.some((u) => u.parentId === gb.id)}>
                    <ul>
                      <For each={list.filter((u) => u.parentId === gb.id)}>
                        {(r) => (
                          <li>
                            <UnitRow unit={r} onSaved={refresh} onRemove={() => remove.mutate(r.id)} />
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </QueryView>
    </>
  );
}

function UnitRow(props: { unit: Unit; onSaved: () => Promise<unknown>; onRemove: () => void }) {
  const [editing, setEditing] = createSignal(false);
  const [code, setCode] = createSignal(props.unit.code);
  const [name, setName] = createSignal(props.unit.name);
  const save = useMutation(() => ({
    mutationFn: () => trpc.orgUnits.update.mutate({ id: props.unit.id, code: code(), name: name() }),
    onSuccess: async () => {
      setEditing(false);
      await props.onSaved();
    },
  }));
  return (
    <Show
      when={editing()}
      fallback={
        <div class="tree-row">
          <span>
            <strong>{props.unit.code}</strong> – {props.unit.name}{" "}
            <span class="muted small">({ORG_UNIT_KIND_LABELS[props.unit.kind]})</span>
          </span>
          <button
            type="button"
            class="button button-secondary"
            aria-label={`${props.unit.code} umbenennen`}
            onClick={() => setEditing(true)}
          >
            Umbenennen
          </button>
          <button
            type="button"
            class="button button-secondary button-danger"
            aria-label={`${props.unit.code} entfernen`}
            onClick={() => props.onRemove()}
          >
            Entfernen
          </button>
        </div>
      }
    >
      <form
        class="form form-inline"
        aria-label={`${props.unit.code} umbenennen`}
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
          error={fieldErrors(save.error).code}
        />
        <TextField
          label="Name"
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={fieldErrors(save.error).name}
        />
        <button type="submit" class="button" disabled={save.isPending}>
          Speichern
        </button>
        <button type="button" class="button" onClick={() => setEditing(false)}>
          Abbrechen
        </button>
      </form>
    </Show>
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
  return (
    <section class="card" aria-labelledby="add-unit-title">
      <h2 id="add-unit-title">Einheit hinzufügen</h2>
      <form
        class="form form-inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <ChoiceField
          label="Art"
          value={kind()}
          options={(["gb", "r", "other"] as const).map((k) => ({ value: k, label: ORG_UNIT_KIND_LABELS[k] }))}
          onChange={(e) => setKind(e.currentTarget.value as OrgUnitKind)}
        />
        <Show when={kind() !== "gb"}>
          <ChoiceField
            label="gehört zu"
            value={parentId()}
            options={[
              { value: "", label: kind() === "r" ? "– Geschäftsbereich wählen –" : "– keine –" },
              ...props.units
                .filter((u) => (kind() === "r" ? u.kind === "gb" : true))
                .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })),
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
          Hinzufügen
        </button>
      </form>
      <Show when={create.isError && Object.keys(errors()).length === 0}>
        <Alert kind="error">{errorMessage(create.error)}</Alert>
      </Show>
    </section>
  );
}
