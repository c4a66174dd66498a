// Demo data for the benchmark (Vergleich): a few Kommunen share their figures by name – Halle (Saale) with the Land and
// with other Kommunen, others with one of them – and every Kommune has its snapshots and the aggregates exist, so that
// a newcomer sees figures at the first sign-in (the worker's nightly run keeps them fresh afterwards).
// Idempotent: a Kommune's own sharing choice is never overwritten; snapshots and aggregates are recomputed as the jobs
// would (a rerun writes no month end twice).
import { ne } from "drizzle-orm";
import type { Database } from "../client.ts";
import { STATE_TENANT_ID } from "../constants.ts";
import { aggregateBenchmarks } from "../queries/benchmark-aggregates.ts";
import { getSharing, setSharing } from "../queries/benchmark-sharing.ts";
import { activeKommuneIds, refreshMaturitySnapshot } from "../queries/benchmark-snapshots.ts";
import { tenants } from "../schema/tenants.ts";
import { withoutTenant, withTenant } from "../tenant-tx.ts";

const ACTOR = { userId: null, label: "Demo-Daten" };

/** Who shares what in the demo (slugs of the reference data). */
export const DEMO_SHARES: readonly { slug: string; withLand: boolean; withKommunen: boolean }[] = [
  { slug: "halle-saale", withLand: true, withKommunen: true },
  { slug: "magdeburg", withLand: true, withKommunen: false },
  { slug: "wernigerode", withLand: true, withKommunen: true },
  { slug: "landkreis-harz", withLand: false, withKommunen: true },
  { slug: "verbandsgemeinde-elbe-heide", withLand: true, withKommunen: true },
];

export type BenchmarkDemoResult = { shares: number; snapshots: number; rows: number; published: number };

export async function seedBenchmarkDemo(db: Database): Promise<BenchmarkDemoResult> {
  const kommunen = await withoutTenant(
    db,
    (tx) => tx.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(ne(tenants.kind, "state")),
    { readOnly: true },
  );
  let shares = 0;
  for (const share of DEMO_SHARES) {
    const kommune = kommunen.find((k) => k.slug === share.slug);
    if (!kommune) continue;
    const set = await withTenant(db, kommune.id, async (tx) => {
      if ((await getSharing(tx)).changedAt) return false;
      await setSharing(tx, kommune.id, ACTOR, share);
      return true;
    });
    if (set) shares++;
  }
  const active = await withoutTenant(db, (tx) => activeKommuneIds(tx), { readOnly: true });
  for (const id of active) await withTenant(db, id, (tx) => refreshMaturitySnapshot(tx, id));
  const result = await withTenant(db, STATE_TENANT_ID, (tx) => aggregateBenchmarks(tx, { scope: "all" }), {
    isolation: "repeatable read",
    statementTimeoutMs: 600_000,
  });
  return { shares, snapshots: active.length, rows: result.rows, published: result.published };
}
