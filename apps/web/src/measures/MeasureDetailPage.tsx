// One measure: its facts, the criteria it fulfils, status changes (completing asks for date and evidence), editing
// for those who may, and its history from the audit log (who changed what, when).
import { A, useParams } from "@solidjs/router";
import { auditActionLabel, formatDate, MEASURE_STATUS_LABELS, type MeasureStatus } from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, type JSX, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { errorMessage, trpc } from "../lib/trpc.ts";
import {
  assigneesQuery,
  modelQuery,
  orgUnitsQuery,
  projectOptionsQuery,
  useRefreshMeasures,
} from "../maturity/queries.ts";
import { describeChanges, HistoryCard } from "../ui/HistoryCard.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert } from "../ui/states.tsx";
import { CompleteDialog, type CompletionTarget } from "./CompleteDialog.tsx";
import { EvidenceFiles } from "./EvidenceFiles.tsx";
import { MEASURE_ACTION_LABELS, MEASURE_FIELD_LABELS } from "./labels.ts";
import { MeasureForm, type MeasureFormValues } from "./MeasureForm.tsx";

type Detail = Awaited<ReturnType<typeof trpc.measures.get.query>>;

export function MeasureDetailPage(props: { me: Me }) {
  const params = useParams<{ id: string }>();
  const detail = useQuery(() => ({
    queryKey: ["measures.get", params.id],
    queryFn: () => trpc.measures.get.query({ id: params.id }),
  }));
  return (
    <QueryView query={detail} loadingLabel="Maßnahme wird geladen …">
      {(d) => <MeasureDetail me={props.me} detail={d} />}
    </QueryView>
  );
}

function MeasureDetail(props: { me: Me; detail: Detail }) {
  const m = () => props.detail.measure;
  const refresh = useRefreshMeasures();
  const [editing, setEditing] = createSignal(false);
  const [completing, setCompleting] = createSignal<CompletionTarget | null>(null);
  const setStatus = useMutation(() => ({
    mutationFn: (status: MeasureStatus) => trpc.measures.setStatus.mutate({ id: m().id, status }),
    onSuccess: () => refresh(),
  }));
  const update = useMutation(() => ({
    mutationFn: (v: MeasureFormValues) => trpc.measures.update.mutate({ ...v, id: m().id }),
    onSuccess: async () => {
      await refresh();
      setEditing(false);
    },
  }));
  const actions = (): { label: string; run: () => void; primary?: boolean }[] => {
    const complete = () =>
      setCompleting({
        id: m().id,
        title: m().title,
        evidenceText: m().evidenceText,
        evidenceUrl: m().evidenceUrl,
      });
    switch (m().status) {
      case "planned":
        return [
          { label: "Umsetzung beginnen", run: () => setStatus.mutate("in_progress") },
          { label: "Abschließen …", run: complete, primary: true },
          { label: "Verwerfen", run: () => setStatus.mutate("discarded") },
        ];
      case "in_progress":
        return [
          { label: "Abschließen …", run: complete, primary: true },
          { label: "Zurück auf geplant", run: () => setStatus.mutate("planned") },
          { label: "Verwerfen", run: () => setStatus.mutate("discarded") },
        ];
      case "completed":
        return [
          { label: "Abschluss ändern …", run: complete },
          { label: "Wieder öffnen", run: () => setStatus.mutate("in_progress") },
        ];
      default:
        return [{ label: "Wieder aufnehmen", run: () => setStatus.mutate("planned") }];
    }
  };
  return (
    <>
      <PageHeader
        title={m().title}
        intro={
          <>
            <span class={`badge status-${m().status}`}>{MEASURE_STATUS_LABELS[m().status]}</span>{" "}
            <A href="/massnahmen">Alle Maßnahmen</A> · <A href="/massnahmen/board">Board</A>
          </>
        }
      />
      <Show when={props.detail.canEdit}>
        <section class="card" aria-labelledby="status-title">
          <h2 id="status-title">Status ändern</h2>
          <div class="button-row">
            <For each={actions()}>
              {(a) => (
                <button
                  type="button"
                  class="button"
                  classList={{ "button-primary": !!a.primary }}
                  onClick={a.run}
                  disabled={setStatus.isPending}
                >
                  {a.label}
                </button>
              )}
            </For>
            <Show when={!editing()}>
              <button type="button" class="button" onClick={() => setEditing(true)}>
                Bearbeiten
              </button>
            </Show>
          </div>
          <Show when={setStatus.isError}>
            <Alert kind="error">{errorMessage(setStatus.error)}</Alert>
          </Show>
        </section>
      </Show>
      <Show when={editing()} fallback={<Facts detail={props.detail} />}>
        <section class="card" aria-labelledby="edit-title">
          <h2 id="edit-title">Maßnahme bearbeiten</h2>
          <MeasureForm
            me={props.me}
            completed={m().status === "completed"}
            initial={{
              title: m().title,
              description: m().description,
              orgUnitId: m().orgUnitId,
              responsibleUserId: m().responsibleUserId,
              projectId: m().projectId,
              plannedStart: m().plannedStart,
              plannedEnd: m().plannedEnd,
              criterionKeys: m().criterionKeys,
              evidenceText: m().evidenceText,
              evidenceUrl: m().evidenceUrl,
            }}
            submitLabel="Änderungen speichern"
            pending={update.isPending}
            error={update.error}
            onSubmit={(v) => update.mutate(v)}
            onCancel={() => setEditing(false)}
          />
        </section>
      </Show>
      <EvidenceFiles detail={props.detail} />
      <History measureId={m().id} />
      <CompleteDialog measure={completing()} onClose={() => setCompleting(null)} />
    </>
  );
}

