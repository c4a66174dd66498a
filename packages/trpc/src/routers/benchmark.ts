// Maturity benchmarks (Vergleich, docs/adr/0009-benchmark-privacy.md). Everyone reads the k-anonymous group figures;
// the Land reads its views (Kreis map, level counts, the Kommunen that share with it by name, status, export) and sets
// k; a Kommune reads its own snapshots, its position in a group and the peers that share with Kommunen, and its
// leadership or admin decides what it shares. Figures of other Kommunen by name come only through the database's
// sharing policy; a suppressed figure carries its German reason.
import {
  catalogueOutput,
  distributionInput,
  distributionOutput,
  exportDistributionInput,
  exportedFileOutput,
  type Figures,
  kreisMapInput,
  kreisMapOutput,
  levelCountsInput,
  levelCountsOutput,
  MAX_K,
  MIN_K,
  ownOutput,
  peersAheadInput,
  peersAheadOutput,
  positionInput,
  positionOutput,
  SHARED_FIELDS,
  setKInput,
  setSharingInput,
  settingsOutput,
  sharedKommunenOutput,
  sharingOutput,
  statusOutput,
  trendInput,
  trendOutput,
} from "@spatz/benchmark";
import { queries } from "@spatz/db";
import { ERROR_MESSAGES, formatDateTime, formatInteger } from "@spatz/domain";
import { aggregateJob } from "@spatz/jobs";
import { type ExportColumn, exportTable } from "@spatz/rollout/table-export";
import { TRPCError } from "@trpc/server";
import type { ServerDeps } from "../context.ts";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";

type Ctx = { session: SessionContext };

/** The caller's Kommune; the matrix already limits these procedures to Kommune roles. */
function kommuneId(ctx: Ctx): string {
  if (ctx.session.tenant.kind === "state")
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  return ctx.session.tenant.id;
}

/** The state tenant; the matrix already limits these procedures to state roles. */
function stateId(ctx: Ctx): string {
  if (ctx.session.tenant.kind !== "state")
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  return ctx.session.tenant.id;
}

/** Current figures older than this count as behind (the nightly refresh should have renewed them). */
const STALE_AFTER_MS = 26 * 3_600_000;

type DistributionRow = { key: string; label: string; figures: Figures };

/** The columns of the Land's distribution view, suppressed cells marked with the German reason in every figure. */
function distributionColumns(group: string, stichtag: string): ExportColumn<DistributionRow>[] {
  const figure =
    (pick: (f: Extract<Figures, { suppressed: false }>) => number | null) => (r: DistributionRow) =>
      r.figures.suppressed ? { note: r.figures.reason } : pick(r.figures);
  const share = (level: number) => figure((f) => (f.levelShares ? f.levelShares[level]! : null));
  return [
    { header: "Vergleichsgruppe", kind: "text", value: () => group },
    { header: "Stichtag", kind: "date", value: () => stichtag },
    { header: "Kennzahl", kind: "text", value: (r) => r.label },
    { header: "Kommunen", kind: "integer", value: figure((f) => f.n) },
    { header: "Minimum", kind: "decimal", value: figure((f) => f.min) },
    { header: "Unteres Quartil (25 %)", kind: "decimal", value: figure((f) => f.p25) },
    { header: "Median", kind: "decimal", value: figure((f) => f.median) },
    { header: "Oberes Quartil (75 %)", kind: "decimal", value: figure((f) => f.p75) },
    { header: "Maximum", kind: "decimal", value: figure((f) => f.max) },
    { header: "Mittelwert", kind: "decimal", value: figure((f) => f.mean) },
    ...[0, 1, 2, 3, 4].map(
      (level): ExportColumn<DistributionRow> => ({
        header: `Anteil auf Stufe ${level}`,
        kind: "percent",
        value: share(level),
      }),
    ),
  ];
}

