// Import of a project list in three steps: upload (TSV, CSV as German Excel writes it, XLSX) → column mapping
// (suggested from the headers, editable) → preview with German errors and warnings per row and what will be created
// or updated → import, all or nothing.
import { A } from "@solidjs/router";
import {
  formatCountOf,
  formatDate,
  formatInteger,
  IMPORT_MAX_BYTES,
  IMPORT_TOO_LARGE_MESSAGE,
} from "@spatz/domain";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, trpc } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Alert, Loading } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { PortfolioNav } from "./common.tsx";

type Plan = Awaited<ReturnType<typeof trpc.portfolio.importPreview.mutate>>;
type Mapping = Plan["mapping"];

const ENCODINGS: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (Unicode-Text)",
  "windows-1252": "Windows-1252 (Excel „CSV (Trennzeichen-getrennt)“)",
};
const DELIMITERS: Record<string, string> = { "\t": "Tabulator", ";": "Semikolon", ",": "Komma" };
const PREVIEW_ROWS = 50;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("Die Datei konnte nicht gelesen werden."));
    reader.readAsDataURL(file);
  });
}

export function ImportPage(props: { me: Me }) {
  const client = useQueryClient();
  const [file, setFile] = createSignal<{ fileName: string; contentBase64: string } | null>(null);
  const [fileError, setFileError] = createSignal("");
  const [mapping, setMapping] = createStore<Mapping>({} as Mapping);
  const [mappingDirty, setMappingDirty] = createSignal(false);
  const preview = useMutation(() => ({
    mutationFn: (v: { fileName: string; contentBase64: string; mapping?: Mapping }) =>
      trpc.portfolio.importPreview.mutate(v),
    onSuccess: (plan) => {
      setMapping(reconcile(plan.mapping));
      setMappingDirty(false);
    },
  }));
  const commit = useMutation(() => ({
    mutationFn: () => trpc.portfolio.importCommit.mutate({ ...file()!, mapping: { ...mapping } }),
    onSuccess: (result) => {
      if (result.committed) {
        for (const key of [
          "portfolio.list",
          "portfolio.filterOptions",
          "portfolio.dashboard",
          "portfolio.timeline",
        ])
          client.invalidateQueries({ queryKey: [key] });
      }
    },
  }));
  const plan = () => (commit.data && !commit.data.committed ? commit.data : preview.data);

  async function choose(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    setFileError("");
    commit.reset();
    preview.reset();
    if (!chosen) return;
    if (chosen.size > IMPORT_MAX_BYTES) {
      setFile(null);
      setFileError(IMPORT_TOO_LARGE_MESSAGE);
      return;
    }
    const next = { fileName: chosen.name, contentBase64: await readAsBase64(chosen) };
    setFile(next);
    preview.mutate(next);
  }

  return (
    <>
      <PageHeader
        title="Projektliste importieren"
        intro="Excel-Arbeitsmappe (.xlsx) oder Textdatei mit Tabulator, Semikolon oder Komma (.csv, .tsv; UTF-8 oder Windows-1252), höchstens 5 MB."
      />
      <PortfolioNav me={props.me} />
      <section class="card" aria-labelledby="step-file">
        <h2 id="step-file">1. Datei wählen</h2>
        <div
          class="field"
          classList={{ "field-invalid": !!(fileError() || (preview.isError && errorMessage(preview.error))) }}
        >
          <label for="import-file">Projektliste</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,.tsv,.txt,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            onChange={(e) => void choose(e.currentTarget)}
          />
          <p class="field-hint" id="import-file-hint">
            Die erste Zeile muss die Spaltenüberschriften enthalten (z. B. GB, R, Projektname, Start, Ende).
            Daten im Format TT.MM.JJJJ, Beträge wie 12.500,00 €. Die Dauer berechnet SPATZ aus Start und Ende.
          </p>
        </div>
        <Show when={fileError()}>
          <Alert kind="error">{fileError()}</Alert>
        </Show>
        <Show when={preview.isError}>
          <Alert kind="error">{errorMessage(preview.error)}</Alert>
        </Show>
        <Show when={preview.isPending}>
          <Loading label="Datei wird gelesen …" />
        </Show>
      </section>
      <Show when={plan()}>
        {(p) => (
          <>
            <section class="card" aria-labelledby="step-mapping">
              <h2 id="step-mapping">2. Spalten zuordnen</h2>
              <p>
                {p().fileName}: {p().format.toUpperCase()}
                {p().encoding ? `, ${ENCODINGS[p().encoding!] ?? p().encoding}` : ""}
                {p().delimiter ? `, Trennzeichen ${DELIMITERS[p().delimiter!] ?? p().delimiter}` : ""}
                {p().sheetName ? `, Tabellenblatt „${p().sheetName}“` : ""} · {p().rowCount} Zeilen
              </p>
              <TableScroll>
                <table class="table mapping-table">
                  <thead>
                    <tr>
                      <th scope="col">Feld in SPATZ</th>
                      <th scope="col">Spalte der Datei</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().fields}>
                      {(field) => (
                        <tr>
                          <th scope="row">
                            <label for={`map-${field.field}`}>
                              {field.label}
                              {field.required ? " (Pflicht)" : ""}
                            </label>
                            <span class="field-hint">{field.description}</span>
                          </th>
                          <td>
                            <select
                              id={`map-${field.field}`}
                              onChange={(e) => {
                                const v = e.currentTarget.value;
                                setMapping(field.field as keyof Mapping, v === "" ? null : Number(v));
                                setMappingDirty(true);
                              }}
                            >
                              <option value="" selected={mapping[field.field as keyof Mapping] == null}>
                                – nicht importieren –
                              </option>
                              <For each={p().headers}>
                                {(header, i) => (
                                  <option
                                    value={String(i())}
                                    selected={mapping[field.field as keyof Mapping] === i()}
                                  >
                                    {header || `Spalte ${i() + 1}`}
                                  </option>
                                )}
                              </For>
                            </select>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
              <button
                type="button"
                class="button"
                disabled={preview.isPending}
                onClick={() => {
                  commit.reset();
                  preview.mutate({ ...file()!, mapping: { ...mapping } });
                }}
              >
                Zuordnung prüfen
              </button>
            </section>
            <section class="card" aria-labelledby="step-preview">
              <h2 id="step-preview">3. Vorschau</h2>
              <Show when={mappingDirty()}>
                <Alert kind="info">
                  <p>
                    Die Zuordnung wurde geändert. Bitte „Zuordnung prüfen“ wählen, um die Vorschau zu
                    aktualisieren.
                  </p>
                </Alert>
              </Show>
              <p class="import-summary" aria-live="polite">
                {formatCountOf(p().counts.create, "neues Projekt", "neue Projekte")},{" "}
                {formatCountOf(p().counts.update, "Aktualisierung", "Aktualisierungen")} bestehender Projekte
                {p().errors.length > 0 ? `, ${formatInteger(p().errors.length)} Fehler` : ""}
                {p().warnings.length > 0
                  ? `, ${formatCountOf(p().warnings.length, "Hinweis", "Hinweise")}`
                  : ""}
                .
              </p>
              <Show when={p().newOrgUnits.length > 0}>
                <p>Neue Organisationseinheiten (GB / R): {p().newOrgUnits.join(", ")}</p>
              </Show>
              <Show when={p().errors.length > 0}>
                <div class="alert alert-error" role="alert">
                  <p>Die Datei enthält Fehler. Es wird nichts importiert, bis sie behoben sind:</p>
                  <ul class="issue-list">
                    <For each={p().errors}>{(e) => <li>{e.message}</li>}</For>
                  </ul>
                </div>
              </Show>
              <Show when={p().warnings.length > 0}>
                <div class="alert alert-info">
                  <p>Hinweise (der Import ist trotzdem möglich):</p>
                  <ul class="issue-list">
                    <For each={p().warnings}>{(w) => <li>{w.message}</li>}</For>
                  </ul>
                </div>
              </Show>
              <Show when={p().rows.length > 0}>
                <TableScroll>
                  <table class="table">
                    <caption class="muted">
                      {p().rows.length > PREVIEW_ROWS
                        ? `Die ersten ${formatInteger(PREVIEW_ROWS)} von ${formatInteger(p().rows.length)} Projekten`
                        : "Projekte in der Datei"}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Zeile</th>
                        <th scope="col">Aktion</th>
                        <th scope="col">GB / R</th>
                        <th scope="col">Projektname</th>
                        <th scope="col">Start</th>
                        <th scope="col">Ende</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={p().rows.slice(0, PREVIEW_ROWS)}>
                        {(r) => (
                          <tr>
                            <td>{r.line}</td>
                            <td>{r.action === "create" ? "neu" : "aktualisieren"}</td>
                            <td>
                              {r.gb} / {r.r}
                            </td>
                            <td>{r.name}</td>
                            <td>{formatDate(r.start)}</td>
                            <td>{formatDate(r.end)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableScroll>
              </Show>
              <Show when={commit.isError}>
                <Alert kind="error">{errorMessage(commit.error)}</Alert>
              </Show>
              <Show
                when={commit.data?.committed}
                fallback={
                  <button
                    type="button"
                    class="button button-primary"
                    disabled={!p().ok || mappingDirty() || commit.isPending || p().rows.length === 0}
                    onClick={() => commit.mutate()}
                  >
                    {formatCountOf(p().rows.length, "Projekt", "Projekte")} importieren
                  </button>
                }
              >
                <Alert kind="success">
                  <p>
                    Import abgeschlossen: {formatCountOf(commit.data!.counts.create, "Projekt", "Projekte")}{" "}
                    angelegt, {commit.data!.counts.update} aktualisiert.{" "}
                    <A href="/portfolio">Zur Projektliste</A>
                  </p>
                </Alert>
              </Show>
            </section>
          </>
        )}
      </Show>
    </>
  );
}
