// Job names and payload schemas. Tenant jobs carry their tenant id; the processor opens the tenant transaction.
import { REPORT_KINDS } from "@spatz/domain";
import { z } from "zod";

const tenantId = z.uuid();

export const JOBS = {
  /** Hourly: fans out one cleanup job per tenant. */
  "cleanup.sweep": { queue: "maintenance", payload: z.object({}).strict() },
  /** Deletes a tenant's expired sessions and expired, unused invitation tokens. */
  "cleanup.tenant": {
    queue: "maintenance",
    payload: z.object({ tenantId, hour: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/) }).strict(),
  },
  /**
   * Every 10 minutes: recomputes the Land-wide rollout counts (no names) that the Kommunen compare themselves with.
   * Runs in the state tenant's transaction, the only one that reads every Kommune's records.
   */
  "rollout.landStats": { queue: "maintenance", payload: z.object({}).strict() },
  /**
   * Recomputes the rollout aggregates of the Kreis of the Kommune whose records changed (state transaction), debounced
   * per Kommune after its change commits.
   */
  "rollout.aggregateKommune": { queue: "rolloutAggregates", payload: z.object({ tenantId }).strict() },
  /**
   * Recomputes every rollout aggregate: nightly with the drift check against what the incremental jobs left, and
   * (without it) after a catalogue or responsibility change.
   */
  "rollout.aggregateAll": {
    queue: "rolloutAggregates",
    payload: z.object({ checkDrift: z.boolean() }).strict(),
  },
  /**
   * Recomputes one Kommune's maturity snapshots in its own transaction (benchmark). Enqueued, debounced, after a
   * change to its measures commits, and once per Kommune by the nightly refresh.
   */
  "benchmark.snapshot": { queue: "benchmarks", payload: z.object({ tenantId }).strict() },
  /**
   * Recomputes the k-anonymous aggregates in the state's transaction: "current" after snapshot refreshes, "all"
   * (every month end too) nightly and when month ends were written.
   */
  "benchmark.aggregate": {
    queue: "benchmarkAggregates",
    payload: z.object({ scope: z.enum(["current", "all"]) }).strict(),
  },
  /**
   * Generates one report (PDF, CSV, XLSX) for a period and archives it in the tenant's transaction. Its job id is the
   * period's (reportJobId), so a period is produced once however often it is asked for. `scope` is "" (whole
   * administration or Land), an org unit's id (Reifegradbericht) or a Kreis AGS (Rollout-Stand). `notify`: the
   * subscribers get a mail once it is archived (scheduled runs).
   */
  "report.generate": {
    queue: "reports",
    payload: z
      .object({
        tenantId,
        kind: z.enum(REPORT_KINDS),
        scope: z.string().max(64),
        stichtag: z.iso.date(),
        triggeredBy: z.string().min(1).max(200),
        notify: z.boolean(),
      })
      .strict(),
  },
  /** Scheduled (registry): every report of a kind for the period that has just ended, one generate job each. */
  "report.schedule": { queue: "reports", payload: z.object({ kind: z.enum(REPORT_KINDS) }).strict() },
  /** Writes the mails about one archived report for the subscribers of one tenant into its outbox, then sends them. */
  "report.notify": { queue: "mail", payload: z.object({ tenantId, reportId: z.uuid() }).strict() },
  /** Sends one mail of a tenant's outbox (retried with backoff; a failure stays visible in the job monitor). */
  "mail.send": { queue: "mail", payload: z.object({ tenantId, outboxId: z.uuid() }).strict() },
  /** Nightly: one snapshot job per Kommune, then one aggregation when all are done (a BullMQ flow). */
  "benchmark.refreshAll": { queue: "benchmarks", payload: z.object({}).strict() },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;

export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOBS[name].payload.parse(data) as JobPayload<N>;
}

export function safeParsePayload<N extends JobName>(name: N, data: unknown) {
  return JOBS[name].payload.safeParse(data) as z.ZodSafeParseResult<JobPayload<N>>;
}

/** The period's job id: one report per tenant, kind, scope and Stichtag (scheduled runs have their own). */
export function reportJobId(
  p: Pick<JobPayload<"report.generate">, "tenantId" | "kind" | "scope" | "stichtag" | "notify">,
) {
  return `report.${p.kind}.${p.tenantId}.${p.scope || "gesamt"}.${p.stichtag}${p.notify ? ".zeitplan" : ""}`;
}

export const reportNotifyJobId = (p: JobPayload<"report.notify">) =>
  `report.notify.${p.reportId}.${p.tenantId}`;
export const mailSendJobId = (p: JobPayload<"mail.send">) => `mail.send.${p.outboxId}`;

/** Deterministic job ids make enqueueing idempotent: the same work for the same period is queued once. */
export function cleanupTenantJobId(p: JobPayload<"cleanup.tenant">): string {
  return `cleanup.tenant:${p.tenantId}:${p.hour}`;
}
