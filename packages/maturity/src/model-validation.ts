/**
 * Structural checks of a maturity model before the state publishes it. Messages are German because they are
 * shown to the state admin as they are.
 */
import type { Dimension, MaturityModel } from "./types.ts";

const CRITERION_LEVELS = [1, 2, 3, 4] as const;

export class ModelValidationError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Ungültiges Reifegradmodell: ${problems.join(" ")}`);
    this.name = "ModelValidationError";
    this.problems = problems;
  }
}

function isBlank(value: unknown): boolean {
  return typeof value !== "string" || value.trim() === "";
}

function validateLevels(dimension: Dimension, label: string, problems: string[]): void {
  const seen = new Set<number>();
  for (const level of dimension.levels ?? []) {
    if (!(CRITERION_LEVELS as readonly number[]).includes(level.level)) {
      problems.push(`${label}: Stufe ${String(level.level)} ist ungültig (erlaubt sind 1 bis 4).`);
      continue;
    }
    if (seen.has(level.level)) problems.push(`${label}: Stufe ${level.level} ist mehrfach definiert.`);
    seen.add(level.level);
    if (isBlank(level.name)) problems.push(`${label}: Stufe ${level.level} hat keinen Namen.`);
    if (!level.criteria || level.criteria.length === 0) {
      problems.push(`${label}: Stufe ${level.level} hat keine Kriterien.`);
    }
  }
  for (const level of CRITERION_LEVELS) {
    if (!seen.has(level)) problems.push(`${label}: Stufe ${level} fehlt.`);
  }
}

function validateCriteria(
  dimension: Dimension,
  label: string,
  criterionOwners: Map<string, string>,
  problems: string[],
): void {
  for (const level of dimension.levels ?? []) {
    for (const criterion of level.criteria ?? []) {
      const where = `${label}, Stufe ${String(level.level)}`;
      if (isBlank(criterion.key)) {
        problems.push(`${where}: Ein Kriterium hat keinen Schlüssel.`);
        continue;
      }
      const owner = criterionOwners.get(criterion.key);
      if (owner !== undefined) {
        problems.push(`Kriterienschlüssel „${criterion.key}“ ist mehrfach vergeben (${owner} und ${where}).`);
      } else {
        criterionOwners.set(criterion.key, where);
      }
      if (isBlank(criterion.title)) problems.push(`Kriterium „${criterion.key}“ hat keinen Titel.`);
      const validity: unknown = criterion.validityMonths;
      if (validity !== null && !(Number.isInteger(validity) && (validity as number) > 0)) {
        problems.push(
          `Kriterium „${criterion.key}“: Gültigkeitsdauer „${String(validity)}“ ist unbekannt (erlaubt: ganze Zahl von Monaten > 0 oder null für unbegrenzt).`,
        );
      }
    }
  }
}

/** Returns every problem found; an empty list means the model is valid. */
export function validateModel(model: MaturityModel): string[] {
  const problems: string[] = [];
  if (isBlank(model.id)) problems.push("Das Modell hat keine ID.");
  if (!Number.isInteger(model.version) || model.version < 1) {
    problems.push(`Die Modellversion „${String(model.version)}“ ist keine positive ganze Zahl.`);
  }
  if (isBlank(model.name)) problems.push("Das Modell hat keinen Namen.");
  if (!model.dimensions || model.dimensions.length === 0) {
    problems.push("Das Modell hat keine Dimensionen.");
    return problems;
  }

  const dimensionKeys = new Set<string>();
  const criterionOwners = new Map<string, string>();
  for (const dimension of model.dimensions) {
    const label = `Dimension „${dimension.key}“`;
    if (isBlank(dimension.key)) problems.push("Eine Dimension hat keinen Schlüssel.");
    else if (dimensionKeys.has(dimension.key)) {
      problems.push(`Dimensionsschlüssel „${dimension.key}“ ist mehrfach vergeben.`);
    }
    dimensionKeys.add(dimension.key);
    if (isBlank(dimension.name)) problems.push(`${label} hat keinen Namen.`);
    if (typeof dimension.weight !== "number" || !Number.isFinite(dimension.weight) || dimension.weight <= 0) {
      problems.push(`${label}: Das Gewicht muss größer als 0 sein (ist ${String(dimension.weight)}).`);
    }
    validateLevels(dimension, label, problems);
    validateCriteria(dimension, label, criterionOwners, problems);
  }
  return problems;
}
