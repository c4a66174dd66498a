/** The assessment of one tenant's maturity at one date: a pure function of (model, measures, date, mode). */
import { type CompiledModel, compileModel } from "./compiled-model.ts";
import { assertIsoDate } from "./dates.ts";
import { type Completion, type CriterionLinks, indexLinks, isActiveAt } from "./fulfilment.ts";
import { BASELINE_LEVEL_NAME } from "./labels.ts";
import { levelFromCounts, scoreFromCounts, weightedIndex } from "./scoring.ts";
import type {
  Assessment,
  AssessmentMode,
  AssessOptions,
  Criterion,
  CriterionAssessment,
  DimensionAssessment,
  IsoDate,
  LevelAssessment,
  MaturityModel,
  MeasureInput,
  NextStep,
  OpenMeasureRef,
} from "./types.ts";

function assessCriterion(
  criterion: Criterion,
  completions: readonly Completion[],
  openMeasures: readonly OpenMeasureRef[],
  at: IsoDate,
): CriterionAssessment {
  const fulfilledBy: string[] = [];
  let expiresOn: IsoDate | null = null;
  let expiredOn: IsoDate | null = null;
  let neverExpires = false;
  for (const completion of completions) {
    if (completion.on > at) break;
    if (isActiveAt(completion, at)) {
      fulfilledBy.push(completion.measureId);
      if (completion.until === null) neverExpires = true;
      else if (expiresOn === null || completion.until > expiresOn) expiresOn = completion.until;
    } else if (completion.until !== null && (expiredOn === null || completion.until > expiredOn)) {
      expiredOn = completion.until;
    }
  }
  const fulfilled = fulfilledBy.length > 0;
  return {
    key: criterion.key,
    title: criterion.title,
    fulfilled,
    fulfilledBy,
    expiresOn: fulfilled && !neverExpires ? expiresOn : null,
    expiredOn: fulfilled ? null : expiredOn,
    openMeasures: fulfilled ? [] : [...openMeasures],
  };
}

function nextStepFor(dimension: DimensionAssessment): NextStep | null {
  const next = dimension.levels[dimension.level];
  if (!next) return null;
  return {
    dimensionKey: dimension.key,
    dimensionName: dimension.name,
    currentLevel: dimension.level,
    nextLevel: next.level,
    missing: next.criteria
      .filter((criterion) => !criterion.fulfilled)
      .map((criterion) => ({
        criterionKey: criterion.key,
        title: criterion.title,
        openMeasures: criterion.openMeasures,
      })),
  };
}

/** Assesses with an already compiled model and indexed links, so callers can reuse them across dates. */
export function assessCompiled(
  compiled: CompiledModel,
  links: CriterionLinks,
  at: IsoDate,
  mode: AssessmentMode,
): Assessment {
  const dimensions = compiled.dimensions.map((entry): DimensionAssessment => {
    const levels = entry.levels.map((level, levelIndex): LevelAssessment => {
      const offset = entry.offsets[levelIndex]!;
      const criteria = level.criteria.map((criterion, i) =>
        assessCriterion(criterion, links.completions[offset + i]!, links.openMeasures[offset + i]!, at),
      );
      const fulfilledCount = criteria.filter((criterion) => criterion.fulfilled).length;
      return {
        level: level.level,
        name: level.name,
        complete: fulfilledCount === criteria.length,
        fulfilledCount,
        criteria,
      };
    });
    const counts = levels.map((level) => level.fulfilledCount);
    const level = levelFromCounts(counts, entry.sizes);
    return {
      key: entry.dimension.key,
      name: entry.dimension.name,
      weight: entry.dimension.weight,
      level,
      levelName: level === 0 ? BASELINE_LEVEL_NAME : entry.levels[level - 1]!.name,
      score: scoreFromCounts(level, counts, entry.sizes),
      levels,
    };
  });

  return {
    modelId: compiled.model.id,
    modelVersion: compiled.model.version,
    at,
    mode,
    index: weightedIndex(
      dimensions.map((dimension) => dimension.score),
      compiled.weights,
    ),
    dimensions,
    nextSteps: dimensions.map(nextStepFor).filter((step): step is NextStep => step !== null),
    unknownCriterionKeys: links.unknownCriterionKeys,
    undatedCompletedMeasureIds: links.undatedCompletedMeasureIds,
  };
}

/**
 * Maturity at `at`. Throws ModelValidationError for an invalid model and RangeError for malformed dates;
 * links to unknown criterion keys are reported in the result instead.
 */
export function assess(
  model: MaturityModel,
  measures: readonly MeasureInput[],
  at: IsoDate,
  options: AssessOptions = { mode: "actual" },
): Assessment {
  assertIsoDate(at, "Stichtag");
  const compiled = compileModel(model);
  return assessCompiled(compiled, indexLinks(compiled, measures, options.mode), at, options.mode);
}
