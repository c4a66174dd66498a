// The Land-wide rollout counts for the Kommunen ("Landesdurchschnitt"): a named cross-tenant aggregate job. It runs
// in the state tenant's transaction (which reads every Kommune's records) and writes only counts, never names.
import { type Database, queries, STATE_TENANT_ID, type TenantTx, withTenant } from "@spatz/db";
import { stateJob } from "../base-processor.ts";

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
};
