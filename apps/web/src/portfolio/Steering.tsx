// A project's steering on its page (issue 17): the status reports with their Ampel (the latest first, when the next
// one is due, a form for the PMO and the project's lead) and the risk register with its probability × impact matrix.
import { A } from "@solidjs/router";
import {
  AMPEL,
  AMPEL_DIMENSION_LABELS,
  AMPEL_DIMENSIONS,
  AMPEL_LABELS,
  type Ampel,
  type AmpelDimension,
  berlinToday,
  DEFAULT_REPORT_EVERY_WEEKS,
  formatDate,
  REPORT_RHYTHMS,
  RISK_LEVEL_LABELS,
  RISK_SCALE,
  RISK_SCALE_LABELS,
  RISK_STATUS_LABELS,
  RISK_STATUSES,
  type RiskStatus,
  rhythmText,
} from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { codeOptions, FilterBar, Form, SelectField, TextField } from "../ui/Field.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";
import { TextAreaField } from "../ui/TextAreaField.tsx";

export function AmpelBadge(props: { ampel: Ampel; label?: string }) {
  return (
    <span class={`ampel ampel-${props.ampel}`}>
      <span aria-hidden="true">●</span> {props.label ? `${props.label}: ` : ""}
      {AMPEL_LABELS[props.ampel]}
    </span>
  );
}