function Facts(props: { detail: Detail }) {
  const m = () => props.detail.measure;
  const fileCount = () => props.detail.evidenceFiles.length;
  const model = useQuery(modelQuery);
  const criteria = createMemo(() => {
    const out: { key: string; text: string }[] = [];
    for (const key of m().criterionKeys) {
      let text = `${key} (nicht im Reifegradmodell)`;
      for (const d of model.data?.model.dimensions ?? [])
        for (const l of d.levels)
          for (const c of l.criteria) if (c.key === key) text = `${d.name} · Stufe ${l.level}: ${c.title}`;
      out.push({ key, text });
    }
    return out;
  });
  const row = (label: string, value: JSX.Element) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title">Angaben</h2>
      <dl class="facts">
        {row("Status", MEASURE_STATUS_LABELS[m().status])}
        {row(
          "Organisationseinheit",
          m().orgUnitCode ? `${m().orgUnitCode} – ${m().orgUnitName}` : "Gesamte Verwaltung",
        )}
        {row("Verantwortlich", m().responsibleName ?? "niemand zugeordnet")}
        {row(
          "Projekt",
          m().projectId ? (
            <A href={`/portfolio/projekte/${m().projectId}`}>{m().projectName}</A>
          ) : (
            "kein Projekt"
          ),
        )}
        {row("Geplant", `${formatDate(m().plannedStart)} bis ${formatDate(m().plannedEnd)}`)}
        {row("Abgeschlossen am", formatDate(m().completedOn))}
        {row(
          "Nachweis",
          <>
            {m().evidenceText ?? (m().evidenceUrl || fileCount() > 0 ? "" : "–")}
            <Show when={m().evidenceUrl}>
              {" "}
              <a href={m().evidenceUrl!} rel="noopener noreferrer" target="_blank">
                Nachweis öffnen (neues Fenster)
              </a>
            </Show>
            <Show when={fileCount() > 0}>
              {" "}
              ({fileCount() === 1 ? "1 Datei" : `${fileCount()} Dateien`}, siehe Nachweisdateien)
            </Show>
          </>,
        )}
        {row("Beschreibung", m().description || "–")}
        {row(
          "Erfüllt Kriterien",
          <ul class="plain">
            <For each={criteria()} fallback={<li>keinem Kriterium zugeordnet</li>}>
              {(c) => <li>{c.text}</li>}
            </For>
          </ul>,
        )}
      </dl>
    </section>
  );
}

function History(props: { measureId: string }) {
  const people = useQuery(assigneesQuery);
  const units = useQuery(orgUnitsQuery);
  const projects = useQuery(projectOptionsQuery);
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    if (field === "status") return MEASURE_STATUS_LABELS[value as MeasureStatus] ?? String(value);
    if (field === "responsibleUserId")
      return people.data?.find((p) => p.id === value)?.displayName ?? "ehemalige Person";
    if (field === "orgUnitId") return units.data?.find((u) => u.id === value)?.code ?? "gelöschte Einheit";
    if (field === "projectId")
      return projects.data?.find((p) => p.id === value)?.name ?? "gelöschtes Projekt";
    if (field.endsWith("On") || field.startsWith("planned")) return formatDate(String(value));
    if (Array.isArray(value)) return value.join(", ");
    return String(value);
  };
  return (
    // Under "measures.get", so that every refresh after a change (status, evidence, edit) reloads it too.
    <HistoryCard
      queryKey={["measures.get", props.measureId]}
      fetch={(page) => trpc.measures.history.query({ id: props.measureId, ...page })}
      actionLabel={(action) => MEASURE_ACTION_LABELS[action] ?? auditActionLabel(action)}
      changes={(e) =>
        e.action === "measure.create" ? [] : describeChanges(e.before, e.after, MEASURE_FIELD_LABELS, show)
      }
    />
  );
}
