/** A validated model flattened for fast lookups; built once per engine call. */
import { ModelValidationError, validateModel } from "./model-validation.ts";
import type { Criterion, Dimension, Level, MaturityModel } from "./types.ts";

export interface CompiledDimension {
  dimension: Dimension;
  /** Levels 1–4 in order. */
  levels: Level[];
  /** Number of criteria per level, index 0 = level 1. */
  sizes: number[];
  /** Index into CompiledModel.criteria of the first criterion of each level. */
  offsets: number[];
}

export interface CompiledModel {
  model: MaturityModel;
  dimensions: CompiledDimension[];
  /** All criteria in model order (dimension, level, criterion). */
  criteria: Criterion[];
  indexByKey: Map<string, number>;
  weights: number[];
}

/** Throws ModelValidationError: assessing an invalid model would give numbers nobody can trust. */
export function compileModel(model: MaturityModel): CompiledModel {
  const problems = validateModel(model);
  if (problems.length > 0) throw new ModelValidationError(problems);

  const criteria: Criterion[] = [];
  const indexByKey = new Map<string, number>();
  const dimensions = model.dimensions.map((dimension): CompiledDimension => {
    const levels = [...dimension.levels].sort((a, b) => a.level - b.level);
    const offsets: number[] = [];
    for (const level of levels) {
      offsets.push(criteria.length);
      for (const criterion of level.criteria) {
        indexByKey.set(criterion.key, criteria.length);
        criteria.push(criterion);
      }
    }
    return { dimension, levels, sizes: levels.map((level) => level.criteria.length), offsets };
  });
  return { model, dimensions, criteria, indexByKey, weights: model.dimensions.map((d) => d.weight) };
}
