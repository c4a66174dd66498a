// Measurable goals: the key figures (Kennzahlen) of a strategy's goals. On the strategy page the CDO/PMO defines them
// and records their values, each with its course as a chart and table; the maturity dashboard shows their progress
// beside the Soll. Progress in words ("im Plan", "hinter dem Plan"), not only as a bar.
import { A } from "@solidjs/router";
import {
  berlinToday,
  can,
  formatDate,
  formatNumber,
  KPI_STATUS_LABELS,
  type KpiProgress,
} from "@spatz/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import type { Me } from "../auth/session.ts";
import { errorMessage, fieldErrors, trpc } from "../lib/trpc.ts";
import { ConfirmButton } from "../ui/ConfirmButton.tsx";
import { Chart, type EChartsOption } from "../ui/charts/Chart.tsx";
import { Form, SelectField, TextField } from "../ui/Field.tsx";
import { StableQueryView } from "../ui/QueryView.tsx";
import { Alert, EmptyState, MutationResult } from "../ui/states.tsx";
import { TableScroll } from "../ui/TableScroll.tsx";

type Kpi = Awaited<ReturnType<typeof trpc.kpis.list.query>>[number];

const amount = (value: number, unit: string) =>
  `${formatNumber(value, Number.isInteger(value) ? 0 : 2)}${unit ? ` ${unit}` : ""}`;

/** "62 % des Wegs (Plan: 50 %) – im Plan" for a figure with values; a note without. */
export function progressText(p: KpiProgress, unit: string): string {
  if (!p.latest || p.share === null) return "noch kein Wert erfasst";
  return `${amount(p.latest.value, unit)} am ${formatDate(p.latest.measuredOn)}: ${formatNumber(
    Math.round(p.share * 100),
  )} % des Wegs (Plan: ${formatNumber(Math.round(p.expectedShare * 100))} %) – ${KPI_STATUS_LABELS[p.status!]}`;
}

/** The dashboard's view beside the Soll: each figure's progress towards its target. */
export function GoalProgress(props: {
  kpis: readonly {
    id: string;
    goal: string;
    name: string;
    unit: string;
    target: number;
    targetOn: string;
    progress: KpiProgress;
  }[];
}) {
  return (
    <section class="card" aria-labelledby="goal-figures-title">
      <h2 id="goal-figures-title">Ziele und Kennzahlen</h2>
      <Show
        when={props.kpis.length > 0}
        fallback={
          <p class="muted">
            Die Strategie dieses Bereichs hat noch keine Kennzahlen. <A href="/strategie">Zur Strategie</A>
          </p>
        }
      >
        <ul class="goal-figures">
          <For each={props.kpis}>
            {(k) => (
              <li classList={{ "text-overdue": k.progress.status === "behind" }}>
                <strong>{k.name}</strong> ({k.goal}): Ziel {amount(k.target, k.unit)} bis{" "}
                {formatDate(k.targetOn)}.
                <br />
                <meter
                  min={0}
                  max={1}
                  value={Math.max(0, Math.min(1, k.progress.share ?? 0))}
                  aria-hidden="true"
                  class="share-meter"
                />{" "}
                {progressText(k.progress, k.unit)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function kpiChartOption(k: Kpi): EChartsOption {
  return {
    grid: { left: 56, right: 24, top: 24, bottom: 32 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: k.unit || undefined },
    series: [
      {
        name: k.name,
        type: "line",
        data: [[k.baselineOn, k.baseline], ...k.values.map((v) => [v.measuredOn, v.value])],
        markLine: {
          symbol: "none",
          label: { formatter: `Ziel ${amount(k.target, k.unit)}` },
          data: [{ yAxis: k.target }],
        },
      },
    ],
  };
}

/** The strategy page's section: figures per goal, their course, and the forms of the CDO/PMO. */
export function StrategyKpis(props: { me: Me; strategyId: string; goals: readonly string[] }) {
  const kpis = useQuery(() => ({
    queryKey: ["kpis.list", props.strategyId],
    queryFn: () => trpc.kpis.list.query({ strategyId: props.strategyId }),
  }));
  const canEdit = () => can(props.me.user.role, "kpis.create");
  return (
    <section class="card" aria-labelledby="kpis-title">
      <h2 id="kpis-title">Kennzahlen der Ziele</h2>
      <p class="muted">
        Woran sich die Ziele messen lassen: Ausgangswert, Zielwert und Termin, und die gemessenen Werte im
        Verlauf.
      </p>
      <StableQueryView query={kpis} loadingLabel="Kennzahlen werden geladen …">
        {(list) => (
          <>
            <Show when={list().length === 0}>
              <EmptyState title="Noch keine Kennzahl festgelegt." />
            </Show>
            <For each={list().map((k) => k.id)}>
              {(id) => (
                <Show when={list().find((k) => k.id === id)}>
                  {(k) => <KpiCard kpi={k()} canEdit={canEdit()} />}
                </Show>
              )}
            </For>
          </>
        )}
      </StableQueryView>
      <Show when={canEdit()}>
        <Show
          when={props.goals.length > 0}
          fallback={
            <p class="muted">Legen Sie zuerst Ziele der Strategie fest; Kennzahlen messen ein Ziel.</p>
          }
        >
          <NewKpi strategyId={props.strategyId} goals={props.goals} />
        </Show>
      </Show>
    </section>
  );
}

function useRefreshKpis() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["kpis.list"] }),
      client.invalidateQueries({ queryKey: ["maturity.dashboard"] }),
    ]);
}