export function StatusReports(props: { projectId: string; canEdit: boolean; canSetRhythm: boolean }) {
  const client = useQueryClient();
  const reports = useQuery(() => ({
    queryKey: ["steering.statusReports", props.projectId],
    queryFn: () => trpc.steering.statusReports.query({ projectId: props.projectId }),
  }));
  const blank = () => ({
    reportedOn: berlinToday(),
    schedule: "green" as Ampel,
    cost: "green" as Ampel,
    quality: "green" as Ampel,
    resources: "green" as Ampel,
    summary: "",
    nextSteps: "",
    decisionsNeeded: "",
  });
  const [v, setV] = createStore(blank());
  const add = useMutation(() => ({
    mutationFn: () => trpc.steering.addStatusReport.mutate({ projectId: props.projectId, ...v }),
    onSuccess: async () => {
      setV(blank());
      await Promise.all([
        client.invalidateQueries({ queryKey: ["steering.statusReports", props.projectId] }),
        client.invalidateQueries({ queryKey: ["portfolio.history", props.projectId] }),
        client.invalidateQueries({ queryKey: ["portfolio.list"] }),
      ]);
    },
  }));
  const errors = () => fieldErrors(add.error);
  const ampelOptions = codeOptions(AMPEL, AMPEL_LABELS);
  const rhythm = useMutation(() => ({
    mutationFn: (weeks: number | null) =>
      trpc.steering.setReportRhythm.mutate({ projectId: props.projectId, weeks }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["steering.statusReports", props.projectId] }),
        client.invalidateQueries({ queryKey: ["portfolio.list"] }),
        client.invalidateQueries({ queryKey: ["portfolio.history", props.projectId] }),
      ]),
  }));
  return (
    <section class="card" aria-labelledby="reports-title">
      <h2 id="reports-title">Statusberichte</h2>
      <QueryView query={reports} loadingLabel="Statusberichte werden geladen …">
        {(data) => (
          <>
            <Show when={data.nextDue}>
              {(due) => (
                <p classList={{ "text-overdue": due() < berlinToday() }}>
                  {due() < berlinToday()
                    ? `Statusbericht fehlt: fällig seit ${formatDate(due())}`
                    : `Nächster Statusbericht fällig am ${formatDate(due())}`}{" "}
                  ({rhythmText(data.everyWeeks)}).
                </p>
              )}
            </Show>
            <Show when={props.canSetRhythm}>
              <FilterBar label="Rhythmus der Statusberichte">
                <SelectField
                  label="Rhythmus"
                  value={data.rhythmSet ? String(data.everyWeeks) : ""}
                  options={[
                    { value: "", label: `Standard (${rhythmText(DEFAULT_REPORT_EVERY_WEEKS)})` },
                    ...REPORT_RHYTHMS.map((w) => ({ value: String(w), label: rhythmText(w) })),
                  ]}
                  onChange={(e) =>
                    rhythm.mutate(e.currentTarget.value ? Number(e.currentTarget.value) : null)
                  }
                />
              </FilterBar>
              <Show when={rhythm.isError}>
                <Alert kind="error">{errorMessage(rhythm.error)}</Alert>
              </Show>
            </Show>
            <Show when={data.reports.length > 0} fallback={<EmptyState title="Noch kein Statusbericht." />}>
              <TableScroll>
                <table class="table">
                  <caption class="visually-hidden">Statusberichte, neueste zuerst</caption>
                  <thead>
                    <tr>
                      <th scope="col">Stichtag</th>
                      <th scope="col">Gesamt</th>
                      <For each={AMPEL_DIMENSIONS}>
                        {(d) => <th scope="col">{AMPEL_DIMENSION_LABELS[d]}</th>}
                      </For>
                      <th scope="col">Stand</th>
                      <th scope="col">von</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data.reports}>
                      {(r) => (
                        <tr>
                          <td>{formatDate(r.reportedOn)}</td>
                          <td>
                            <AmpelBadge ampel={r.overall} />
                          </td>
                          <For each={AMPEL_DIMENSIONS}>
                            {(d) => (
                              <td>
                                <AmpelBadge ampel={r[d]} />
                              </td>
                            )}
                          </For>
                          <td>
                            {r.summary}
                            <Show when={r.decisionsNeeded}>
                              <br />
                              <strong>Entscheidungsbedarf:</strong> {r.decisionsNeeded}
                            </Show>
                            <Show when={r.nextSteps}>
                              <br />
                              <span class="muted">Nächste Schritte: {r.nextSteps}</span>
                            </Show>
                          </td>
                          <td>{r.authorName}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            </Show>
          </>
        )}
      </QueryView>
      <Show when={props.canEdit}>
        <Form class="form form-grid" label="Statusbericht abgeben" onSubmit={() => add.mutate()}>
          <TextField
            label="Stichtag"
            type="date"
            value={v.reportedOn}
            onInput={(e) => setV("reportedOn", e.currentTarget.value)}
            error={errors().reportedOn}
          />
          <For each={AMPEL_DIMENSIONS}>
            {(d: AmpelDimension) => (
              <SelectField
                label={AMPEL_DIMENSION_LABELS[d]}
                value={v[d]}
                options={ampelOptions}
                onChange={(e) => setV(d, e.currentTarget.value as Ampel)}
                error={errors()[d]}
              />
            )}
          </For>
          <TextAreaField
            label="Stand in Kürze"
            value={v.summary}
            onInput={(e) => setV("summary", e.currentTarget.value)}
            error={errors().summary}
          />
          <TextAreaField
            label="Nächste Schritte"
            value={v.nextSteps}
            onInput={(e) => setV("nextSteps", e.currentTarget.value)}
            error={errors().nextSteps}
          />
          <TextAreaField
            label="Entscheidungsbedarf"
            value={v.decisionsNeeded}
            onInput={(e) => setV("decisionsNeeded", e.currentTarget.value)}
            error={errors().decisionsNeeded}
          />
          <div>
            <button type="submit" class="button button-primary" disabled={add.isPending}>
              Statusbericht abgeben
            </button>
          </div>
        </Form>
        <MutationResult mutation={add} success="Der Statusbericht ist gespeichert." />
      </Show>
    </section>
  );
}

type Risk = Awaited<ReturnType<typeof trpc.steering.risks.query>>[number];

