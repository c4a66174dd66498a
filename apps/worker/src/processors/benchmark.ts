// Benchmark jobs (docs/adr/0009-benchmark-privacy.md): a Kommune's snapshot in its own transaction, the aggregation in
// the state's (REPEATABLE READ, one consistent view for the differencing guard and the figures), and the nightly
// fan-out as a BullMQ flow with deterministic ids.
import { queries, withoutTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { aggregateJob, nightlyFlow } from "@spatz/jobs";
import { plainJob, stateJob, tenantJob } from "../base-processor.ts";

/** Aggregating every month end of thousands of Kommunen legitimately takes longer than a request may. */
export const AGGREGATE_STATEMENT_TIMEOUT_MS = 15 * 60_000;

export const benchmarkProcessors = {
  "benchmark.snapshot": tenantJob(
    "benchmark.snapshot",
    (tx, payload) => queries.refreshMaturitySnapshot(tx, payload.tenantId),
    {
      // After the snapshot committed: the debounced aggregation, unless the job belongs to the nightly flow (whose
      // parent aggregates everything once all Kommunen are done) or nothing changed.
      after: async (result, _payload, ctx) => {
        if (ctx.job.parent) return;
        if (result.monthEndsWritten.length > 0) await ctx.producer.enqueue(aggregateJob("all"));
        else if (result.currentChanged) await ctx.producer.enqueue(aggregateJob("current"));
      },
    },
  ),

  "benchmark.aggregate": stateJob(
    "benchmark.aggregate",
    (tx, payload) => queries.aggregateBenchmarks(tx, { scope: payload.scope }),
    { transaction: { isolation: "repeatable read", statementTimeoutMs: AGGREGATE_STATEMENT_TIMEOUT_MS } },
  ),

  "benchmark.refreshAll": plainJob("benchmark.refreshAll", async (_payload, ctx) => {
    const day = berlinToday();
    const kommunen = await withoutTenant(ctx.db, (tx) => queries.activeKommuneIds(tx), { readOnly: true });
    // One atomic add with deterministic ids: a retry after the worker died adds nothing twice.
    await ctx.producer.flows().add(nightlyFlow(day, kommunen));
    return { day, kommunen: kommunen.length };
  }),
};
