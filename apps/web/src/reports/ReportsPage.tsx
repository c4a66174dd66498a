// "Berichte" (every role of a Kommune): the archive of the Kommune's reports with their downloads, and – for
// Verwaltungsführung, CDO/PMO and Administration – a form to ask for a Reifegradbericht. The worker makes it; the
// progress bar follows the job, and the user may leave: the finished report is in the archive.
import { can, formatDate, formatDateTime, formatInteger } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Pager } from "../ui/Pager.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

const KIND_LABELS: Record<string, string> = { reifegradbericht: "Reifegradbericht" };
const PAGE_SIZE = 20;

export function ReportsPage(props: { me: Me }) {
  const [page, setPage] = createSignal(1);
  const archive = useQuery(() => ({
    queryKey: ["reports.list", page()],
    queryFn: () => trpc.reports.list.query({ page: page(), pageSize: PAGE_SIZE }),
  }));
  return (
    <>
      <PageHeader
        title="Berichte"
        intro="Berichte als PDF, CSV und Excel mit denselben Zahlen. Jeder Bericht gilt für seinen Stichtag und bleibt unverändert im Archiv."
      />
      <Show when={can(props.me.user.role, "reports.generate")}>
        <GenerateForm />
      </Show>
      <section aria-labelledby="archive-title">
        <h2 id="archive-title">Archiv</h2>
        <QueryView
          query={archive}
          isEmpty={(a) => a.total === 0}
          empty={<EmptyState title="Noch kein Bericht im Archiv." />}
        >
          {(a) => (
            <>
              <TableScroll>
                <table class="table">
                  <caption class="visually-hidden">Archivierte Berichte</caption>
                  <thead>
                    <tr>
                      <th scope="col">Bericht</th>
                      <th scope="col">Bereich</th>
                      <th scope="col">Stichtag</th>
                      <th scope="col">erstellt</th>
                      <th scope="col">ausgelöst von</th>
                      <th scope="col">Dateien</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={a.items}>
                      {(r) => (
                        <tr>
                          <th scope="row">{KIND_LABELS[r.kind] ?? r.kind}</th>
                          <td>{r.scopeLabel}</td>
                          <td>{formatDate(r.stichtag)}</td>
                          <td>{formatDateTime(r.generatedAt)}</td>
                          <td>{r.triggeredBy}</td>
                          <td>
                            <a href={`/dateien/berichte/${r.id}/pdf`} download="">
                              PDF ({formatInteger(Math.ceil(r.pdfBytes / 1024))} KB)
                            </a>{" "}
                            ·{" "}
                            <a href={`/dateien/berichte/${r.id}/csv`} download="">
                              CSV
                            </a>{" "}
                            ·{" "}
                            <a href={`/dateien/berichte/${r.id}/xlsx`} download="">
                              Excel
                            </a>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
              <Show when={a.total > PAGE_SIZE}>
                <Pager
                  page={a.page}
                  pageSize={a.pageSize}
                  total={a.total}
                  onPage={setPage}
                  label="Seiten: Archiv"
                />
              </Show>
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}

function GenerateForm() {
  const client = useQueryClient();
  const units = useQuery(() => ({ queryKey: ["orgUnits.list"], queryFn: () => trpc.orgUnits.list.query() }));
  const [orgUnitId, setOrgUnitId] = createSignal("");
  const [stichtag, setStichtag] = createSignal("");
  const [jobId, setJobId] = createSignal<string | null>(null);
  const generate = useMutation(() => ({
    mutationFn: () =>
      trpc.reports.generate.mutate({
        kind: "reifegradbericht",
        orgUnitId: orgUnitId() || null,
        ...(stichtag() && { stichtag: stichtag() }),
      }),
    onSuccess: (r) => setJobId(r.jobId),
  }));
  const status = useQuery(() => ({
    queryKey: ["reports.status", jobId()],
    queryFn: () => trpc.reports.status.query({ jobId: jobId()! }),
    enabled: jobId() !== null,
    refetchInterval: (q) =>
      q.state.data?.state === "done" || q.state.data?.state === "failed" ? false : 1_000,
  }));
  createEffect(() => {
    if (status.data?.state === "done") void client.invalidateQueries({ queryKey: ["reports.list"] });
  });
  const errors = () => (generate.isError ? fieldErrors(generate.error) : {});
  return (
    <section aria-labelledby="generate-title" class="card">
      <h2 id="generate-title">Reifegradbericht erstellen</h2>
      <form
        class="form form-inline"
        aria-label="Reifegradbericht erstellen"
        onSubmit={(e) => {
          e.preventDefault();
          setJobId(null);
          generate.mutate();
        }}
      >
        <SelectField
          label="Bereich"
          value={orgUnitId()}
          onChange={(e) => setOrgUnitId(e.currentTarget.value)}
          options={[
            { value: "", label: "gesamte Verwaltung" },
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
          error={errors().orgUnitId}
        />
        <TextField
          label="Stichtag (leer: heute)"
          type="date"
          value={stichtag()}
          onInput={(e) => setStichtag(e.currentTarget.value)}
          error={errors().stichtag}
        />
        <button type="submit" class="button" disabled={generate.isPending}>
          Bericht erstellen
        </button>
      </form>
      <Show when={generate.isError && Object.keys(errors()).length === 0}>
        <Alert kind="error">{errorMessage(generate.error)}</Alert>
      </Show>
      <Show when={jobId() !== null ? status.data : undefined}>
        {(s) => (
          <div class="report-progress">
            <label for="report-progress-bar">
              {s().state === "done"
                ? "Fertig: der Bericht ist im Archiv."
                : s().state === "failed"
                  ? "Fehlgeschlagen."
                  : s().state === "running"
                    ? "Der Bericht wird erstellt …"
                    : "Wartet auf die Erstellung …"}
            </label>
            <progress id="report-progress-bar" max="100" value={s().progress}>
              {s().progress} %
            </progress>
            <Show when={s().state === "done" && s().reportId}>
              {(id) => (
                <p>
                  <a href={`/dateien/berichte/${id()}/pdf`} download="">
                    PDF herunterladen
                  </a>{" "}
                  ·{" "}
                  <a href={`/dateien/berichte/${id()}/csv`} download="">
                    CSV
                  </a>{" "}
                  ·{" "}
                  <a href={`/dateien/berichte/${id()}/xlsx`} download="">
                    Excel
                  </a>
                </p>
              )}
            </Show>
            <Show when={s().error}>
              <Alert kind="error">{s().error}</Alert>
            </Show>
            <p class="muted">Sie können die Seite verlassen: der fertige Bericht steht im Archiv.</p>
          </div>
        )}
      </Show>
    </section>
  );
}
