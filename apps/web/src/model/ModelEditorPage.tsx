// One version of the maturity model. A draft is edited here by the state admin (dimensions, level names, criteria
// with validity), checked with the engine's validation (German messages), and published with a mapping of the
// criteria the previous version had and this one no longer has. Published versions are shown read-only.
import { useNavigate, useParams } from "@solidjs/router";
import { can, DEFAULT_LEVEL_NAMES_DE, MODEL_STATUS_LABELS, saveModelDraftInput } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, createUniqueId, For, Show } from "solid-js";
import { createStore, produce, unwrap } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, trpc } from "../lib/trpc.ts";
import { LiveQuery } from "../maturity/LiveQuery.tsx";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { Form, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Alert } from "../ui/states.tsx";

type ModelView = Awaited<ReturnType<typeof trpc.maturityModels.get.query>>;
type Draft = { name: string; dimensions: ModelView["model"]["dimensions"] };

/** A plain deep copy (query results are Solid stores, which structuredClone cannot copy). */
const copy = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function ModelEditorPage(props: { me: Me }) {
  const params = useParams<{ id: string }>();
  const view = useQuery(() => ({
    queryKey: ["maturityModels.get", params.id],
    queryFn: () => trpc.maturityModels.get.query({ id: params.id }),
  }));
  return (
    // LiveQuery: saving refetches the view, and the editor (with its open sections) must stay as it is.
    <LiveQuery query={view} loadingLabel="Modell wird geladen …">
      {(v) => (
        <Show
          when={v().summary.status === "draft" && can(props.me.user.role, "maturityModels.saveDraft")}
          fallback={<ModelReadOnly view={v()} />}
        >
          <DraftEditor view={v()} />
        </Show>
      )}
    </LiveQuery>
  );
}

function ModelReadOnly(props: { view: ModelView }) {
  const v = () => props.view;
  return (
    <>
      <PageHeader
        title={`${v().model.name}, Version ${v().summary.version}`}
        intro={`Status: ${MODEL_STATUS_LABELS[v().summary.status]}`}
      />
      <For each={v().model.dimensions}>
        {(d) => (
          <section class="card" aria-labelledby={`dim-${d.key}`}>
            <h2 id={`dim-${d.key}`}>
              {d.name} <span class="muted">(Gewicht {d.weight})</span>
            </h2>
            <p>{d.description}</p>
            <For each={d.levels}>
              {(l) => (
                <>
                  <h3>
                    Stufe {l.level} · {l.name}
                  </h3>
                  <ul>
                    <For each={l.criteria}>
                      {(c) => (
                        <li>
                          <strong>{c.title}</strong>
                          {c.validityMonths ? ` (gültig ${c.validityMonths} Monate)` : ""} – {c.explanation}
                        </li>
                      )}
                    </For>
                  </ul>
                </>
              )}
            </For>
          </section>
        )}
      </For>
    </>
  );
}

