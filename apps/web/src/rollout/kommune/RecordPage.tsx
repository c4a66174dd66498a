// One rollout record of the Kommune: the service, the status with a date per step (transitions checked on the
// server with German messages), reuse route, go-live, Fachverfahren and interface, contact, notes; the comments
// of the state PMO and the Kommune; and the history of changes.
import { A, useParams } from "@solidjs/router";
import { can, formatDate } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { errorCode, errorMessage, fieldErrors, trpc } from "../../lib/trpc.ts";
import { codeOptions, Form, SelectField, TextField } from "../../ui/Field.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { Alert } from "../../ui/states.tsx";
import { Comments } from "../Comments.tsx";
import {
  ozgMaturityLevelLabels,
  type ReuseRoute,
  type RolloutStatus,
  reuseRouteLabels,
  reuseRoutes,
  rolloutStatusLabels,
  type ServicePriority,
  servicePriorityLabels,
} from "../labels.ts";
import { StatusBadge } from "../ui.tsx";
import { RecordHistory } from "./RecordHistory.tsx";

type Data = Awaited<ReturnType<typeof trpc.rollout.record.query>>;

export function RecordPage(props: { me: Me }) {
  const params = useParams<{ serviceId: string }>();
  const record = useQuery(() => ({
    queryKey: ["rollout.record", params.serviceId],
    queryFn: () => trpc.rollout.record.query({ serviceId: params.serviceId }),
  }));
  // Kept here, not in the form: the form is rebuilt with the reloaded record after saving.
  const [notice, setNotice] = createSignal<string | null>(null);
  const client = useQueryClient();
  // The record and its history (keyed below it).
  const reload = () => client.invalidateQueries({ queryKey: ["rollout.record", params.serviceId] });
  return (
    <>
      <PageHeader title={record.data ? record.data.name : "Rollout-Eintrag"} intro={props.me.tenant.name} />
      <p>
        <A href="/rollout">Zurück zur Übersicht</A>
      </p>
      <QueryView query={record}>
        {(d) => (
          <>
            <dl class="facts">
              <dt>OZG-ID</dt>
              <dd>{d.serviceId}</dd>
              <dt>Themenfeld / Lage</dt>
              <dd>
                {d.themenfeld} / {d.lage}
              </dd>
              <dt>EfA-Dienst</dt>
              <dd>
                {d.efaAvailable
                  ? `angeboten, bereitgestellt von ${d.efaProvidingLand ?? "?"}`
                  : "nicht als EfA-Dienst angeboten"}
              </dd>
              <dt>Priorität des Landes</dt>
              <dd>{d.priority ? servicePriorityLabels[d.priority as ServicePriority] : "–"}</dd>
              <dt>Reifegrad der Lösung</dt>
              <dd>{d.maturityLevel === null ? "–" : ozgMaturityLevelLabels[d.maturityLevel]}</dd>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={d.status} />
              </dd>
              <dt>In Planung seit</dt>
              <dd>{formatDate(d.planningSince)}</dd>
              <dt>In Umsetzung seit</dt>
              <dd>{formatDate(d.implementingSince)}</dd>
              <dt>Online seit</dt>
              <dd>{formatDate(d.onlineSince)}</dd>
            </dl>
            <Show
              when={can(props.me.user.role, "rollout.updateRecord")}
              fallback={<p class="muted">Nur lesend: Änderungen nehmen CDO/PMO und Administration vor.</p>}
            >
              <Show when={notice()}>
                <Alert kind="success">{notice()}</Alert>
              </Show>
              <RecordForm
                data={d}
                onSaved={() => {
                  setNotice("Der Eintrag wurde gespeichert.");
                  reload();
                }}
                onReload={() => {
                  setNotice(null);
                  reload();
                }}
              />
            </Show>
            <Comments
              comments={d.comments}
              canWrite={can(props.me.user.role, "rollout.addComment")}
              serviceId={d.serviceId}
              onAdded={() => reload()}
            />
            <RecordHistory serviceId={d.serviceId} />
          </>
        )}
      </QueryView>
    </>
  );
}

