/**
 * Cost and financing model for rolling out the online services (seed: "Berechnungsbeispiel").
 *
 * Seed example: 575 online services × ~35 PT = 20.125 PT; × 1.100 €/PT = 22.137.500 € (the slide rounds to
 * "~22.137.000 €"); + 20 % Wartung/Nutzungspauschale = 4.427.500 € p. a. (the slide says "4.000.000 € p. a.").
 * Financing: the Land pays provision and operation (one-off implementation + yearly maintenance), the Kommunen
 * pay adaptation and the interfaces to their Fachverfahren.
 *
 * Arithmetic: all money is integer cents. Person-days are held in hundredths (≤ 2 decimals accepted), shares in
 * ten-thousandths (≤ 4 decimals accepted); products are BigInt. Rounding (half up) happens only at:
 *   R1 one-off cost        = serviceCount × personDaysPerService × dailyRate
 *   R2 yearly maintenance  = R1 × maintenanceShare                      (of the rounded R1)
 *   R3 adaptation          = Σ relevantServiceCount × adaptationPersonDays × dailyRate
 *   R4 interfaces          = Σ relevantServiceCount × interfaceShare × interfacePersonDays × dailyRate
 *   R5 per-Kommune split of R3 + R4: exact, largest remainder method (sum = total to the cent)
 * The remaining cost applies R1, R3, R4 and R5 to what is still open.
 */
import { DomainError, formatEuroCents } from "@spatz/domain";
import { z } from "zod";
import { allocateLargestRemainder, divRoundHalfUp, toSafeNumber } from "./money.ts";

export const splitRules = ["population", "equal", "services"] as const;
export type SplitRule = (typeof splitRules)[number];

export const splitRuleLabels: Readonly<Record<SplitRule, string>> = {
  population: "nach Einwohnerzahl",
  equal: "zu gleichen Teilen",
  services: "nach Zahl der zuständigen Onlinedienste",
};

export interface CostKommune {
  id: string;
  name: string;
  population: number;
  /** Services the Kommune is responsible for (see `relevantServiceCount`). */
  relevantServiceCount: number;
}

export interface CostParams {
  /** Effort to implement one online service (Prozesse, Technik, Schnittstellen), PT. Seed: ~35. */
  personDaysPerService: number;
  /** Cost of one person-day in cents. Seed: 1.100 € = 110_000. */
  dailyRateCents: number;
  /** Online services to be offered in future. Seed: 575. */
  serviceCount: number;
  /** Yearly maintenance/usage fee as a share of the one-off cost. Seed: 0.20. */
  maintenanceShare: number;
  /** Adaptation effort per Kommune and responsible service, PT (configuration, test, introduction). Assumption: 2. */
  adaptationPersonDaysPerKommuneService: number;
  /** Share of the municipal (Kommune × service) rollouts that need an interface to a Fachverfahren. Assumption: 0.25. */
  interfaceShare: number;
  /** Effort per Fachverfahren interface, PT. Assumption: 10. */
  interfacePersonDays: number;
  /** How the Kommunen' total is split between them. */
  splitRule: SplitRule;
  kommunen: CostKommune[];
}

export const defaultCostParams: Readonly<CostParams> = Object.freeze({
  personDaysPerService: 35,
  dailyRateCents: 110_000,
  serviceCount: 575,
  maintenanceShare: 0.2,
  adaptationPersonDaysPerKommuneService: 2,
  interfaceShare: 0.25,
  interfacePersonDays: 10,
  splitRule: "population" as SplitRule,
  kommunen: [] as CostKommune[],
});

/** Current rollout state for the remaining cost. */
export interface RolloutState {
  /** Records with status "online" per Kommune id (missing = 0). */
  onlineByKommune?: Readonly<Record<string, number>>;
  /** Services the Land has already provided (implemented once); missing = 0. */
  servicesProvided?: number;
}

export interface KommuneAmount {
  id: string;
  name: string;
  /** The weight the split used (population, 1, or number of services). */
  weight: number;
  amountCents: number;
}

export interface RemainingCost {
  servicesOpen: number;
  landOneOffCents: number;
  /** (Kommune × service) pairs not yet online. */
  kommuneServicesOpen: number;
  kommunenAdaptationCents: number;
  kommunenInterfaceCents: number;
  kommunenTotalCents: number;
  perKommune: KommuneAmount[];
  /** Land one-off + Kommunen still to pay once. */
  totalOneOffCents: number;
  /** Yearly maintenance continues unchanged. */
  perYearCents: number;
}

