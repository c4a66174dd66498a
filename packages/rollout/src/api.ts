/**
 * Input schemas and labels of the rollout procedures, shared by the server (tRPC) and the screens. Every message is
 * German and names the field, so a rejected form shows the problem next to the field.
 */
import { berlinToday } from "@spatz/domain";
import { z } from "zod";
import { costParamsSchema } from "./costs.ts";
import { kommuneKinds } from "./kinds.ts";
import { isIsoDate } from "./records.ts";
import { reuseRouteSchema } from "./reuse-routes.ts";
import { rolloutStatuses, rolloutStatusSchema } from "./status.ts";

export const ozgIdSchema = z
  .string({ error: "OZG-ID fehlt" })
  .trim()
  .regex(/^\d{3,8}$/, { error: "Die OZG-ID besteht aus Ziffern (z. B. 10001)." });

export const isoDateSchema = z
  .string({ error: "Datum fehlt" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Bitte ein Datum angeben (TT.MM.JJJJ)." })
  .refine(isIsoDate, { error: "Dieses Datum gibt es nicht." });

/** A date that has happened (not after today). */
export const pastDateSchema = isoDateSchema.refine((d) => d <= berlinToday(), {
  error: "Das Datum darf nicht in der Zukunft liegen.",
});

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}: höchstens ${max} Zeichen.` })
    .nullish()
    .transform((v) => (v ? v : null));

// ---------------------------------------------------------------------------------------------------------------
// Catalogue: the state PMO's fields per service

export const servicePriorities = ["ozg_booster", "high", "medium", "low"] as const;
export type ServicePriority = (typeof servicePriorities)[number];
export const servicePriorityLabels: Readonly<Record<ServicePriority, string>> = {
  ozg_booster: "OZG-Booster",
  high: "hoch",
  medium: "mittel",
  low: "niedrig",
};

/** Levels of the OZG-Reifegradmodell (0–4) for the offered online solution. */
export const ozgMaturityLevelLabels: readonly string[] = [
  "Stufe 0 – nicht online",
  "Stufe 1 – Informationen online",
  "Stufe 2 – Formular online",
  "Stufe 3 – Antrag vollständig online",
  "Stufe 4 – vollständig digital (Once-Only)",
];
export const DEFAULT_MATURITY_MODEL = "OZG-Reifegradmodell";

/** Who provides an EfA service: the 16 Länder and the Bund. */
export const providers = [
  "Baden-Württemberg",
  "Bayern",
  "Berlin",
  "Brandenburg",
  "Bremen",
  "Hamburg",
  "Hessen",
  "Mecklenburg-Vorpommern",
  "Niedersachsen",
  "Nordrhein-Westfalen",
  "Rheinland-Pfalz",
  "Saarland",
  "Sachsen",
  "Sachsen-Anhalt",
  "Schleswig-Holstein",
  "Thüringen",
  "Bund",
] as const;

export const serviceInfoInput = z
  .object({
    serviceId: ozgIdSchema,
    efaAvailable: z.boolean({ error: "Bitte angeben, ob die Leistung als EfA-Dienst angeboten wird." }),
    efaProvidingLand: z
      .enum(providers, { error: "Bitte ein Land (oder den Bund) aus der Liste wählen." })
      .nullish()
      .transform((v) => v ?? null),
    efaSince: pastDateSchema.nullish().transform((v) => v ?? null),
    priority: z
      .enum(servicePriorities, { error: "Unbekannte Priorität" })
      .nullish()
      .transform((v) => v ?? null),
    maturityModel: optionalText("Reifegradmodell", 80),
    maturityLevel: z
      .number({ error: "Reifegrad: Zahl von 0 bis 4" })
      .int({ error: "Reifegrad: ganze Zahl von 0 bis 4" })
      .min(0, { error: "Reifegrad: Zahl von 0 bis 4" })
      .max(4, { error: "Reifegrad: Zahl von 0 bis 4" })
      .nullish()
      .transform((v) => v ?? null),
    notes: optionalText("Notizen", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.efaAvailable && !v.efaProvidingLand)
      ctx.addIssue({
        code: "custom",
        path: ["efaProvidingLand"],
        message: "Bitte das bereitstellende Land angeben.",
      });
    if (!v.efaAvailable && (v.efaProvidingLand || v.efaSince))
      ctx.addIssue({
        code: "custom",
        path: ["efaAvailable"],
        message: "Land und Datum gibt es nur bei einem angebotenen EfA-Dienst.",
      });
    if (v.maturityLevel !== null && !v.maturityModel)
      ctx.addIssue({
        code: "custom",
        path: ["maturityModel"],
        message: "Bitte das Reifegradmodell (mit Version) zur Stufe angeben.",
      });
  });
export type ServiceInfoInput = z.infer<typeof serviceInfoInput>;

const kindSchema = z.enum(kommuneKinds, { error: "Unbekannte Art der Kommune" });

export const responsibilityInput = z.discriminatedUnion(
  "mode",
  [
    z.object({ serviceId: ozgIdSchema, mode: z.literal("derived") }),
    z
      .object({
        serviceId: ozgIdSchema,
        mode: z.literal("override"),
        municipal: z.boolean(),
        kinds: z.array(kindSchema).max(4),
        reason: z
          .string({ error: "Bitte die Korrektur begründen." })
          .trim()
          .min(5, { error: "Bitte die Korrektur begründen (mindestens 5 Zeichen)." })
          .max(500, { error: "Begründung: höchstens 500 Zeichen." }),
      })
      .superRefine((v, ctx) => {
        if (v.municipal && v.kinds.length === 0)
          ctx.addIssue({
            code: "custom",
            path: ["kinds"],
            message: "Bei kommunalem Vollzug mindestens eine zuständige Art der Kommune wählen.",
          });
        if (!v.municipal && v.kinds.length > 0)
          ctx.addIssue({
            code: "custom",
            path: ["kinds"],
            message: "Ohne kommunalen Vollzug ist keine Kommune zuständig.",
          });
      }),
  ],
  { error: "Bitte »abgeleitet« oder »korrigiert« wählen." },
);
export type ResponsibilityInput = z.infer<typeof responsibilityInput>;

export const catalogueFilesInput = z.object({
  themenfelder: z.string().max(1_000_000, { error: "Datei zu groß" }),
  lebenslagen: z.string().max(1_000_000, { error: "Datei zu groß" }),
  ozgLeistungen: z.string().max(5_000_000, { error: "Datei zu groß" }),
  leikaLeistungen: z.string().max(20_000_000, { error: "Datei zu groß" }),
});

export const catalogueImportInput = z.discriminatedUnion("source", [
  z.object({ source: z.literal("bundled"), dryRun: z.boolean().default(false) }),
  z.object({ source: z.literal("upload"), dryRun: z.boolean().default(false), files: catalogueFilesInput }),
]);

const pageFields = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(200).default(25),
};

export const serviceListInput = z.object({
  search: z.string().trim().max(100).optional(),
  themenfeldId: z.string().max(20).optional(),
  lageId: z.string().max(20).optional(),
  municipal: z.boolean().optional(),
  kind: kindSchema.optional(),
  efaAvailable: z.boolean().optional(),
  priority: z.enum(servicePriorities).optional(),
  corrected: z.boolean().optional(),
  includeRetired: z.boolean().default(false),
  ...pageFields,
});

// ---------------------------------------------------------------------------------------------------------------
// Rollout records of a Kommune

export const recordUpdateInput = z
  .object({
    serviceId: ozgIdSchema,
    /** The version the form was loaded with; 0 when there was no record yet. */
    expectedVersion: z.number().int().min(0),
    status: rolloutStatusSchema,
    /** When the record reached its (new) status; for "online verfügbar" the actual go-live. Default: today. */
    statusSince: pastDateSchema.nullish().transform((v) => v ?? null),
    reason: optionalText("Begründung", 500),
    reuseRoute: reuseRouteSchema.nullish().transform((v) => v ?? null),
    plannedOnline: isoDateSchema.nullish().transform((v) => v ?? null),
    fachverfahren: optionalText("Fachverfahren", 200),
    interfaceNeeded: z
      .boolean()
      .nullish()
      .transform((v) => v ?? null),
    contact: optionalText("Ansprechperson", 200),
    note: optionalText("Notiz", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.status === "online" && !v.reuseRoute)
      ctx.addIssue({
        code: "custom",
        path: ["reuseRoute"],
        message: "Bitte angeben, auf welchem Weg der Dienst online gegangen ist.",
      });
  });
export type RecordUpdateInput = z.infer<typeof recordUpdateInput>;

export const boardSorts = ["service", "status", "plannedOnline", "updated"] as const;
export const boardInput = z.object({
  search: z.string().trim().max(100).optional(),
  themenfeldId: z.string().max(20).optional(),
  lageId: z.string().max(20).optional(),
  status: rolloutStatusSchema.optional(),
  reuseRoute: reuseRouteSchema.optional(),
  efaAvailable: z.boolean().optional(),
  /** Only go-lives that are late: "in Umsetzung" with the planned go-live in the past. */
  overdue: z.boolean().optional(),
  sort: z.enum(boardSorts).default("service"),
  ...pageFields,
});
export type BoardInput = z.infer<typeof boardInput>;

/** Bulk targets: only forward steps (a step back needs a reason per service and is done one by one). */
export const bulkStatuses = ["planning", "implementing", "online"] as const;

export const bulkUpdateInput = z
  .object({
    themenfeldId: z.string().max(20).optional(),
    lageId: z.string().max(20).optional(),
    serviceIds: z.array(ozgIdSchema).max(1000).optional(),
    /** Only services currently in one of these statuses (missing record = nicht begonnen). */
    onlyStatuses: z.array(rolloutStatusSchema).max(rolloutStatuses.length).optional(),
    status: z
      .enum(bulkStatuses, {
        error: "Als Sammeländerung nur »in Planung«, »in Umsetzung« oder »online verfügbar«.",
      })
      .optional(),
    statusSince: pastDateSchema.optional(),
    reuseRoute: reuseRouteSchema.optional(),
    plannedOnline: isoDateSchema.optional(),
    dryRun: z.boolean().default(true),
    /** From the preview: the number of records that would change; a different number at commit time → CONFLICT. */
    expectedCount: z.number().int().min(0).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.themenfeldId && !v.lageId && !v.serviceIds?.length)
      ctx.addIssue({
        code: "custom",
        path: ["themenfeldId"],
        message: "Bitte ein Themenfeld, eine Lage oder Leistungen auswählen.",
      });
    if (!v.status && !v.reuseRoute && !v.plannedOnline)
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "Bitte mindestens einen neuen Status, Nachnutzungsweg oder Termin angeben.",
      });
    if (v.status === "online" && !v.reuseRoute)
      ctx.addIssue({
        code: "custom",
        path: ["reuseRoute"],
        message: "Für »online verfügbar« bitte den Nachnutzungsweg angeben.",
      });
  });
export type BulkUpdateInput = z.infer<typeof bulkUpdateInput>;

export const commentInput = z.object({
  /** The Kommune whose record it is; a Kommune may leave it out (its own). */
  kommuneId: z.uuid({ error: "Unbekannte Kommune" }).optional(),
  serviceId: ozgIdSchema,
  body: z
    .string({ error: "Bitte einen Kommentar eingeben." })
    .trim()
    .min(2, { error: "Bitte einen Kommentar eingeben." })
    .max(2000, { error: "Kommentar: höchstens 2000 Zeichen." }),
});

// ---------------------------------------------------------------------------------------------------------------
// State dashboards

export const drilldownInput = z.object({
  serviceId: ozgIdSchema.optional(),
  themenfeldId: z.string().max(20).optional(),
  lageId: z.string().max(20).optional(),
  kreisAgs: z.string().max(12).optional(),
  kommuneId: z.uuid().optional(),
  kind: kindSchema.optional(),
  status: rolloutStatusSchema.optional(),
  /** The way a service went (or goes) online: Nachnutzung (EfA), eigene Lösung … */
  reuseRoute: reuseRouteSchema.optional(),
  /** Records "in Umsetzung" for more than this many months. */
  stuckMonths: z.number().int().min(1).max(120).optional(),
  /** Only late go-lives: "in Umsetzung" with the planned go-live in the past. */
  overdue: z.boolean().optional(),
  /** YYYY-MM: go-lives (actual) or planned go-lives in this month. */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  monthKind: z.enum(["actual", "planned"]).optional(),
  ...pageFields,
});
export type DrilldownInput = z.infer<typeof drilldownInput>;

/** The state's paged Kommune list, sorted on the server (rollout_agg_kommunen has the share indexed). */
export const kommuneSorts = [
  "name",
  "kreis",
  "population",
  "share",
  "online",
  "implementing",
  "overdue",
] as const;
export const kommunenPageInput = z.object({
  kreisAgs: z.string().max(12).optional(),
  kind: kindSchema.optional(),
  search: z.string().trim().max(100, { error: "Suche: höchstens 100 Zeichen." }).optional(),
  sort: z.enum(kommuneSorts).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  ...pageFields,
});
export type KommunenPageInput = z.infer<typeof kommunenPageInput>;

/** A forecast for the Land, or for one service or one Kreis. */
export const forecastInput = z
  .object({ serviceId: ozgIdSchema.optional(), kreisAgs: z.string().max(12).optional() })
  .refine((f) => !(f.serviceId && f.kreisAgs), {
    error: "Bitte entweder eine Leistung oder einen Kreis wählen.",
  });
export type ForecastInput = z.infer<typeof forecastInput>;

export const bottleneckInput = z.object({
  months: z
    .number({ error: "Bitte eine Zahl von Monaten angeben." })
    .int({ error: "Bitte ganze Monate angeben." })
    .min(1, { error: "Mindestens 1 Monat." })
    .max(120, { error: "Höchstens 120 Monate." })
    .default(6),
  minKommunen: z.number().int().min(1).max(1000).default(1),
});

export const stateTables = [
  "services",
  "themenfelder",
  "lagen",
  "kreise",
  "kommunen",
  "progress",
  "bottlenecks",
  "drilldown",
  "costKommunen",
  "scenarios",
] as const;
export type StateTable = (typeof stateTables)[number];
export const exportFormats = ["csv", "xlsx"] as const;

export const boardExportInput = z.object({
  format: z.enum(exportFormats),
  filter: boardInput.omit({ page: true, pageSize: true, sort: true }).optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Cost model and operating models

/** The editable parameters (the Kommunen come from the database). */
export const costParamsInput = costParamsSchema.omit({ kommunen: true }).partial();
export type CostParamsInput = z.infer<typeof costParamsInput>;

export const costModelInput = z.object({ params: costParamsInput.default({}) });

export const scenarioInput = z.object({
  id: z.uuid().optional(),
  name: z
    .string({ error: "Bitte einen Namen eingeben." })
    .trim()
    .min(3, { error: "Name: mindestens 3 Zeichen." })
    .max(80, { error: "Name: höchstens 80 Zeichen." }),
  description: optionalText("Beschreibung", 500),
  params: costParamsInput,
});

export const compareInput = z.object({
  ids: z
    .array(z.uuid())
    .min(1, { error: "Bitte mindestens ein Szenario wählen." })
    .max(6, { error: "Höchstens 6 Szenarien nebeneinander." }),
});

export const criterionInput = z.object({
  id: z.string().trim().min(1).max(40),
  label: z
    .string()
    .trim()
    .min(2, { error: "Bezeichnung des Kriteriums fehlt." })
    .max(80, { error: "Bezeichnung: höchstens 80 Zeichen." }),
  weight: z
    .number({ error: "Gewicht: Zahl erwartet" })
    .min(0, { error: "Gewicht: nicht negativ" })
    .max(100, { error: "Gewicht: höchstens 100" }),
  description: z.string().trim().max(200).optional(),
});

export const operatingModelScoresInput = z.object({
  criteria: z.array(criterionInput).min(1, { error: "Mindestens ein Kriterium ist nötig." }).max(20),
  scores: z.record(z.string().max(40), z.record(z.string().max(40), z.number().min(0).max(5))),
  note: optionalText("Notiz", 2000),
});

export const stateExportInput = z.object({
  table: z.enum(stateTables),
  format: z.enum(exportFormats),
  bottlenecks: bottleneckInput.optional(),
  drilldown: drilldownInput.omit({ page: true, pageSize: true }).optional(),
  costParams: costParamsInput.optional(),
  scenarioIds: z.array(z.uuid()).max(6).optional(),
});
