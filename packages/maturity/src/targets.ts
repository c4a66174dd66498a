/** Soll/Ist: how far each target level is from today's level and whether the plan reaches it in time. */
import { assessCompiled } from "./assess.ts";
import { compileModel } from "./compiled-model.ts";
import { assertIsoDate } from "./dates.ts";
import { indexLinks } from "./fulfilment.ts";
import type {
  Assessment,
  IsoDate,
  MaturityLevel,
  MaturityModel,
  MeasureInput,
  Target,
  TargetEvaluation,
  TargetStatus,
} from "./types.ts";

function statusOf(current: number, planned: number, target: Target, today: IsoDate): TargetStatus {
  if (current >= target.level) return "reached";
  if (target.dueOn < today) return "at_risk";
  return planned >= target.level ? "on_track" : "at_risk";
}

function assertTarget(target: Target, dimensionKeys: ReadonlySet<string>): void {
  if (!dimensionKeys.has(target.dimensionKey)) {
    throw new RangeError(`Ziel für unbekannte Dimension „${target.dimensionKey}“.`);
  }
  if (!Number.isInteger(target.level) || target.level < 0 || target.level > 4) {
    throw new RangeError(
      `Zielstufe „${String(target.level)}“ für „${target.dimensionKey}“ ist nicht 0 bis 4.`,
    );
  }
  assertIsoDate(target.dueOn, `Zieltermin für „${target.dimensionKey}“`);
}

/**
 * Throws RangeError for a target on a dimension this model version does not have: targets have to be moved
 * with the model (like measure links), not silently dropped.
 */
export function evaluateTargets(
  model: MaturityModel,
  measures: readonly MeasureInput[],
  targets: readonly Target[],
  today: IsoDate,
): TargetEvaluation[] {
  assertIsoDate(today, "Heute");
  const compiled = compileModel(model);
  const dimensionKeys = new Set(model.dimensions.map((dimension) => dimension.key));
  for (const target of targets) assertTarget(target, dimensionKeys);

  const actualLinks = indexLinks(compiled, measures, "actual");
  const planLinks = indexLinks(compiled, measures, "plan");
  const current = assessCompiled(compiled, actualLinks, today, "actual");
  const plans = new Map<IsoDate, Assessment>();
  const planAt = (date: IsoDate): Assessment => {
    let plan = plans.get(date);
    if (!plan) {
      plan = assessCompiled(compiled, planLinks, date, "plan");
      plans.set(date, plan);
    }
    return plan;
  };

  return targets.map((target): TargetEvaluation => {
    const d = compiled.dimensions.findIndex((entry) => entry.dimension.key === target.dimensionKey);
    const entry = compiled.dimensions[d]!;
    const currentLevel: MaturityLevel = current.dimensions[d]!.level;
    const plannedLevel: MaturityLevel = planAt(target.dueOn).dimensions[d]!.level;
    const status = statusOf(currentLevel, plannedLevel, target, today);
    const overdue = new Set<string>();
    if (status !== "reached") {
      const end = entry.offsets[0]! + entry.sizes.slice(0, target.level).reduce((sum, size) => sum + size, 0);
      for (let c = entry.offsets[0]!; c < end; c++) {
        for (const open of actualLinks.openMeasures[c]!) {
          if (open.plannedEnd !== null && open.plannedEnd < today) overdue.add(open.measureId);
        }
      }
    }
    return {
      dimensionKey: target.dimensionKey,
      dimensionName: entry.dimension.name,
      targetLevel: target.level,
      dueOn: target.dueOn,
      currentLevel,
      plannedLevel,
      gap: Math.max(0, target.level - currentLevel),
      status,
      overdueMeasureIds: [...overdue].sort(),
    };
  });
}
