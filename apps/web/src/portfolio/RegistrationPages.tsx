// The registration round ("Anmeldung für 2024"): the PMO opens a round, Fachbereiche register proposals, the PMO
// scores them against weighted criteria and decides. Approved proposals become projects of that year.
import { A, useNavigate, useParams } from "@solidjs/router";
import {
  type CriterionWeights,
  can,
  DEFAULT_WEIGHTS,
  formatDate,
  formatNumber,
  PROPOSAL_STATUS_LABELS,
  type ProjectMethod,
  projectMethodLabels,
  projectMethods,
  ROUND_STATUS_LABELS,
  SCORE_MAX,
  SCORE_MIN,
  SCORING_CRITERIA,
  SCORING_CRITERION_HINTS,
  SCORING_CRITERION_LABELS,
  type ScoringCriterion,
} from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore, type SetStoreFunction } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { codeOptions, FilterBar, Form, SelectField, TextField } from "../ui/Field.tsx";
import { FormFooter } from "../ui/FormFooter.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { Pager } from "../ui/Pager.tsx";
import { QueryView, StableQueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";
import { CapacityTable } from "./CapacityTable.tsx";
import { centsToInput, daysToInput, money, PortfolioNav, useFilterOptions } from "./common.tsx";

type Round = Awaited<ReturnType<typeof trpc.registration.round.query>>;
type Proposal = Round["proposals"][number];

export function RoundsPage(props: { me: Me }) {
  const rounds = useQuery(() => ({
    queryKey: ["registration.rounds"],
    queryFn: () => trpc.registration.rounds.query(),
  }));
  return (
    <>
      <PageHeader
        title="Projektanmeldung"
        intro="Jedes Jahr melden die Fachbereiche ihre Vorhaben für das Folgejahr an. Das PMO bewertet sie und entscheidet."
      />
      <PortfolioNav me={props.me} />
      <Show when={can(props.me.user.role, "registration.openRound")}>
        <OpenRoundForm />
      </Show>
      <QueryView
        query={rounds}
        isEmpty={(r) => r.length === 0}
        empty={<EmptyState title="Noch keine Anmelderunde." />}
      >
        {(list) => (
          <TableScroll>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Runde</th>
                  <th scope="col">Jahr</th>
                  <th scope="col">Status</th>
                  <th scope="col">Anmeldeschluss</th>
                  <th scope="col" class="num">
                    Anmeldungen
                  </th>
                  <th scope="col" class="num">
                    nicht entschieden
                  </th>
                  <th scope="col" class="num">
                    genehmigt
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={list}>
                  {(r) => (
                    <tr>
                      <td>
                        <A href={`/portfolio/anmeldung/${r.id}`}>{r.title}</A>
                      </td>
                      <td>{r.year}</td>
                      <td>{ROUND_STATUS_LABELS[r.status]}</td>
                      <td>{formatDate(r.deadline)}</td>
                      <td class="num">{r.proposals}</td>
                      <td class="num">{r.open}</td>
                      <td class="num">{r.approved}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </>
  );
}

function OpenRoundForm() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const next = new Date().getFullYear() + 1;
  const [year, setYear] = createSignal(String(next));
  const [title, setTitle] = createSignal(`Anmeldung für ${next}`);
  const [deadline, setDeadline] = createSignal("");
  const open = useMutation(() => ({
    mutationFn: () =>
      trpc.registration.openRound.mutate({
        year: Number(year()),
        title: title(),
        deadline: deadline() || null,
      }),
    onSuccess: (r) => {
      client.invalidateQueries({ queryKey: ["registration.rounds"] });
      navigate(`/portfolio/anmeldung/${r.id}`);
    },
  }));
  const errors = () => fieldErrors(open.error);
  return (
    <section class="card" aria-labelledby="open-round-title">
      <h2 id="open-round-title">Anmelderunde eröffnen</h2>
      <Form class="form form-inline" onSubmit={() => open.mutate()}>
        <TextField
          label="Jahr"
          inputMode="numeric"
          value={year()}
          onInput={(e) => {
            setYear(e.currentTarget.value);
            setTitle(`Anmeldung für ${e.currentTarget.value}`);
          }}
          error={errors().year}
        />
        <TextField
          label="Titel"
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
          error={errors().title}
        />
        <TextField
          label="Anmeldeschluss"
          type="date"
          value={deadline()}
          onInput={(e) => setDeadline(e.currentTarget.value)}
          error={errors().deadline}
        />
        <button type="submit" class="button button-primary" disabled={open.isPending}>
          Runde eröffnen
        </button>
      </Form>
      <MutationResult mutation={open} />
    </section>
  );
}

export function RoundPage(props: { me: Me }) {
  const params = useParams();
  const round = useQuery(() => ({
    queryKey: ["registration.round", params.id],
    queryFn: () => trpc.registration.round.query({ id: params.id! }),
  }));
  return (
    <>
      <PageHeader
        title={round.data?.title ?? "Anmelderunde"}
        intro={round.data ? `Vorhaben für ${round.data.year}` : undefined}
      />
      <PortfolioNav me={props.me} />
      <StableQueryView query={round}>{(r) => <RoundView me={props.me} round={r()} />}</StableQueryView>
    </>
  );
}

/** What the round's open proposals would take of each GB's capacity in the round's year (Kapazität page). */
function RoundCapacity(props: { roundId: string; year: number }) {
  const capacity = useQuery(() => ({
    queryKey: ["capacity.overview", props.year, props.roundId],
    queryFn: () => trpc.capacity.overview.query({ year: props.year, roundId: props.roundId }),
  }));
  return (
    <section class="card" aria-labelledby="round-capacity-title">
      <h2 id="round-capacity-title">Kapazität {props.year}</h2>
      <p class="muted">
        Was die offenen Anmeldungen dieser Runde zusätzlich zu den genehmigten und laufenden Projekten an
        Personentagen bräuchten. <A href={`/portfolio/kapazitaet?jahr=${props.year}`}>Kapazität bearbeiten</A>
      </p>
      <QueryView
        query={capacity}
        loadingLabel="Kapazität wird berechnet …"
        isEmpty={(d) => d.rows.length === 0 && !d.central}
        empty={<EmptyState title={`Für ${props.year} ist weder Kapazität erfasst noch Aufwand geplant.`} />}
      >
        {(data) => (
          <CapacityTable
            data={data}
            proposalsLabel="Anmeldungen dieser Runde"
            caption={`Kapazität je Geschäftsbereich ${props.year} mit den Anmeldungen dieser Runde`}
          />
        )}
      </QueryView>
    </section>
  );
}

function RoundView(props: { me: Me; round: Round }) {
  const client = useQueryClient();
  const r = () => props.round;
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["registration.round", r().id] }),
      client.invalidateQueries({ queryKey: ["registration.rounds"] }),
      client.invalidateQueries({ queryKey: ["portfolio.list"] }),
      client.invalidateQueries({ queryKey: ["capacity.overview"] }),
    ]);
  const setStatus = useMutation(() => ({
    mutationFn: (status: "open" | "closed") =>
      trpc.registration.setRoundStatus.mutate({ id: r().id, status }),
    onSuccess: refresh,
  }));
  const isPmo = () => can(props.me.user.role, "registration.scoreProposal");
  return (
    <>
      <section class="card" aria-labelledby="round-facts">
        <div class="card-header">
          <h2 id="round-facts">Runde</h2>
          <Show when={isPmo()}>
            <button
              type="button"
              class="button"
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate(r().status === "open" ? "closed" : "open")}
            >
              {r().status === "open" ? "Anmeldung schließen" : "Anmeldung wieder öffnen"}
            </button>
          </Show>
        </div>
        <dl class="facts">
          <dt>Status</dt>
          <dd>{ROUND_STATUS_LABELS[r().status]}</dd>
          <dt>Anmeldeschluss</dt>
          <dd>{formatDate(r().deadline)}</dd>
          <dt>Gewichtung</dt>
          <dd>
            {SCORING_CRITERIA.map((c) => `${SCORING_CRITERION_LABELS[c]} ${r().weights[c]} %`).join(" · ")}
          </dd>
        </dl>
        <Show when={setStatus.isError}>
          <Alert kind="error">{errorMessage(setStatus.error)}</Alert>
        </Show>
      </section>
      <Show when={isPmo()}>
        <WeightsForm round={r()} onSaved={refresh} />
      </Show>
      <ProposalTable me={props.me} round={r()} onChange={refresh} />
      <RoundCapacity roundId={r().id} year={r().year} />
      <Show when={r().status === "open" && can(props.me.user.role, "registration.submitProposal")}>
        <NewProposal round={r()} onSaved={refresh} />
      </Show>
    </>
  );
}

