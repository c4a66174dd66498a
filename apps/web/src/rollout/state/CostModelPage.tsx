// The cost and financing model: editable parameters (defaults from the seed's "Berechnungsbeispiel"), the exact
// figures next to the seed's rounded ones, the Land's and the Kommunen's shares, per-Kommune amounts, the remaining
// cost from the current rollout state, every assumption in words; named scenarios and the operating models below.
import { can, germanNumber, parseGermanDecimal } from "@spatz/domain";
import { type CostParamsInput, costParamsInput, splitRuleLabels, splitRules } from "@spatz/rollout";
import { keepPreviousData, useQuery } from "@tanstack/solid-query";
import { createMemo, createSignal, For, Show } from "solid-js";
import type { Me } from "../../auth/session.ts";
import { trpc } from "../../lib/trpc.ts";
import { ExportButtons } from "../../ui/ExportButtons.tsx";
import { codeOptions, SelectField, TextField } from "../../ui/Field.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { Alert } from "../../ui/states.tsx";
import { TableScroll } from "../../ui/TableScroll.tsx";
import { formatCents, formatCount, formatPersonDays, formatShare } from "../format.ts";
import { SortTable } from "../SortTable.tsx";
import { StateTabs } from "../ui.tsx";
import { OperatingModelsSection } from "./OperatingModelsSection.tsx";
import { ScenariosSection } from "./ScenariosSection.tsx";

/** The form's text values; money in euros and shares in percent, as people type them. */
export type ParamText = {
  personDaysPerService: string;
  dailyRateEuro: string;
  serviceCount: string;
  maintenancePercent: string;
  adaptationPersonDaysPerKommuneService: string;
  interfacePercent: string;
  interfacePersonDays: string;
  splitRule: string;
};

export const DEFAULT_TEXT: ParamText = {
  personDaysPerService: "35",
  dailyRateEuro: "1100",
  serviceCount: "575",
  maintenancePercent: "20",
  adaptationPersonDaysPerKommuneService: "2",
  interfacePercent: "25",
  interfacePersonDays: "10",
  splitRule: "population",
};

/** German number input ("1.100" = 1100, "1.100,50", "1,5"); unreadable → NaN (the schema then names the field). */
const num = germanNumber;

export function toParams(t: ParamText): CostParamsInput {
  return {
    personDaysPerService: num(t.personDaysPerService),
    dailyRateCents: Math.round(num(t.dailyRateEuro) * 100),
    serviceCount: num(t.serviceCount),
    maintenanceShare: Math.round(num(t.maintenancePercent) * 100) / 10_000,
    adaptationPersonDaysPerKommuneService: num(t.adaptationPersonDaysPerKommuneService),
    interfaceShare: Math.round(num(t.interfacePercent) * 100) / 10_000,
    interfacePersonDays: num(t.interfacePersonDays),
    splitRule: t.splitRule as CostParamsInput["splitRule"],
  };
}

export function toText(p: CostParamsInput): ParamText {
  const s = (v: number | undefined, fallback: string) => (v === undefined ? fallback : String(v));
  return {
    personDaysPerService: s(p.personDaysPerService, DEFAULT_TEXT.personDaysPerService),
    dailyRateEuro:
      p.dailyRateCents === undefined ? DEFAULT_TEXT.dailyRateEuro : String(p.dailyRateCents / 100),
    serviceCount: s(p.serviceCount, DEFAULT_TEXT.serviceCount),
    maintenancePercent:
      p.maintenanceShare === undefined
        ? DEFAULT_TEXT.maintenancePercent
        : String(Math.round(p.maintenanceShare * 1_000_000) / 10_000),
    adaptationPersonDaysPerKommuneService: s(
      p.adaptationPersonDaysPerKommuneService,
      DEFAULT_TEXT.adaptationPersonDaysPerKommuneService,
    ),
    interfacePercent:
      p.interfaceShare === undefined
        ? DEFAULT_TEXT.interfacePercent
        : String(Math.round(p.interfaceShare * 1_000_000) / 10_000),
    interfacePersonDays: s(p.interfacePersonDays, DEFAULT_TEXT.interfacePersonDays),
    splitRule: p.splitRule ?? DEFAULT_TEXT.splitRule,
  };
}

