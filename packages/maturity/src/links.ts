/** Moving measure links from one published model version to the next. */
import type { CriterionLinkMapping, MaturityModel } from "./types.ts";

/**
 * Maps a measure's criterion keys to the new model version. A key in `mapping` is replaced by its new keys
 * (an empty list retires it); any other key is kept only if the new model still has it. Mapped keys that the
 * new model lacks are discarded as well, so the result never links to a criterion that does not exist.
 */
export function mapCriterionLinks(
  criterionKeys: readonly string[],
  mapping: Readonly<Record<string, readonly string[]>>,
  newModel: MaturityModel,
): CriterionLinkMapping {
  const known = new Set<string>();
  for (const dimension of newModel.dimensions) {
    for (const level of dimension.levels) for (const criterion of level.criteria) known.add(criterion.key);
  }
  const keys = new Set<string>();
  const dropped = new Set<string>();
  for (const oldKey of criterionKeys) {
    // Object.hasOwn: a key like "constructor" must not hit Object.prototype.
    const candidates = Object.hasOwn(mapping, oldKey) ? mapping[oldKey]! : [oldKey];
    const surviving = candidates.filter((key) => known.has(key));
    if (surviving.length === 0) dropped.add(oldKey);
    for (const key of surviving) keys.add(key);
  }
  return { keys: [...keys], dropped: [...dropped] };
}
