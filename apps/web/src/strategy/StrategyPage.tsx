// Digital strategies: one for the whole administration and optionally one per org unit. Coordinators edit vision,
// goals and Soll targets; leadership approves; every approval stays as a read-only version.

import { A, useSearchParams } from "@solidjs/router";
import { can, DECISION_STATUS_LABELS, formatDate } from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createEffect, createSignal, createUniqueId, For, Show } from "solid-js";
import type { Me } from "../auth/session.ts";
import { lazyNamed } from "../lib/lazy-named.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { levelText } from "../maturity/format.ts";
import { type MaturityModelData, modelQuery, orgUnitOptions, orgUnitsQuery } from "../maturity/queries.ts";
import { Risks } from "../portfolio/Steering.tsx";
import { Form, SelectField, TextField } from "../ui/Field.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

type Target = { dimensionKey: string; level: number; dueOn: string };

// The key figures bring a chart with them: loaded with the strategy's detail, not with the app.
const StrategyKpis = lazyNamed(() => import("./GoalFigures.tsx"), "StrategyKpis");

export function StrategyPage(props: { me: Me }) {
  const [params, setParams] = useSearchParams<{ id?: string }>();
  const list = useQuery(() => ({
    queryKey: ["strategies.list"],
    queryFn: () => trpc.strategies.list.query(),
  }));
  createEffect(() => {
    const first = list.data?.[0];
    if (!params.id && first) setParams({ id: first.id }, { replace: true });
  });
  return (
    <>
      <PageHeader
        title="Strategie"
        intro="Vision, Ziele und Soll-Reifegrade – für die gesamte Verwaltung und einzelne Bereiche."
      />
      <div class="split">
        <nav class="card" aria-labelledby="strategies-title">
          <h2 id="strategies-title">Strategien</h2>
          <QueryView
            query={list}
            isEmpty={(d) => d.length === 0}
            empty={<EmptyState title="Noch keine Strategie angelegt." />}
          >
            {(rows) => (
              <ul class="nav-list">
                <For each={rows}>
                  {(s) => (
                    <li>
                      <a
                        href={`/strategie?id=${s.id}`}
                        aria-current={params.id === s.id ? "page" : undefined}
                        onClick={(e) => {
                          e.preventDefault();
                          setParams({ id: s.id });
                        }}
                      >
                        <span class="nav-list-title">
                          {s.orgUnitCode ? `${s.orgUnitCode} – ${s.orgUnitName}` : "Gesamte Verwaltung"}
                        </span>
                        <span class="muted">
                          {s.title}
                          <br />
                          {s.approvedVersion > 0
                            ? `Version ${s.approvedVersion} freigegeben am ${formatDate(s.approvedOn)}`
                            : "noch nicht freigegeben"}
                          {s.pendingApproval ? " · Freigabe ausstehend" : ""}
                        </span>
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </QueryView>
          <Show when={can(props.me.user.role, "strategies.save")}>
            <NewStrategy
              taken={(list.data ?? []).map((s) => s.orgUnitId)}
              onCreated={(id) => setParams({ id })}
            />
          </Show>
        </nav>
        <div>
          <Show when={params.id} keyed>
            {(id) => <StrategyDetail id={id} me={props.me} />}
          </Show>
        </div>
      </div>
    </>
  );
}

function NewStrategy(props: { taken: (string | null)[]; onCreated: (id: string) => void }) {
  const client = useQueryClient();
  const units = useQuery(orgUnitsQuery);
  const [scope, setScope] = createSignal("");
  const [title, setTitle] = createSignal("");
  const create = useMutation(() => ({
    mutationFn: () => trpc.strategies.save.mutate({ orgUnitId: scope() || null, title: title() }),
    onSuccess: async (row) => {
      await client.invalidateQueries({ queryKey: ["strategies.list"] });
      setTitle("");
      props.onCreated(row.id);
    },
  }));
  const options = () =>
    [{ value: "", label: "Gesamte Verwaltung" }, ...orgUnitOptions(units.data ?? [])].filter(
      (o) => !props.taken.includes(o.value || null),
    );
  const errors = () => fieldErrors(create.error);
  return (
    <details class="new-strategy">
      <summary>Neue Strategie</summary>
      <Form onSubmit={() => create.mutate()}>
        <SelectField
          label="Bereich"
          options={options()}
          value={scope()}
          onChange={(e) => setScope(e.currentTarget.value)}
          error={errors().orgUnitId}
        />
        <TextField
          label="Titel"
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
          error={errors().title}
        />
        <MutationResult mutation={create} />
        <button type="submit" class="button button-primary" disabled={create.isPending}>
          Anlegen
        </button>
      </Form>
    </details>
  );
}

function StrategyDetail(props: { id: string; me: Me }) {
  const client = useQueryClient();
  const detail = useQuery(() => ({
    queryKey: ["strategies.get", props.id],
    queryFn: () => trpc.strategies.get.query({ id: props.id }),
  }));
  const model = useQuery(modelQuery);
  // The Beschluss the approval rests on (a Gremium's decision), if any: linked to the new version.
  const [decisionId, setDecisionId] = createSignal("");
  const decisions = useQuery(() => ({
    queryKey: ["governance.decisionOptions"],
    queryFn: () => trpc.governance.decisionOptions.query(),
    enabled: can(props.me.user.role, "strategies.approve"),
  }));
  const approve = useMutation(() => ({
    mutationFn: () => trpc.strategies.approve.mutate({ id: props.id, decisionId: decisionId() || null }),
    onSuccess: () =>
      Promise.all(
        ["strategies.get", "strategies.list", "maturity.dashboard"].map((k) =>
          client.invalidateQueries({ queryKey: [k] }),
        ),
      ),
  }));
  const [editing, setEditing] = createSignal(false);
  const dimensionName = (key: string) => model.data?.model.dimensions.find((d) => d.key === key)?.name ?? key;
  return (
    <QueryView query={detail}>
      {(d) => (
        <>
          <section class="card" aria-labelledby="strategy-title">
            <h2 id="strategy-title">{d.strategy.title}</h2>
            <p class="muted">
              {d.orgUnit ? `Bereich: ${d.orgUnit.code} – ${d.orgUnit.name}` : "Bereich: gesamte Verwaltung"}
            </p>
            <Show when={d.pendingApproval}>
              <Alert kind="info">
                <p>
                  {d.versions.length === 0
                    ? "Diese Strategie ist noch nicht freigegeben: ihre Soll-Ziele zählen erst nach der Freigabe durch die Verwaltungsführung."
                    : "Der Arbeitsstand weicht von der freigegebenen Version ab. Es zählen die Ziele der freigegebenen Version."}
                </p>
                <Show when={can(props.me.user.role, "strategies.approve")}>
                  <Show when={(decisions.data?.length ?? 0) > 0}>
                    <SelectField
                      label="Freigabe beruht auf Beschluss"
                      value={decisionId()}
                      options={[
                        { value: "", label: "kein Beschluss" },
                        ...(decisions.data ?? []).map((x) => ({
                          value: x.id,
                          label: `${x.number}: ${x.title} (${x.bodyName}, ${formatDate(x.heldOn)})`,
                        })),
                      ]}
                      onChange={(e) => setDecisionId(e.currentTarget.value)}
                    />
                  </Show>
                  <button
                    type="button"
                    class="button button-primary"
                    disabled={approve.isPending}
                    onClick={() => approve.mutate()}
                  >
                    Arbeitsstand freigeben
                  </button>
                </Show>
              </Alert>
            </Show>
            <Show when={approve.isError}>
              <Alert kind="error">{errorMessage(approve.error)}</Alert>
            </Show>
            <Show when={approve.data}>
              {(v) => (
                <Alert kind="success">
                  Version {v().version} freigegeben am {formatDate(v().approvedOn)}.
                </Alert>
              )}
            </Show>
            <Show
              when={editing() && model.data}
              fallback={
                <>
                  <h3>Vision</h3>
                  <p>{d.strategy.vision || "–"}</p>
                  <h3>Ziele</h3>
                  <ul>
                    <For each={d.strategy.goals} fallback={<li>noch keine Ziele</li>}>
                      {(g) => <li>{g}</li>}
                    </For>
                  </ul>
                  <TargetsTable
                    targets={d.strategy.targets}
                    dimensionName={dimensionName}
                    caption="Soll-Reifegrade (Arbeitsstand)"
                  />
                  <Show when={can(props.me.user.role, "strategies.save")}>
                    <button type="button" class="button" onClick={() => setEditing(true)}>
                      Bearbeiten
                    </button>
                  </Show>
                </>
              }
            >
              <StrategyForm detail={d} model={model.data!.model} onDone={() => setEditing(false)} />
            </Show>
          </section>
          <StrategyKpis me={props.me} strategyId={d.strategy.id} goals={d.strategy.goals} />
          <Risks
            owner={{ strategyId: d.strategy.id }}
            canEdit={can(props.me.user.role, "steering.addStrategyRisk")}
          />
          <section class="card" aria-labelledby="versions-title">
            <h2 id="versions-title">Freigegebene Versionen</h2>
            <Show
              when={d.versions.length > 0}
              fallback={<EmptyState title="Noch keine Version freigegeben." />}
            >
              <For each={d.versions}>
                {(v, i) => (
                  <details open={i() === 0}>
                    <summary>
                      Version {v.version}, freigegeben am {formatDate(v.approvedOn)} von {v.approvedByName}
                      {i() === 0 ? " (gilt)" : ""}
                    </summary>
                    <Show when={v.decisions.length > 0}>
                      <p>
                        Beschlossen:{" "}
                        <For each={v.decisions}>
                          {(d, j) => (
                            <>
                              {j() > 0 ? "; " : ""}
                              <A href={`/steuerung/gremien/${d.bodyId}`}>
                                {d.bodyName}, {formatDate(d.heldOn)}, {d.number}: {d.title}
                              </A>{" "}
                              ({DECISION_STATUS_LABELS[d.status]})
                            </>
                          )}
                        </For>
                      </p>
                    </Show>
                    <TargetsTable
                      targets={v.targets}
                      dimensionName={dimensionName}
                      caption={`Soll-Reifegrade der Version ${v.version}`}
                    />
                  </details>
                )}
              </For>
            </Show>
          </section>
        </>
      )}
    </QueryView>
  );
}

function TargetsTable(props: { targets: Target[]; dimensionName: (key: string) => string; caption: string }) {
  return (
    <Show when={props.targets.length > 0} fallback={<p class="muted">Keine Soll-Ziele.</p>}>
      <TableScroll>
        <table class="table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Soll</th>
              <th scope="col">Termin</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.targets}>
              {(t) => (
                <tr>
                  <th scope="row">{props.dimensionName(t.dimensionKey)}</th>
                  <td>{levelText(t.level)}</td>
                  <td>{formatDate(t.dueOn)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>
    </Show>
  );
}

type Detail = Awaited<ReturnType<typeof trpc.strategies.get.query>>;

function StrategyForm(props: { detail: Detail; model: MaturityModelData; onDone: () => void }) {
  const id = createUniqueId();
  const client = useQueryClient();
  const s = props.detail.strategy;
  const [title, setTitle] = createSignal(s.title);
  const [vision, setVision] = createSignal(s.vision);
  const [goals, setGoals] = createSignal(s.goals.join("\n"));
  const [targets, setTargets] = createSignal<Record<string, { level: string; dueOn: string }>>(
    Object.fromEntries(
      props.model.dimensions.map((d) => {
        const t = s.targets.find((x) => x.dimensionKey === d.key);
        return [d.key, { level: t ? String(t.level) : "", dueOn: t?.dueOn ?? "" }];
      }),
    ),
  );
  const save = useMutation(() => ({
    mutationFn: () =>
      trpc.strategies.save.mutate({
        id: s.id,
        title: title(),
        vision: vision(),
        goals: goals()
          .split("\n")
          .map((g) => g.trim())
          .filter(Boolean),
        targets: Object.entries(targets())
          .filter(([, t]) => t.level !== "")
          .map(([dimensionKey, t]) => ({ dimensionKey, level: Number(t.level), dueOn: t.dueOn })),
      }),
    onSuccess: async () => {
      await Promise.all(
        ["strategies.get", "strategies.list"].map((k) => client.invalidateQueries({ queryKey: [k] })),
      );
      props.onDone();
    },
  }));
  const errors = () => fieldErrors(save.error);
  const [missingDates, setMissingDates] = createSignal<string[]>([]);
  const setTarget = (key: string, patch: Partial<{ level: string; dueOn: string }>) =>
    setTargets({ ...targets(), [key]: { ...targets()[key]!, ...patch } });
  return (
    <form
      class="form form-wide"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // A target needs its date: say so next to the date field before asking the server.
        const missing = Object.entries(targets())
          .filter(([, t]) => t.level !== "" && !t.dueOn)
          .map(([key]) => key);
        setMissingDates(missing);
        if (missing.length === 0) save.mutate();
      }}
    >
      <TextField
        label="Titel"
        value={title()}
        onInput={(e) => setTitle(e.currentTarget.value)}
        error={errors().title}
      />
      <div class="field">
        <label for={`${id}-vision`}>Vision</label>
        <textarea
          id={`${id}-vision`}
          rows="4"
          value={vision()}
          onInput={(e) => setVision(e.currentTarget.value)}
        />
      </div>
      <div class="field" classList={{ "field-invalid": !!errors().goals }}>
        <label for={`${id}-goals`}>Ziele (eines je Zeile)</label>
        <textarea
          id={`${id}-goals`}
          rows="5"
          value={goals()}
          onInput={(e) => setGoals(e.currentTarget.value)}
        />
        <Show when={errors().goals}>
          <p class="field-error">{errors().goals}</p>
        </Show>
      </div>
      <fieldset class="field" classList={{ "field-invalid": !!errors().targets }}>
        <legend>Soll-Reifegrade je Dimension</legend>
        <Show when={errors().targets}>
          <p class="field-error">{errors().targets}</p>
        </Show>
        <TableScroll>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Soll-Stufe</th>
                <th scope="col">Termin</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.model.dimensions}>
                {(d) => (
                  <tr>
                    <th scope="row">{d.name}</th>
                    <td>
                      <select
                        aria-label={`Soll-Stufe ${d.name}`}
                        value={targets()[d.key]?.level ?? ""}
                        onChange={(e) => setTarget(d.key, { level: e.currentTarget.value })}
                      >
                        <option value="">kein Ziel</option>
                        <For each={[1, 2, 3, 4]}>
                          {(l) => <option value={String(l)}>{levelText(l)}</option>}
                        </For>
                      </select>
                    </td>
                    <td>
                      <input
                        type="date"
                        aria-invalid={missingDates().includes(d.key) ? "true" : undefined}
                        aria-describedby={
                          missingDates().includes(d.key) ? `${id}-${d.key}-due-error` : undefined
                        }
                        aria-label={`Termin ${d.name}`}
                        value={targets()[d.key]?.dueOn ?? ""}
                        onInput={(e) => setTarget(d.key, { dueOn: e.currentTarget.value })}
                      />
                      <Show when={missingDates().includes(d.key)}>
                        <p class="field-error" id={`${id}-${d.key}-due-error`}>
                          Bitte einen Termin für das Soll-Ziel angeben.
                        </p>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </fieldset>
      <Show when={save.isError}>
        <Alert kind="error">
          {Object.keys(errors()).length > 0
            ? "Bitte prüfen Sie die Eingaben (jedes Soll-Ziel braucht einen gültigen Termin)."
            : errorMessage(save.error)}
        </Alert>
      </Show>
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={save.isPending}>
          Arbeitsstand speichern
        </button>
        <button type="button" class="button" onClick={() => props.onDone()}>
          Abbrechen
        </button>
      </div>
    </form>
  );
}
