// Import of the OZG catalogue: the bundled files again, or a newer catalogue as four CSV files. First a check (nothing
// changes), then the import: all or nothing, refused while any row is rejected. The PMO's fields always survive.
import { A } from "@solidjs/router";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, type JSX, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { errorMessage, trpc } from "../../lib/trpc.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { Alert } from "../../ui/states.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { formatCount } from "../format.ts";
import { StateTabs } from "../ui.tsx";

type Report = Awaited<ReturnType<typeof trpc.rollout.importCatalogue.mutate>>;
type FileKey = "themenfelder" | "lebenslagen" | "ozgLeistungen" | "leikaLeistungen";

const FILES: { key: FileKey; label: string; name: string }[] = [
  { key: "themenfelder", label: "Themenfelder", name: "themenfelder.csv" },
  { key: "lebenslagen", label: "Lebens- und Unternehmenslagen", name: "lebenslagen.csv" },
  { key: "ozgLeistungen", label: "OZG-Leistungen", name: "ozg_leistungen.csv" },
  { key: "leikaLeistungen", label: "LeiKa-Leistungen", name: "leika_leistungen.csv" },
];

/** UTF-8, or Windows-1252 when the file is not valid UTF-8 (as older Excel versions save CSV). */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function ImportPage(props: { me: Me }) {
  const client = useQueryClient();
  const [source, setSource] = createSignal<"bundled" | "upload">("bundled");
  const [files, setFiles] = createSignal<Partial<Record<FileKey, File>>>({});
  const [missing, setMissing] = createSignal<string | null>(null);
  const run = useMutation(() => ({
    mutationFn: async (dryRun: boolean): Promise<Report> => {
      if (source() === "bundled") return trpc.rollout.importCatalogue.mutate({ source: "bundled", dryRun });
      const chosen = files();
      const texts = Object.fromEntries(
        await Promise.all(FILES.map(async (f) => [f.key, await readText(chosen[f.key]!)] as const)),
      ) as Record<FileKey, string>;
      return trpc.rollout.importCatalogue.mutate({ source: "upload", dryRun, files: texts });
    },
    onSuccess: (report) => {
      if (report.applied) client.invalidateQueries();
    },
  }));
  const start = (dryRun: boolean) => {
    if (source() === "upload") {
      const absent = FILES.filter((f) => !files()[f.key]).map((f) => f.label);
      if (absent.length > 0) {
        setMissing(`Bitte alle vier Dateien wählen. Es fehlen: ${absent.join(", ")}.`);
        return;
      }
    }
    setMissing(null);
    run.mutate(dryRun);
  };
  const report = () => run.data;
  return (
    <>
      <PageHeader
        title="OZG-Katalog importieren"
        intro="Eine neuere Katalogversion einlesen. Angaben des Landes-PMO (EfA, Priorität, Reifegrad, Notizen, korrigierte Zuständigkeit) bleiben erhalten."
      />
      <StateTabs me={props.me} />
      <form class="form card" noValidate onSubmit={(e) => e.preventDefault()} aria-label="Katalog-Import">
        <fieldset class="field">
          <legend>Quelle</legend>
          <label class="checkbox-field">
            <input
              type="radio"
              name="source"
              checked={source() === "bundled"}
              onChange={() => setSource("bundled")}
            />
            Mitgelieferter Katalog (KDN-Auszug, 557 Leistungen)
          </label>
          <label class="checkbox-field">
            <input
              type="radio"
              name="source"
              checked={source() === "upload"}
              onChange={() => setSource("upload")}
            />
            Neuere Katalogdateien hochladen (CSV, UTF-8, Komma)
          </label>
        </fieldset>
        <Show when={source() === "upload"}>
          <For each={FILES}>
            {(f) => (
              <div class="field">
                <label for={`file-${f.key}`}>
                  {f.label} ({f.name})
                </label>
                <input
                  id={`file-${f.key}`}
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0];
                    setFiles((all) => ({ ...all, [f.key]: file }));
                  }}
                />
              </div>
            )}
          </For>
        </Show>
        <Show when={missing()}>
          <p class="field-error" role="alert">
            {missing()}
          </p>
        </Show>
        <div class="export-buttons">
          <button type="button" class="button" disabled={run.isPending} onClick={() => start(true)}>
            Prüfen
          </button>
          <button
            type="button"
            class="button button-primary"
            disabled={run.isPending || !report() || report()!.rejected.length > 0 || !report()!.dryRun}
            onClick={() => start(false)}
          >
            Importieren
          </button>
        </div>
        <p class="muted">Erst prüfen: Der Import ist erst möglich, wenn keine Zeile abgelehnt wird.</p>
      </form>
      <Show when={run.isError}>
        <Alert kind="error">{errorMessage(run.error)}</Alert>
      </Show>
      <Show when={report()}>{(r) => <ImportReport report={r()} />}</Show>
    </>
  );
}