const FIELD_OF: Record<string, keyof ParamText> = {
  personDaysPerService: "personDaysPerService",
  dailyRateCents: "dailyRateEuro",
  serviceCount: "serviceCount",
  maintenanceShare: "maintenancePercent",
  adaptationPersonDaysPerKommuneService: "adaptationPersonDaysPerKommuneService",
  interfaceShare: "interfacePercent",
  interfacePersonDays: "interfacePersonDays",
  splitRule: "splitRule",
};

export function CostModelPage(props: { me: Me }) {
  const [text, setText] = createSignal<ParamText>({ ...DEFAULT_TEXT });
  const parsed = createMemo(() => costParamsInput.safeParse(toParams(text())));
  const errors = createMemo(() => {
    const out: Partial<Record<keyof ParamText, string>> = {};
    // An unreadable number gets the parser's own explanation ("1.100" = 1100 …); the schema would only say that a
    // number is expected.
    for (const key of Object.keys(text()) as (keyof ParamText)[]) {
      if (key === "splitRule") continue;
      const number = parseGermanDecimal(text()[key]);
      if (!number.ok) out[key] = number.reason;
    }
    const p = parsed();
    if (p.success) return out;
    for (const issue of p.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field && !out[field]) out[field] = issue.message.replace("(Cent)", "(€)");
    }
    return out;
  });
  // While a field is invalid, the figures stay at the last valid parameters (and the field shows why).
  const params = createMemo<CostParamsInput>((previous) => {
    const p = parsed();
    return p.success ? p.data : previous;
  }, toParams(DEFAULT_TEXT));
  const model = useQuery(() => ({
    queryKey: ["rollout.costModel", params()],
    queryFn: () => trpc.rollout.costModel.query({ params: params() }),
    placeholderData: keepPreviousData,
  }));
  const field = (key: keyof ParamText, label: string, hint?: string, extra: Record<string, string> = {}) => (
    <TextField
      label={label}
      hint={hint}
      inputMode="decimal"
      value={text()[key]}
      onInput={(e) => setText((t) => ({ ...t, [key]: e.currentTarget.value }))}
      error={errors()[key]}
      {...extra}
    />
  );
  return (
    <>
      <PageHeader
        title="Kosten- und Finanzierungsmodell"
        intro="Was die Umsetzung der Onlinedienste kostet und wer zahlt: das Land Bereitstellung und Betrieb, die Kommunen Anpassungen und Schnittstellen zu ihren Fachverfahren."
      />
      <StateTabs me={props.me} />
      <div class="two-columns">
        <section class="card" aria-labelledby="params-title">
          <h2 id="params-title">Parameter</h2>
          <form class="form" noValidate onSubmit={(e) => e.preventDefault()}>
            {field(
              "personDaysPerService",
              "Personentage je Onlinedienst (PT)",
              "Vorlage: ~35 PT (Prozesse, Technik, Schnittstellen)",
            )}
            {field("dailyRateEuro", "Tagessatz (€ je PT)", "Vorlage: 1.100 €")}
            {field(
              "serviceCount",
              "Zahl der Onlinedienste",
              "Vorlage: 575; der importierte Katalog hat weniger",
            )}
            <div class="export-buttons">
              <button
                type="button"
                class="button button-secondary"
                onClick={() => setText((t) => ({ ...t, serviceCount: "575" }))}
              >
                575 (Vorlage)
              </button>
              <Show when={model.data}>
                {(m) => (
                  <button
                    type="button"
                    class="button button-secondary"
                    onClick={() =>
                      setText((t) => ({ ...t, serviceCount: String(m().data.catalogueServices) }))
                    }
                  >
                    {formatCount(m().data.catalogueServices)} (Katalog)
                  </button>
                )}
              </Show>
            </div>
            {field(
              "maintenancePercent",
              "Wartung/Nutzungspauschale pro Jahr (% der einmaligen Kosten)",
              "Vorlage: 20 %",
            )}
            {field(
              "adaptationPersonDaysPerKommuneService",
              "Anpassung je Kommune und Dienst (PT)",
              "Annahme: 2 PT (Konfiguration, Test, Einführung)",
            )}
            {field(
              "interfacePercent",
              "Anteil der Einführungen mit Fachverfahrens-Schnittstelle (%)",
              "Annahme: 25 %",
            )}
            {field("interfacePersonDays", "Aufwand je Schnittstelle (PT)", "Annahme: 10 PT")}
            <SelectField
              label="Anteil der Kommunen aufteilen"
              value={text().splitRule}
              onChange={(e) => setText((t) => ({ ...t, splitRule: e.currentTarget.value }))}
              options={codeOptions(splitRules, splitRuleLabels)}
            />
            <div>
              <button type="button" class="button" onClick={() => setText({ ...DEFAULT_TEXT })}>
                Werte der Vorlage
              </button>
            </div>
          </form>
        </section>
        <QueryView query={model} loadingLabel="Wird berechnet …">
          {(m) => <Results model={m} params={params()} />}
        </QueryView>
      </div>
      <Show when={model.data}>
        {(m) => (
          <>
            <section class="card" aria-labelledby="assumptions-title">
              <h2 id="assumptions-title">Annahmen</h2>
              <ul>
                <For each={m().assumptions}>{(a) => <li>{a}</li>}</For>
              </ul>
            </section>
            <div class="section-head">
              <h2>Anteile der Kommunen ({splitRuleLabels[m().params.splitRule]})</h2>
              <ExportButtons
                label="Anteile der Kommunen"
                load={(format) =>
                  trpc.rollout.exportState.query({ table: "costKommunen", format, costParams: params() })
                }
              />
            </div>
            <SortTable
              caption="Anteile der Kommunen"
              captionHidden
              pageSize={25}
              initialSort={{ key: "amount", dir: "desc" }}
              rows={m().result.kommunen.perKommune.map((k) => ({
                ...k,
                remaining: m().result.remaining?.perKommune.find((r) => r.id === k.id)?.amountCents ?? null,
              }))}
              columns={[
                { key: "name", header: "Kommune", sort: (r) => r.name, cell: (r) => r.name },
                {
                  key: "weight",
                  header: "Gewicht",
                  num: true,
                  sort: (r) => r.weight,
                  cell: (r) => formatCount(r.weight),
                },
                {
                  key: "amount",
                  header: "Anteil einmalig",
                  num: true,
                  sort: (r) => r.amountCents,
                  cell: (r) => formatCents(r.amountCents),
                },
                {
                  key: "remaining",
                  header: "davon noch offen",
                  num: true,
                  sort: (r) => r.remaining,
                  cell: (r) => (r.remaining === null ? "–" : formatCents(r.remaining)),
                },
              ]}
            />
          </>
        )}
      </Show>
      <ScenariosSection
        me={props.me}
        current={params()}
        onLoad={(p) => setText(toText(p))}
        canWrite={can(props.me.user.role, "rollout.saveScenario")}
      />
      <OperatingModelsSection canWrite={can(props.me.user.role, "rollout.saveOperatingModelScores")} />
    </>
  );
}

