/** zod schemas and types of an imported project and of a project to export. */

import { formatGermanDecimal, MAX_BUDGET_CENTS, MAX_EFFORT_DAYS } from "@spatz/domain";
import { z } from "zod";
import { isIsoDate } from "./german-date.ts";
import { projectMethods, projectPriorities, projectStatuses } from "./project-codes.ts";

const isoDate = z.string().refine(isIsoDate, { message: "Datum im Format JJJJ-MM-TT erwartet" });
const text = z.string().min(1);

const projectShape = {
  externalId: text.optional(),
  gb: text,
  r: text,
  name: text,
  /** "" when the file has no description. */
  description: z.string(),
  start: isoDate,
  /** Inclusive. */
  end: isoDate,
  status: z.enum(projectStatuses).optional(),
  priority: z.enum(projectPriorities).optional(),
  method: z.enum(projectMethods).optional(),
  lead: text.optional(),
  /** Budget in euro cents. */
  budgetCents: z.number().int().nonnegative().max(MAX_BUDGET_CENTS).optional(),
  /** Effort in person-days (Personentage). */
  effortDays: z
    .number()
    .nonnegative()
    .max(MAX_EFFORT_DAYS)
    .refine((days) => (formatGermanDecimal(days).split(",")[1] ?? "").length <= 3, {
      message: "Aufwand mit höchstens drei Nachkommastellen erwartet",
    })
    .optional(),
  notes: text.optional(),
};

const endNotBeforeStart = (project: { start: string; end: string }) => project.end >= project.start;
const endMessage = { message: "Das Ende liegt vor dem Start", path: ["end"] };

/**
 * A valid project row of an import. Optional fields are absent (not "") when the file has no value. Text is
 * trimmed and otherwise exactly as in the file.
 */
export const importedProjectSchema = z
  .object({
    /** Line (text file) or row (XLSX) the project came from. */
    line: z.number().int().positive(),
    ...projectShape,
    /** The Dauer text as given in the file (informational; SPATZ derives the duration from start and end). */
    declaredDuration: text.optional(),
  })
  .refine(endNotBeforeStart, endMessage);
export type ImportedProject = z.infer<typeof importedProjectSchema>;

/**
 * A project to export: ImportedProject without `line`/`declaredDuration`, plus the SPATZ `id` (written as the
 * Projekt-ID column). The duration column is always derived from start and end.
 */
export const exportProjectSchema = z
  .object({ id: text, ...projectShape })
  .omit({ externalId: true })
  .refine(endNotBeforeStart, endMessage);
export type ExportProject = z.infer<typeof exportProjectSchema>;