/** zod issues of the draft by path ("dimensions.0.levels.1.criteria.2.title" → message). */
function clientErrors(draft: Draft): Record<string, string> {
  const result = saveModelDraftInput.safeParse({ id: "00000000-0000-4000-8000-000000000000", ...draft });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

function DraftEditor(props: { view: ModelView }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [draft, setDraft] = createStore<Draft>(
    copy({ name: props.view.model.name, dimensions: props.view.model.dimensions }),
  );
  const [dirty, setDirty] = createSignal(false);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [problems, setProblems] = createSignal<string[]>(props.view.problems);
  const [mapping, setMapping] = createSignal<Record<string, string>>({});
  // Which dimensions are expanded; kept here because saving replaces the rendered dimensions.
  const [openDims, setOpenDims] = createSignal<ReadonlySet<number>>(new Set());
  const toggleDim = (index: number, open: boolean) => {
    if (openDims().has(index) === open) return;
    const next = new Set(openDims());
    if (open) next.add(index);
    else next.delete(index);
    setOpenDims(next);
  };
  const edit = (fn: (d: Draft) => void) => {
    setDraft(produce(fn));
    setDirty(true);
  };
  const refresh = () =>
    Promise.all(
      ["maturityModels.get", "maturityModels.list"].map((k) => client.invalidateQueries({ queryKey: [k] })),
    );
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.maturityModels.saveDraft.mutate({ id: props.view.summary.id, ...copy(unwrap(draft)) }),
    onSuccess: async (r) => {
      setDraft(copy({ name: r.model.name, dimensions: r.model.dimensions }));
      setProblems(r.problems);
      setDirty(false);
      await refresh();
    },
  }));
  const publish = useMutation(() => ({
    mutationFn: () =>
      trpc.maturityModels.publish.mutate({
        id: props.view.summary.id,
        mapping: Object.fromEntries(
          props.view.removedCriteria.map((c) => [c.key, mapping()[c.key] ? [mapping()[c.key]!] : []]),
        ),
      }),
    onSuccess: async () => {
      await client.invalidateQueries();
      navigate("/land/reifegradmodell");
    },
  }));
  const discard = useMutation(() => ({
    mutationFn: () => trpc.maturityModels.discardDraft.mutate({ id: props.view.summary.id }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["maturityModels.list"] });
      navigate("/land/reifegradmodell");
    },
  }));
  const submit = () => {
    const found = clientErrors(unwrap(draft));
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const err = (path: string) => errors()[path];
  const allCriteria = () =>
    draft.dimensions.flatMap((d) =>
      d.levels.flatMap((l) =>
        l.criteria
          .filter((c) => c.key)
          .map((c) => ({ key: c.key!, label: `${d.name}, Stufe ${l.level}: ${c.title}` })),
      ),
    );
  return (
    <>
      <PageHeader
        title={`Entwurf: Version ${props.view.summary.version}`}
        intro={`Auf Grundlage von Version ${props.view.previousVersion ?? "–"}. Schlüssel bestehender Kriterien bleiben erhalten, damit Maßnahmen verknüpft bleiben.`}
      />
      <Form class="form form-wide model-editor" onSubmit={() => submit()}>
        <TextField
          label="Name des Modells"
          value={draft.name}
          onInput={(e) =>
            edit((d) => {
              d.name = e.currentTarget.value;
            })
          }
          error={err("name")}
        />
        <For each={draft.dimensions}>
          {(dim, di) => (
            <details
              class="card model-dimension-box"
              open={
                openDims().has(di()) || Object.keys(errors()).some((k) => k.startsWith(`dimensions.${di()}.`))
              }
              onToggle={(e) => toggleDim(di(), e.currentTarget.open)}
            >
              <summary>
                {dim.name || "Neue Dimension"}{" "}
                <span class="muted">
                  ({dim.levels.reduce((n, l) => n + l.criteria.length, 0)} Kriterien, Gewicht {dim.weight})
                </span>
              </summary>
              <fieldset class="model-dimension">
                <legend>
                  Dimension {di() + 1}: {dim.name || "(ohne Namen)"}
                </legend>
                <div class="form-row">
                  <TextField
                    label="Name der Dimension"
                    value={dim.name}
                    onInput={(e) =>
                      edit((d) => {
                        d.dimensions[di()]!.name = e.currentTarget.value;
                      })
                    }
                    error={err(`dimensions.${di()}.name`)}
                  />
                  <TextField
                    label="Gewicht"
                    type="number"
                    step="0.1"
                    min="0.1"
                    value={String(dim.weight)}
                    onInput={(e) =>
                      edit((d) => {
                        d.dimensions[di()]!.weight = e.currentTarget.valueAsNumber;
                      })
                    }
                    error={err(`dimensions.${di()}.weight`)}
                  />
                </div>
                <div class="field">
                  <label for={`${id}-d${di()}-desc`}>Beschreibung</label>
                  <textarea
                    id={`${id}-d${di()}-desc`}
                    rows="2"
                    value={dim.description}
                    onInput={(e) =>
                      edit((d) => {
                        d.dimensions[di()]!.description = e.currentTarget.value;
                      })
                    }
                  />
                </div>
                <For each={dim.levels}>
                  {(level, li) => (
                    <fieldset class="model-level">
                      <legend>
                        {dim.name}: Stufe {level.level}
                      </legend>
                      <TextField
                        label={`Name der Stufe ${level.level}`}
                        value={level.name}
                        onInput={(e) =>
                          edit((d) => {
                            d.dimensions[di()]!.levels[li()]!.name = e.currentTarget.value;
                          })
                        }
                        error={err(`dimensions.${di()}.levels.${li()}.name`)}
                      />
                      <For each={level.criteria}>
                        {(c, ci) => {
                          const path = () => `dimensions.${di()}.levels.${li()}.criteria.${ci()}`;
                          const update = (fn: (x: (typeof level.criteria)[number]) => void) =>
                            edit((d) => fn(d.dimensions[di()]!.levels[li()]!.criteria[ci()]!));
                          return (
                            <fieldset class="model-criterion">
                              <legend>
                                Kriterium {ci() + 1} der Stufe {level.level}
                                {c.key ? "" : " (neu)"}
                              </legend>
                              <TextField
                                label="Titel"
                                value={c.title}
                                onInput={(e) =>
                                  update((x) => {
                                    x.title = e.currentTarget.value;
                                  })
                                }
                                error={err(`${path()}.title`)}
                              />
                              <div class="field">
                                <label for={`${id}-${path()}-exp`}>Erläuterung und Nachweis</label>
                                <textarea
                                  id={`${id}-${path()}-exp`}
                                  rows="2"
                                  value={c.explanation}
                                  onInput={(e) =>
                                    update((x) => {
                                      x.explanation = e.currentTarget.value;
                                    })
                                  }
                                />
                              </div>
                              <TextField
                                label="Gültigkeit in Monaten (leer = unbegrenzt)"
                                type="number"
                                min="1"
                                value={c.validityMonths === null ? "" : String(c.validityMonths)}
                                onInput={(e) =>
                                  update((x) => {
                                    x.validityMonths =
                                      e.currentTarget.value === "" ? null : e.currentTarget.valueAsNumber;
                                  })
                                }
                                error={err(`${path()}.validityMonths`)}
                              />
                              <button
                                type="button"
                                class="button button-secondary button-danger"
                                aria-label={`Kriterium entfernen: ${c.title || "ohne Titel"}`}
                                onClick={() =>
                                  edit((d) => void d.dimensions[di()]!.levels[li()]!.criteria.splice(ci(), 1))
                                }
                              >
                                Kriterium entfernen
                              </button>
                            </fieldset>
                          );
                        }}
                      </For>
                      <button
                        type="button"
                        class="button button-secondary"
                        aria-label={`Kriterium hinzufügen: ${dim.name || "neue Dimension"}, Stufe ${level.level}`}
                        onClick={() =>
                          edit(
                            (d) =>
                              void d.dimensions[di()]!.levels[li()]!.criteria.push({
                                title: "",
                                explanation: "",
                                validityMonths: null,
                              } as never),
                          )
                        }
                      >
                        Kriterium hinzufügen
                        <span class="visually-hidden">
                          {" "}
                          zu {dim.name}, Stufe {level.level}
                        </span>
                      </button>
                    </fieldset>
                  )}
                </For>
                <button
                  type="button"
                  class="button button-danger"
                  onClick={() => {
                    const removed = di();
                    setOpenDims(
                      new Set(
                        [...openDims()].filter((i) => i !== removed).map((i) => (i > removed ? i - 1 : i)),
                      ),
                    );
                    edit((d) => void d.dimensions.splice(removed, 1));
                  }}
                >
                  Dimension „{dim.name}“ entfernen
                </button>
              </fieldset>
            </details>
          )}
        </For>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => {
              toggleDim(draft.dimensions.length, true);
              edit(
                (d) =>
                  void d.dimensions.push({
                    name: "",
                    description: "",
                    weight: 1,
                    levels: ([1, 2, 3, 4] as const).map((level) => ({
                      level,
                      name: DEFAULT_LEVEL_NAMES_DE[level],
                      criteria: [],
                    })),
                  } as never),
              );
            }}
          >
            Dimension hinzufügen
          </button>
          <button type="submit" class="button button-primary" disabled={save.isPending}>
            Entwurf speichern
          </button>
          <ConfirmButton
            class="button button-danger"
            disabled={discard.isPending}
            question="Den Entwurf verwerfen? Alle Änderungen gehen verloren."
            onConfirm={() => discard.mutate()}
          >
            Entwurf verwerfen
          </ConfirmButton>
        </div>
        <Show when={Object.keys(errors()).length > 0}>
          <Alert kind="error">Bitte prüfen Sie die markierten Felder ({Object.keys(errors()).length}).</Alert>
        </Show>
        <Show when={save.isError}>
          <Alert kind="error">{errorMessage(save.error)}</Alert>
        </Show>
        <Show when={save.isSuccess && !dirty()}>
          <Alert kind="success">Entwurf gespeichert.</Alert>
        </Show>
      </Form>
      <section class="card" aria-labelledby="check-title">
        <h2 id="check-title">Prüfung</h2>
        <Show
          when={problems().length > 0}
          fallback={
            <p data-testid="model-valid">
              Der gespeicherte Entwurf ist vollständig und kann veröffentlicht werden.
            </p>
          }
        >
          <p>Vor dem Veröffentlichen zu klären:</p>
          <ul data-testid="model-problems">
            <For each={problems()}>{(p) => <li>{p}</li>}</For>
          </ul>
        </Show>
      </section>
      <section class="card" aria-labelledby="publish-title">
        <h2 id="publish-title">Veröffentlichen</h2>
        <Show
          when={props.view.removedCriteria.length > 0}
          fallback={
            <p>Alle Kriterien der Vorversion sind im Entwurf enthalten; Verknüpfungen bleiben bestehen.</p>
          }
        >
          <p>
            Diese Kriterien der Version {props.view.previousVersion} fehlen im Entwurf. Wählen Sie, welches
            neue Kriterium sie ersetzt, damit die Maßnahmen der Kommunen verknüpft bleiben und Bewertungen
            vergleichbar sind.
          </p>
          <For each={props.view.removedCriteria}>
            {(c) => (
              <div class="field">
                <label for={`${id}-map-${c.key}`}>
                  {c.dimensionName}, Stufe {c.level}: {c.title}
                </label>
                <select
                  id={`${id}-map-${c.key}`}
                  value={mapping()[c.key] ?? ""}
                  onChange={(e) => setMapping({ ...mapping(), [c.key]: e.currentTarget.value })}
                >
                  <option value="">entfällt (keine Zuordnung)</option>
                  <For each={allCriteria()}>{(n) => <option value={n.key}>{n.label}</option>}</For>
                </select>
              </div>
            )}
          </For>
        </Show>
        <Show when={dirty()}>
          <p class="muted">Bitte speichern Sie den Entwurf vor dem Veröffentlichen.</p>
        </Show>
        <ConfirmButton
          class="button button-primary"
          disabled={dirty() || problems().length > 0 || publish.isPending}
          question={`Version ${props.view.summary.version} veröffentlichen? Sie ist danach unveränderlich.`}
          onConfirm={() => publish.mutate()}
        >
          Version {props.view.summary.version} veröffentlichen
        </ConfirmButton>
        <Show when={publish.isError}>
          <Alert kind="error">{errorMessage(publish.error)}</Alert>
        </Show>
      </section>
    </>
  );
}
