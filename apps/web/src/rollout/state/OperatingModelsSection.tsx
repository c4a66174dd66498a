// The seed's three operating models for an in-house-capable body (KITU-Beitritt Land, gGmbH, Landes-AöR) with their
// pros and cons, and weighted criteria the state PMO scores (0–5); the ranking updates as the PMO types.
import { formatDateTime, formatNumber } from "@spatz/domain";
import { type Criterion, type ModelScores, scoreOperatingModels } from "@spatz/rollout";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { errorMessage, trpc } from "../../lib/trpc.ts";
import { QueryView } from "../../ui/QueryView.tsx";
import { Alert } from "../../ui/states.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";

export function OperatingModelsSection(props: { canWrite: boolean }) {
  const client = useQueryClient();
  const data = useQuery(() => ({
    queryKey: ["rollout.operatingModels"],
    queryFn: () => trpc.rollout.operatingModels.query(),
  }));
  const [criteria, setCriteria] = createSignal<Criterion[]>([]);
  const [scores, setScores] = createSignal<Record<string, Record<string, number>>>({});
  createEffect(
    on(
      () => data.data,
      (d) => {
        if (!d) return;
        setCriteria(d.criteria.map((c) => ({ ...c })));
        setScores(JSON.parse(JSON.stringify(d.scores)) as Record<string, Record<string, number>>);
      },
    ),
  );
  const scoring = createMemo(() => scoreOperatingModels(criteria(), scores() as ModelScores));
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.rollout.saveOperatingModelScores.mutate({ criteria: criteria(), scores: scores() }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["rollout.operatingModels"] }),
  }));
  const setWeight = (id: string, value: string) =>
    setCriteria((list) =>
      list.map((c) => (c.id === id ? { ...c, weight: value === "" ? Number.NaN : Number(value) } : c)),
    );
  const setScore = (model: string, criterion: string, value: string) =>
    setScores((s) => ({
      ...s,
      [model]: { ...(s[model] ?? {}), [criterion]: value === "" ? Number.NaN : Number(value) },
    }));
  return (
    <section aria-labelledby="models-title">
      <h2 id="models-title">Betriebsmodelle</h2>
      <QueryView query={data}>
        {(d) => (
          <>
            <p>{d.goal}</p>
            <div class="tiles">
              <For each={d.models}>
                {(m) => (
                  <article class="tile" aria-labelledby={`model-${m.id}`}>
                    <h3 id={`model-${m.id}`}>{m.name}</h3>
                    <h4>Vorteile</h4>
                    <ul>
                      <For each={m.vorteile}>{(v) => <li>{v}</li>}</For>
                    </ul>
                    <h4>Nachteile</h4>
                    <ul>
                      <For each={m.nachteile}>{(v) => <li>{v}</li>}</For>
                    </ul>
                  </article>
                )}
              </For>
            </div>
            <h3>Bewertung (0 = ungünstig … 5 = sehr günstig)</h3>
            <Show when={d.note}>
              <p class="muted">{d.note}</p>
            </Show>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate();
              }}
            >
              <TableScroll>
                <table class="table">
                  <caption class="visually-hidden">
                    Kriterien, Gewichte und Bewertungen der Betriebsmodelle
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Kriterium</th>
                      <th scope="col">Gewicht</th>
                      <For each={d.models}>{(m) => <th scope="col">{m.name}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={criteria()}>
                      {(c) => (
                        <tr>
                          <th scope="row">
                            {c.label}
                            <Show when={c.description}>
                              <br />
                              <span class="muted">{c.description}</span>
                            </Show>
                          </th>
                          <td>
                            <input
                              class="score-input"
                              type="number"
                              min="0"
                              max="100"
                              aria-label={`Gewicht ${c.label}`}
                              disabled={!props.canWrite}
                              value={Number.isNaN(c.weight) ? "" : c.weight}
                              onInput={(e) => setWeight(c.id, e.currentTarget.value)}
                            />
                          </td>
                          <For each={d.models}>
                            {(m) => (
                              <td>
                                <input
                                  class="score-input"
                                  type="number"
                                  min="0"
                                  max="5"
                                  step="1"
                                  aria-label={`${m.name}: ${c.label}`}
                                  disabled={!props.canWrite}
                                  value={scores()[m.id]?.[c.id] ?? ""}
                                  onInput={(e) => setScore(m.id, c.id, e.currentTarget.value)}
                                />
                              </td>
                            )}
                          </For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
              <Show
                when={scoring().ok}
                fallback={
                  <Alert kind="info">
                    <ul>
                      <For each={(scoring() as { errors: string[] }).errors ?? []}>{(e) => <li>{e}</li>}</For>
                    </ul>
                  </Alert>
                }
              >
                <h4>Ergebnis</h4>
                <ol>
                  <For
                    each={
                      (scoring() as Extract<ReturnType<typeof scoreOperatingModels>, { ok: true }>).results
                    }
                  >
                    {(r) => (
                      <li>
                        Rang {r.rank}: {r.name} – gewichteter Mittelwert {formatNumber(r.total, 2)} von 5
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={props.canWrite}>
                <button
                  type="submit"
                  class="button button-primary"
                  disabled={save.isPending || !scoring().ok}
                >
                  Bewertung speichern
                </button>
              </Show>
              <Show when={save.isSuccess}>
                <Alert kind="success">Die Bewertung wurde gespeichert.</Alert>
              </Show>
              <Show when={save.isError}>
                <Alert kind="error">{errorMessage(save.error)}</Alert>
              </Show>
              <Show when={d.updatedAt}>
                <p class="muted">
                  Zuletzt gespeichert von {d.updatedBy} am {formatDateTime(d.updatedAt)}
                </p>
              </Show>
            </form>
          </>
        )}
      </QueryView>
    </section>
  );
}