export interface CostResult {
  params: CostParams;
  totalPersonDays: number;
  oneOffCents: number;
  maintenancePerYearCents: number;
  land: {
    /** Provision: the one-off implementation of all services. */
    oneOffCents: number;
    /** Operation: yearly maintenance. */
    perYearCents: number;
  };
  kommunen: {
    /** Σ relevantServiceCount: (Kommune × service) pairs. */
    kommuneServices: number;
    adaptationPersonDays: number;
    /** Expected number of interfaces (may be fractional). */
    interfaces: number;
    interfacePersonDays: number;
    adaptationCents: number;
    interfaceCents: number;
    totalCents: number;
    perKommune: KommuneAmount[];
  };
  /** Land one-off + Kommunen one-off. */
  totalOneOffCents: number;
  remaining: RemainingCost | null;
  /** German notes on clamped inputs. */
  warnings: string[];
}

/** Invalid cost parameters: a `DomainError`, so the API answers 400 with the German issues. */
export class CostModelError extends DomainError {
  override name = "CostModelError";
  readonly issues: string[];
  constructor(issues: string[]) {
    super("BAD_REQUEST", issues.join(" "));
    this.issues = issues;
  }
}

const HUNDRED = 100n;
const TEN_THOUSAND = 10_000n;

function hasDecimals(value: number, max: number): boolean {
  const scaled = value * 10 ** max;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function scaled(value: number, decimals: number): bigint {
  return BigInt(Math.round(value * 10 ** decimals));
}

const personDays = (label: string) =>
  z
    .number({ error: `${label}: Zahl erwartet` })
    .min(0, { error: `${label}: darf nicht negativ sein` })
    .max(1_000_000, { error: `${label}: unplausibel groß` })
    .refine((v) => hasDecimals(v, 2), { error: `${label}: höchstens zwei Nachkommastellen` });

const share = (label: string) =>
  z
    .number({ error: `${label}: Zahl erwartet` })
    .min(0, { error: `${label}: darf nicht negativ sein` })
    .max(1, { error: `${label}: höchstens 1 (100 %)` })
    .refine((v) => hasDecimals(v, 4), { error: `${label}: höchstens vier Nachkommastellen` });

const count = (label: string, max: number) =>
  z
    .number({ error: `${label}: Zahl erwartet` })
    .int({ error: `${label}: ganze Zahl erwartet` })
    .min(0, { error: `${label}: darf nicht negativ sein` })
    .max(max, { error: `${label}: unplausibel groß` });

export const costKommuneSchema = z.object({
  id: z.string().min(1, { error: "Kommune: ID fehlt" }),
  name: z.string(),
  population: count("Einwohnerzahl", 100_000_000),
  relevantServiceCount: count("Zahl der zuständigen Onlinedienste", 1_000_000),
});

export const costParamsSchema = z.object({
  personDaysPerService: personDays("Personentage je Onlinedienst"),
  dailyRateCents: count("Tagessatz (Cent)", 100_000_000),
  serviceCount: count("Zahl der Onlinedienste", 1_000_000),
  maintenanceShare: share("Wartungsanteil"),
  adaptationPersonDaysPerKommuneService: personDays("Anpassungsaufwand je Kommune und Dienst"),
  interfaceShare: share("Anteil mit Fachverfahrens-Schnittstelle"),
  interfacePersonDays: personDays("Aufwand je Schnittstelle"),
  splitRule: z.enum(splitRules, { error: "Unbekannte Aufteilungsregel" }),
  kommunen: z.array(costKommuneSchema).refine((ks) => new Set(ks.map((k) => k.id)).size === ks.length, {
    error: "Kommunen: doppelte ID",
  }),
});

export const rolloutStateSchema = z.object({
  onlineByKommune: z.record(z.string(), count("Online-Dienste der Kommune", 1_000_000)).optional(),
  servicesProvided: count("Bereitgestellte Onlinedienste", 1_000_000).optional(),
});

function validate(params: Partial<CostParams>): CostParams {
  const merged = { ...defaultCostParams, ...params };
  const parsed = costParamsSchema.safeParse(merged);
  if (!parsed.success) throw new CostModelError(parsed.error.issues.map((i) => i.message));
  return parsed.data;
}

interface Scaled {
  pdService: bigint;
  rate: bigint;
  services: bigint;
  maintenance: bigint;
  adaptation: bigint;
  interfaceShare: bigint;
  interfacePd: bigint;
}

function scale(p: CostParams): Scaled {
  return {
    pdService: scaled(p.personDaysPerService, 2),
    rate: BigInt(p.dailyRateCents),
    services: BigInt(p.serviceCount),
    maintenance: scaled(p.maintenanceShare, 4),
    adaptation: scaled(p.adaptationPersonDaysPerKommuneService, 2),
    interfaceShare: scaled(p.interfaceShare, 4),
    interfacePd: scaled(p.interfacePersonDays, 2),
  };
}

/** R1: one-off implementation cost of `services` services. */
const oneOff = (s: Scaled, services: bigint) => divRoundHalfUp(services * s.pdService * s.rate, HUNDRED);
/** R3: adaptation cost for `pairs` (Kommune × service). */
const adaptation = (s: Scaled, pairs: bigint) => divRoundHalfUp(pairs * s.adaptation * s.rate, HUNDRED);
/** R4: interface cost for `pairs` (Kommune × service). */
const interfaces = (s: Scaled, pairs: bigint) =>
  divRoundHalfUp(pairs * s.interfaceShare * s.interfacePd * s.rate, TEN_THOUSAND * HUNDRED);

function split(
  total: bigint,
  kommunen: readonly CostKommune[],
  rule: SplitRule,
  serviceWeights: readonly number[],
): KommuneAmount[] {
  const weights = kommunen.map((k, i) =>
    rule === "population" ? k.population : rule === "equal" ? 1 : serviceWeights[i]!,
  );
  let parts: bigint[];
  try {
    parts = allocateLargestRemainder(
      total,
      weights.map((w) => BigInt(w)),
      kommunen.map((k) => k.id),
    );
  } catch {
    throw new CostModelError([
      `Aufteilung ${splitRuleLabels[rule]} nicht möglich: die Summe der Gewichte ist 0, der Betrag aber nicht`,
    ]);
  }
  return kommunen.map((k, i) => ({
    id: k.id,
    name: k.name,
    weight: weights[i]!,
    amountCents: toSafeNumber(parts[i]!),
  }));
}

/** Computes costs and financing shares; throws `CostModelError` (German issues) on invalid parameters. */
export function computeCosts(params: Partial<CostParams> = {}, rolloutState?: RolloutState): CostResult {
  const p = validate(params);
  const s = scale(p);
  const warnings: string[] = [];
  try {
    const oneOffCents = oneOff(s, s.services);
    const maintenance = divRoundHalfUp(oneOffCents * s.maintenance, TEN_THOUSAND);
    const pairs = p.kommunen.reduce((sum, k) => sum + BigInt(k.relevantServiceCount), 0n);
    const adaptationCents = adaptation(s, pairs);
    const interfaceCents = interfaces(s, pairs);
    const kommunenTotal = adaptationCents + interfaceCents;
    const perKommune = split(
      kommunenTotal,
      p.kommunen,
      p.splitRule,
      p.kommunen.map((k) => k.relevantServiceCount),
    );

    let remaining: RemainingCost | null = null;
    if (rolloutState) {
      const state = rolloutStateSchema.safeParse(rolloutState);
      if (!state.success) throw new CostModelError(state.error.issues.map((i) => i.message));
      const online = state.data.onlineByKommune ?? {};
      const known = new Set(p.kommunen.map((k) => k.id));
      const unknown = Object.keys(online).filter((id) => !known.has(id));
      if (unknown.length > 0)
        warnings.push(`Online-Zahlen für unbekannte Kommunen ignoriert: ${unknown.sort().join(", ")}`);
      const open = p.kommunen.map((k) => {
        const done = online[k.id] ?? 0;
        if (done > k.relevantServiceCount)
          warnings.push(
            `${k.name || k.id}: ${done} Dienste online, aber nur ${k.relevantServiceCount} zuständig – auf ${k.relevantServiceCount} begrenzt`,
          );
        return k.relevantServiceCount - Math.min(done, k.relevantServiceCount);
      });
      let provided = state.data.servicesProvided ?? 0;
      if (provided > p.serviceCount) {
        warnings.push(`${provided} bereitgestellte Dienste, aber nur ${p.serviceCount} geplant – begrenzt`);
        provided = p.serviceCount;
      }
      const servicesOpen = p.serviceCount - provided;
      const openPairs = open.reduce((a, b) => a + BigInt(b), 0n);
      const landOpen = oneOff(s, BigInt(servicesOpen));
      const adaptOpen = adaptation(s, openPairs);
      const ifaceOpen = interfaces(s, openPairs);
      remaining = {
        servicesOpen,
        landOneOffCents: toSafeNumber(landOpen),
        kommuneServicesOpen: toSafeNumber(openPairs),
        kommunenAdaptationCents: toSafeNumber(adaptOpen),
        kommunenInterfaceCents: toSafeNumber(ifaceOpen),
        kommunenTotalCents: toSafeNumber(adaptOpen + ifaceOpen),
        perKommune: split(adaptOpen + ifaceOpen, p.kommunen, p.splitRule, open),
        totalOneOffCents: toSafeNumber(landOpen + adaptOpen + ifaceOpen),
        perYearCents: toSafeNumber(maintenance),
      };
    }

    return {
      params: p,
      totalPersonDays: Number(s.services * s.pdService) / 100,
      oneOffCents: toSafeNumber(oneOffCents),
      maintenancePerYearCents: toSafeNumber(maintenance),
      land: { oneOffCents: toSafeNumber(oneOffCents), perYearCents: toSafeNumber(maintenance) },
      kommunen: {
        kommuneServices: toSafeNumber(pairs),
        adaptationPersonDays: Number(pairs * s.adaptation) / 100,
        interfaces: Number(pairs * s.interfaceShare) / 10_000,
        interfacePersonDays: Number(pairs * s.interfaceShare * s.interfacePd) / 1_000_000,
        adaptationCents: toSafeNumber(adaptationCents),
        interfaceCents: toSafeNumber(interfaceCents),
        totalCents: toSafeNumber(kommunenTotal),
        perKommune,
      },
      totalOneOffCents: toSafeNumber(oneOffCents + kommunenTotal),
      remaining,
      warnings,
    };
  } catch (error) {
    if (error instanceof RangeError) throw new CostModelError([error.message]);
    throw error;
  }
}

const numberDe = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 4 });
const percentDe = (share: number) => `${numberDe.format(Math.round(share * 1_000_000) / 10_000)} %`;

