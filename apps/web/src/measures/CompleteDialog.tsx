// Completing a measure: a modal dialog asking for the completion date and the evidence (both required, DESIGN.md §2):
// a text, a link or a file (stored with the completion in one transaction). The native <dialog> traps focus, closes
// on Escape and returns focus to the button that opened it.
import { berlinToday, EVIDENCE_ACCEPT } from "@spatz/domain";
import { useMutation } from "@tanstack/solid-query";
import { createEffect, createSignal, createUniqueId, Show } from "solid-js";
import { fieldErrors, trpc } from "../lib/trpc.ts";
import { useRefreshMeasures } from "../maturity/queries.ts";
import { Form, TextField } from "../ui/Field.tsx";
import { announce } from "../ui/notice.tsx";
import { MutationResult } from "../ui/states.tsx";
import { EVIDENCE_HINT, type EvidenceUpload, readEvidenceFile } from "./evidence-file.ts";

export type CompletionTarget = {
  id: string;
  title: string;
  evidenceText?: string | null;
  evidenceUrl?: string | null;
};

export function CompleteDialog(props: {
  measure: CompletionTarget | null;
  onClose: () => void;
  onDone?: () => void;
}) {
  let dialog!: HTMLDialogElement;
  const id = createUniqueId();
  const refresh = useRefreshMeasures();
  const [date, setDate] = createSignal(berlinToday());
  const [text, setText] = createSignal("");
  const [url, setUrl] = createSignal("");
  const [file, setFile] = createSignal<EvidenceUpload | null>(null);
  const [fileError, setFileError] = createSignal("");
  let fileInput!: HTMLInputElement;
  const complete = useMutation(() => ({
    mutationFn: (measureId: string) =>
      trpc.measures.setStatus.mutate({
        id: measureId,
        status: "completed",
        completedOn: date() || null,
        evidenceText: text() || null,
        evidenceUrl: url() || null,
        evidenceFile: file(),
      }),
    onSuccess: async () => {
      const title = props.measure?.title;
      await refresh();
      dialog.close();
      if (title) announce(`Maßnahme „${title}“ ist abgeschlossen.`);
      props.onDone?.();
    },
  }));
  createEffect(() => {
    const m = props.measure;
    if (m && !dialog.open) {
      setDate(berlinToday());
      setText(m.evidenceText ?? "");
      setUrl(m.evidenceUrl ?? "");
      setFile(null);
      setFileError("");
      fileInput.value = "";
      complete.reset();
      dialog.showModal();
    }
  });
  const errors = () => fieldErrors(complete.error);
  async function choose() {
    const chosen = fileInput.files?.[0];
    setFile(null);
    setFileError("");
    if (!chosen) return;
    const read = await readEvidenceFile(chosen);
    if ("error" in read) setFileError(read.error);
    else setFile(read.upload);
  }
  const fileMessage = () => fileError() || errors().evidenceFile || "";
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={`${id}-title`} onClose={() => props.onClose()}>
      <Form
        onSubmit={() => {
          if (props.measure && !fileError()) complete.mutate(props.measure.id);
        }}
      >
        <h2 id={`${id}-title`}>Maßnahme abschließen</h2>
        <p class="muted">{props.measure?.title}</p>
        <TextField
          label="Abschlussdatum"
          type="date"
          required
          value={date()}
          onInput={(e) => setDate(e.currentTarget.value)}
          error={errors().completedOn}
        />
        <div class="field" classList={{ "field-invalid": !!errors().evidenceText }}>
          <label for={`${id}-evidence`}>Nachweis</label>
          <p class="field-hint" id={`${id}-evidence-hint`}>
            Was belegt den Abschluss? Z. B. Beschluss, Abnahmeprotokoll, Bericht. Beschreibung, Link oder
            Datei genügt.
          </p>
          <textarea
            id={`${id}-evidence`}
            rows="3"
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-invalid={errors().evidenceText ? "true" : undefined}
            aria-describedby={`${id}-evidence-hint${errors().evidenceText ? ` ${id}-evidence-error` : ""}`}
          />
          <Show when={errors().evidenceText}>
            <p class="field-error" id={`${id}-evidence-error`}>
              {errors().evidenceText}
            </p>
          </Show>
        </div>
        <TextField
          label="Link zum Nachweis (optional)"
          type="url"
          value={url()}
          onInput={(e) => setUrl(e.currentTarget.value)}
          error={errors().evidenceUrl}
          placeholder="https://"
        />
        <div class="field" classList={{ "field-invalid": !!fileMessage() }}>
          <label for={`${id}-file`}>Datei als Nachweis (optional)</label>
          <p class="field-hint" id={`${id}-file-hint`}>
            {EVIDENCE_HINT}
          </p>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept={EVIDENCE_ACCEPT}
            onChange={() => void choose()}
            aria-invalid={fileMessage() ? "true" : undefined}
            aria-describedby={`${id}-file-hint${fileMessage() ? ` ${id}-file-error` : ""}`}
          />
          <Show when={fileMessage()}>
            <p class="field-error" id={`${id}-file-error`}>
              {fileMessage()}
            </p>
          </Show>
        </div>
        <MutationResult mutation={complete} />
        <div class="button-row">
          <button type="submit" class="button button-primary" disabled={complete.isPending}>
            Abschließen
          </button>
          <button type="button" class="button" onClick={() => dialog.close()}>
            Abbrechen
          </button>
        </div>
      </Form>
    </dialog>
  );
}
