// "Berichte" (every role): asking for a report (leadership, CDO/PMO, admin; the state's PMO and admins), the
// subscriptions to scheduled reports (a mail with a link when one is ready), the tenant's archive, and what is shared
// with it (the state: Reifegradberichte of Kommunen that share with the Land; a Landkreis: the Land's Rollout-Stand of
// its Kreis). The worker makes each report; the progress bar follows the job, and the user may leave: the finished
// report is in the archive.
import { can, formatDate, formatDateTime, formatInteger, REPORT_KIND_LABELS } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { SelectField, TextField } from "../ui/Field.tsx";
import { PagedTable } from "../ui/PagedTable.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState } from "../ui/states.tsx";

const PAGE_SIZE = 20;
type Kind = keyof typeof REPORT_KIND_LABELS;

export function ReportsPage(props: { me: Me }) {
  const options = useQuery(() => ({
    queryKey: ["reports.options"],
    queryFn: () => trpc.reports.options.query(),
  }));
  const kind = () => props.me.tenant.kind;
  return (
    <>
      <PageHeader
        title="Berichte"
        intro="Berichte als PDF, CSV und Excel mit denselben Zahlen. Jeder Bericht gilt für seinen Stichtag und bleibt unverändert im Archiv."
      />
      <QueryView query={options}>
        {(o) => (
          <>
            <Show when={can(props.me.user.role, "reports.generate") && o.make.length > 0}>
              <GenerateForm make={o.make} landkreise={o.landkreise} />
            </Show>
            <Subscriptions offered={o.subscribe} />
          </>
        )}
      </QueryView>
      <Archive
        source="own"
        title="Archiv"
        empty="Noch kein Bericht im Archiv. Geplante Berichte erscheinen hier nach ihrem Stichtag."
      />
      <Show when={kind() === "state"}>
        <Archive
          source="shared"
          title="Reifegradberichte der Kommunen, die mit dem Land teilen"
          empty="Keine Kommune teilt ihre Reifegradberichte mit dem Land namentlich."
        />
      </Show>
      <Show when={kind() === "landkreis"}>
        <Archive
          source="shared"
          title="Rollout-Stand Ihres Kreises (vom Land)"
          empty="Das Land hat für Ihren Kreis noch keinen Rollout-Stand erstellt."
        />
      </Show>
    </>
  );
}

