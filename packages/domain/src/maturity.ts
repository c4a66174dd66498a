// Maturity module: German labels, input schemas shared by forms and server, and small date helpers.
// The rules themselves live in @spatz/maturity (pure engine); these are the shapes users type in.
import { z } from "zod";
import { isoDate } from "./dates.ts";
import { evidenceFileInput } from "./evidence-files.ts";

export const MEASURE_STATUSES = ["planned", "in_progress", "completed", "discarded"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The measures still to be done: only these count as open work and can be overdue. */
export const OPEN_MEASURE_STATUSES = ["planned", "in_progress"] as const satisfies readonly MeasureStatus[];

/** Overdue: still open, and its planned end (YYYY-MM-DD) lies before `today` (Europe/Berlin, berlinToday()). */
export function isMeasureOverdue(
  measure: { status: MeasureStatus; plannedEnd: string | null },
  today: string,
): boolean {
  return (
    (OPEN_MEASURE_STATUSES as readonly MeasureStatus[]).includes(measure.status) &&
    measure.plannedEnd !== null &&
    measure.plannedEnd < today
  );
}

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: "geplant",
  in_progress: "in Umsetzung",
  completed: "abgeschlossen",
  discarded: "verworfen",
};

export const MODEL_STATUSES = ["draft", "published", "superseded"] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const MODEL_STATUS_LABELS: Record<ModelStatus, string> = {
  draft: "Entwurf",
  published: "veröffentlicht",
  superseded: "abgelöst",
};

/** Level names of the default model, used for the levels of a new dimension. */
export const DEFAULT_LEVEL_NAMES_DE = {
  1: "Einstieg",
  2: "Grundlagen",
  3: "Fortgeschritten",
  4: "Optimiert",
} as const;

const TRANSLIT: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** A readable, stable key part from a German title: "Führung & Steuerung" → "fuehrung-steuerung". */
export function keySlug(text: string, maxLength = 40): string {
  const slug = text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => TRANSLIT[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug || "x";
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

export const evidenceUrl = z
  .string()
  .trim()
  .max(2000, "Der Link ist zu lang.")
  .nullish()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
    "Bitte einen Link beginnend mit https:// eingeben.",
  );

const measureFields = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Bitte einen Titel mit mindestens 3 Zeichen eingeben.")
    .max(200, "Der Titel darf höchstens 200 Zeichen lang sein."),
  description: z
    .string()
    .trim()
    .max(4000, "Die Beschreibung darf höchstens 4.000 Zeichen lang sein.")
    .default(""),
  orgUnitId: z.uuid("Bitte eine Organisationseinheit auswählen.").nullable().default(null),
  responsibleUserId: z.uuid("Bitte eine verantwortliche Person auswählen.").nullable().default(null),
  plannedStart: isoDate.nullable().default(null),
  plannedEnd: isoDate.nullable().default(null),
  criterionKeys: z
    .array(z.string().min(1).max(200))
    .min(1, "Bitte mindestens ein Kriterium auswählen, das die Maßnahme erfüllt.")
    .max(20, "Höchstens 20 Kriterien je Maßnahme."),
  /** The portfolio project that delivers the measure. */
  projectId: z.uuid("Bitte ein Projekt auswählen.").nullable().default(null),
  evidenceText: optionalText(4000, "Der Nachweis darf höchstens 4.000 Zeichen lang sein."),
  evidenceUrl,
});

type DatedFields = { plannedStart: string | null; plannedEnd: string | null };
const datesInOrder = (v: DatedFields) => !v.plannedStart || !v.plannedEnd || v.plannedStart <= v.plannedEnd;
const datesInOrderIssue = {
  message: "Das geplante Ende liegt vor dem geplanten Beginn.",
  path: ["plannedEnd"],
};

export const createMeasureInput = measureFields
  .extend({ status: z.enum(["planned", "in_progress"]).default("planned") })
  .refine(datesInOrder, datesInOrderIssue);

export const updateMeasureInput = measureFields
  .extend({ id: z.uuid() })
  .refine(datesInOrder, datesInOrderIssue);

export const completionFields = z.object({
  completedOn: isoDate.nullish().transform((v) => v ?? null),
  evidenceText: optionalText(4000, "Der Nachweis darf höchstens 4.000 Zeichen lang sein."),
  evidenceUrl,
});

export const setMeasureStatusInput = completionFields
  .extend({
    id: z.uuid(),
    status: z.enum(MEASURE_STATUSES),
    /** A file as evidence, stored with the completion in one transaction (only when completing). */
    evidenceFile: evidenceFileInput.nullish().transform((v) => v ?? null),
  })
  .refine((v) => v.status !== "completed" || v.completedOn !== null, {
    message: "Bitte das Abschlussdatum angeben.",
    path: ["completedOn"],
  });

export const bulkSetMeasureStatusInput = completionFields
  .extend({
    ids: z
      .array(z.uuid())
      .min(1, "Bitte mindestens eine Maßnahme auswählen.")
      .max(200, "Höchstens 200 Maßnahmen auf einmal."),
    status: z.enum(MEASURE_STATUSES),
  })
  .refine((v) => v.status !== "completed" || v.completedOn !== null, {
    message: "Bitte das Abschlussdatum angeben.",
    path: ["completedOn"],
  });