/** Waiting, delayed, running and failed benchmark jobs and the next nightly run; null when Redis cannot be reached. */
async function queueState(producer: ServerDeps["jobs"]) {
  if (!producer) return { queue: null, next: null };
  try {
    const read = async () => {
      const [snapshots, aggregates, nightly] = await Promise.all([
        producer.queue("benchmarks").getJobCounts("waiting", "delayed", "active", "failed"),
        producer.queue("benchmarkAggregates").getJobCounts("waiting", "delayed", "active", "failed"),
        producer.queue("benchmarks").getJobScheduler("benchmark-nightly"),
      ]);
      const sum = (key: string) => (snapshots[key] ?? 0) + (aggregates[key] ?? 0);
      return {
        queue: {
          waiting: sum("waiting"),
          delayed: sum("delayed"),
          active: sum("active"),
          failed: sum("failed"),
        },
        next: nightly?.next ? new Date(nightly.next) : null,
      };
    };
    return await Promise.race([
      read(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000)),
    ]);
  } catch {
    return { queue: null, next: null };
  }
}

export const benchmarkRouter = router({
  /** Groups (with members by the registry and whether they publish), metrics, month ends with figures, k. */
  catalogue: tenantProcedure
    .output(catalogueOutput)
    .query(({ ctx }) =>
      queries.benchmarkCatalogue(ctx.tx, ctx.session.tenant.kind === "state" ? null : ctx.session.tenant.id),
    ),

  /** Every metric's figures for one group and Stichtag ("current" or a month end). */
  distribution: tenantProcedure
    .input(distributionInput)
    .output(distributionOutput)
    .query(({ ctx, input }) => queries.benchmarkDistribution(ctx.tx, input.groupId, input.stichtag)),

  /** Median and quartiles of one group and metric at each of the last 36 month ends, then the current figures. */
  trend: tenantProcedure
    .input(trendInput)
    .output(trendOutput)
    .query(({ ctx, input }) => queries.benchmarkTrend(ctx.tx, input.groupId, input.metric)),

  /** Per Landkreis the median of its Gemeinden (for the map); null where suppressed. */
  kreisMap: tenantProcedure
    .input(kreisMapInput)
    .output(kreisMapOutput)
    .query(({ ctx, input }) => {
      stateId(ctx);
      return queries.benchmarkKreisMap(ctx.tx, input.stichtag, input.metric);
    }),

  /** The Kommunen that share their figures with the Land, by name (the database shows the state no others). */
  sharedKommunen: tenantProcedure
    .output(sharedKommunenOutput)
    .query(({ ctx }) => queries.benchmarkSharedKommunen(ctx.tx, stateId(ctx))),

  /** "Kommunen mit Stufe ≥ L in Dimension D": per group, where published. */
  levelCounts: tenantProcedure
    .input(levelCountsInput)
    .output(levelCountsOutput)
    .query(({ ctx, input }) => {
      stateId(ctx);
      return queries.benchmarkLevelCounts(ctx.tx, input.dimensionKey, input.minLevel, input.stichtag);
    }),

  /** Exactly the distribution view as CSV (semicolon, UTF-8 with BOM, decimal comma) or XLSX. */
  exportDistribution: tenantProcedure
    .input(exportDistributionInput)
    .output(exportedFileOutput)
    .query(async ({ ctx, input }) => {
      stateId(ctx);
      const view = await queries.benchmarkDistribution(ctx.tx, input.groupId, input.stichtag);
      const name = `Reifegrad ${view.group.label} ${view.stichtag.period === "current" ? "aktuell" : view.stichtag.date}`;
      return exportTable(
        name,
        distributionColumns(view.group.label, view.stichtag.date),
        view.metrics,
        input.format,
      );
    }),

  settings: tenantProcedure.output(settingsOutput).query(async ({ ctx }) => {
    stateId(ctx);
    return { ...(await queries.getBenchmarkSettings(ctx.tx)), minK: MIN_K, maxK: MAX_K };
  }),

  /**
   * Changes k (3–50). A larger k suppresses smaller figures in the same transaction; the aggregation then recomputes
   * the differencing guard for the new k.
   */
  setK: tenantProcedure
    .input(setKInput)
    .output(settingsOutput)
    .mutation(async ({ ctx, input }) => {
      const settings = await queries.setBenchmarkK(ctx.tx, stateId(ctx), ctx.session.actor, input.k);
      const jobs = ctx.deps.jobs;
      if (jobs) ctx.afterCommit(() => jobs.enqueue(aggregateJob("all", 0)));
      return { ...settings, minK: MIN_K, maxK: MAX_K };
    }),

  /** As of when the figures are, how many Kommunen they cover, and whether jobs are behind. */
  status: tenantProcedure.output(statusOutput).query(async ({ ctx }) => {
    stateId(ctx);
    const [freshness, jobs] = await Promise.all([
      queries.benchmarkFreshness(ctx.tx),
      queueState(ctx.deps.jobs),
    ]);
    const stale =
      freshness.currentAsOf === null || Date.now() - freshness.currentAsOf.getTime() > STALE_AFTER_MS;
    const pending = jobs.queue ? jobs.queue.waiting + jobs.queue.delayed + jobs.queue.active : 0;
    const behind = stale || pending > 0;
    const parts = [
      freshness.currentAsOf ? `Stand ${formatDateTime(freshness.currentAsOf)}` : "noch keine Vergleichswerte",
      freshness.kommunenCovered !== null ? `${formatInteger(freshness.kommunenCovered)} Kommunen` : null,
      jobs.queue === null
        ? "Warteschlange nicht erreichbar"
        : pending > 0
          ? `${formatInteger(pending)} Aufgaben laufen oder warten`
          : "alle Aufgaben erledigt",
      jobs.queue && jobs.queue.failed > 0 ? `${formatInteger(jobs.queue.failed)} fehlgeschlagen` : null,
    ];
    return {
      ...freshness,
      queue: jobs.queue,
      nextNightlyRun: jobs.next,
      behind,
      summary: parts.filter(Boolean).join(" · "),
    };
  }),

  /** The Kommune's own current snapshot and its trend (month ends, then current). */
  own: tenantProcedure.output(ownOutput).query(({ ctx }) => queries.benchmarkOwn(ctx.tx, kommuneId(ctx))),

  /** The Kommune's position in a group per metric (percentile band from the quartiles) and where it lags most. */
  position: tenantProcedure
    .input(positionInput)
    .output(positionOutput)
    .query(({ ctx, input }) => queries.benchmarkPosition(ctx.tx, kommuneId(ctx), input.groupId)),

  /** Kommunen that share with other Kommunen and are ahead in a dimension. */
  peersAhead: tenantProcedure
    .input(peersAheadInput)
    .output(peersAheadOutput)
    .query(({ ctx, input }) => queries.benchmarkPeersAhead(ctx.tx, kommuneId(ctx), input.dimensionKey)),

  /** What the Kommune shares by name, exactly, and whether the caller may change it. */
  sharing: tenantProcedure.output(sharingOutput).query(async ({ ctx }) => {
    kommuneId(ctx);
    const sharing = await queries.getSharing(ctx.tx);
    return {
      ...sharing,
      whatIsShared: [...SHARED_FIELDS],
      canChange: ctx.session.user.role === "leadership" || ctx.session.user.role === "admin",
    };
  }),

  /** Shares (or stops sharing) the Kommune's figures by name with the Land and with other Kommunen; audited. */
  setSharing: tenantProcedure
    .input(setSharingInput)
    .output(sharingOutput)
    .mutation(async ({ ctx, input }) => {
      const sharing = await queries.setSharing(ctx.tx, kommuneId(ctx), ctx.session.actor, input);
      return { ...sharing, whatIsShared: [...SHARED_FIELDS], canChange: true };
    }),
});
