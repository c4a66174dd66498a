/**
 * Responsibility heuristic: is an OZG-Leistung executed by Kommunen, and by which kinds?
 *
 * 1. Municipal execution from the LeiKa types of the linked LeiKa rows (table in `leika-types.ts`):
 *    - any row with type 2/3, 3, 5, 6 (or the FIM sub-types 2b, 3b, 4b) → municipal;
 *    - else any row with type 4 and the service name matches a name rule (a known municipal task under Landesrecht)
 *      → municipal;
 *    - otherwise not municipal (types 1, 2, unknown codes, no LeiKa rows);
 *    - then, unless switched off, an exclusion rule that names an executing body outside the Kommunen (court, tax
 *      office, social insurance …) turns "municipal" into "not municipal" — but never when a name rule matched.
 * 2. Responsible kinds, when municipal: the first matching name rule, else Lage rule, else Themenfeld rule
 *    (`responsibility-rules.ts`); Kreis level → Landkreis + kreisfreie Stadt, Gemeinde level → Einheits- and
 *    Verbandsgemeinde + kreisfreie Stadt. No rule → all four kinds, flagged as a default for the PMO to check.
 *
 * The matched rule is named in `reason` (and its id in `ruleId`); the state PMO can override both per service.
 */

import type { LeikaRow, OzgService } from "./catalogue.ts";
import { type KommuneKind, kindsByLevel, kommuneKinds, type TaskLevel, taskLevelLabels } from "./kinds.ts";
import { leikaTypes, leikaTypInfo } from "./leika-types.ts";
import {
  type ExclusionRule,
  exclusionRules,
  lageRules,
  nameRules,
  type ResponsibilityRule,
  themenfeldRules,
} from "./responsibility-rules.ts";

export interface Responsibility {
  municipalExecution: boolean;
  /** Kinds in the order of `kommuneKinds`; empty when not municipal. */
  responsibleKinds: KommuneKind[];
  /** German, short: why (names the LeiKa types and the rule that matched). */
  reason: string;
}

export interface DerivedResponsibility extends Responsibility {
  /** Id of the rule that decided the kinds or the exclusion; "leika" when only the LeiKa types decided. */
  ruleId: string;
  /** The distinct LeiKa type codes of the linked rows, sorted. */
  leikaTypes: string[];
}

export interface DeriveOptions {
  /** Apply `exclusionRules` to services whose only municipal evidence is type 2/3. Default true. */
  exclusions?: boolean;
}

type ServiceInput = Pick<OzgService, "id" | "name"> & Partial<Pick<OzgService, "lage" | "themenfeld">>;
type LeikaInput = Pick<LeikaRow, "types" | "ozgId">;

/** Types that make a service municipal on their own: every "kommunal" type of the table except the ambiguous 2/3. */
const STRONG = new Set(
  leikaTypes.filter((t) => t.municipality === "kommunal" && t.code !== "2/3").map((t) => t.code),
);

function firstMatch<R extends { pattern: RegExp }>(
  rules: readonly R[],
  text: string | undefined,
): R | undefined {
  if (!text) return undefined;
  const lower = text.toLowerCase();
  return rules.find((r) => r.pattern.test(lower));
}

function typeList(codes: readonly string[]): string {
  return codes.length === 1 ? `LeiKa-Typ ${codes[0]}` : `LeiKa-Typen ${codes.join(", ")}`;
}

function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, "de", { numeric: true });
}

/** The name rule (known municipal task) that matches a service name, if any. */
export function matchNameRule(serviceName: string): ResponsibilityRule | undefined {
  return firstMatch(nameRules, serviceName);
}

/** The exclusion rule that matches a service name, if any. */
export function matchExclusionRule(serviceName: string): ExclusionRule | undefined {
  return firstMatch(exclusionRules, serviceName);
}

function kindsRule(service: ServiceInput): ResponsibilityRule | undefined {
  return (
    firstMatch(nameRules, service.name) ??
    firstMatch(lageRules, service.lage) ??
    firstMatch(themenfeldRules, service.themenfeld)
  );
}

function levelText(level: TaskLevel): string {
  return taskLevelLabels[level];
}

/**
 * Derives the responsibility of one service. `leikaRows` may be all LeiKa rows of the catalogue: only those with
 * `ozgId === service.id` are used.
 */