function Archive(props: { source: "own" | "shared"; title: string; empty: string }) {
  const [page, setPage] = createSignal(1);
  const archive = useQuery(() => ({
    queryKey: ["reports.list", props.source, page()],
    queryFn: () => trpc.reports.list.query({ page: page(), pageSize: PAGE_SIZE, source: props.source }),
  }));
  const id = `archive-${props.source}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <PagedTable
        query={archive}
        empty={<EmptyState title={props.empty} />}
        caption={props.title}
        head={
          <>
            <th scope="col">Bericht</th>
            <Show when={props.source === "shared"}>
              <th scope="col">von</th>
            </Show>
            <th scope="col">Bereich</th>
            <th scope="col">Stichtag</th>
            <th scope="col">erstellt</th>
            <th scope="col">ausgelöst von</th>
            <th scope="col">Dateien</th>
          </>
        }
        row={(r) => (
          <tr>
            <th scope="row">{REPORT_KIND_LABELS[r.kind as Kind] ?? r.kind}</th>
            <Show when={props.source === "shared"}>
              <td>{r.owner}</td>
            </Show>
            <td>{r.scopeLabel}</td>
            <td>{formatDate(r.stichtag)}</td>
            <td>{formatDateTime(r.generatedAt)}</td>
            <td>{r.triggeredBy}</td>
            <td>
              <Downloads
                id={r.id}
                label={`${REPORT_KIND_LABELS[r.kind as Kind]} ${formatDate(r.stichtag)}`}
                pdfKb={Math.ceil(r.pdfBytes / 1024)}
              />
            </td>
          </tr>
        )}
        onPage={setPage}
        pagerLabel={`Seiten: ${props.title}`}
      />
    </section>
  );
}

function Downloads(props: { id: string; label: string; pdfKb?: number }) {
  return (
    <>
      <a
        href={`/dateien/berichte/${props.id}/pdf`}
        download=""
        aria-label={`${props.label} als PDF herunterladen`}
      >
        PDF{props.pdfKb !== undefined ? ` (${formatInteger(props.pdfKb)} KB)` : ""}
      </a>{" "}
      ·{" "}
      <a
        href={`/dateien/berichte/${props.id}/csv`}
        download=""
        aria-label={`${props.label} als CSV herunterladen`}
      >
        CSV
      </a>{" "}
      ·{" "}
      <a
        href={`/dateien/berichte/${props.id}/xlsx`}
        download=""
        aria-label={`${props.label} als Excel herunterladen`}
      >
        Excel
      </a>
    </>
  );
}

type Offer = { kind: Kind; label: string; rhythm: string };

function Subscriptions(props: { offered: Offer[] }) {
  const client = useQueryClient();
  const mine = useQuery(() => ({
    queryKey: ["reports.subscriptions"],
    queryFn: () => trpc.reports.subscriptions.query(),
  }));
  const [message, setMessage] = createSignal("");
  const toggle = useMutation(() => ({
    mutationFn: (v: { kind: Kind; on: boolean }) =>
      v.on
        ? trpc.reports.subscribe.mutate({ kind: v.kind })
        : trpc.reports.unsubscribe.mutate({ kind: v.kind }),
    onSuccess: (_r, v) => {
      const label = props.offered.find((o) => o.kind === v.kind)?.label ?? v.kind;
      setMessage(
        v.on
          ? `Abonniert: Sie erhalten eine E-Mail, sobald ein neuer ${label} im Archiv liegt.`
          : `Abonnement beendet: ${label}.`,
      );
      void client.invalidateQueries({ queryKey: ["reports.subscriptions"] });
    },
  }));
  const subscribed = (kind: Kind) => (mine.data ?? []).some((s) => s.kind === kind);
  return (
    <section aria-labelledby="subscriptions-title" class="card">
      <h2 id="subscriptions-title">Abonnements</h2>
      <p class="muted">
        Geplante Berichte entstehen von selbst. Mit einem Abonnement erhalten Sie eine E-Mail mit einem Link
        ins Archiv (nie den Bericht selbst).
      </p>
      <QueryView query={mine}>
        {() => (
          <ul class="report-subscriptions">
            <For each={props.offered}>
              {(o) => (
                <li>
                  <strong>{o.label}</strong> ({o.rhythm}):{" "}
                  {subscribed(o.kind) ? "abonniert" : "nicht abonniert"}{" "}
                  <button
                    type="button"
                    class="button button-secondary"
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate({ kind: o.kind, on: !subscribed(o.kind) })}
                  >
                    {subscribed(o.kind) ? `${o.label} abbestellen` : `${o.label} abonnieren`}
                  </button>
                </li>
              )}
            </For>
          </ul>
        )}
      </QueryView>
      {/* Present before anything is said, so that screen readers announce the confirmation. */}
      <div aria-live="polite">
        <Show when={message()}>
          <p class="alert alert-success">{message()}</p>
        </Show>
      </div>
      <Show when={toggle.isError}>
        <Alert kind="error">{errorMessage(toggle.error)}</Alert>
      </Show>
    </section>
  );
}

function GenerateForm(props: { make: Offer[]; landkreise: { ags: string; name: string }[] }) {
  const client = useQueryClient();
  const [kind, setKind] = createSignal<Kind>(props.make[0]!.kind);
  const units = useQuery(() => ({
    queryKey: ["orgUnits.list"],
    queryFn: () => trpc.orgUnits.list.query(),
    enabled: kind() === "reifegradbericht",
  }));
  const [orgUnitId, setOrgUnitId] = createSignal("");
  const [kreisAgs, setKreisAgs] = createSignal("");
  const [stichtag, setStichtag] = createSignal("");
  const [jobId, setJobId] = createSignal<string | null>(null);
  const generate = useMutation(() => ({
    mutationFn: () =>
      trpc.reports.generate.mutate({
        kind: kind(),
        orgUnitId: kind() === "reifegradbericht" ? orgUnitId() || null : null,
        kreisAgs: kind() === "rollout_stand" ? kreisAgs() || null : null,
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
  const title = () => (props.make.length === 1 ? `${props.make[0]!.label} erstellen` : "Bericht erstellen");
  return (
    <section aria-labelledby="generate-title" class="card">
      <h2 id="generate-title">{title()}</h2>
      <form
        class="form form-inline"
        aria-label={title()}
        onSubmit={(e) => {
          e.preventDefault();
          setJobId(null);
          generate.mutate();
        }}
      >
        <Show when={props.make.length > 1}>
          <SelectField
            label="Bericht"
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
            options={props.make.map((m) => ({ value: m.kind, label: m.label }))}
            error={errors().kind}
          />
        </Show>
        <Show when={kind() === "reifegradbericht"}>
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
        </Show>
        <Show when={kind() === "rollout_stand"}>
          <SelectField
            label="Landkreis"
            value={kreisAgs()}
            onChange={(e) => setKreisAgs(e.currentTarget.value)}
            options={[
              { value: "", label: "bitte wählen" },
              ...props.landkreise.map((l) => ({ value: l.ags, label: l.name })),
            ]}
            error={errors().kreisAgs}
          />
        </Show>
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
                  <Downloads id={id()} label="Den neuen Bericht" />
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