/** Every assumption of the model as a German sentence, for display next to the figures. */
export function assumptions(params: Partial<CostParams> = {}): string[] {
  const p = validate(params);
  const pairs = p.kommunen.reduce((sum, k) => sum + k.relevantServiceCount, 0);
  const sentences = [
    `Es werden ${numberDe.format(p.serviceCount)} künftig angebotene Onlinedienste umgesetzt.`,
    `Die Umsetzung eines Onlinedienstes (u. a. Prozesse, Technik, Schnittstellen) dauert vereinfacht ${numberDe.format(p.personDaysPerService)} Personentage (PT).`,
    `Ein Personentag kostet ${formatEuroCents(p.dailyRateCents)}.`,
    `Für Wartung, Nutzungspauschale u. Ä. fallen jährlich ${percentDe(p.maintenanceShare)} der einmaligen Umsetzungskosten an.`,
    "Das Land finanziert Bereitstellung (einmalige Umsetzung) und Betrieb (Wartung); die Kommunen tragen die Anpassungen und die Schnittstellen zu ihren Fachverfahren.",
    `Je Kommune und zuständigem Onlinedienst fallen ${numberDe.format(p.adaptationPersonDaysPerKommuneService)} PT für die Anpassung an (Konfiguration, Test, Einführung) – Annahme, nicht aus der Vorlage.`,
    `${percentDe(p.interfaceShare)} der kommunalen Einführungen brauchen eine Schnittstelle zum Fachverfahren, je Schnittstelle ${numberDe.format(p.interfacePersonDays)} PT – Annahme, nicht aus der Vorlage.`,
    `Kommunale Kosten fallen zum selben Tagessatz an wie die Umsetzung.`,
    `Berücksichtigt werden ${numberDe.format(p.kommunen.length)} Kommunen mit zusammen ${numberDe.format(pairs)} zuständigen Onlinediensten (Kommune × Dienst).`,
    `Der Anteil der Kommunen wird ${splitRuleLabels[p.splitRule]} aufgeteilt; Rundungsreste werden nach dem Verfahren der größten Reste verteilt, die Summe stimmt auf den Cent.`,
    "Beträge werden in ganzen Cent gerechnet und nur bei einmaligen Kosten, Wartung, Anpassung und Schnittstellen kaufmännisch gerundet.",
    "Für die Restkosten gelten bereitgestellte Dienste als vom Land umgesetzt und online verfügbare Dienste als von der Kommune angepasst; die Wartung läuft unverändert weiter.",
  ];
  return sentences;
}