export function deriveResponsibility(
  service: ServiceInput,
  leikaRows: readonly LeikaInput[],
  options: DeriveOptions = {},
): DerivedResponsibility {
  const useExclusions = options.exclusions ?? true;
  const codes = [...new Set(leikaRows.filter((r) => r.ozgId === service.id).flatMap((r) => r.types))].sort(
    compareCodes,
  );
  const notMunicipal = (reason: string, ruleId = "leika"): DerivedResponsibility => ({
    municipalExecution: false,
    responsibleKinds: [],
    reason,
    ruleId,
    leikaTypes: codes,
  });

  if (codes.length === 0)
    return notMunicipal(
      "Kein kommunaler Vollzug angenommen: keine LeiKa-Leistung mit Typ verknüpft – bitte prüfen.",
    );

  const nameRule = firstMatch(nameRules, service.name);
  const strong = codes.filter((c) => STRONG.has(c));
  let evidence: string;
  if (strong.length > 0) {
    const meaning = strong.map(
      (c) => `${leikaTypInfo(c)?.regelung} regelt, ${leikaTypInfo(c)?.vollzug} vollzieht`,
    );
    evidence = `${typeList(strong)} (${meaning.join("; ")})`;
  } else if (codes.includes("2/3")) {
    evidence = "LeiKa-Typ 2/3 (Bund regelt, Land oder Kommune vollzieht)";
  } else if (codes.includes("4") && nameRule) {
    evidence = `LeiKa-Typ 4 (Land regelt) mit kommunalem Stichwort der Regel »${nameRule.label}«`;
  } else {
    const unknown = codes.filter((c) => leikaTypInfo(c) === undefined);
    const parts = [`Kein kommunaler Vollzug: ${typeList(codes)}`];
    if (codes.includes("4")) parts.push("Typ 4 ohne kommunales Stichwort (Land regelt und vollzieht)");
    if (unknown.length > 0)
      parts.push(
        `Typ ${unknown.join(", ")} nicht sicher bekannt – als nicht kommunal gewertet, bitte prüfen`,
      );
    return notMunicipal(`${parts.join("; ")}.`);
  }

  const exclusion = useExclusions && !nameRule ? firstMatch(exclusionRules, service.name) : undefined;
  if (exclusion)
    return notMunicipal(
      `Kein kommunaler Vollzug: ${typeList(codes)}, aber Ausschlussregel »${exclusion.label}« ordnet den Vollzug außerhalb der Kommunen zu.`,
      exclusion.id,
    );

  const rule = kindsRule(service);
  if (!rule)
    return {
      municipalExecution: true,
      responsibleKinds: [...kommuneKinds],
      reason: `Kommunaler Vollzug: ${evidence}. Keine Zuständigkeitsregel greift: Standard alle vier Arten – vom Landes-PMO zu prüfen.`,
      ruleId: "standard",
      leikaTypes: codes,
    };
  const where = rule.scope === "name" ? "Stichwort im Leistungsnamen" : rule.label;
  const label = rule.scope === "name" ? `Regel »${rule.label}« (${where})` : `Regel ${where}`;
  return {
    municipalExecution: true,
    responsibleKinds: [...kindsByLevel[rule.level]],
    reason: `Kommunaler Vollzug: ${evidence}. Zuständig nach ${label}: ${levelText(rule.level)}.`,
    ruleId: rule.id,
    leikaTypes: codes,
  };
}

/** Derives the responsibility of every service of a catalogue (LeiKa rows grouped once). */
export function deriveAllResponsibilities(
  catalogue: { services: readonly ServiceInput[]; leika: readonly LeikaInput[] },
  options: DeriveOptions = {},
): Map<string, DerivedResponsibility> {
  const byService = new Map<string, LeikaInput[]>();
  for (const row of catalogue.leika) {
    if (row.ozgId === null) continue;
    const list = byService.get(row.ozgId);
    if (list) list.push(row);
    else byService.set(row.ozgId, [row]);
  }
  const result = new Map<string, DerivedResponsibility>();
  for (const service of catalogue.services)
    result.set(service.id, deriveResponsibility(service, byService.get(service.id) ?? [], options));
  return result;
}

/** Whether a Kommune of `kind` is responsible under `responsibility`. */
export type ResponsibilityLike = Pick<Responsibility, "municipalExecution" | "responsibleKinds">;

export function isResponsible(kind: KommuneKind, responsibility: ResponsibilityLike): boolean {
  return responsibility.municipalExecution && responsibility.responsibleKinds.includes(kind);
}

/** Number of services a Kommune of `kind` is responsible for. */
export function relevantServiceCount(kind: KommuneKind, services: Iterable<ResponsibilityLike>): number {
  let n = 0;
  for (const s of services) if (isResponsible(kind, s)) n++;
  return n;
}

/** Relevant service counts for every kind. */
export function relevantServiceCounts(services: Iterable<ResponsibilityLike>): Record<KommuneKind, number> {
  const list = [...services];
  return Object.fromEntries(kommuneKinds.map((k) => [k, relevantServiceCount(k, list)])) as Record<
    KommuneKind,
    number
  >;
}

export interface ResponsibilitySummary {
  total: number;
  municipal: number;
  perKind: Record<KommuneKind, number>;
  /** Municipal services whose kinds are the unchecked default (all four). */
  defaulted: number;
  /** Services per deciding rule id. */
  perRule: Record<string, number>;
}

export function summarizeResponsibilities(
  derived: Iterable<Pick<DerivedResponsibility, "municipalExecution" | "responsibleKinds" | "ruleId">>,
): ResponsibilitySummary {
  const list = [...derived];
  const perRule: Record<string, number> = {};
  for (const d of list) perRule[d.ruleId] = (perRule[d.ruleId] ?? 0) + 1;
  return {
    total: list.length,
    municipal: list.filter((d) => d.municipalExecution).length,
    perKind: relevantServiceCounts(list),
    defaulted: list.filter((d) => d.municipalExecution && d.ruleId === "standard").length,
    perRule,
  };
}
