// The aggregation step of the benchmark (job `benchmark.aggregate`). It runs in the state's transaction at REPEATABLE
// READ, so that the memberships it decides on and the figures it writes come from the same snapshot of the data:
// 1. benchmark_memberships (SECURITY DEFINER, spatz_benchmark) returns who is in which group per slot – memberships
//    only, never a figure;
// 2. the differencing guard (@spatz/benchmark, pure) decides which groups publish, per set of participants;
// 3. benchmark_write (SECURITY DEFINER) computes and stores the figures of those groups and a suppressed row for every
//    other one; the database refuses any published row below k, whatever this code asked for.
// The runtime role never sees a raw figure of another Kommune or of a suppressed group.
import { differencingGuard, type GuardGroup, monthEndsBefore, partitionOf } from "@spatz/benchmark";
import { berlinToday } from "@spatz/domain";
import { sql } from "drizzle-orm";
import type { TenantTx } from "../tenant-tx.ts";
import { getBenchmarkK } from "./benchmark-sharing.ts";

/** "current": the current figures only (after a Kommune's change); "all": also every month end of the window. */
export type AggregateScope = "current" | "all";

export type AggregationResult = {
  scope: AggregateScope;
  k: number;
  today: string;
  /** Rows written (published and suppressed). */
  rows: number;
  /** Groups published and suppressed in the current slot (0 when no Kommune has a snapshot yet). */
  published: number;
  suppressed: number;
  /** Groups suppressed only by the differencing guard (they have k or more members), current slot. */
  suppressedByDifferencing: string[];
};

type Slot = { period: "current" | "month_end"; stichtag: string | null };

/** A Postgres array literal of validated ISO dates (drizzle would expand a JS array into a list of parameters). */
function dateArray(dates: readonly string[]): string {
  for (const d of dates) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new RangeError(`not a date: ${d}`);
  return `{${dates.join(",")}}`;
}

/** Must run in the state tenant's transaction, opened with `isolation: "repeatable read"`. */
export async function aggregateBenchmarks(
  tx: TenantTx,
  opts: { scope: AggregateScope; today?: string },
): Promise<AggregationResult> {
  const today = opts.today ?? berlinToday();
  const k = await getBenchmarkK(tx);
  const monthEnds = opts.scope === "all" ? monthEndsBefore(today) : [];
  const memberships = await tx.execute<{ slots: Slot[]; group_id: string; members: string[] }>(
    sql`select slots, group_id, members from benchmark_memberships(${dateArray(monthEnds)}::date[], true)`,
  );
  const sets = new Map<string, { slots: Slot[]; groups: GuardGroup[] }>();
  for (const row of memberships) {
    const key = JSON.stringify(row.slots);
    const set = sets.get(key) ?? { slots: row.slots, groups: [] };
    set.groups.push({ id: row.group_id, partition: partitionOf(row.group_id), members: row.members });
    sets.set(key, set);
  }
  const publish: { slots: Slot[]; groups: string[]; differencing: string[] }[] = [];
  let current = { published: 0, suppressed: 0, byDifferencing: [] as string[] };
  for (const set of sets.values()) {
    // Sorted, so that the guard's tie-breaks do not depend on the order the database returned the groups in.
    set.groups.sort((a, b) => a.id.localeCompare(b.id));
    const result = differencingGuard(set.groups, k);
    const differencing = result.suppressed.filter((s) => s.reason === "differencing").map((s) => s.id);
    publish.push({ slots: set.slots, groups: result.published, differencing });
    if (set.slots.some((s) => s.period === "current")) {
      current = {
        published: result.published.length,
        suppressed: result.suppressed.length,
        byDifferencing: differencing,
      };
    }
  }
  const [written] = await tx.execute<{ rows: number }>(
    sql`select benchmark_write(${dateArray(monthEnds)}::date[], true, ${today}::date, ${JSON.stringify(publish)}::jsonb) as rows`,
  );
  return {
    scope: opts.scope,
    k,
    today,
    rows: written!.rows,
    published: current.published,
    suppressed: current.suppressed,
    suppressedByDifferencing: current.byDifferencing,
  };
}