export interface NamedScenario {
  name: string;
  params?: Partial<CostParams>;
  rolloutState?: RolloutState;
}

export type ScenarioUnit = "PT" | "Cent" | "Anzahl" | "Anteil";

export interface ScenarioRow {
  key: string;
  label: string;
  unit: ScenarioUnit;
  /** One value per scenario, in the order given; null where not applicable (no rollout state). */
  values: (number | null)[];
}

export interface ScenarioComparison {
  scenarios: string[];
  rows: ScenarioRow[];
}

const scenarioRows: {
  key: string;
  label: string;
  unit: ScenarioUnit;
  get: (r: CostResult) => number | null;
}[] = [
  { key: "serviceCount", label: "Onlinedienste", unit: "Anzahl", get: (r) => r.params.serviceCount },
  {
    key: "personDaysPerService",
    label: "PT je Onlinedienst",
    unit: "PT",
    get: (r) => r.params.personDaysPerService,
  },
  { key: "dailyRateCents", label: "Tagessatz", unit: "Cent", get: (r) => r.params.dailyRateCents },
  {
    key: "maintenanceShare",
    label: "Wartungsanteil p. a.",
    unit: "Anteil",
    get: (r) => r.params.maintenanceShare,
  },
  { key: "totalPersonDays", label: "Umsetzungsaufwand gesamt", unit: "PT", get: (r) => r.totalPersonDays },
  {
    key: "oneOffCents",
    label: "Einmalige Umsetzungskosten (Land)",
    unit: "Cent",
    get: (r) => r.land.oneOffCents,
  },
  {
    key: "perYearCents",
    label: "Wartung/Nutzungspauschale p. a. (Land)",
    unit: "Cent",
    get: (r) => r.land.perYearCents,
  },
  {
    key: "kommuneServices",
    label: "Zuständige Dienste der Kommunen",
    unit: "Anzahl",
    get: (r) => r.kommunen.kommuneServices,
  },
  {
    key: "kommunenAdaptationCents",
    label: "Anpassungen (Kommunen)",
    unit: "Cent",
    get: (r) => r.kommunen.adaptationCents,
  },
  {
    key: "kommunenInterfaceCents",
    label: "Schnittstellen (Kommunen)",
    unit: "Cent",
    get: (r) => r.kommunen.interfaceCents,
  },
  {
    key: "kommunenTotalCents",
    label: "Anteil Kommunen gesamt",
    unit: "Cent",
    get: (r) => r.kommunen.totalCents,
  },
  { key: "totalOneOffCents", label: "Einmalige Kosten gesamt", unit: "Cent", get: (r) => r.totalOneOffCents },
  {
    key: "remainingOneOffCents",
    label: "Noch offene einmalige Kosten",
    unit: "Cent",
    get: (r) => r.remaining?.totalOneOffCents ?? null,
  },
];

/** Side-by-side rows for several named parameter sets. */
export function compareScenarios(named: readonly NamedScenario[]): ScenarioComparison {
  const names = named.map((n) => n.name.trim());
  if (names.some((n) => n === "")) throw new CostModelError(["Szenario ohne Namen"]);
  if (new Set(names).size !== names.length) throw new CostModelError(["Szenarionamen müssen eindeutig sein"]);
  const results = named.map((n) => computeCosts(n.params ?? {}, n.rolloutState));
  return {
    scenarios: names,
    rows: scenarioRows.map((row) => ({
      key: row.key,
      label: row.label,
      unit: row.unit,
      values: results.map(row.get),
    })),
  };
}