type Model = Awaited<ReturnType<typeof trpc.rollout.costModel.query>>;

function Results(props: { model: Model; params: CostParamsInput }) {
  const r = () => props.model.result;
  const seed = () => props.model.seed;
  const isSeed = () =>
    r().totalPersonDays === seed().totalPersonDays &&
    props.model.params.dailyRateCents === seed().dailyRateEuro * 100 &&
    props.model.params.maintenanceShare === seed().maintenanceShare;
  return (
    <section class="card" aria-labelledby="results-title">
      <h2 id="results-title">Ergebnis</h2>
      <TableScroll>
        <table class="table figures">
          <caption class="visually-hidden">
            Ergebnis des Kostenmodells, genau und wie die Vorlage rundet
          </caption>
          <thead>
            <tr>
              <th scope="col">Kennzahl</th>
              <th scope="col" class="num">
                genau
              </th>
              <th scope="col" class="num">
                Vorlage
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Umsetzungsaufwand gesamt</th>
              <td class="num exact" data-figure="totalPersonDays">
                {formatPersonDays(r().totalPersonDays)}
              </td>
              <td class="num">{isSeed() ? formatPersonDays(seed().totalPersonDays) : "–"}</td>
            </tr>
            <tr>
              <th scope="row">Einmalige Umsetzungskosten (Land: Bereitstellung)</th>
              <td class="num exact" data-figure="oneOff">
                {formatCents(r().land.oneOffCents)}
              </td>
              <td class="num">{isSeed() ? seed().oneOffRounded : "–"}</td>
            </tr>
            <tr>
              <th scope="row">Wartung/Nutzungspauschale pro Jahr (Land: Betrieb)</th>
              <td class="num exact" data-figure="perYear">
                {formatCents(r().land.perYearCents)}
              </td>
              <td class="num">{isSeed() ? seed().perYearRounded : "–"}</td>
            </tr>
            <tr>
              <th scope="row">
                Anpassungen der Kommunen ({formatPersonDays(r().kommunen.adaptationPersonDays)})
              </th>
              <td class="num">{formatCents(r().kommunen.adaptationCents)}</td>
              <td class="num">–</td>
            </tr>
            <tr>
              <th scope="row">
                Schnittstellen der Kommunen ({formatCount(Math.round(r().kommunen.interfaces))}{" "}
                Schnittstellen, {formatPersonDays(r().kommunen.interfacePersonDays)})
              </th>
              <td class="num">{formatCents(r().kommunen.interfaceCents)}</td>
              <td class="num">–</td>
            </tr>
            <tr>
              <th scope="row">
                Anteil der Kommunen gesamt ({formatCount(props.model.data.kommunen)} Kommunen,{" "}
                {formatCount(r().kommunen.kommuneServices)} Paare Kommune × Dienst)
              </th>
              <td class="num" data-figure="kommunen">
                {formatCents(r().kommunen.totalCents)}
              </td>
              <td class="num">–</td>
            </tr>
            <tr>
              <th scope="row">Einmalige Kosten gesamt (Land und Kommunen)</th>
              <td class="num">{formatCents(r().totalOneOffCents)}</td>
              <td class="num">–</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <Show when={isSeed()}>
        <Alert kind="info">{seed().note}</Alert>
      </Show>
      <Show when={r().remaining}>
        {(rest) => (
          <>
            <h3>Restkosten nach aktuellem Rollout-Stand</h3>
            <dl class="facts">
              <dt>Noch nicht bereitgestellte Dienste</dt>
              <dd>
                {formatCount(rest().servicesOpen)} (bereitgestellt:{" "}
                {formatCount(props.model.data.servicesProvided)} als EfA-Dienst angeboten)
              </dd>
              <dt>Land, einmalig offen</dt>
              <dd>{formatCents(rest().landOneOffCents)}</dd>
              <dt>Kommunen, noch nicht online</dt>
              <dd>
                {formatCount(rest().kommuneServicesOpen)} von {formatCount(r().kommunen.kommuneServices)}{" "}
                Paaren (
                {formatShare(
                  r().kommunen.kommuneServices
                    ? rest().kommuneServicesOpen / r().kommunen.kommuneServices
                    : null,
                )}
                )
              </dd>
              <dt>Kommunen, einmalig offen</dt>
              <dd>{formatCents(rest().kommunenTotalCents)}</dd>
              <dt>Einmalig offen gesamt</dt>
              <dd>{formatCents(rest().totalOneOffCents)}</dd>
              <dt>Laufend pro Jahr</dt>
              <dd>{formatCents(rest().perYearCents)}</dd>
            </dl>
          </>
        )}
      </Show>
      <Show when={r().warnings.length > 0}>
        <Alert kind="info">
          <ul>
            <For each={r().warnings}>{(w) => <li>{w}</li>}</For>
          </ul>
        </Alert>
      </Show>
    </section>
  );
}
