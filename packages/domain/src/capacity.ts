// Capacity (issue 17, docs/adr/0016-capacity.md): the person-days (PT) a GB – or the administration centrally – has
// per year, from its own staff and from framework contracts (e.g. the "Rahmenverträge Consultingleistungen"), against
// the PT planned in approved and running projects and in pending registration proposals.
import { z } from "zod";
import { parseEffortDays } from "./german-number.ts";

export const CAPACITY_KINDS = ["internal", "framework_contract"] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];
export const CAPACITY_KIND_LABELS: Readonly<Record<CapacityKind, string>> = {
  internal: "eigenes Personal",
  framework_contract: "Rahmenvertrag",
};

/** Project statuses whose PT count as planned: approved or running (finished and refused ones do not). */
export const CAPACITY_PROJECT_STATUSES = ["approved", "in_progress"] as const;
/** Proposals still to be decided count as what the round would add. */
export const CAPACITY_PROPOSAL_STATUSES = ["submitted", "assessed"] as const;

export const capacityYear = z
  .number("Bitte ein Jahr angeben.")
  .int("Bitte ein Jahr angeben.")
  .min(2000, "Bitte ein Jahr zwischen 2000 und 2100 angeben.")
  .max(2100, "Bitte ein Jahr zwischen 2000 und 2100 angeben.");

const days = (what: string, required: boolean) =>
  z
    .string()
    .trim()
    .max(40, `${what} ist zu lang.`)
    .default("")
    .transform((text, ctx) => {
      if (!text) {
        if (required) ctx.addIssue({ code: "custom", message: `Bitte ${what} in Personentagen angeben.` });
        return 0;
      }
      const r = parseEffortDays(text);
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: r.reason });
        return 0;
      }
      return r.value;
    });

const capacityBase = z.object({
  /** The GB whose capacity it is; null: central, for the whole administration. */
  gbId: z
    .uuid("Bitte einen Geschäftsbereich wählen.")
    .nullish()
    .transform((v) => v ?? null),
  year: capacityYear,
  kind: z.enum(CAPACITY_KINDS, "Bitte die Art wählen."),
  name: z
    .string()
    .trim()
    .min(2, "Bitte die Quelle benennen (z. B. „Team Digitalisierung“ oder den Rahmenvertrag).")
    .max(200, "Der Name darf höchstens 200 Zeichen lang sein."),
  personDays: days("die verfügbaren Tage", true),
  /** A framework contract's PT already called off (for own staff: 0). */
  consumedDays: days("die abgerufenen Tage", false),
  /** The Beschluss that granted it (e.g. VA 25.05.2023), if any. */
  decisionId: z
    .uuid("Bitte einen Beschluss aus der Liste wählen.")
    .nullish()
    .transform((v) => v ?? null),
});

function capacityRules(v: z.infer<typeof capacityBase>, ctx: z.core.$RefinementCtx) {
  if (v.personDays <= 0)
    ctx.addIssue({ code: "custom", path: ["personDays"], message: "Bitte mehr als 0 Personentage angeben." });
  if (v.kind === "internal" && v.consumedDays > 0)
    ctx.addIssue({
      code: "custom",
      path: ["consumedDays"],
      message: "Abgerufene Tage gibt es nur bei Rahmenverträgen.",
    });
  if (v.consumedDays > v.personDays)
    ctx.addIssue({
      code: "custom",
      path: ["consumedDays"],
      message: "Es können nicht mehr Tage abgerufen sein, als der Vertrag umfasst.",
    });
}

export const capacitySourceFields = capacityBase.superRefine(capacityRules);
export const capacitySourceUpdate = capacityBase.extend({ id: z.uuid() }).superRefine(capacityRules);