function WeightsForm(props: { round: Round; onSaved: () => Promise<unknown> }) {
  const [w, setW] = createStore<Record<ScoringCriterion, string>>(
    Object.fromEntries(
      SCORING_CRITERIA.map((c) => [c, String(props.round.weights[c] ?? DEFAULT_WEIGHTS[c])]),
    ) as Record<ScoringCriterion, string>,
  );
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.registration.updateRound.mutate({
        id: props.round.id,
        title: props.round.title,
        deadline: props.round.deadline,
        weights: Object.fromEntries(SCORING_CRITERIA.map((c) => [c, Number(w[c])])) as CriterionWeights,
      }),
    onSuccess: props.onSaved,
  }));
  const errors = () => fieldErrors(save.error);
  const sum = () => SCORING_CRITERIA.reduce((s, c) => s + (Number(w[c]) || 0), 0);
  return (
    <details class="card">
      <summary>Gewichtung der Kriterien ändern</summary>
      <Form class="form form-inline" onSubmit={() => save.mutate()}>
        <For each={SCORING_CRITERIA}>
          {(c) => (
            <TextField
              label={`${SCORING_CRITERION_LABELS[c]} (%)`}
              inputMode="numeric"
              value={w[c]}
              onInput={(e) => setW(c, e.currentTarget.value)}
              error={(fieldErrors(save.error) as Record<string, string>)[`weights.${c}`] ?? errors().weights}
            />
          )}
        </For>
        <button type="submit" class="button" disabled={save.isPending}>
          Gewichtung speichern
        </button>
      </Form>
      <p class="muted">
        Summe: {sum()} % {sum() !== 100 ? "(wird auf 100 % umgerechnet)" : ""}
      </p>
      <Show when={save.isError}>
        <Alert kind="error">{errorMessage(save.error)}</Alert>
      </Show>
      <Show when={save.isSuccess}>
        <Alert kind="success">
          <p>Gewichtung gespeichert; die Rangfolge ist neu berechnet.</p>
        </Alert>
      </Show>
    </details>
  );
}

