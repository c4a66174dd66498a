// Measurable goals (issue 17, docs/adr/0018-strategy-kpis.md): a strategy's goal carries key figures (Kennzahlen) with
// a baseline, a target by a date and the values measured over time. Their progress is shown beside the maturity Soll.
import { z } from "zod";
import { isoDate } from "./dates.ts";
import { germanNumber } from "./german-number.ts";

/** A German number typed into a form ("1.100", "12,5", "-3"), or a German error for the field. */
const number = (what: string) =>
  z
    .string(`Bitte ${what} angeben.`)
    .trim()
    .min(1, `Bitte ${what} angeben.`)
    .max(40, `${what} ist zu lang.`)
    .transform((text, ctx) => {
      const value = germanNumber(text);
      if (Number.isNaN(value) || Math.abs(value) > 1e12) {
        ctx.addIssue({ code: "custom", message: `„${text}“ ist keine Zahl (z. B. 1.250 oder 12,5).` });
        return 0;
      }
      return value;
    });

const kpiBase = z.object({
  /** The strategy goal (its text) the figure measures. */
  goal: z.string().trim().min(1, "Bitte das Ziel wählen, das die Kennzahl misst.").max(300),
  name: z
    .string()
    .trim()
    .min(3, "Bitte die Kennzahl mit mindestens 3 Zeichen benennen.")
    .max(200, "Der Name darf höchstens 200 Zeichen lang sein."),
  unit: z.string().trim().max(40, "Die Einheit darf höchstens 40 Zeichen lang sein.").default(""),
  baseline: number("den Ausgangswert"),
  baselineOn: isoDate,
  target: number("den Zielwert"),
  targetOn: isoDate,
  source: z.string().trim().max(300, "Die Quelle darf höchstens 300 Zeichen lang sein.").default(""),
});

function kpiRules(v: z.infer<typeof kpiBase>, ctx: z.core.$RefinementCtx) {
  if (v.targetOn <= v.baselineOn)
    ctx.addIssue({
      code: "custom",
      path: ["targetOn"],
      message: "Der Zieltermin muss nach dem Ausgangsdatum liegen.",
    });
  if (v.target === v.baseline)
    ctx.addIssue({
      code: "custom",
      path: ["target"],
      message: "Ziel- und Ausgangswert sind gleich: nichts zu messen.",
    });
}

export const kpiInput = kpiBase.extend({ strategyId: z.uuid() }).superRefine(kpiRules);
export const kpiUpdateInput = kpiBase.extend({ id: z.uuid() }).superRefine(kpiRules);

export const kpiValueInput = z.object({
  kpiId: z.uuid(),
  measuredOn: isoDate,
  value: number("den Wert"),
  note: z.string().trim().max(1000, "Die Notiz darf höchstens 1.000 Zeichen lang sein.").default(""),
});

export type KpiProgress = {
  latest: { measuredOn: string; value: number } | null;
  /** How far from baseline to target the latest value is (0 = baseline, 1 = target; may leave 0–1). */
  share: number | null;
  /** How far it should be by `today` on a straight line from baseline to target. */
  expectedShare: number;
  /** Reached the target; or at least as far as the straight line says; null without a value. */
  status: "reached" | "on_track" | "behind" | null;
};

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * Progress of a figure towards its target, for rising and for falling targets alike (fewer paper files, more online
 * cases): the share of the way from baseline to target that the latest value (by date) has covered.
 */
export function kpiProgress(
  kpi: { baseline: number; baselineOn: string; target: number; targetOn: string },
  values: readonly { measuredOn: string; value: number }[],
  today: string,
): KpiProgress {
  const latest = values.reduce<{ measuredOn: string; value: number } | null>(
    (a, v) => (a === null || v.measuredOn > a.measuredOn ? v : a),
    null,
  );
  const span = days(kpi.baselineOn, kpi.targetOn);
  const expectedShare = Math.min(1, Math.max(0, days(kpi.baselineOn, today) / span));
  if (!latest) return { latest, share: null, expectedShare, status: null };
  const share = (latest.value - kpi.baseline) / (kpi.target - kpi.baseline);
  const status = share >= 1 ? "reached" : share >= expectedShare - 1e-9 ? "on_track" : "behind";
  return { latest, share, expectedShare, status };
}

export const KPI_STATUS_LABELS: Readonly<Record<NonNullable<KpiProgress["status"]>, string>> = {
  reached: "Ziel erreicht",
  on_track: "im Plan",
  behind: "hinter dem Plan",
};
