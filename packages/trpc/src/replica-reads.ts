// The reads a streaming replica may answer (DATABASE_READ_URL): the dashboards of aggregates that jobs compute (the
// Land's rollout figures, the benchmarks). They tolerate a replica's lag of a moment; anything a user has just
// changed and expects to see again (lists, forms, the Kommune's own board) stays on the primary.
export const REPLICA_READS: ReadonlySet<string> = new Set([
  "rollout.stateOverview",
  "rollout.coverageByService",
  "rollout.coverageByKommune",
  "rollout.coverageMatrix",
  "rollout.aggregateStatus",
  "rollout.forecast",
  "rollout.progress",
  "rollout.bottlenecks",
  "benchmark.catalogue",
  "benchmark.distribution",
  "benchmark.trend",
  "benchmark.kreisMap",
  "benchmark.levelCounts",
]);
