// The evidence files of a measure on its detail page: a table with download links (everyone who reads the measure),
// and for its editors a file field to add one and a button to remove one. A completed measure's only evidence cannot
// be removed; the server says why, and the message appears here.
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_FILES,
  evidenceQuotaMessage,
  evidenceTypeLabel,
  formatDateTime,
  formatFileSize,
} from "@spatz/domain";
import { useMutation } from "@tanstack/solid-query";
import { createSignal, createUniqueId, For, Show } from "solid-js";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { useRefreshMeasures } from "../maturity/queries.ts";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { EVIDENCE_HINT, type EvidenceUpload, readEvidenceFile } from "./evidence-file.ts";

type Detail = Awaited<ReturnType<typeof trpc.measures.get.query>>;
type EvidenceFile = Detail["evidenceFiles"][number];

const evidenceDownloadUrl = (id: string) => `/dateien/nachweise/${encodeURIComponent(id)}`;

export function EvidenceFiles(props: { detail: Detail }) {
  const id = createUniqueId();
  const refresh = useRefreshMeasures();
  const [chosen, setChosen] = createSignal<EvidenceUpload | null>(null);
  const [localError, setLocalError] = createSignal("");
  const [done, setDone] = createSignal("");
  let input!: HTMLInputElement;
  const files = () => props.detail.evidenceFiles;
  const full = () => files().length >= EVIDENCE_MAX_FILES;

  const upload = useMutation(() => ({
    mutationFn: (file: EvidenceUpload) =>
      trpc.measures.uploadEvidence.mutate({ measureId: props.detail.measure.id, file }),
    onSuccess: async (stored) => {
      await refresh();
      setChosen(null);
      input.value = "";
      setDone(`„${stored.fileName}“ wurde als Nachweis hinzugefügt.`);
    },
  }));
  const remove = useMutation(() => ({
    mutationFn: (file: EvidenceFile) => trpc.measures.deleteEvidence.mutate({ id: file.id }),
    onSuccess: async (_, file) => {
      await refresh();
      setDone(`„${file.fileName}“ wurde entfernt.`);
    },
  }));

  async function choose() {
    const file = input.files?.[0];
    setLocalError("");
    setDone("");
    upload.reset();
    setChosen(null);
    if (!file) return;
    const storage = props.detail.storage;
    if (storage && storage.usedBytes + file.size > storage.quotaBytes)
      return setLocalError(evidenceQuotaMessage(storage.usedBytes, storage.quotaBytes));
    const read = await readEvidenceFile(file);
    if ("error" in read) setLocalError(read.error);
    else setChosen(read.upload);
  }
  const error = () => localError() || fieldErrors(upload.error).file || "";

  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Nachweisdateien</h2>
      <Show when={files().length > 0} fallback={<EmptyState title="Noch keine Dateien hinterlegt." />}>
        <TableScroll>
          <table class="table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">Datei</th>
                <th scope="col">Art</th>
                <th scope="col" class="num">
                  Größe
                </th>
                <th scope="col">Hochgeladen</th>
                <Show when={props.detail.canEdit}>
                  <th scope="col">
                    <span class="visually-hidden">Aktionen</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={files()}>
                {(f) => (
                  <tr>
                    <th scope="row">
                      <a href={evidenceDownloadUrl(f.id)} download={f.fileName}>
                        {f.fileName}
                      </a>
                    </th>
                    <td>{evidenceTypeLabel(f.mediaType)}</td>
                    <td class="num">{formatFileSize(f.sizeBytes)}</td>
                    <td>
                      {formatDateTime(f.uploadedAt)}
                      <Show when={f.uploadedByName}> von {f.uploadedByName}</Show>
                    </td>
                    <Show when={props.detail.canEdit}>
                      <td class="actions">
                        <ConfirmButton
                          class="button"
                          label={`${f.fileName} entfernen`}
                          disabled={remove.isPending}
                          onBeforeAsk={() => setDone("")}
                          question={`Nachweisdatei „${f.fileName}“ entfernen?`}
                          onConfirm={() => remove.mutate(f)}
                        >
                          Entfernen
                        </ConfirmButton>
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
      <Show when={props.detail.canEdit}>
        <form
          class="form evidence-upload"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setDone("");
            const file = chosen();
            if (file) upload.mutate(file);
            else if (!localError()) setLocalError("Bitte eine Datei auswählen.");
          }}
        >
          <div class="field" classList={{ "field-invalid": !!error() }}>
            <label for={`${id}-file`}>Datei hinzufügen</label>
            <p class="field-hint" id={`${id}-hint`}>
              {full() ? `Die Maßnahme hat schon ${EVIDENCE_MAX_FILES} Dateien.` : EVIDENCE_HINT}
              <Show when={props.detail.storage}>
                {(s) => (
                  <>
                    {" "}
                    Speicher Ihrer Verwaltung: {formatFileSize(s().usedBytes)} von{" "}
                    {formatFileSize(s().quotaBytes)} belegt.
                  </>
                )}
              </Show>
            </p>
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              accept={EVIDENCE_ACCEPT}
              disabled={full()}
              onChange={() => void choose()}
              aria-invalid={error() ? "true" : undefined}
              aria-describedby={`${id}-hint${error() ? ` ${id}-error` : ""}`}
            />
            <Show when={error()}>
              <p class="field-error" id={`${id}-error`}>
                {error()}
              </p>
            </Show>
          </div>
          <Show when={upload.isError && !fieldErrors(upload.error).file}>
            <Alert kind="error">{errorMessage(upload.error)}</Alert>
          </Show>
          <div class="button-row">
            <button type="submit" class="button" disabled={upload.isPending || full()}>
              {upload.isPending ? "Wird hochgeladen …" : "Hochladen"}
            </button>
          </div>
        </form>
      </Show>
      <Show when={done()}>
        <Alert kind="success">{done()}</Alert>
      </Show>
    </section>
  );
}