/** Proposals per page: a large city's round has far more than fit on one screen. */
const PROPOSALS_PER_PAGE = 25;

function ProposalTable(props: { me: Me; round: Round; onChange: () => Promise<unknown> }) {
  const [scoring, setScoring] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [page, setPage] = createSignal(1);
  const pages = () => Math.max(1, Math.ceil(props.round.proposals.length / PROPOSALS_PER_PAGE));
  // After a withdrawal the last page may be gone: show the last one that still exists.
  const shown = () => {
    const p = Math.min(page(), pages());
    return props.round.proposals.slice((p - 1) * PROPOSALS_PER_PAGE, p * PROPOSALS_PER_PAGE);
  };
  // The Beschluss the approvals on this page rest on (e.g. the Digitalisierungsrat's priorities), if any.
  const [decisionId, setDecisionId] = createSignal("");
  const decisions = useQuery(() => ({
    queryKey: ["governance.decisionOptions"],
    queryFn: () => trpc.governance.decisionOptions.query(),
    enabled: can(props.me.user.role, "registration.decideProposal"),
  }));
  const decide = useMutation(() => ({
    mutationFn: (v: { id: string; decision: "approved" | "rejected" }) =>
      trpc.registration.decideProposal.mutate({
        ...v,
        decisionId: v.decision === "approved" ? decisionId() || null : null,
      }),
    onSuccess: props.onChange,
  }));
  const withdraw = useMutation(() => ({
    mutationFn: (id: string) => trpc.registration.withdrawProposal.mutate({ id }),
    onSuccess: props.onChange,
  }));
  const role = () => props.me.user.role;
  const canScore = () => can(role(), "registration.scoreProposal");
  const canDecide = () => can(role(), "registration.decideProposal");
  const canWithdraw = (p: Proposal) =>
    p.status === "submitted" &&
    (role() === "coordinator" || (role() === "project_lead" && p.submittedBy === props.me.user.id));
  const canEdit = (p: Proposal) => props.round.status === "open" && canWithdraw(p);
  return (
    <section class="card" aria-labelledby="proposals-title">
      <h2 id="proposals-title">Anmeldungen</h2>
      <Show when={decide.isError || withdraw.isError}>
        <Alert kind="error">{errorMessage(decide.error ?? withdraw.error)}</Alert>
      </Show>
      <Show when={canDecide() && (decisions.data?.length ?? 0) > 0}>
        <FilterBar label="Beschluss zu den Genehmigungen">
          <SelectField
            label="Genehmigungen beruhen auf Beschluss"
            hint="Wird mit jedem Projekt verknüpft, das Sie hier genehmigen."
            value={decisionId()}
            options={[
              { value: "", label: "kein Beschluss" },
              ...(decisions.data ?? []).map((d) => ({
                value: d.id,
                label: `${d.number}: ${d.title} (${d.bodyName}, ${formatDate(d.heldOn)})`,
              })),
            ]}
            onChange={(e) => setDecisionId(e.currentTarget.value)}
          />
        </FilterBar>
      </Show>
      <Show when={props.round.proposals.length > 0} fallback={<EmptyState title="Noch keine Anmeldungen." />}>
        <TableScroll>
          <table class="table" aria-label="Anmeldungen nach Rang">
            <thead>
              <tr>
                <th scope="col">Rang</th>
                <th scope="col">Vorhaben</th>
                <th scope="col">GB / R</th>
                <th scope="col">Zeitraum</th>
                <th scope="col" class="num">
                  Budget
                </th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Punkte (0–5)
                </th>
                <th scope="col">
                  <span class="visually-hidden">Aktionen</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(p) => (
                  <>
                    <tr>
                      <td>{p.rank ?? "–"}</td>
                      <th scope="row">
                        {p.name}
                        <Show when={p.description}>
                          <span class="small muted block">{p.description}</span>
                        </Show>
                        <Show when={p.projectId}>
                          <A class="small block" href={`/portfolio/projekte/${p.projectId}`}>
                            zum Projekt
                          </A>
                        </Show>
                      </th>
                      <td>
                        {p.gbCode} / {p.rCode}
                      </td>
                      <td>
                        {formatDate(p.startDate)} – {formatDate(p.endDate)}
                      </td>
                      <td class="num">{money(p.budgetCents)}</td>
                      <td>{PROPOSAL_STATUS_LABELS[p.status]}</td>
                      <td class="num">{p.score === null ? "–" : formatNumber(p.score, 2)}</td>
                      <td>
                        <div class="row-actions">
                          <Show when={canScore() && (p.status === "submitted" || p.status === "assessed")}>
                            <button
                              type="button"
                              class="button button-secondary"
                              aria-expanded={scoring() === p.id}
                              aria-label={`${p.name} bewerten`}
                              onClick={() => setScoring(scoring() === p.id ? null : p.id)}
                            >
                              Bewerten
                            </button>
                          </Show>
                          <Show when={canDecide() && p.status === "assessed"}>
                            <button
                              type="button"
                              class="button button-secondary"
                              aria-label={`${p.name} genehmigen`}
                              disabled={decide.isPending}
                              onClick={() => decide.mutate({ id: p.id, decision: "approved" })}
                            >
                              Genehmigen
                            </button>
                            <button
                              type="button"
                              class="button button-secondary button-danger"
                              aria-label={`${p.name} ablehnen`}
                              disabled={decide.isPending}
                              onClick={() => decide.mutate({ id: p.id, decision: "rejected" })}
                            >
                              Ablehnen
                            </button>
                          </Show>
                          <Show when={canEdit(p)}>
                            <button
                              type="button"
                              class="button button-secondary"
                              aria-expanded={editing() === p.id}
                              aria-label={`Anmeldung ${p.name} ändern`}
                              onClick={() => setEditing(editing() === p.id ? null : p.id)}
                            >
                              Ändern
                            </button>
                          </Show>
                          <Show when={canWithdraw(p)}>
                            <button
                              type="button"
                              class="button button-secondary"
                              aria-label={`Anmeldung ${p.name} zurückziehen`}
                              onClick={() => withdraw.mutate(p.id)}
                            >
                              Zurückziehen
                            </button>
                          </Show>
                        </div>
                      </td>
                    </tr>
                    <Show when={editing() === p.id}>
                      <tr>
                        <td colSpan={8}>
                          <EditProposal
                            proposal={p}
                            onCancel={() => setEditing(null)}
                            onSaved={async () => {
                              setEditing(null);
                              await props.onChange();
                            }}
                          />
                        </td>
                      </tr>
                    </Show>
                    <Show when={scoring() === p.id}>
                      <tr>
                        <td colSpan={8}>
                          <ScoreForm
                            proposal={p}
                            onSaved={async () => {
                              setScoring(null);
                              await props.onChange();
                            }}
                          />
                        </td>
                      </tr>
                    </Show>
                  </>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
        <Pager
          page={Math.min(page(), pages())}
          pageSize={PROPOSALS_PER_PAGE}
          total={props.round.proposals.length}
          onPage={setPage}
          label="Seiten der Anmeldungen"
        />
      </Show>
    </section>
  );
}

function ScoreForm(props: { proposal: Proposal; onSaved: () => Promise<unknown> }) {
  const [scores, setScores] = createStore<Record<ScoringCriterion, number>>(
    Object.fromEntries(SCORING_CRITERIA.map((c) => [c, props.proposal.scores?.[c] ?? 3])) as Record<
      ScoringCriterion,
      number
    >,
  );
  const [note, setNote] = createSignal(props.proposal.scoreNote ?? "");
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.registration.scoreProposal.mutate({ id: props.proposal.id, scores: { ...scores }, note: note() }),
    onSuccess: props.onSaved,
  }));
  const values = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));
  return (
    <form
      class="form form-inline score-form"
      aria-label={`Bewertung: ${props.proposal.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <For each={SCORING_CRITERIA}>
        {(c) => (
          <SelectField
            label={SCORING_CRITERION_LABELS[c]}
            hint={SCORING_CRITERION_HINTS[c]}
            value={String(scores[c])}
            options={values.map((v) => ({ value: v, label: v }))}
            onChange={(e) => setScores(c, Number(e.currentTarget.value))}
          />
        )}
      </For>
      <TextField label="Begründung" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" class="button button-primary" disabled={save.isPending}>
        Bewertung speichern
      </button>
      <Show when={save.isError}>
        <Alert kind="error">{errorMessage(save.error)}</Alert>
      </Show>
    </form>
  );
}

type ProposalValues = {
  gbId: string;
  rId: string;
  name: string;
  description: string;
  justification: string;
  start: string;
  end: string;
  method: ProjectMethod | "";
  leadName: string;
  budget: string;
  effortDays: string;
};

function emptyProposal(round: Round): ProposalValues {
  return {
    gbId: "",
    rId: "",
    name: "",
    description: "",
    justification: "",
    start: `${round.year}-01-01`,
    end: `${round.year}-12-31`,
    method: "",
    leadName: "",
    budget: "",
    effortDays: "",
  };
}

function proposalValues(p: Proposal): ProposalValues {
  return {
    gbId: p.gbId,
    rId: p.rId,
    name: p.name,
    description: p.description ?? "",
    justification: p.justification ?? "",
    start: p.startDate,
    end: p.endDate,
    method: p.method ?? "",
    leadName: p.leadName ?? "",
    budget: centsToInput(p.budgetCents),
    effortDays: daysToInput(p.effortDays),
  };
}

/** The new proposal at the end of an open round. */
function NewProposal(props: { round: Round; onSaved: () => Promise<unknown> }) {
  const [v, set] = createStore(emptyProposal(props.round));
  const submit = useMutation(() => ({
    mutationFn: () =>
      trpc.registration.submitProposal.mutate({ ...v, roundId: props.round.id, method: v.method || null }),
    onSuccess: async () => {
      set(emptyProposal(props.round));
      await props.onSaved();
    },
  }));
  return (
    <section class="card" aria-labelledby="proposal-form-title">
      <h2 id="proposal-form-title">Vorhaben anmelden</h2>
      <Show when={submit.isSuccess}>
        <Alert kind="success">
          <p>Die Anmeldung ist eingegangen.</p>
        </Alert>
      </Show>
      <ProposalForm
        values={v}
        set={set}
        submitLabel="Anmelden"
        pending={submit.isPending}
        error={submit.error}
        onSubmit={() => submit.mutate()}
      />
    </section>
  );
}

/** A submitted proposal corrected in place (the server refuses once it is scored or the round is closed). */
function EditProposal(props: { proposal: Proposal; onSaved: () => Promise<unknown>; onCancel: () => void }) {
  const [v, set] = createStore(proposalValues(props.proposal));
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.registration.updateProposal.mutate({ ...v, id: props.proposal.id, method: v.method || null }),
    onSuccess: props.onSaved,
  }));
  return (
    <ProposalForm
      label={`Anmeldung ändern: ${props.proposal.name}`}
      values={v}
      set={set}
      submitLabel="Änderungen speichern"
      pending={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate()}
      onCancel={props.onCancel}
    />
  );
}

function ProposalForm(props: {
  label?: string;
  values: ProposalValues;
  set: SetStoreFunction<ProposalValues>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onCancel?: () => void;
}) {
  const options = useFilterOptions();
  const errors = () => fieldErrors(props.error);
  const units = () => options.data?.orgUnits ?? [];
  return (
    <Form class="form form-grid" label={props.label} onSubmit={() => props.onSubmit()}>
      <SelectField
        label="Geschäftsbereich (GB)"
        value={props.values.gbId}
        options={[
          { value: "", label: "– bitte wählen –" },
          ...units()
            .filter((u) => u.kind === "gb")
            .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })),
        ]}
        onChange={(e) => props.set({ gbId: e.currentTarget.value, rId: "" })}
        error={errors().gbId}
      />
      <SelectField
        label="Ressort/Fachbereich (R)"
        value={props.values.rId}
        options={[
          { value: "", label: "– bitte wählen –" },
          ...units()
            .filter((u) => u.kind === "r" && u.parentId === props.values.gbId)
            .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })),
        ]}
        onChange={(e) => props.set({ rId: e.currentTarget.value })}
        error={errors().rId}
      />
      <TextField
        label="Name des Vorhabens"
        value={props.values.name}
        onInput={(e) => props.set({ name: e.currentTarget.value })}
        error={errors().name}
      />
      <TextAreaField
        label="Beschreibung"
        value={props.values.description}
        onInput={(e) => props.set({ description: e.currentTarget.value })}
        error={errors().description}
      />
      <TextAreaField
        label="Begründung"
        hint="Warum ist das Vorhaben nötig (Strategie, Rechtspflicht, Abhängigkeiten)?"
        value={props.values.justification}
        onInput={(e) => props.set({ justification: e.currentTarget.value })}
        error={errors().justification}
      />
      <TextField
        label="Geplanter Start"
        type="date"
        value={props.values.start}
        onInput={(e) => props.set({ start: e.currentTarget.value })}
        error={errors().start}
      />
      <TextField
        label="Geplantes Ende"
        type="date"
        value={props.values.end}
        onInput={(e) => props.set({ end: e.currentTarget.value })}
        error={errors().end}
      />
      <SelectField
        label="Methode"
        value={props.values.method}
        options={[{ value: "", label: "keine Angabe" }, ...codeOptions(projectMethods, projectMethodLabels)]}
        onChange={(e) => props.set({ method: e.currentTarget.value as ProjectMethod | "" })}
      />
      <TextField
        label="Projektleitung"
        value={props.values.leadName}
        onInput={(e) => props.set({ leadName: e.currentTarget.value })}
        error={errors().leadName}
      />
      <TextField
        label="Budget (€)"
        inputMode="decimal"
        hint="z. B. 80.000"
        value={props.values.budget}
        onInput={(e) => props.set({ budget: e.currentTarget.value })}
        error={errors().budget}
      />
      <TextField
        label="Aufwand (Personentage)"
        inputMode="decimal"
        value={props.values.effortDays}
        onInput={(e) => props.set({ effortDays: e.currentTarget.value })}
        error={errors().effortDays}
      />
      <FormFooter
        error={props.error}
        submitLabel={props.submitLabel}
        pending={props.pending}
        onCancel={props.onCancel}
      />
    </Form>
  );
}
