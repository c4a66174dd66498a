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

// ---- Templates as files ------------------------------------------------------------------------------------------

/** The columns of the SPATZ forms a template may point to, for an empty sheet to fill in outside SPATZ. */
const FORM_COLUMNS: Readonly<Record<HandbookForm, string[]>> = {
  status_report: [
    "Stichtag",
    "Termine (grün/gelb/rot)",
    "Kosten (grün/gelb/rot)",
    "Qualität/Umfang (grün/gelb/rot)",
    "Ressourcen (grün/gelb/rot)",
    "Stand in Kürze",
    "Nächste Schritte",
    "Entscheidungsbedarf",
  ],
  risk_register: [
    "Risiko",
    "Beschreibung",
    "Eintrittswahrscheinlichkeit (1–5)",
    "Auswirkung (1–5)",
    "Verantwortlich",
    "Behandlung (Maßnahmen)",
    "Status",
  ],
};

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim().replace(/\*\*|__/g, ""));

/**
 * A template as a table to download (XLSX or CSV): the columns of the SPATZ form it points to; else the first Markdown
 * table of its text (header and rows, to fill in); else its list items as rows with a column for notes.
 */
export function templateTable(
  body: string,
  form: HandbookForm | null,
): { columns: string[]; rows: string[][] } {
  if (form) return { columns: FORM_COLUMNS[form], rows: [] };
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex(
    (l, i) => l.trim().startsWith("|") && /^\s*\|?[\s:|-]+\|?\s*$/.test(lines[i + 1] ?? ""),
  );
  if (start >= 0) {
    const columns = cells(lines[start]!);
    const rows: string[][] = [];
    for (const line of lines.slice(start + 2)) {
      if (!line.trim().startsWith("|")) break;
      const row = cells(line);
      rows.push(columns.map((_, i) => row[i] ?? ""));
    }
    return { columns, rows };
  }
  const items = lines
    .map((l) =>
      /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/
        .exec(l)?.[1]
        ?.replace(/\*\*|__/g, "")
        .trim(),
    )
    .filter((x): x is string => !!x);
  return { columns: ["Punkt", "Notizen"], rows: items.map((item) => [item, ""]) };
}