function List(props: { title: string; count: number; children: JSX.Element }) {
  return (
    <Show when={props.count > 0}>
      <details class="report-list">
        <summary>
          {props.title}: {formatCount(props.count)}
        </summary>
        <ul>{props.children}</ul>
      </details>
    </Show>
  );
}

function ImportReport(props: { report: Report }) {
  const r = () => props.report;
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">
        {r().applied ? "Import abgeschlossen" : r().dryRun ? "Ergebnis der Prüfung" : "Import abgelehnt"}
      </h2>
      <Show when={r().applied}>
        <Alert kind="success">Der Katalog wurde übernommen. Die Abdeckung rechnet ab sofort mit ihm.</Alert>
      </Show>
      <Show when={!r().applied && r().rejected.length > 0}>
        <Alert kind="error">
          {r().rejected.length === 1
            ? "1 Zeile wurde abgelehnt."
            : `${formatCount(r().rejected.length)} Zeilen wurden abgelehnt.`}{" "}
          Es wurde nichts geändert. Bitte die Dateien korrigieren und erneut prüfen.
        </Alert>
      </Show>
      <Show when={!r().applied && r().dryRun && r().rejected.length === 0}>
        <Alert kind="info">Keine Zeile abgelehnt – der Katalog kann importiert werden.</Alert>
      </Show>
      <dl class="facts">
        <dt>Themenfelder</dt>
        <dd>{formatCount(r().counts.themenfelder)}</dd>
        <dt>Lagen</dt>
        <dd>{formatCount(r().counts.lagen)}</dd>
        <dt>OZG-Leistungen</dt>
        <dd>{formatCount(r().counts.services)}</dd>
        <dt>LeiKa-Leistungen</dt>
        <dd>{formatCount(r().counts.leika)}</dd>
        <dt>Leistungen mit PMO-Angaben (bleiben erhalten)</dt>
        <dd>{formatCount(r().changes.pmoFieldsKept)}</dd>
      </dl>
      <Show when={r().rejected.length > 0}>
        <h3>Abgelehnte Zeilen</h3>
        <TableScroll>
          <table class="table">
            <caption class="visually-hidden">Abgelehnte Zeilen</caption>
            <thead>
              <tr>
                <th scope="col">Datei</th>
                <th scope="col" class="num">
                  Zeile
                </th>
                <th scope="col">Grund</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().rejected}>
                {(p) => (
                  <tr>
                    <td>{p.file}</td>
                    <td class="num">{p.line || "–"}</td>
                    <td>{p.message}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
      <h3>Änderungen gegenüber dem aktuellen Katalog</h3>
      <List title="Neue Leistungen" count={r().changes.added.length}>
        <For each={r().changes.added}>{(s) => <li>{`${s.id} ${s.name}`}</li>}</For>
      </List>
      <List title="Nicht mehr im Katalog (Einträge bleiben erhalten)" count={r().changes.removed.length}>
        <For each={r().changes.removed}>{(s) => <li>{`${s.id} ${s.name}`}</li>}</For>
      </List>
      <List title="Umbenannt" count={r().changes.renamed.length}>
        <For each={r().changes.renamed}>{(s) => <li>{`${s.id}: »${s.before}« → »${s.name}«`}</li>}</For>
      </List>
      <List title="Andere Lage" count={r().changes.moved.length}>
        <For each={r().changes.moved}>
          {(s) => <li>{`${s.id} ${s.name}: ${s.beforeLage} → ${s.afterLage}`}</li>}
        </For>
      </List>
      <List title="Zuständigkeit neu abgeleitet" count={r().changes.responsibilityChanged.length}>
        <For each={r().changes.responsibilityChanged}>
          {(s) => <li>{`${s.id} ${s.name}: ${s.before} → ${s.after}`}</li>}
        </For>
      </List>
      <List title="Korrektur des PMO bleibt trotz neuer Ableitung" count={r().changes.overrideKept.length}>
        <For each={r().changes.overrideKept}>
          {(s) => (
            <li>
              <A href={`/land/katalog/${s.id}`}>{`${s.id} ${s.name}`}</A>
            </li>
          )}
        </For>
      </List>
      <List title="Hinweise (Zeilen übernommen)" count={r().warnings.length}>
        <For each={r().warnings}>{(p) => <li>{`${p.file}, Zeile ${p.line}: ${p.message}`}</li>}</For>
      </List>
    </section>
  );
}
