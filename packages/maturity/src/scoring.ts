/**
 * The arithmetic of level, score and index, shared by assess and history so that both give bit-identical
 * numbers for the same date.
 */
import type { MaturityLevel } from "./types.ts";

/** Staircase: the first incomplete level stops the climb, whatever is fulfilled above it. */
export function levelFromCounts(fulfilled: ArrayLike<number>, sizes: ArrayLike<number>): MaturityLevel {
  let level = 0;
  while (level < sizes.length && fulfilled[level] === sizes[level]) level++;
  return level as MaturityLevel;
}

export function scoreFromCounts(
  level: MaturityLevel,
  fulfilled: ArrayLike<number>,
  sizes: ArrayLike<number>,
): number {
  if (level >= sizes.length) return level;
  return level + fulfilled[level]! / sizes[level]!;
}

export function weightedIndex(scores: ArrayLike<number>, weights: ArrayLike<number>): number {
  let weighted = 0;
  let totalWeight = 0;
  for (let i = 0; i < scores.length; i++) {
    weighted += scores[i]! * weights[i]!;
    totalWeight += weights[i]!;
  }
  return weighted / totalWeight;
}
