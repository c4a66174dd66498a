/** A rollout record: the state of one OZG-Leistung in one Kommune (tenant). */
import { z } from "zod";
import { type ReuseRoute, reuseRouteSchema } from "./reuse-routes.ts";
import { type RolloutStatus, rolloutStatusSchema } from "./status.ts";

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export interface RolloutRecord {
  /** The Kommune tenant. */
  tenantId: string;
  /** OZG-ID of the service. */
  serviceId: string;
  status: RolloutStatus;
  reuseRoute?: ReuseRoute | null;
  /** Planned start of the work. */
  plannedStart?: IsoDate | null;
  /** Planned go-live (Zieltermin). */
  plannedOnline?: IsoDate | null;
  /** Actual go-live. */
  onlineSince?: IsoDate | null;
  /** The Fachverfahren the online service hands over to, and whether an interface is needed. */
  fachverfahren?: string | null;
  interfaceNeeded?: boolean | null;
  note?: string | null;
}

/** Whether `s` is a real calendar date in the form YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Datum im Format JJJJ-MM-TT erwartet" })
  .refine(isIsoDate, "Kein gültiges Kalenderdatum");

export const rolloutRecordSchema = z
  .object({
    tenantId: z.string().min(1, { error: "Kommune fehlt" }),
    serviceId: z.string().min(1, { error: "OZG-Leistung fehlt" }),
    status: rolloutStatusSchema,
    reuseRoute: reuseRouteSchema.nullish(),
    plannedStart: isoDate.nullish(),
    plannedOnline: isoDate.nullish(),
    onlineSince: isoDate.nullish(),
    fachverfahren: z.string().max(200, { error: "Fachverfahren: höchstens 200 Zeichen" }).nullish(),
    interfaceNeeded: z.boolean().nullish(),
    note: z.string().max(2000, { error: "Notiz: höchstens 2000 Zeichen" }).nullish(),
  })
  .superRefine((r, ctx) => {
    if (
      r.plannedStart &&
      r.plannedOnline &&
      isIsoDate(r.plannedStart) &&
      isIsoDate(r.plannedOnline) &&
      r.plannedOnline < r.plannedStart
    )
      ctx.addIssue({
        code: "custom",
        path: ["plannedOnline"],
        message: "Geplanter Online-Termin liegt vor dem geplanten Beginn",
      });
    if (r.onlineSince && r.status !== "online")
      ctx.addIssue({
        code: "custom",
        path: ["onlineSince"],
        message: "»Online seit« ist nur beim Status »online verfügbar« zulässig",
      });
  });
