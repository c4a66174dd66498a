// Named scenarios of the state PMO: save the current parameters under a name, load one back into the form, delete it,
// and compare several side by side (each recomputed with today's data).
import { formatDateTime } from "@spatz/domain";
import type { CostParamsInput } from "@spatz/rollout";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { TextField } from "../../ui/Field.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../../ui/states.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { formatCents, formatCount, formatPersonDays, formatShare } from "../format.ts";

function formatValue(value: number | null, unit: string): string {
  if (value === null) return "–";
  if (unit === "Cent") return formatCents(value);
  if (unit === "PT") return formatPersonDays(value);
  if (unit === "Anteil") return formatShare(value);
  return formatCount(value);
}

export function ScenariosSection(props: {
  me: Me;
  current: CostParamsInput;
  canWrite: boolean;
  onLoad: (params: CostParamsInput) => void;
}) {
  const client = useQueryClient();
  const scenarios = useQuery(() => ({
    queryKey: ["rollout.scenarios"],
    queryFn: () => trpc.rollout.scenarios.query(),
  }));
  const [selected, setSelected] = createSignal<string[]>([]);
  const [name, setName] = createSignal("");
  const [description, setDescription] = createSignal("");
  const compare = useQuery(() => ({
    queryKey: ["rollout.compareScenarios", selected()],
    queryFn: () => trpc.rollout.compareScenarios.query({ ids: selected() }),
    enabled: selected().length > 0,
    placeholderData: keepPreviousData,
  }));
  const refresh = () => client.invalidateQueries({ queryKey: ["rollout.scenarios"] });
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.rollout.saveScenario.mutate({
        name: name(),
        description: description() || null,
        params: props.current,
      }),
    onSuccess: (row) => {
      setName("");
      setDescription("");
      setSelected((s) => [...s, row.id].slice(-6));
      refresh();
    },
  }));
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.rollout.deleteScenario.mutate({ id }),
    onSuccess: (r) => {
      setSelected((s) => s.filter((x) => x !== r.id));
      refresh();
    },
  }));
  const errors = () => fieldErrors(save.error);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])].slice(-6) : s.filter((x) => x !== id)));
  return (
    <section aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">Szenarien</h2>
      <Show when={props.canWrite}>
        <form
          class="form form-inline card"
          noValidate
          aria-label="Aktuelle Parameter als Szenario speichern"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <TextField
            label="Name des Szenarios"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            error={errors().name}
          />
          <TextField
            label="Beschreibung (optional)"
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
            error={errors().description}
          />
          <button type="submit" class="button button-primary" disabled={save.isPending}>
            Aktuelle Parameter speichern
          </button>
          <MutationResult mutation={save} />
        </form>
      </Show>
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
      <QueryView
        query={scenarios}
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="Noch keine Szenarien gespeichert." />}
      >
        {(list) => (
          <TableScroll>
            <table class="table">
              <caption>Gespeicherte Szenarien (zum Vergleich bis zu sechs auswählen)</caption>
              <thead>
                <tr>
                  <th scope="col">Vergleichen</th>
                  <th scope="col">Name</th>
                  <th scope="col">Beschreibung</th>
                  <th scope="col">Geändert</th>
                  <th scope="col">
                    <span class="visually-hidden">Aktionen</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={list}>
                  {(s) => (
                    <tr>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${s.name} vergleichen`}
                          checked={selected().includes(s.id)}
                          onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                        />
                      </td>
                      <td>{s.name}</td>
                      <td>{s.description ?? "–"}</td>
                      <td>
                        {formatDateTime(s.updatedAt)}
                        <Show when={s.updatedBy}>
                          <br />
                          <span class="muted">{s.updatedBy}</span>
                        </Show>
                      </td>
                      <td class="actions">
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() => props.onLoad(s.params)}
                          aria-label={`${s.name} in die Parameter laden`}
                        >
                          Laden
                        </button>
                        <Show when={props.canWrite}>
                          <ConfirmButton
                            class="button button-secondary button-danger"
                            label={`${s.name} löschen`}
                            question={`Szenario »${s.name}« löschen?`}
                            onConfirm={() => remove.mutate(s.id)}
                          >
                            Löschen
                          </ConfirmButton>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      <Show when={selected().length > 0}>
        <div class="section-head">
          <h3>Vergleich</h3>
          <ExportButtons
            label="Szenarienvergleich"
            load={(format) =>
              trpc.rollout.exportState.query({ table: "scenarios", format, scenarioIds: selected() })
            }
          />
        </div>
        <QueryView query={compare}>
          {(c) => (
            <TableScroll>
              <table class="table">
                <caption class="visually-hidden">Szenarien nebeneinander</caption>
                <thead>
                  <tr>
                    <th scope="col">Kennzahl</th>
                    <For each={c.scenarios}>
                      {(s) => (
                        <th scope="col" class="num">
                          {s}
                        </th>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <For each={c.rows}>
                    {(row) => (
                      <tr>
                        <th scope="row">{row.label}</th>
                        <For each={row.values}>{(v) => <td class="num">{formatValue(v, row.unit)}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryView>
      </Show>
    </section>
  );
}
