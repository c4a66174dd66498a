// One Gremium: purpose, rhythm and members (editable by the CDO/PMO), its meetings with agenda and minutes, and the
// Beschlüsse taken there – with what they decide about (measures, projects, strategy versions) and the maturity
// criteria they evidence. Revoking a Beschluss ends its effect from that day.
import { A, useNavigate, useParams } from "@solidjs/router";
import {
  berlinToday,
  can,
  DECISION_LINK_KIND_LABELS,
  DECISION_LINK_KINDS,
  DECISION_STATUS_LABELS,
  DECISION_STATUSES,
  type DecisionLinkKind,
  type DecisionStatus,
  formatDate,
  MEETING_RHYTHM_LABELS,
  MEETING_RHYTHMS,
  MEMBER_FUNCTION_LABELS,
  MEMBER_FUNCTIONS,
  type MeetingRhythm,
  type MemberFunction,
} from "@spatz/domain";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { assigneesQuery, type MaturityModelData, modelQuery } from "../maturity/queries.ts";
import { CriteriaPicker, criterionTitle } from "../measures/CriteriaPicker.tsx";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { codeOptions, Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { StableQueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";
import { GovernanceNav, useRefreshGovernance } from "./common.tsx";

type Body = Awaited<ReturnType<typeof trpc.governance.body.query>>;
type Meeting = Body["meetings"][number];
type Decision = Meeting["decisions"][number];

const LINK_HREF: Record<DecisionLinkKind, (id: string) => string> = {
  measure: (id) => `/massnahmen/${id}`,
  project: (id) => `/portfolio/projekte/${id}`,
  strategy_version: () => "/strategie",
};

export function BodyPage(props: { me: Me }) {
  const params = useParams<{ id: string }>();
  const body = useQuery(() => ({
    queryKey: ["governance.body", params.id],
    queryFn: () => trpc.governance.body.query({ id: params.id }),
  }));
  const model = useQuery(modelQuery);
  const canEdit = () => can(props.me.user.role, "governance.updateBody");
  const [editing, setEditing] = createSignal(false);
  return (
    <>
      <PageHeader
        title={body.data?.name ?? "Gremium"}
        intro={<A href="/steuerung/gremien">Alle Gremien</A>}
      />
      <GovernanceNav me={props.me} />
      {/* Stable: a refetch after a save keeps the open forms below, with their messages and focus. */}
      <StableQueryView query={body} loadingLabel="Gremium wird geladen …">
        {(b) => (
          <>
            <section class="card" aria-labelledby="body-title">
              <h2 id="body-title">Zweck und Mitglieder</h2>
              <Show when={!editing()} fallback={<BodyForm body={b()} onDone={() => setEditing(false)} />}>
                <p>{b().purpose || <span class="muted">Kein Zweck beschrieben.</span>}</p>
                <p>Sitzungsrhythmus: {MEETING_RHYTHM_LABELS[b().rhythm]}</p>
                <Show when={b().members.length > 0} fallback={<EmptyState title="Noch keine Mitglieder." />}>
                  <TableScroll>
                    <table class="table">
                      <caption class="visually-hidden">Mitglieder</caption>
                      <thead>
                        <tr>
                          <th scope="col">Name</th>
                          <th scope="col">Funktion</th>
                          <th scope="col">Organisation</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={b().members}>
                          {(m) => (
                            <tr>
                              <td>
                                {m.name}
                                {m.userId ? "" : " (extern)"}
                              </td>
                              <td>{MEMBER_FUNCTION_LABELS[m.function]}</td>
                              <td>{m.organisation || "–"}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </TableScroll>
                </Show>
                <Show when={canEdit()}>
                  <div class="actions">
                    <button type="button" class="button" onClick={() => setEditing(true)}>
                      Gremium bearbeiten
                    </button>
                    <Show when={b().meetings.length === 0}>
                      <RemoveBody id={b().id} name={b().name} />
                    </Show>
                  </div>
                </Show>
              </Show>
            </section>
            <section class="card" aria-labelledby="meetings-title">
              <h2 id="meetings-title">Sitzungen und Beschlüsse</h2>
              <Show when={can(props.me.user.role, "governance.addMeeting")}>
                <NewMeeting bodyId={b().id} />
              </Show>
              <Show
                when={b().meetings.length > 0}
                fallback={<EmptyState title="Noch keine Sitzung erfasst." />}
              >
                {/* By id: a refetch updates a card in place, so its open form keeps its message and focus. */}
                <For each={b().meetings.map((m) => m.id)}>
                  {(id) => (
                    <Show when={b().meetings.find((m) => m.id === id)}>
                      {(m) => <MeetingCard meeting={m()} me={props.me} model={model.data?.model} />}
                    </Show>
                  )}
                </For>
              </Show>
            </section>
          </>
        )}
      </StableQueryView>
    </>
  );
}

function RemoveBody(props: { id: string; name: string }) {
  const navigate = useNavigate();
  const refresh = useRefreshGovernance();
  const remove = useMutation(() => ({
    mutationFn: () => trpc.governance.removeBody.mutate({ id: props.id }),
    onSuccess: async () => {
      await refresh();
      navigate("/steuerung/gremien");
    },
  }));
  return (
    <>
      <ConfirmButton
        class="button button-danger"
        disabled={remove.isPending}
        question={`Das Gremium „${props.name}“ löschen?`}
        onConfirm={() => remove.mutate()}
      >
        Gremium löschen
      </ConfirmButton>
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
    </>
  );
}

type MemberRow = { userId: string; name: string; organisation: string; function: MemberFunction };

function BodyForm(props: { body: Body; onDone: () => void }) {
  const refresh = useRefreshGovernance();
  const people = useQuery(assigneesQuery);
  const [v, setV] = createStore({
    name: props.body.name,
    purpose: props.body.purpose,
    rhythm: props.body.rhythm as MeetingRhythm,
    members: props.body.members.map(
      (m): MemberRow => ({
        userId: m.userId ?? "",
        name: m.userId ? "" : m.name,
        organisation: m.organisation,
        function: m.function,
      }),
    ),
  });
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.governance.updateBody.mutate({
        id: props.body.id,
        name: v.name,
        purpose: v.purpose,
        rhythm: v.rhythm,
        members: v.members.map((m) => ({ ...m, userId: m.userId || null })),
      }),
    onSuccess: async () => {
      await refresh();
      props.onDone();
    },
  }));
  const errors = () => fieldErrors(save.error);
  const personOptions = () => [
    { value: "", label: "externe Person (Name eingeben)" },
    ...(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName })),
  ];
  return (
    <Form class="form" label="Gremium bearbeiten" onSubmit={() => save.mutate()}>
      <div class="form-grid">
        <TextField
          label="Name"
          value={v.name}
          onInput={(e) => setV("name", e.currentTarget.value)}
          error={errors().name}
        />
        <SelectField
          label="Sitzungsrhythmus"
          value={v.rhythm}
          options={codeOptions(MEETING_RHYTHMS, MEETING_RHYTHM_LABELS)}
          onChange={(e) => setV("rhythm", e.currentTarget.value as MeetingRhythm)}
        />
      </div>
      <TextAreaField
        label="Zweck und Aufgaben"
        value={v.purpose}
        onInput={(e) => setV("purpose", e.currentTarget.value)}
        error={errors().purpose}
      />
      <fieldset class="field" aria-describedby={errors().members ? "members-error" : undefined}>
        <legend>Mitglieder</legend>
        <Show when={errors().members}>
          <p class="field-error" id="members-error">
            {errors().members}
          </p>
        </Show>
        <For each={v.members}>
          {(m, i) => (
            <div class="form-grid member-row">
              <SelectField
                label={`Person ${i() + 1}`}
                value={m.userId}
                options={personOptions()}
                onChange={(e) => setV("members", i(), "userId", e.currentTarget.value)}
              />
              <Show when={!m.userId}>
                <TextField
                  label={`Name der Person ${i() + 1}`}
                  value={m.name}
                  onInput={(e) => setV("members", i(), "name", e.currentTarget.value)}
                />
              </Show>
              <TextField
                label={`Organisation der Person ${i() + 1}`}
                value={m.organisation}
                onInput={(e) => setV("members", i(), "organisation", e.currentTarget.value)}
              />
              <SelectField
                label={`Funktion der Person ${i() + 1}`}
                value={m.function}
                options={codeOptions(MEMBER_FUNCTIONS, MEMBER_FUNCTION_LABELS)}
                onChange={(e) => setV("members", i(), "function", e.currentTarget.value as MemberFunction)}
              />
              <div>
                <button
                  type="button"
                  class="button button-small"
                  onClick={() =>
                    setV(
                      "members",
                      v.members.filter((_, j) => j !== i()),
                    )
                  }
                >
                  Person {i() + 1} entfernen
                </button>
              </div>
            </div>
          )}
        </For>
        <button
          type="button"
          class="button"
          onClick={() =>
            setV("members", v.members.length, { userId: "", name: "", organisation: "", function: "member" })
          }
        >
          Person hinzufügen
        </button>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={save.isPending}>
          Speichern
        </button>
        <button type="button" class="button" onClick={() => props.onDone()}>
          Abbrechen
        </button>
      </div>
      <MutationResult mutation={save} />
    </Form>
  );
}

