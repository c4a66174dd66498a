// Which procedures change what the rollout aggregates count: after one of them commits, the aggregates are refreshed
// by a debounced job (db queries rollout-aggregates.ts). Declarative, so that tRPC enqueues the refresh without code
// in each procedure; the authorization matrix test (test/isolation/authorization.test.ts) fails when a procedure writes
// rollout records, the services' responsibility or the Kommunen's registry data but is missing here. Anything missed
// anyway is caught, and reported as drift, by the nightly full recompute.
import type { ProcedurePath } from "@spatz/domain";

/** A Kommune's own records: its Kreis is recomputed. */
export const ROLLOUT_KOMMUNE_PROCEDURES = [
  "rollout.updateRecord",
  "rollout.bulkUpdate",
] as const satisfies readonly ProcedurePath[];

/** The catalogue or the registry (which Kommune is responsible for what, where, how many inhabitants): everything. */
export const ROLLOUT_CATALOGUE_PROCEDURES = [
  "rollout.importCatalogue",
  "rollout.correctResponsibility",
  // A new Kommune adds its pairs (all "nicht begonnen").
  "tenants.create",
] as const satisfies readonly ProcedurePath[];

export type RolloutTrigger = "kommune" | "all" | null;

const KOMMUNE: ReadonlySet<string> = new Set(ROLLOUT_KOMMUNE_PROCEDURES);
const ALL: ReadonlySet<string> = new Set(ROLLOUT_CATALOGUE_PROCEDURES);

export function rolloutTrigger(path: string): RolloutTrigger {
  if (KOMMUNE.has(path)) return "kommune";
  if (ALL.has(path)) return "all";
  return null;
}