function RecordForm(props: { data: Data; onSaved: () => void; onReload: () => void }) {
  const client = useQueryClient();
  const d = props.data;
  const r = d.record;
  const [status, setStatus] = createSignal<RolloutStatus>(d.status);
  const [since, setSince] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [route, setRoute] = createSignal(d.reuseRoute ?? "");
  const [planned, setPlanned] = createSignal(d.plannedOnline ?? "");
  const [fachverfahren, setFachverfahren] = createSignal(d.fachverfahren ?? "");
  const [iface, setIface] = createSignal(d.interfaceNeeded === null ? "" : d.interfaceNeeded ? "ja" : "nein");
  const [contact, setContact] = createSignal(d.contact ?? "");
  const [note, setNote] = createSignal(r?.note ?? "");
  const needsReason = () => d.next.find((n) => n.status === status())?.requiresReason ?? false;
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.rollout.updateRecord.mutate({
        serviceId: props.data.serviceId,
        expectedVersion: props.data.version,
        status: status(),
        statusSince: since() || null,
        reason: reason() || null,
        reuseRoute: (route() || null) as ReuseRoute | null,
        plannedOnline: planned() || null,
        fachverfahren: fachverfahren() || null,
        interfaceNeeded: iface() === "" ? null : iface() === "ja",
        contact: contact() || null,
        note: note() || null,
      }),
    onSuccess: () => {
      setSince("");
      setReason("");
      client.invalidateQueries({ queryKey: ["rollout.board"] });
      client.invalidateQueries({ queryKey: ["rollout.kommuneSummary"] });
      props.onSaved();
    },
  }));
  const errors = () => fieldErrors(save.error);
  const statusOptions = () => [
    { value: d.status, label: `${rolloutStatusLabels[d.status]} (unverändert)` },
    ...d.next.map((n) => ({
      value: n.status,
      label: `${rolloutStatusLabels[n.status]}${n.requiresReason ? " (Rückschritt, mit Begründung)" : ""}`,
    })),
  ];
  return (
    <section class="card" aria-labelledby="edit-title">
      <h2 id="edit-title">Eintrag bearbeiten</h2>
      <Form onSubmit={() => save.mutate()}>
        <SelectField
          label="Status"
          value={status()}
          error={errors().status}
          onChange={(e) => setStatus(e.currentTarget.value as RolloutStatus)}
          options={statusOptions()}
        />
        <TextField
          label={status() === "online" ? "Online seit (tatsächlicher Go-live)" : "Datum dieses Schritts"}
          hint="Leer lassen für heute; bei unverändertem Status korrigiert es das Datum des aktuellen Schritts."
          type="date"
          value={since()}
          onInput={(e) => setSince(e.currentTarget.value)}
          error={errors().statusSince}
        />
        <Show when={needsReason() || errors().reason}>
          <TextField
            label="Begründung für den Rückschritt"
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
            error={errors().reason}
          />
        </Show>
        <SelectField
          label="Nachnutzungsweg"
          value={route()}
          error={errors().reuseRoute}
          onChange={(e) => setRoute(e.currentTarget.value)}
          options={[{ value: "", label: "noch offen" }, ...codeOptions(reuseRoutes, reuseRouteLabels)]}
        />
        <TextField
          label="Geplanter Go-live"
          type="date"
          value={planned()}
          onInput={(e) => setPlanned(e.currentTarget.value)}
          error={errors().plannedOnline}
        />
        <TextField
          label="Fachverfahren"
          value={fachverfahren()}
          onInput={(e) => setFachverfahren(e.currentTarget.value)}
          error={errors().fachverfahren}
        />
        <SelectField
          label="Schnittstelle zum Fachverfahren nötig?"
          value={iface()}
          onChange={(e) => setIface(e.currentTarget.value)}
          options={[
            { value: "", label: "noch unklar" },
            { value: "ja", label: "ja" },
            { value: "nein", label: "nein" },
          ]}
        />
        <TextField
          label="Ansprechperson"
          value={contact()}
          onInput={(e) => setContact(e.currentTarget.value)}
          error={errors().contact}
        />
        <div class="field" classList={{ "field-invalid": !!errors().note }}>
          <label for="record-note">Notiz</label>
          <textarea
            id="record-note"
            value={note()}
            maxLength={2000}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <Show when={errors().note}>
            <p class="field-error">{errors().note}</p>
          </Show>
        </div>
        <div>
          <button type="submit" class="button button-primary" disabled={save.isPending}>
            Speichern
          </button>
        </div>
        <Show when={save.isError && Object.keys(errors()).length === 0}>
          <Alert kind="error">
            {errorMessage(save.error)}
            <Show when={errorCode(save.error) === "CONFLICT"}>
              {" "}
              <button type="button" class="button button-secondary" onClick={props.onReload}>
                Neu laden
              </button>
            </Show>
          </Alert>
        </Show>
      </Form>
    </section>
  );
}
