// The digital PM-Koffer (issue 17, docs/adr/0017-pm-koffer.md): the Land publishes a versioned project management
// handbook – chapters and templates in Markdown – and each Kommune adds chapters of its own on top. Also the short
// decision aid that suggests a method (klassisch, agil, hybrid) for a project.
import { z } from "zod";
import { PM_STANDARDS, type ProjectMethod, projectMethods } from "./portfolio.ts";

export const HANDBOOK_STATUSES = ["draft", "published"] as const;
export type HandbookStatus = (typeof HANDBOOK_STATUSES)[number];

export const HANDBOOK_ENTRY_KINDS = ["chapter", "template"] as const;
export type HandbookEntryKind = (typeof HANDBOOK_ENTRY_KINDS)[number];
export const HANDBOOK_ENTRY_KIND_LABELS: Readonly<Record<HandbookEntryKind, string>> = {
  chapter: "Kapitel",
  template: "Vorlage",
};

/** Templates that are forms in SPATZ itself (the rest are text to copy or download). */
export const HANDBOOK_FORMS = ["status_report", "risk_register"] as const;
export type HandbookForm = (typeof HANDBOOK_FORMS)[number];
export const HANDBOOK_FORM_LABELS: Readonly<Record<HandbookForm, string>> = {
  status_report: "Statusbericht (im Projekt unter „Statusberichte“)",
  risk_register: "Risikoliste (im Projekt unter „Risiken“)",
};

const title = z
  .string("Bitte einen Titel eingeben.")
  .trim()
  .min(2, "Bitte einen Titel mit mindestens 2 Zeichen eingeben.")
  .max(200, "Der Titel darf höchstens 200 Zeichen lang sein.");
const body = z.string().trim().max(100_000, "Der Text darf höchstens 100.000 Zeichen lang sein.").default("");

/** A chapter's key stays the same across versions ("risikomanagement"), so projects and Kommunen can link to it. */
export const handbookChapterInput = z.object({
  key: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,59}$/,
      "Der Schlüssel besteht aus Kleinbuchstaben, Ziffern und Bindestrichen.",
    )
    .optional(),
  kind: z.enum(HANDBOOK_ENTRY_KINDS, "Bitte Kapitel oder Vorlage wählen.").default("chapter"),
  title,
  body,
  /** The PM standard of the project checklist this chapter explains. */
  standard: z
    .enum(PM_STANDARDS, "Bitte einen PM-Standard aus der Liste wählen.")
    .nullish()
    .transform((v) => v ?? null),
  form: z
    .enum(HANDBOOK_FORMS, "Bitte ein Formular aus der Liste wählen.")
    .nullish()
    .transform((v) => v ?? null),
});

export const handbookDraftInput = z.object({
  title,
  /** What changed against the previous version, for the Kommunen' notice. */
  changes: z
    .string()
    .trim()
    .max(4000, "Die Änderungen dürfen höchstens 4.000 Zeichen lang sein.")
    .default(""),
  chapters: z
    .array(handbookChapterInput)
    .min(1, "Ein PM-Koffer braucht mindestens ein Kapitel.")
    .max(100, "Höchstens 100 Kapitel."),
});

export const localChapterInput = z.object({
  id: z.uuid().optional(),
  kind: z.enum(HANDBOOK_ENTRY_KINDS, "Bitte Kapitel oder Vorlage wählen.").default("chapter"),
  title,
  body,
});

// ---- Decision aid: klassisch, agil oder hybrid ---------------------------------------------------------------------

export const METHOD_QUESTIONS = [
  {
    key: "requirements",
    text: "Stehen die Anforderungen zu Beginn weitgehend fest?",
    yes: "classic",
    no: "agile",
  },
  {
    key: "feedback",
    text: "Können Fachbereich oder Nutzende regelmäßig (alle zwei bis vier Wochen) Zwischenstände prüfen?",
    yes: "agile",
    no: "classic",
  },
  {
    key: "fixedScope",
    text: "Sind Leistungsumfang, Termin und Budget vertraglich oder durch Beschluss fest vorgegeben?",
    yes: "classic",
    no: "agile",
  },
  {
    key: "increments",
    text: "Lässt sich das Ergebnis in nutzbaren Teilen nach und nach ausliefern?",
    yes: "agile",
    no: "classic",
  },
  {
    key: "novelty",
    text: "Betritt das Projekt Neuland (neue Technik, neuer Prozess, unklarer Lösungsweg)?",
    yes: "agile",
    no: "classic",
  },
] as const satisfies readonly { key: string; text: string; yes: ProjectMethod; no: ProjectMethod }[];
export type MethodQuestionKey = (typeof METHOD_QUESTIONS)[number]["key"];
export type MethodAnswers = Readonly<Record<MethodQuestionKey, boolean>>;

/**
 * The method the answers point to: four or five answers for one side suggest it, otherwise hybrid (a classic frame –
 * phases, milestones, budget – with agile delivery inside).
 */
export function suggestMethod(answers: MethodAnswers): {
  method: ProjectMethod;
  classic: number;
  agile: number;
} {
  let classic = 0;
  let agile = 0;
  for (const q of METHOD_QUESTIONS) {
    if ((answers[q.key] ? q.yes : q.no) === "classic") classic++;
    else agile++;
  }
  const method: ProjectMethod = classic >= 4 ? "classic" : agile >= 4 ? "agile" : "hybrid";
  return { method, classic, agile };
}

export const chooseMethodInput = z.object({
  projectId: z.uuid(),
  answers: z.object(
    Object.fromEntries(
      METHOD_QUESTIONS.map((q) => [q.key, z.boolean("Bitte jede Frage beantworten.")]),
    ) as Record<MethodQuestionKey, z.ZodBoolean>,
  ),
  /** The method chosen: the suggestion, or another one on purpose. */
  method: z.enum(projectMethods, "Bitte eine Methode wählen."),
});