/** Probability (rows, high at the top) × impact (columns): how many open risks sit in each cell. */
export function RiskMatrix(props: {
  cells: readonly { probability: number; impact: number; count: number }[];
  caption?: string;
}) {
  const count = (p: number, i: number) =>
    props.cells.filter((c) => c.probability === p && c.impact === i).reduce((a, c) => a + c.count, 0);
  const cellClass = (p: number, i: number) =>
    p * i >= 15 ? "risk-cell risk-critical" : p * i >= 6 ? "risk-cell risk-medium" : "risk-cell risk-low";
  return (
    <TableScroll>
      <table class="table risk-matrix">
        <caption>{props.caption ?? "Offene Risiken nach Eintrittswahrscheinlichkeit und Auswirkung"}</caption>
        <thead>
          <tr>
            <th scope="col">Wahrscheinlichkeit (Zeilen) / Auswirkung (Spalten)</th>
            <For each={RISK_SCALE}>{(i) => <th scope="col">{RISK_SCALE_LABELS[i]}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={[...RISK_SCALE].reverse()}>
            {(p) => (
              <tr>
                <th scope="row">{RISK_SCALE_LABELS[p]}</th>
                <For each={RISK_SCALE}>
                  {(i) => <td class={cellClass(p, i)}>{count(p, i) > 0 ? count(p, i) : ""}</td>}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Whose risk register it is: a project's (on its page) or a strategy's (on the strategy page). */
export type RiskOwner = { projectId: string } | { strategyId: string };

export function Risks(props: {
  owner: RiskOwner;
  canEdit: boolean;
  /** The project's measures, which can treat its risks (a strategy's come with its risks: those of its scope). */
  measures?: readonly { id: string; title: string }[];
}) {
  const client = useQueryClient();
  const key = () =>
    "projectId" in props.owner
      ? (["steering.risks", props.owner.projectId] as const)
      : (["steering.strategyRisks", props.owner.strategyId] as const);
  const risks = useQuery(() => ({
    queryKey: key(),
    queryFn: async () => {
      const owner = props.owner;
      return "projectId" in owner
        ? { risks: await trpc.steering.risks.query({ projectId: owner.projectId }), measures: null }
        : trpc.steering.strategyRisks.query({ strategyId: owner.strategyId });
    },
  }));
  const measureOptions = () => props.measures ?? risks.data?.measures ?? [];
  const blank = () => ({
    title: "",
    probability: "3",
    impact: "3",
    ownerName: "",
    treatment: "",
    measureId: "",
  });
  const [v, setV] = createStore(blank());
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: [...key()] }),
      client.invalidateQueries({ queryKey: ["steering.criticalRisks"] }),
      client.invalidateQueries({ queryKey: ["portfolio.history"] }),
    ]);
  const add = useMutation(() => ({
    mutationFn: () => {
      const values = {
        title: v.title,
        probability: Number(v.probability),
        impact: Number(v.impact),
        ownerName: v.ownerName,
        treatment: v.treatment,
        measureId: v.measureId || null,
      };
      const owner = props.owner;
      return "projectId" in owner
        ? trpc.steering.addRisk.mutate({ projectId: owner.projectId, ...values })
        : trpc.steering.addStrategyRisk.mutate({ strategyId: owner.strategyId, ...values });
    },
    onSuccess: async () => {
      setV(blank());
      await refresh();
    },
  }));
  const setStatus = useMutation(() => ({
    mutationFn: (r: Risk & { status: RiskStatus }) =>
      trpc.steering.updateRisk.mutate({
        id: r.id,
        title: r.title,
        description: r.description,
        probability: r.probability,
        impact: r.impact,
        ownerName: r.ownerName,
        treatment: r.treatment,
        measureId: r.measureId,
        status: r.status,
      }),
    onSuccess: refresh,
  }));
  const errors = () => fieldErrors(add.error);
  const scaleOptions = RISK_SCALE.map((n) => ({ value: String(n), label: `${n} – ${RISK_SCALE_LABELS[n]}` }));
  return (
    <section class="card" aria-labelledby="risks-title">
      <h2 id="risks-title">Risiken</h2>
      <QueryView query={risks} loadingLabel="Risiken werden geladen …">
        {({ risks: list }) => (
          <Show when={list.length > 0} fallback={<EmptyState title="Noch keine Risiken erfasst." />}>
            <RiskMatrix
              cells={list
                .filter((r) => r.status !== "closed")
                .map((r) => ({ probability: r.probability, impact: r.impact, count: 1 }))}
            />
            <TableScroll>
              <table class="table">
                <caption class="visually-hidden">Risiken, offene zuerst nach Bewertung</caption>
                <thead>
                  <tr>
                    <th scope="col">Risiko</th>
                    <th scope="col">Bewertung</th>
                    <th scope="col">Verantwortlich</th>
                    <th scope="col">Behandlung</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list}>
                    {(r) => (
                      <tr classList={{ "row-done": r.status === "closed" }}>
                        <td>{r.title}</td>
                        <td>
                          <span class={`risk-level risk-level-${r.level}`}>{RISK_LEVEL_LABELS[r.level]}</span>{" "}
                          ({r.probability} × {r.impact})
                        </td>
                        <td>{r.ownerName || "–"}</td>
                        <td>
                          {r.treatment || (r.measureTitle ? "" : "–")}
                          <Show when={r.measureId && r.measureTitle}>
                            {r.treatment ? <br /> : null}
                            Maßnahme: <A href={`/massnahmen/${r.measureId}`}>{r.measureTitle}</A>
                          </Show>
                        </td>
                        <td>
                          <Show when={props.canEdit} fallback={RISK_STATUS_LABELS[r.status]}>
                            <SelectField
                              label={`Status von ${r.title}`}
                              value={r.status}
                              options={codeOptions(RISK_STATUSES, RISK_STATUS_LABELS)}
                              onChange={(e) =>
                                setStatus.mutate({ ...r, status: e.currentTarget.value as RiskStatus })
                              }
                            />
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          </Show>
        )}
      </QueryView>
      <Show when={setStatus.isError}>
        <Alert kind="error">{errorMessage(setStatus.error)}</Alert>
      </Show>
      <Show when={props.canEdit}>
        <Form class="form form-grid" label="Risiko erfassen" onSubmit={() => add.mutate()}>
          <TextField
            label="Risiko"
            value={v.title}
            onInput={(e) => setV("title", e.currentTarget.value)}
            error={errors().title}
          />
          <SelectField
            label="Eintrittswahrscheinlichkeit"
            value={v.probability}
            options={scaleOptions}
            onChange={(e) => setV("probability", e.currentTarget.value)}
            error={errors().probability}
          />
          <SelectField
            label="Auswirkung"
            value={v.impact}
            options={scaleOptions}
            onChange={(e) => setV("impact", e.currentTarget.value)}
            error={errors().impact}
          />
          <TextField
            label="Verantwortlich"
            value={v.ownerName}
            onInput={(e) => setV("ownerName", e.currentTarget.value)}
            error={errors().ownerName}
          />
          <TextAreaField
            label="Behandlung (Maßnahmen)"
            value={v.treatment}
            onInput={(e) => setV("treatment", e.currentTarget.value)}
            error={errors().treatment}
          />
          <SelectField
            label="Behandelnde Maßnahme"
            value={v.measureId}
            options={[
              { value: "", label: "keine" },
              ...measureOptions().map((m) => ({ value: m.id, label: m.title })),
            ]}
            onChange={(e) => setV("measureId", e.currentTarget.value)}
            error={errors().measureId}
          />
          <div>
            <button type="submit" class="button button-primary" disabled={add.isPending}>
              Risiko erfassen
            </button>
          </div>
        </Form>
        <MutationResult mutation={add} success="Das Risiko ist erfasst." />
      </Show>
    </section>
  );
}

/** The leadership's start page: critical risks that are not closed, across the portfolio. */
export function CriticalRisks() {
  const risks = useQuery(() => ({
    queryKey: ["steering.criticalRisks"],
    queryFn: () => trpc.steering.criticalRisks.query(),
  }));
  return (
    <QueryView
      query={risks}
      loadingLabel="Risiken werden geladen …"
      isEmpty={(l) => l.length === 0}
      empty={<p class="muted">Keine kritischen offenen Risiken.</p>}
    >
      {(list) => (
        <ul class="plain-list">
          <For each={list}>
            {(r) => (
              <li>
                <A href={r.projectId ? `/portfolio/projekte/${r.projectId}` : "/strategie"}>{r.title}</A>{" "}
                <span class="muted">
                  ({r.projectName ?? `Strategie „${r.strategyTitle}“`}; {r.probability} × {r.impact},{" "}
                  {RISK_STATUS_LABELS[r.status]})
                </span>
              </li>
            )}
          </For>
        </ul>
      )}
    </QueryView>
  );
}
