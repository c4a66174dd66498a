// Rollout jobs, all in the state tenant's transaction (the only one that reads every Kommune's records): the Land-wide
// anonymous counts for the Kommunen, and the state PMO's coverage aggregates (db queries rollout-aggregates.ts) —
// the changed Kommune's Kreis after a change, everything nightly with the drift check.
import { type Database, queries, STATE_TENANT_ID, type TenantTx, withTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { stateJob } from "../base-processor.ts";

/** A national full recompute reads millions of records: far longer than a request may take. */
export const ROLLOUT_FULL_STATEMENT_TIMEOUT_MS = 15 * 60_000;

export async function refreshRolloutLandStats(db: Database) {
  return withTenant(db, STATE_TENANT_ID, (tx) => landStatsIn(tx));
}

async function landStatsIn(tx: TenantTx) {
  const result = await queries.refreshLandStats(tx, STATE_TENANT_ID, null);
  return {
    computedAt: result.computedAt.toISOString(),
    changed: result.changed,
    relevant: result.overall.relevant,
    online: result.overall.online,
  };
}

export const rolloutProcessors = {
  "rollout.landStats": stateJob("rollout.landStats", (tx) => landStatsIn(tx)),

  // REPEATABLE READ: the Kreis's cells, Kommunen and go-lives are computed from one view of the records.
  "rollout.aggregateKommune": stateJob(
    "rollout.aggregateKommune",
    async (tx, payload) => {
      const kreisAgs = await queries.rolloutKreisOf(tx, payload.tenantId);
      if (kreisAgs === null) return { kreisAgs: null };
      await queries.refreshRolloutKreis(tx, STATE_TENANT_ID, kreisAgs, berlinToday());
      return { kreisAgs };
    },
    { transaction: { isolation: "repeatable read" } },
  ),

  "rollout.aggregateAll": stateJob(
    "rollout.aggregateAll",
    async (tx, payload, ctx) => {
      const { driftRows, drift, timings } = await queries.refreshRolloutAll(
        tx,
        STATE_TENANT_ID,
        berlinToday(),
        payload,
      );
      // Drift means an incremental update was missed: repaired now, but a defect to look into.
      if (driftRows > 0)
        ctx.logger.warn(
          { job: "rollout.aggregateAll", driftRows, sample: drift.slice(0, 5) },
          "rollout aggregates drifted from the records; repaired",
        );
      return { driftRows, timings };
    },
    { transaction: { isolation: "repeatable read", statementTimeoutMs: ROLLOUT_FULL_STATEMENT_TIMEOUT_MS } },
  ),
};
