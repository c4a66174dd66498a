// The PMO portfolio vocabulary shared by server, import/export and screens: code lists with their German words,
// PM standards, registration rounds and their scoring, and the zod input schemas of the portfolio procedures.
// Browser-safe: no parsers and no I/O here (German number parsing for budgets lives in @spatz/portfolio).
import { z } from "zod";
import { isoDate } from "./dates.ts";
import { pageInput } from "./pagination.ts";

// ---------------------------------------------------------------------------------------------------------------
// Code lists (also used by the import/export package @spatz/portfolio, which re-exports them)

export const projectStatuses = [
  "registered",
  "assessed",
  "approved",
  "in_progress",
  "completed",
  "rejected",
  "stopped",
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusLabels: Readonly<Record<ProjectStatus, string>> = {
  registered: "angemeldet",
  assessed: "bewertet",
  approved: "genehmigt",
  in_progress: "in Umsetzung",
  completed: "abgeschlossen",
  rejected: "abgelehnt",
  stopped: "gestoppt",
};

export const projectMethods = ["classic", "agile", "hybrid"] as const;
export type ProjectMethod = (typeof projectMethods)[number];
export const projectMethodLabels: Readonly<Record<ProjectMethod, string>> = {
  classic: "klassisch",
  agile: "agil",
  hybrid: "hybrid",
};

export const projectPriorities = ["high", "medium", "low"] as const;
export type ProjectPriority = (typeof projectPriorities)[number];
export const projectPriorityLabels: Readonly<Record<ProjectPriority, string>> = {
  high: "hoch",
  medium: "mittel",
  low: "niedrig",
};

/** Statuses after which a project no longer counts as running (its open milestones are not "overdue"). */
export const CLOSED_PROJECT_STATUSES = [
  "completed",
  "rejected",
  "stopped",
] as const satisfies readonly ProjectStatus[];

/** "Analyse der Projekte hinsichtlich verwendeter Standards": the PM standards checked per project. */
export const PM_STANDARDS = [
  "charter",
  "milestone_plan",
  "risk_register",
  "status_report",
  "acceptance",
] as const;
export type PmStandard = (typeof PM_STANDARDS)[number];
export const PM_STANDARD_LABELS: Readonly<Record<PmStandard, string>> = {
  charter: "Projektsteckbrief",
  milestone_plan: "Meilensteinplan",
  risk_register: "Risikoliste",
  status_report: "Statusbericht",
  acceptance: "Abnahme/Abschluss",
};

/** Org units: Geschäftsbereich (top level), Ressort/Fachbereich (below a GB), or any other unit (e.g. an Amt). */
export const ORG_UNIT_KINDS = ["gb", "r", "other"] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const ORG_UNIT_KIND_LABELS: Readonly<Record<OrgUnitKind, string>> = {
  gb: "Geschäftsbereich (GB)",
  r: "Ressort/Fachbereich (R)",
  other: "Organisationseinheit",
};

// ---------------------------------------------------------------------------------------------------------------
// Registration round ("Anmeldung für 2024"): proposed → assessed → approved / rejected

export const ROUND_STATUSES = ["open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Readonly<Record<RoundStatus, string>> = {
  open: "offen",
  closed: "abgeschlossen",
};

export const PROPOSAL_STATUSES = ["submitted", "assessed", "approved", "rejected"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Readonly<Record<ProposalStatus, string>> = {
  submitted: "angemeldet",
  assessed: "bewertet",
  approved: "genehmigt",
  rejected: "abgelehnt",
};

export const SCORING_CRITERIA = ["strategicFit", "urgency", "dependencies", "cost"] as const;
export type ScoringCriterion = (typeof SCORING_CRITERIA)[number];
export const SCORING_CRITERION_LABELS: Readonly<Record<ScoringCriterion, string>> = {
  strategicFit: "Strategische Bedeutung",
  urgency: "Dringlichkeit",
  dependencies: "Abhängigkeiten",
  cost: "Kosten",
};
export const SCORING_CRITERION_HINTS: Readonly<Record<ScoringCriterion, string>> = {
  strategicFit: "Beitrag zur Digitalstrategie (5 = sehr hoch)",
  urgency: "rechtliche oder zeitliche Dringlichkeit, z. B. OZG-Pflicht oder Ablösung (5 = sehr dringend)",
  dependencies: "andere Vorhaben bauen darauf auf (5 = viele hängen davon ab)",
  cost: "Kosten im Verhältnis zum Nutzen (5 = sehr günstig)",
};
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;

export type CriterionWeights = Record<ScoringCriterion, number>;
export type CriterionScores = Record<ScoringCriterion, number>;

/** Weights in percent; the PMO may change them per round. */
export const DEFAULT_WEIGHTS: CriterionWeights = {
  strategicFit: 40,
  urgency: 30,
  dependencies: 15,
  cost: 15,
};

/**
 * Weighted score on the 0–5 scale: Σ weight·score / Σ weight, rounded to two decimals. Weights need not add up to
 * 100 (they are normalised); null when the proposal has no scores yet or all weights are zero.
 */
export function weightedScore(scores: CriterionScores | null, weights: CriterionWeights): number | null {
  if (!scores) return null;
  let sum = 0;
  let weightSum = 0;
  for (const criterion of SCORING_CRITERIA) {
    sum += weights[criterion] * scores[criterion];
    weightSum += weights[criterion];
  }
  if (weightSum === 0) return null;
  return Math.round((sum / weightSum) * 100) / 100;
}

// ---------------------------------------------------------------------------------------------------------------
// Input schemas

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} darf höchstens ${max} Zeichen lang sein.`);

export const projectName = z
  .string()
  .trim()
  .min(3, "Bitte einen Projektnamen mit mindestens 3 Zeichen eingeben.")
  .max(200, "Der Projektname darf höchstens 200 Zeichen lang sein.");

export const orgUnitCode = z
  .string()
  .trim()
  .min(1, "Bitte ein Kürzel eingeben, z. B. OB oder 37.")
  .max(20, "Das Kürzel darf höchstens 20 Zeichen lang sein.");

export const portfolioYear = z
  .number()
  .int()
  .min(2000, "Bitte ein Jahr ab 2000 angeben.")
  .max(2100, "Bitte ein Jahr bis 2100 angeben.");

/** One filter shape for list, dashboard, timeline, export and saved filters. */
export const projectFilter = z.object({
  search: z.string().trim().max(100).optional(),
  gbId: z.uuid().optional(),
  rId: z.uuid().optional(),
  status: z.enum(projectStatuses).optional(),
  /** Projects running at some time in this calendar year. */
  year: portfolioYear.optional(),
  method: z.enum(projectMethods).optional(),
  /** Exact name of the project lead as shown in the list. */
  lead: z.string().trim().max(200).optional(),
  /** Only projects led by the signed-in user. */
  mine: z.boolean().optional(),
});
export type ProjectFilter = z.infer<typeof projectFilter>;

export const PROJECT_SORTS = ["name", "gb", "start", "end", "status", "budget", "updated"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export const PROJECT_SORT_LABELS: Readonly<Record<ProjectSort, string>> = {
  name: "Projektname",
  gb: "GB / R",
  start: "Start",
  end: "Ende",
  status: "Status",
  budget: "Budget",
  updated: "zuletzt geändert",
};

export const projectListInput = pageInput.extend({
  filter: projectFilter.default({}),
  sort: z.enum(PROJECT_SORTS).default("start"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});

/**
 * A project as the form sends it. Budget and effort are German texts ("12.500,00 €", "12,5"); the server parses
 * them with the same rules as the import and answers with a German message per field.
 */
export const projectFields = z.object({
  gbId: z.uuid("Bitte einen Geschäftsbereich wählen."),
  rId: z.uuid("Bitte ein Ressort bzw. einen Fachbereich wählen."),
  name: projectName,
  description: optionalText(4000, "Die Beschreibung").default(""),
  start: isoDate,
  end: isoDate,
  status: z.enum(projectStatuses),
  priority: z.enum(projectPriorities).nullable().default(null),
  method: z.enum(projectMethods).nullable().default(null),
  leadName: optionalText(200, "Der Name der Projektleitung").default(""),
  leadUserId: z.uuid().nullable().default(null),
  budget: optionalText(40, "Das Budget").default(""),
  effortDays: optionalText(40, "Der Aufwand").default(""),
  notes: optionalText(4000, "Die Bemerkungen").default(""),
});
const endNotBeforeStart = <T extends { start: string; end: string }>(v: T) => v.end >= v.start;
const endMessage = { message: "Das Ende darf nicht vor dem Start liegen.", path: ["end"] };

export const projectCreateInput = projectFields.refine(endNotBeforeStart, endMessage);
export const projectUpdateInput = projectFields
  .extend({ id: z.uuid() })
  .refine(endNotBeforeStart, endMessage);

export const milestoneInput = z.object({
  projectId: z.uuid(),
  title: z
    .string()
    .trim()
    .min(2, "Bitte einen Titel mit mindestens 2 Zeichen eingeben.")
    .max(200, "Der Titel darf höchstens 200 Zeichen lang sein."),
  dueDate: isoDate,
  done: z.boolean().default(false),
});

export const orgUnitInput = z.object({
  code: orgUnitCode,
  name: z
    .string()
    .trim()
    .min(2, "Bitte einen Namen mit mindestens 2 Zeichen eingeben.")
    .max(160, "Der Name darf höchstens 160 Zeichen lang sein."),
  kind: z.enum(ORG_UNIT_KINDS),
  parentId: z.uuid().nullable().default(null),
});

export const savedFilterInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Bitte einen Namen mit mindestens 2 Zeichen eingeben.")
    .max(80, "Der Name darf höchstens 80 Zeichen lang sein."),
  filter: projectFilter,
});

const weight = z
  .number({ error: "Bitte eine Zahl zwischen 0 und 100 eingeben." })
  .int("Bitte ganze Prozent angeben.")
  .min(0, "Gewichte sind mindestens 0 %.")
  .max(100, "Gewichte sind höchstens 100 %.");
export const criterionWeights = z
  .object({ strategicFit: weight, urgency: weight, dependencies: weight, cost: weight })
  .refine((w) => SCORING_CRITERIA.some((c) => w[c] > 0), {
    message: "Mindestens ein Kriterium braucht ein Gewicht über 0 %.",
    path: ["strategicFit"],
  });

const score = z
  .number({ error: `Bitte eine Bewertung von ${SCORE_MIN} bis ${SCORE_MAX} wählen.` })
  .int()
  .min(SCORE_MIN, `Bitte eine Bewertung von ${SCORE_MIN} bis ${SCORE_MAX} wählen.`)
  .max(SCORE_MAX, `Bitte eine Bewertung von ${SCORE_MIN} bis ${SCORE_MAX} wählen.`);
export const criterionScores = z.object({
  strategicFit: score,
  urgency: score,
  dependencies: score,
  cost: score,
});

export const roundOpenInput = z.object({
  year: portfolioYear,
  title: z
    .string()
    .trim()
    .min(3, "Bitte einen Titel mit mindestens 3 Zeichen eingeben.")
    .max(120, "Der Titel darf höchstens 120 Zeichen lang sein."),
  deadline: isoDate.nullable().default(null),
  weights: criterionWeights.default(DEFAULT_WEIGHTS),
});

const proposalFields = z.object({
  gbId: z.uuid("Bitte einen Geschäftsbereich wählen."),
  rId: z.uuid("Bitte ein Ressort bzw. einen Fachbereich wählen."),
  name: projectName,
  description: optionalText(4000, "Die Beschreibung").default(""),
  justification: optionalText(4000, "Die Begründung").default(""),
  start: isoDate,
  end: isoDate,
  method: z.enum(projectMethods).nullable().default(null),
  leadName: optionalText(200, "Der Name der Projektleitung").default(""),
  budget: optionalText(40, "Das Budget").default(""),
  effortDays: optionalText(40, "Der Aufwand").default(""),
});

export const proposalInput = proposalFields
  .extend({ roundId: z.uuid() })
  .refine(endNotBeforeStart, endMessage);

/** A submitted proposal corrected by its submitter (or the PMO) while the round is open and before scoring. */
export const proposalUpdateInput = proposalFields
  .extend({ id: z.uuid() })
  .refine(endNotBeforeStart, endMessage);

export const proposalScoreInput = z.object({
  id: z.uuid(),
  scores: criterionScores,
  note: optionalText(2000, "Die Begründung der Bewertung").default(""),
});

/** A Beschluss of one of the Kommune's Gremien that a decision rests on (IT-Governance), if any. */
export const decisionReference = z
  .uuid("Bitte einen Beschluss aus der Liste wählen.")
  .nullish()
  .transform((v) => v ?? null);

export const proposalDecisionInput = z
  .object({
    id: z.uuid(),
    decision: z.enum(["approved", "rejected"]),
    note: optionalText(2000, "Die Begründung der Entscheidung").default(""),
    /** The Beschluss that approved it: linked to the project it becomes. */
    decisionId: decisionReference,
  })
  .refine((v) => v.decision === "approved" || v.decisionId === null, {
    path: ["decisionId"],
    message: "Ein Beschluss wird mit der Genehmigung verknüpft; eine Ablehnung begründen Sie im Text.",
  });

/** Largest file the import accepts. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_TOO_LARGE_MESSAGE = "Die Datei ist größer als 5 MB. Bitte teilen Sie die Liste auf.";
