// The PM-Koffer as a Kommune reads it: the Land's version in force (chapters and templates, with the PM standard each
// explains and the SPATZ form a template lives in), a notice while a new version is unread, and the Kommune's own
// chapters on top, which its CDO/PMO keeps.
import {
  can,
  formatDate,
  HANDBOOK_ENTRY_KIND_LABELS,
  HANDBOOK_ENTRY_KINDS,
  HANDBOOK_FORM_LABELS,
  type HandbookEntryKind,
  PM_STANDARD_LABELS,
} from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { PortfolioNav } from "../portfolio/common.tsx";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { ExportButtons } from "../ui/ExportButtons.tsx";
import { codeOptions, Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { StableQueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";
import { Markdown } from "./Markdown.tsx";

type Handbook = Awaited<ReturnType<typeof trpc.handbook.current.query>>;
type Local = Handbook["local"][number];

export const MARKDOWN_HINT =
  "Formatierung mit Markdown: **fett**, *kursiv*, Listen mit „- “ oder „1. “, Tabellen mit | Spalte | Spalte |, Links als [Text](https://…).";

export function HandbookPage(props: { me: Me }) {
  const handbook = useQuery(() => ({
    queryKey: ["handbook.current"],
    queryFn: () => trpc.handbook.current.query(),
  }));
  return (
    <>
      <PageHeader
        title="PM-Koffer"
        intro="Das Projektmanagement-Handbuch des Landes mit Vorlagen – und die Ergänzungen Ihrer Verwaltung."
      />
      <PortfolioNav me={props.me} />
      <StableQueryView query={handbook} loadingLabel="PM-Koffer wird geladen …">
        {(h) => (
          <>
            <Show when={h().isNew && h().land}>
              {(land) => (
                <NewVersionNotice
                  me={props.me}
                  version={land().version}
                  at={land().publishedAt}
                  changes={land().changes}
                />
              )}
            </Show>
            <div class="handbook">
              <nav class="card handbook-toc" aria-label="Inhalt des PM-Koffers">
                <h2>Inhalt</h2>
                <ol>
                  <For each={h().land?.chapters ?? []}>
                    {(c) => (
                      <li>
                        <a href={`#kapitel-${c.key}`}>{c.title}</a>
                      </li>
                    )}
                  </For>
                  <For each={h().local}>
                    {(c) => (
                      <li>
                        <a href={`#eigenes-${c.id}`}>{c.title}</a> <span class="muted">(eigenes)</span>
                      </li>
                    )}
                  </For>
                </ol>
              </nav>
              <div class="handbook-body">
                <Show
                  when={h().land}
                  fallback={<EmptyState title="Das Land hat noch keinen PM-Koffer veröffentlicht." />}
                >
                  {(land) => (
                    <section class="card" aria-labelledby="land-title">
                      <h2 id="land-title">
                        {land().title}, Fassung {land().version}
                      </h2>
                      <p class="muted">Veröffentlicht vom Land am {formatDate(land().publishedAt)}.</p>
                      <For each={land().chapters}>
                        {(c) => (
                          <article
                            class="handbook-chapter"
                            id={`kapitel-${c.key}`}
                            aria-labelledby={`kapitel-${c.key}-title`}
                          >
                            <h3 id={`kapitel-${c.key}-title`}>{c.title}</h3>
                            <p class="handbook-meta">
                              <span class="badge">{HANDBOOK_ENTRY_KIND_LABELS[c.kind]}</span>
                              <Show when={c.standard}>
                                {(s) => <> · PM-Standard „{PM_STANDARD_LABELS[s()]}“</>}
                              </Show>
                              <Show when={c.form}>
                                {(f) => <> · Formular in SPATZ: {HANDBOOK_FORM_LABELS[f()]}</>}
                              </Show>
                            </p>
                            <Markdown text={c.body} />
                            <Show when={c.kind === "template"}>
                              <ExportButtons
                                label={`Vorlage „${c.title}“ zum Ausfüllen`}
                                load={(format) =>
                                  trpc.handbook.templateFile.query({ source: "land", key: c.key, format })
                                }
                              />
                            </Show>
                          </article>
                        )}
                      </For>
                    </section>
                  )}
                </Show>
                <LocalChapters me={props.me} local={h().local} />
              </div>
            </div>
          </>
        )}
      </StableQueryView>
    </>
  );
}

function NewVersionNotice(props: { me: Me; version: number; at: Date | string | null; changes: string }) {
  const client = useQueryClient();
  const ack = useMutation(() => ({
    mutationFn: () => trpc.handbook.acknowledge.mutate(),
    onSuccess: () => client.invalidateQueries({ queryKey: ["handbook.current"] }),
  }));
  return (
    <section class="card notice-new" aria-labelledby="new-version-title">
      <h2 id="new-version-title">Neue Fassung {props.version} des PM-Koffers</h2>
      <p>
        Das Land hat am {formatDate(props.at)} eine neue Fassung veröffentlicht.
        {props.changes ? ` Geändert: ${props.changes}` : ""} Ihre eigenen Kapitel bleiben erhalten.
      </p>
      <Show when={can(props.me.user.role, "handbook.acknowledge")}>
        <button type="button" class="button" disabled={ack.isPending} onClick={() => ack.mutate()}>
          Zur Kenntnis genommen
        </button>
        <Show when={ack.isError}>
          <Alert kind="error">{errorMessage(ack.error)}</Alert>
        </Show>
      </Show>
    </section>
  );
}

function LocalChapters(props: { me: Me; local: Local[] }) {
  const canEdit = () => can(props.me.user.role, "handbook.saveLocal");
  const [editing, setEditing] = createSignal<Local | null>(null);
  const client = useQueryClient();
  const remove = useMutation(() => ({
    mutationFn: (id: string) => trpc.handbook.removeLocal.mutate({ id }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["handbook.current"] }),
  }));
  return (
    <section class="card" aria-labelledby="local-title">
      <h2 id="local-title">Ergänzungen Ihrer Verwaltung</h2>
      <Show
        when={props.local.length > 0}
        fallback={<EmptyState title="Ihre Verwaltung hat noch nichts ergänzt." />}
      >
        <For each={props.local}>
          {(c) => (
            <article
              class="handbook-chapter"
              id={`eigenes-${c.id}`}
              aria-labelledby={`eigenes-${c.id}-title`}
            >
              <h3 id={`eigenes-${c.id}-title`}>{c.title}</h3>
              <p class="handbook-meta">
                <span class="badge">eigenes {HANDBOOK_ENTRY_KIND_LABELS[c.kind]}</span>
              </p>
              <Markdown text={c.body} />
              <Show when={c.kind === "template"}>
                <ExportButtons
                  label={`Vorlage „${c.title}“ zum Ausfüllen`}
                  load={(format) => trpc.handbook.templateFile.query({ source: "local", id: c.id, format })}
                />
              </Show>
              <Show when={canEdit()}>
                <div class="actions">
                  <button type="button" class="button button-small" onClick={() => setEditing(c)}>
                    „{c.title}“ bearbeiten
                  </button>
                  <ConfirmButton
                    class="button button-small"
                    disabled={remove.isPending}
                    question={`„${c.title}“ entfernen?`}
                    onConfirm={() => remove.mutate(c.id)}
                  >
                    „{c.title}“ entfernen
                  </ConfirmButton>
                </div>
              </Show>
            </article>
          )}
        </For>
      </Show>
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
      <Show when={canEdit()}>
        <Show when={editing()} keyed fallback={<LocalForm chapter={null} onDone={() => {}} />}>
          {(c) => <LocalForm chapter={c} onDone={() => setEditing(null)} />}
        </Show>
      </Show>
    </section>
  );
}

function LocalForm(props: { chapter: Local | null; onDone: () => void }) {
  const client = useQueryClient();
  const initial = () => ({
    kind: (props.chapter?.kind ?? "chapter") as HandbookEntryKind,
    title: props.chapter?.title ?? "",
    body: props.chapter?.body ?? "",
  });
  const [v, setV] = createStore(initial());
  const save = useMutation(() => ({
    mutationFn: () => trpc.handbook.saveLocal.mutate({ ...v, id: props.chapter?.id }),
    onSuccess: async () => {
      if (!props.chapter) setV(initial());
      await client.invalidateQueries({ queryKey: ["handbook.current"] });
      props.onDone();
    },
  }));
  const errors = () => fieldErrors(save.error);
  const label = () => (props.chapter ? `„${props.chapter.title}“ bearbeiten` : "Eigenes Kapitel ergänzen");
  return (
    <Form class="form" label={label()} onSubmit={() => save.mutate()}>
      <h3>{label()}</h3>
      <div class="form-grid">
        <TextField
          label="Titel"
          value={v.title}
          onInput={(e) => setV("title", e.currentTarget.value)}
          error={errors().title}
        />
        <SelectField
          label="Art"
          value={v.kind}
          options={codeOptions(HANDBOOK_ENTRY_KINDS, HANDBOOK_ENTRY_KIND_LABELS)}
          onChange={(e) => setV("kind", e.currentTarget.value as HandbookEntryKind)}
        />
      </div>
      <TextAreaField
        label="Text"
        hint={MARKDOWN_HINT}
        rows={10}
        value={v.body}
        onInput={(e) => setV("body", e.currentTarget.value)}
        error={errors().body}
      />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={save.isPending}>
          {props.chapter ? "Änderungen speichern" : "Kapitel ergänzen"}
        </button>
        <Show when={props.chapter}>
          <button type="button" class="button" onClick={() => props.onDone()}>
            Abbrechen
          </button>
        </Show>
      </div>
      <MutationResult mutation={save} success={props.chapter ? undefined : "Das Kapitel ist ergänzt."} />
    </Form>
  );
}
