// The Land's PM-Koffer: the version in force and its history, and one draft that the Landes-PMO edits – chapters and
// templates in Markdown, each optionally explaining a PM standard or pointing to a SPATZ form – and publishes as the
// next version. A published version never changes; the Kommunen see a notice until they take note of a new one.
import {
  formatDate,
  HANDBOOK_ENTRY_KIND_LABELS,
  HANDBOOK_ENTRY_KINDS,
  HANDBOOK_FORM_LABELS,
  HANDBOOK_FORMS,
  type HandbookEntryKind,
  type HandbookForm,
  PM_STANDARD_LABELS,
  PM_STANDARDS,
  type PmStandard,
} from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { codeOptions, Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView, StableQueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";
import { MARKDOWN_HINT } from "./HandbookPage.tsx";
import { Markdown } from "./Markdown.tsx";

type Chapter = {
  key?: string;
  kind: HandbookEntryKind;
  title: string;
  body: string;
  standard: PmStandard | "";
  form: HandbookForm | "";
};

export function LandHandbookPage(_props: { me: Me }) {
  // The draft and the version in force together: a new draft starts from the version in force.
  const editing = useQuery(() => ({
    queryKey: ["handbook.draft"],
    queryFn: async () => {
      const [draft, current] = await Promise.all([
        trpc.handbook.draft.query(),
        trpc.handbook.current.query(),
      ]);
      return { draft, current: current.land };
    },
  }));
  const history = useQuery(() => ({
    queryKey: ["handbook.history"],
    queryFn: () => trpc.handbook.history.query(),
  }));
  return (
    <>
      <PageHeader
        title="PM-Koffer des Landes"
        intro="Das Projektmanagement-Handbuch für alle Kommunen: Kapitel und Vorlagen, in Fassungen veröffentlicht."
      />
      <section class="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Veröffentlichte Fassungen</h2>
        <QueryView
          query={history}
          isEmpty={(rows) => rows.length === 0}
          empty={<EmptyState title="Noch keine Fassung veröffentlicht." />}
        >
          {(rows) => (
            <ul>
              <For each={rows}>
                {(v) => (
                  <li>
                    Fassung {v.version} „{v.title}“, veröffentlicht am {formatDate(v.publishedAt)} von{" "}
                    {v.publishedBy}
                    {v.changes ? ` – ${v.changes}` : ""}
                  </li>
                )}
              </For>
            </ul>
          )}
        </QueryView>
      </section>
      {/* Stable: saving refetches the draft, and the editor keeps its state and its messages. */}
      <StableQueryView query={editing} loadingLabel="Entwurf wird geladen …">
        {(e) => <DraftEditor draft={e().draft} current={e().current} />}
      </StableQueryView>
    </>
  );
}

type Version = NonNullable<Awaited<ReturnType<typeof trpc.handbook.draft.query>>>;

function DraftEditor(props: { draft: Version | null; current: Version | null }) {
  const client = useQueryClient();
  const source = props.draft ?? props.current;
  const toChapter = (c: Version["chapters"][number]): Chapter => ({
    key: c.key,
    kind: c.kind,
    title: c.title,
    body: c.body,
    standard: c.standard ?? "",
    form: c.form ?? "",
  });
  const [v, setV] = createStore({
    title: source?.title ?? "PM-Koffer Sachsen-Anhalt",
    changes: props.draft?.changes ?? "",
    chapters: (source?.chapters ?? []).map(toChapter),
  });
  const payload = () => ({
    title: v.title,
    changes: v.changes,
    chapters: v.chapters.map((c) => ({ ...c, standard: c.standard || null, form: c.form || null })),
  });
  const refresh = () =>
    Promise.all(
      ["handbook.current", "handbook.history", "handbook.draft"].map((key) =>
        client.invalidateQueries({ queryKey: [key] }),
      ),
    );
  const save = useMutation(() => ({
    mutationFn: () => trpc.handbook.saveDraft.mutate(payload()),
    onSuccess: refresh,
  }));
  const publish = useMutation(() => ({
    mutationFn: async () => {
      await trpc.handbook.saveDraft.mutate(payload());
      return trpc.handbook.publish.mutate();
    },
    onSuccess: refresh,
  }));
  const discard = useMutation(() => ({
    mutationFn: () => trpc.handbook.discardDraft.mutate(),
    onSuccess: refresh,
  }));
  const errors = () => fieldErrors(save.error ?? publish.error);
  const move = (i: number, by: number) =>
    setV(
      produce((s) => {
        const [c] = s.chapters.splice(i, 1);
        s.chapters.splice(i + by, 0, c!);
      }),
    );
  const heading = props.draft ? `Entwurf der Fassung ${props.draft.version}` : "Neue Fassung entwerfen";
  return (
    <section class="card" aria-labelledby="draft-title">
      <h2 id="draft-title">{heading}</h2>
      <p class="muted">
        Der Entwurf ist nur für das Land sichtbar. Veröffentlicht wird er die neue Fassung für alle Kommunen;
        sie bleibt danach unverändert. Kapitel behalten ihren Schlüssel über die Fassungen, damit Verweise
        gültig bleiben.
      </p>
      <Form class="form" label="Entwurf des PM-Koffers" onSubmit={() => save.mutate()}>
        <div class="form-grid">
          <TextField
            label="Titel"
            value={v.title}
            onInput={(e) => setV("title", e.currentTarget.value)}
            error={errors().title}
          />
          <TextField
            label="Was ist neu?"
            hint="Wird den Kommunen mit der neuen Fassung angezeigt."
            value={v.changes}
            onInput={(e) => setV("changes", e.currentTarget.value)}
            error={errors().changes}
          />
        </div>
        <Show when={errors().chapters}>
          <p class="field-error">{errors().chapters}</p>
        </Show>
        <For each={v.chapters}>
          {(c, i) => (
            <fieldset class="handbook-edit">
              <legend>
                {i() + 1}. {c.title || "Neues Kapitel"}
              </legend>
              <div class="form-grid">
                <TextField
                  label={`Titel von Kapitel ${i() + 1}`}
                  value={c.title}
                  onInput={(e) => setV("chapters", i(), "title", e.currentTarget.value)}
                />
                <SelectField
                  label={`Art von Kapitel ${i() + 1}`}
                  value={c.kind}
                  options={codeOptions(HANDBOOK_ENTRY_KINDS, HANDBOOK_ENTRY_KIND_LABELS)}
                  onChange={(e) => setV("chapters", i(), "kind", e.currentTarget.value as HandbookEntryKind)}
                />
                <SelectField
                  label={`PM-Standard von Kapitel ${i() + 1}`}
                  value={c.standard}
                  options={[{ value: "", label: "keiner" }, ...codeOptions(PM_STANDARDS, PM_STANDARD_LABELS)]}
                  onChange={(e) => setV("chapters", i(), "standard", e.currentTarget.value as PmStandard)}
                />
                <SelectField
                  label={`Formular in SPATZ zu Kapitel ${i() + 1}`}
                  value={c.form}
                  options={[
                    { value: "", label: "keines" },
                    ...codeOptions(HANDBOOK_FORMS, HANDBOOK_FORM_LABELS),
                  ]}
                  onChange={(e) => setV("chapters", i(), "form", e.currentTarget.value as HandbookForm)}
                />
              </div>
              <TextAreaField
                label={`Text von Kapitel ${i() + 1}`}
                hint={MARKDOWN_HINT}
                rows={8}
                value={c.body}
                onInput={(e) => setV("chapters", i(), "body", e.currentTarget.value)}
              />
              <details>
                <summary>Vorschau von Kapitel {i() + 1}</summary>
                <Markdown text={c.body} />
              </details>
              <div class="actions">
                <button
                  type="button"
                  class="button button-small"
                  disabled={i() === 0}
                  onClick={() => move(i(), -1)}
                >
                  Kapitel {i() + 1} nach oben
                </button>
                <button
                  type="button"
                  class="button button-small"
                  disabled={i() === v.chapters.length - 1}
                  onClick={() => move(i(), 1)}
                >
                  Kapitel {i() + 1} nach unten
                </button>
                <button
                  type="button"
                  class="button button-small"
                  onClick={() =>
                    setV(
                      "chapters",
                      v.chapters.filter((_, j) => j !== i()),
                    )
                  }
                >
                  Kapitel {i() + 1} entfernen
                </button>
              </div>
            </fieldset>
          )}
        </For>
        <button
          type="button"
          class="button"
          onClick={() =>
            setV("chapters", v.chapters.length, {
              kind: "chapter",
              title: "",
              body: "",
              standard: "",
              form: "",
            })
          }
        >
          Kapitel hinzufügen
        </button>
        <div class="actions">
          <button type="submit" class="button" disabled={save.isPending}>
            Entwurf speichern
          </button>
          <button
            type="button"
            class="button button-primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate()}
          >
            Veröffentlichen
          </button>
          <Show when={props.draft}>
            <ConfirmButton
              class="button button-danger"
              disabled={discard.isPending}
              question="Den Entwurf verwerfen?"
              onConfirm={() => discard.mutate()}
            >
              Entwurf verwerfen
            </ConfirmButton>
          </Show>
        </div>
      </Form>
      <MutationResult mutation={save} success="Der Entwurf ist gespeichert." />
      <Show when={publish.isSuccess && publish.data}>
        {(p) => <Alert kind="success">Fassung {p().version} ist für alle Kommunen veröffentlicht.</Alert>}
      </Show>
      <Show when={publish.isError && Object.keys(errors()).length === 0}>
        <Alert kind="error">{errorMessage(publish.error)}</Alert>
      </Show>
      <Show when={discard.isError}>
        <Alert kind="error">{errorMessage(discard.error)}</Alert>
      </Show>
    </section>
  );
}