function KpiCard(props: { kpi: Kpi; canEdit: boolean }) {
  const k = () => props.kpi;
  const refresh = useRefreshKpis();
  const blank = () => ({ measuredOn: berlinToday(), value: "", note: "" });
  const [v, setV] = createStore(blank());
  const record = useMutation(() => ({
    mutationFn: () => trpc.kpis.recordValue.mutate({ kpiId: k().id, ...v }),
    onSuccess: async () => {
      setV(blank());
      await refresh();
    },
  }));
  const remove = useMutation(() => ({
    mutationFn: () => trpc.kpis.remove.mutate({ id: k().id }),
    onSuccess: () => refresh(),
  }));
  const removeValue = useMutation(() => ({
    mutationFn: (id: string) => trpc.kpis.removeValue.mutate({ id }),
    onSuccess: () => refresh(),
  }));
  const errors = () => fieldErrors(record.error);
  const [showForm, setShowForm] = createSignal(false);
  return (
    <article class="kpi" aria-labelledby={`kpi-${k().id}`}>
      <h3 id={`kpi-${k().id}`}>{k().name}</h3>
      <p>
        Ziel „{k().goal}“: von {amount(k().baseline, k().unit)} ({formatDate(k().baselineOn)}) auf{" "}
        {amount(k().target, k().unit)} bis {formatDate(k().targetOn)}
        {k().source ? `. Quelle: ${k().source}` : ""}.
      </p>
      <p classList={{ "text-overdue": k().progress.status === "behind" }}>
        {progressText(k().progress, k().unit)}
      </p>
      <Show when={k().values.length > 0}>
        <Chart
          title={`Verlauf: ${k().name}`}
          summary={`Die gemessenen Werte von ${k().name} seit dem Ausgangswert, mit dem Zielwert als Linie.`}
          option={kpiChartOption(k())}
          height={220}
          table={
            <TableScroll>
              <table class="table">
                <caption>Werte von {k().name}</caption>
                <thead>
                  <tr>
                    <th scope="col">gemessen am</th>
                    <th scope="col">Wert</th>
                    <th scope="col">Notiz</th>
                    <th scope="col">erfasst von</th>
                    <Show when={props.canEdit}>
                      <th scope="col">
                        <span class="visually-hidden">Aktionen</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={k().values}>
                    {(value) => (
                      <tr>
                        <td>{formatDate(value.measuredOn)}</td>
                        <td>{amount(value.value, k().unit)}</td>
                        <td>{value.note || "–"}</td>
                        <td>{value.recordedBy}</td>
                        <Show when={props.canEdit}>
                          <td>
                            <button
                              type="button"
                              class="button button-small"
                              disabled={removeValue.isPending}
                              onClick={() => removeValue.mutate(value.id)}
                            >
                              Wert vom {formatDate(value.measuredOn)} entfernen
                            </button>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          }
        />
      </Show>
      <Show when={props.canEdit}>
        <div class="actions">
          <button
            type="button"
            class="button"
            onClick={() => setShowForm(!showForm())}
            aria-expanded={showForm()}
          >
            Wert erfassen
          </button>
          <ConfirmButton
            class="button button-small"
            disabled={remove.isPending}
            question={`Die Kennzahl „${k().name}“ mit ihren Werten entfernen?`}
            onConfirm={() => remove.mutate()}
          >
            Kennzahl „{k().name}“ entfernen
          </ConfirmButton>
        </div>
        <Show when={showForm()}>
          <Form
            class="form form-grid"
            label={`Wert für ${k().name} erfassen`}
            onSubmit={() => record.mutate()}
          >
            <TextField
              label="gemessen am"
              type="date"
              value={v.measuredOn}
              onInput={(e) => setV("measuredOn", e.currentTarget.value)}
              error={errors().measuredOn}
            />
            <TextField
              label={`Wert${k().unit ? ` (${k().unit})` : ""}`}
              inputMode="decimal"
              value={v.value}
              onInput={(e) => setV("value", e.currentTarget.value)}
              error={errors().value}
            />
            <TextField label="Notiz" value={v.note} onInput={(e) => setV("note", e.currentTarget.value)} />
            <div>
              <button type="submit" class="button button-primary" disabled={record.isPending}>
                Wert speichern
              </button>
            </div>
          </Form>
          <MutationResult mutation={record} success="Der Wert ist gespeichert." />
        </Show>
        <Show when={remove.isError || removeValue.isError}>
          <Alert kind="error">{errorMessage(remove.error ?? removeValue.error)}</Alert>
        </Show>
      </Show>
    </article>
  );
}

function NewKpi(props: { strategyId: string; goals: readonly string[] }) {
  const refresh = useRefreshKpis();
  const blank = () => ({
    goal: props.goals[0] ?? "",
    name: "",
    unit: "",
    baseline: "",
    baselineOn: berlinToday(),
    target: "",
    targetOn: "",
    source: "",
  });
  const [v, setV] = createStore(blank());
  const create = useMutation(() => ({
    mutationFn: () => trpc.kpis.create.mutate({ strategyId: props.strategyId, ...v }),
    onSuccess: async () => {
      setV(blank());
      await refresh();
    },
  }));
  const errors = () => fieldErrors(create.error);
  return (
    <Form class="form" label="Kennzahl festlegen" onSubmit={() => create.mutate()}>
      <h3>Kennzahl festlegen</h3>
      <div class="form-grid">
        <SelectField
          label="Ziel"
          value={v.goal}
          options={props.goals.map((g) => ({ value: g, label: g }))}
          onChange={(e) => setV("goal", e.currentTarget.value)}
          error={errors().goal}
        />
        <TextField
          label="Kennzahl"
          hint="z. B. „Anteil papierloser Verfahren“ oder „Online-Anträge je Monat“"
          value={v.name}
          onInput={(e) => setV("name", e.currentTarget.value)}
          error={errors().name}
        />
        <TextField
          label="Einheit"
          hint="z. B. %, Anträge, Projekte"
          value={v.unit}
          onInput={(e) => setV("unit", e.currentTarget.value)}
          error={errors().unit}
        />
        <TextField
          label="Ausgangswert"
          inputMode="decimal"
          value={v.baseline}
          onInput={(e) => setV("baseline", e.currentTarget.value)}
          error={errors().baseline}
        />
        <TextField
          label="Stand des Ausgangswerts"
          type="date"
          value={v.baselineOn}
          onInput={(e) => setV("baselineOn", e.currentTarget.value)}
          error={errors().baselineOn}
        />
        <TextField
          label="Zielwert"
          inputMode="decimal"
          value={v.target}
          onInput={(e) => setV("target", e.currentTarget.value)}
          error={errors().target}
        />
        <TextField
          label="Zieltermin"
          type="date"
          value={v.targetOn}
          onInput={(e) => setV("targetOn", e.currentTarget.value)}
          error={errors().targetOn}
        />
        <TextField
          label="Quelle"
          hint="Woher die Werte kommen (Fachverfahren, Statistik …)"
          value={v.source}
          onInput={(e) => setV("source", e.currentTarget.value)}
          error={errors().source}
        />
      </div>
      <div>
        <button type="submit" class="button button-primary" disabled={create.isPending}>
          Kennzahl festlegen
        </button>
      </div>
      <MutationResult mutation={create} success="Die Kennzahl ist festgelegt." />
    </Form>
  );
}