function NewMeeting(props: { bodyId: string }) {
  const refresh = useRefreshGovernance();
  const blank = () => ({ heldOn: berlinToday(), agenda: "", minutesUrl: "" });
  const [v, setV] = createStore(blank());
  const add = useMutation(() => ({
    mutationFn: () =>
      trpc.governance.addMeeting.mutate({ bodyId: props.bodyId, ...v, minutesUrl: v.minutesUrl || null }),
    onSuccess: async () => {
      setV(blank());
      await refresh();
    },
  }));
  const errors = () => fieldErrors(add.error);
  return (
    <details class="inline-form">
      <summary>Sitzung erfassen</summary>
      <Form class="form form-grid" label="Sitzung erfassen" onSubmit={() => add.mutate()}>
        <TextField
          label="Datum der Sitzung"
          type="date"
          value={v.heldOn}
          onInput={(e) => setV("heldOn", e.currentTarget.value)}
          error={errors().heldOn}
        />
        <TextField
          label="Link zum Protokoll"
          type="url"
          value={v.minutesUrl}
          onInput={(e) => setV("minutesUrl", e.currentTarget.value)}
          error={errors().minutesUrl}
        />
        <TextAreaField
          label="Tagesordnung"
          hint="Ein Punkt je Zeile."
          value={v.agenda}
          onInput={(e) => setV("agenda", e.currentTarget.value)}
          error={errors().agenda}
        />
        <div>
          <button type="submit" class="button button-primary" disabled={add.isPending}>
            Sitzung speichern
          </button>
        </div>
      </Form>
      <MutationResult mutation={add} success="Die Sitzung ist gespeichert." />
    </details>
  );
}