/** How the measure list is ordered; "attention" (the default): open measures first, due soonest, then the rest. */
export const MEASURE_SORTS = ["attention", "plannedEnd", "title", "updatedAt", "completedOn"] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];
export const MEASURE_SORT_LABELS: Readonly<Record<MeasureSort, string>> = {
  attention: "Handlungsbedarf (offen, fällig zuerst)",
  plannedEnd: "geplantes Ende",
  title: "Titel",
  updatedAt: "zuletzt geändert",
  completedOn: "zuletzt abgeschlossen",
};

export const measureListInput = z.object({
  search: z.string().max(100).optional(),
  statuses: z.array(z.enum(MEASURE_STATUSES)).max(4).optional(),
  orgUnitId: z.uuid().optional(),
  dimensionKey: z.string().max(80).optional(),
  responsible: z.enum(["me"]).optional(),
  overdue: z.boolean().optional(),
  sort: z.enum(MEASURE_SORTS).default("attention"),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(200).default(25),
});

export const strategyTargetInput = z.object({
  dimensionKey: z.string().min(1).max(80),
  level: z
    .number()
    .int()
    .min(1, "Die Zielstufe liegt zwischen 1 und 4.")
    .max(4, "Die Zielstufe liegt zwischen 1 und 4."),
  dueOn: isoDate,
});

export const strategyInput = z.object({
  id: z.uuid().optional(),
  orgUnitId: z.uuid().nullable().default(null),
  title: z
    .string()
    .trim()
    .min(3, "Bitte einen Titel mit mindestens 3 Zeichen eingeben.")
    .max(200, "Der Titel darf höchstens 200 Zeichen lang sein."),
  vision: z.string().trim().max(4000, "Die Vision darf höchstens 4.000 Zeichen lang sein.").default(""),
  goals: z
    .array(
      z
        .string()
        .trim()
        .min(1, "Ein Ziel darf nicht leer sein.")
        .max(300, "Ein Ziel darf höchstens 300 Zeichen lang sein."),
    )
    .max(20, "Höchstens 20 Ziele.")
    .default([]),
  targets: z
    .array(strategyTargetInput)
    .max(30)
    .default([])
    .refine((targets) => new Set(targets.map((t) => t.dimensionKey)).size === targets.length, {
      message: "Je Dimension ist nur ein Soll-Ziel möglich.",
    }),
});

const MODEL_KEY = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

export const modelCriterionInput = z.object({
  key: z.string().regex(MODEL_KEY).max(160).optional(),
  title: z
    .string()
    .trim()
    .min(3, "Bitte einen Titel mit mindestens 3 Zeichen eingeben.")
    .max(300, "Der Titel darf höchstens 300 Zeichen lang sein."),
  explanation: z
    .string()
    .trim()
    .max(2000, "Die Erläuterung darf höchstens 2.000 Zeichen lang sein.")
    .default(""),
  validityMonths: z
    .number({ error: "Bitte eine ganze Zahl von Monaten eingeben." })
    .int("Bitte eine ganze Zahl von Monaten eingeben.")
    .min(1, "Die Gültigkeit beträgt mindestens einen Monat.")
    .max(120, "Die Gültigkeit beträgt höchstens 120 Monate.")
    .nullable()
    .default(null),
});

export const modelLevelInput = z.object({
  level: z.number().int().min(1).max(4),
  name: z
    .string()
    .trim()
    .min(1, "Bitte einen Namen für die Stufe eingeben.")
    .max(80, "Höchstens 80 Zeichen."),
  criteria: z.array(modelCriterionInput).max(12, "Höchstens 12 Kriterien je Stufe."),
});

export const modelDimensionInput = z.object({
  key: z.string().regex(MODEL_KEY).max(80).optional(),
  name: z
    .string()
    .trim()
    .min(2, "Bitte einen Namen mit mindestens 2 Zeichen eingeben.")
    .max(120, "Der Name darf höchstens 120 Zeichen lang sein."),
  description: z
    .string()
    .trim()
    .max(1000, "Die Beschreibung darf höchstens 1.000 Zeichen lang sein.")
    .default(""),
  weight: z
    .number({ error: "Bitte ein Gewicht als Zahl eingeben." })
    .gt(0, "Das Gewicht muss größer als 0 sein.")
    .max(100, "Das Gewicht darf höchstens 100 sein."),
  levels: z.array(modelLevelInput).length(4, "Jede Dimension hat die Stufen 1 bis 4."),
});

export const saveModelDraftInput = z.object({
  id: z.uuid(),
  name: z
    .string()
    .trim()
    .min(3, "Bitte einen Namen mit mindestens 3 Zeichen eingeben.")
    .max(160, "Der Name darf höchstens 160 Zeichen lang sein."),
  dimensions: z.array(modelDimensionInput).min(1, "Das Modell braucht mindestens eine Dimension.").max(20),
});

export const publishModelInput = z.object({
  id: z.uuid(),
  /** Old criterion key → new keys; keys not listed keep their link if the new version still has them. */
  mapping: z.record(z.string().max(200), z.array(z.string().max(200)).max(10)).default({}),
});

export type MeasureListInput = z.input<typeof measureListInput>;
export type StrategyInput = z.input<typeof strategyInput>;
export type SaveModelDraftInput = z.input<typeof saveModelDraftInput>;
