// The Land-wide rollout counts for the Kommunen ("Landesdurchschnitt"): a named cross-tenant aggregate job. It runs
// in the state tenant's transaction (which reads every Kommune's records) and writes only counts, never names.
import { type Database, queries, STATE_TENANT_ID, withTenant } from "@spatz/db";

export async function refreshRolloutLandStats(db: Database) {
  const result = await withTenant(db, STATE_TENANT_ID, (tx) =>
    queries.refreshLandStats(tx, STATE_TENANT_ID, null),
  );
  return {
    computedAt: result.computedAt.toISOString(),
    changed: result.changed,
    relevant: result.overall.relevant,
    online: result.overall.online,
  };
}