function MeetingCard(props: { meeting: Meeting; me: Me; model: MaturityModelData | undefined }) {
  const m = () => props.meeting;
  const headingId = () => `meeting-${m().id}`;
  return (
    <article class="meeting" aria-labelledby={headingId()}>
      <h3 id={headingId()}>Sitzung am {formatDate(m().heldOn)}</h3>
      <Show when={m().agenda}>
        <h4>Tagesordnung</h4>
        <ol class="agenda">
          <For
            each={m()
              .agenda.split("\n")
              .filter((line) => line.trim())}
          >
            {(line) => <li>{line}</li>}
          </For>
        </ol>
      </Show>
      <Show when={m().minutesUrl}>
        {(url) => (
          <p>
            <a href={url()} rel="noopener noreferrer" target="_blank">
              Protokoll öffnen
            </a>
          </p>
        )}
      </Show>
      <Show
        when={m().decisions.length > 0}
        fallback={<p class="muted">In dieser Sitzung ist kein Beschluss erfasst.</p>}
      >
        <TableScroll>
          <table class="table">
            <caption>Beschlüsse der Sitzung am {formatDate(m().heldOn)}</caption>
            <thead>
              <tr>
                <th scope="col">Nr.</th>
                <th scope="col">Gegenstand</th>
                <th scope="col">Status</th>
                <th scope="col">entscheidet über</th>
                <th scope="col">Nachweis für</th>
              </tr>
            </thead>
            <tbody>
              <For each={m().decisions.map((d) => d.id)}>
                {(id) => (
                  <Show when={m().decisions.find((d) => d.id === id)}>
                    {(d) => (
                      <DecisionRow decision={d()} me={props.me} model={props.model} heldOn={m().heldOn} />
                    )}
                  </Show>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
      <Show when={can(props.me.user.role, "governance.addDecision")}>
        <NewDecision meetingId={m().id} model={props.model} />
      </Show>
      <Show when={m().decisions.length === 0 && can(props.me.user.role, "governance.removeMeeting")}>
        <RemoveMeeting id={m().id} heldOn={m().heldOn} />
      </Show>
    </article>
  );
}

function RemoveMeeting(props: { id: string; heldOn: string }) {
  const refresh = useRefreshGovernance();
  const remove = useMutation(() => ({
    mutationFn: () => trpc.governance.removeMeeting.mutate({ id: props.id }),
    onSuccess: () => refresh(),
  }));
  return (
    <>
      <ConfirmButton
        class="button button-small"
        disabled={remove.isPending}
        question={`Die Sitzung vom ${formatDate(props.heldOn)} löschen?`}
        onConfirm={() => remove.mutate()}
      >
        Sitzung vom {formatDate(props.heldOn)} löschen
      </ConfirmButton>
      <Show when={remove.isError}>
        <Alert kind="error">{errorMessage(remove.error)}</Alert>
      </Show>
    </>
  );
}

function DecisionRow(props: {
  decision: Decision;
  me: Me;
  model: MaturityModelData | undefined;
  heldOn: string;
}) {
  const d = () => props.decision;
  const refresh = useRefreshGovernance();
  const [revokedOn, setRevokedOn] = createSignal(berlinToday());
  const [status, setStatus] = createSignal<DecisionStatus>(d().status);
  const change = useMutation(() => ({
    mutationFn: () =>
      trpc.governance.setDecisionStatus.mutate({
        id: d().id,
        status: status(),
        revokedOn: status() === "revoked" ? revokedOn() : null,
      }),
    onSuccess: () => refresh(),
  }));
  const errors = () => fieldErrors(change.error);
  return (
    <tr>
      <td>{d().number}</td>
      <td>
        <strong>{d().title}</strong>
        <Show when={d().text}>
          <br />
          <span class="pre-line">{d().text}</span>
        </Show>
      </td>
      <td>
        {DECISION_STATUS_LABELS[d().status]}
        <Show when={d().revokedOn}>{(on) => <> am {formatDate(on())}</>}</Show>
        <Show when={can(props.me.user.role, "governance.setDecisionStatus")}>
          <Form
            class="form form-inline"
            label={`Status von ${d().number} ändern`}
            onSubmit={() => change.mutate()}
          >
            <SelectField
              label={`Neuer Status von ${d().number}`}
              value={status()}
              options={codeOptions(DECISION_STATUSES, DECISION_STATUS_LABELS)}
              onChange={(e) => setStatus(e.currentTarget.value as DecisionStatus)}
            />
            <Show when={status() === "revoked"}>
              <TextField
                label="aufgehoben am"
                type="date"
                min={props.heldOn}
                value={revokedOn()}
                onInput={(e) => setRevokedOn(e.currentTarget.value)}
                error={errors().revokedOn}
              />
            </Show>
            <button type="submit" class="button button-small" disabled={change.isPending}>
              Status speichern
            </button>
          </Form>
          <MutationResult mutation={change} />
        </Show>
      </td>
      <td>
        <Show when={d().links.length > 0} fallback="–">
          <ul class="plain">
            <For each={d().links}>
              {(l) => (
                <li>
                  {DECISION_LINK_KIND_LABELS[l.kind]}: <A href={LINK_HREF[l.kind](l.id)}>{l.label}</A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </td>
      <td>
        <Show when={d().criterionKeys.length > 0} fallback="–">
          <ul class="plain">
            <For each={d().criterionKeys}>{(key) => <li>{criterionTitle(props.model, key)}</li>}</For>
          </ul>
        </Show>
      </td>
    </tr>
  );
}

function NewDecision(props: { meetingId: string; model: MaturityModelData | undefined }) {
  const refresh = useRefreshGovernance();
  const options = useQuery(() => ({
    queryKey: ["governance.linkOptions"],
    queryFn: () => trpc.governance.linkOptions.query(),
  }));
  const blank = () => ({
    number: "",
    title: "",
    text: "",
    status: "adopted" as "adopted" | "rejected" | "deferred",
    criterionKeys: [] as string[],
    links: [] as { kind: DecisionLinkKind; id: string }[],
  });
  const [v, setV] = createStore(blank());
  const [linkKind, setLinkKind] = createSignal<DecisionLinkKind>("strategy_version");
  const [linkId, setLinkId] = createSignal("");
  const add = useMutation(() => ({
    mutationFn: () => trpc.governance.addDecision.mutate({ meetingId: props.meetingId, ...v }),
    onSuccess: async () => {
      setV(blank());
      await refresh();
    },
  }));
  const errors = () => fieldErrors(add.error);
  const labelOf = (kind: DecisionLinkKind, id: string) =>
    options.data?.[kind].find((o) => o.id === id)?.label ?? id;
  return (
    <details class="inline-form">
      <summary>Beschluss erfassen</summary>
      <Form class="form" label="Beschluss erfassen" onSubmit={() => add.mutate()}>
        <div class="form-grid">
          <TextField
            label="Beschlussnummer"
            hint="z. B. VA 2023/017"
            value={v.number}
            onInput={(e) => setV("number", e.currentTarget.value)}
            error={errors().number}
          />
          <TextField
            label="Gegenstand"
            value={v.title}
            onInput={(e) => setV("title", e.currentTarget.value)}
            error={errors().title}
          />
          <SelectField
            label="Ergebnis"
            value={v.status}
            options={codeOptions(["adopted", "rejected", "deferred"] as const, DECISION_STATUS_LABELS)}
            onChange={(e) => setV("status", e.currentTarget.value as "adopted")}
            error={errors().status}
          />
        </div>
        <TextAreaField
          label="Beschlusstext"
          value={v.text}
          onInput={(e) => setV("text", e.currentTarget.value)}
          error={errors().text}
        />
        <fieldset class="field" aria-describedby={errors().links ? `links-${props.meetingId}` : undefined}>
          <legend>Entscheidet über</legend>
          <Show when={errors().links}>
            <p class="field-error" id={`links-${props.meetingId}`}>
              {errors().links}
            </p>
          </Show>
          <Show when={v.links.length > 0} fallback={<p class="muted">Noch nichts verknüpft.</p>}>
            <ul class="chosen">
              <For each={v.links}>
                {(l, i) => (
                  <li>
                    {DECISION_LINK_KIND_LABELS[l.kind]}: {labelOf(l.kind, l.id)}{" "}
                    <button
                      type="button"
                      class="button button-small"
                      onClick={() =>
                        setV(
                          "links",
                          v.links.filter((_, j) => j !== i()),
                        )
                      }
                    >
                      Verknüpfung {i() + 1} entfernen
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <div class="form-inline">
            <SelectField
              label="Art"
              value={linkKind()}
              options={codeOptions(DECISION_LINK_KINDS, DECISION_LINK_KIND_LABELS)}
              onChange={(e) => {
                setLinkKind(e.currentTarget.value as DecisionLinkKind);
                setLinkId("");
              }}
            />
            <SelectField
              label={DECISION_LINK_KIND_LABELS[linkKind()]}
              value={linkId()}
              options={[
                { value: "", label: "bitte wählen" },
                ...(options.data?.[linkKind()] ?? []).map((o) => ({ value: o.id, label: o.label })),
              ]}
              onChange={(e) => setLinkId(e.currentTarget.value)}
            />
            <button
              type="button"
              class="button"
              disabled={!linkId()}
              onClick={() => {
                setV("links", v.links.length, { kind: linkKind(), id: linkId() });
                setLinkId("");
              }}
            >
              Verknüpfen
            </button>
          </div>
        </fieldset>
        <Show when={props.model}>
          {(model) => (
            <CriteriaPicker
              model={model()}
              selected={v.criterionKeys}
              onChange={(keys) => setV("criterionKeys", keys)}
              error={errors().criterionKeys}
              hint="Für welche Kriterien des Reifegradmodells ist dieser Beschluss der Nachweis? Er zählt ab dem Tag der Sitzung, bis er aufgehoben wird."
            />
          )}
        </Show>
        <div>
          <button type="submit" class="button button-primary" disabled={add.isPending}>
            Beschluss speichern
          </button>
        </div>
      </Form>
      <MutationResult mutation={add} success="Der Beschluss ist gespeichert." />
    </details>
  );
}
