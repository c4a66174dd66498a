// Report jobs. `report.generate` gathers the figures in one transaction (the Kommune's for its Reifegradbericht, the
// state's for the Lagebericht and the Rollout-Stand), builds the document, renders PDF, CSV and XLSX and archives all
// three in one INSERT at the end of the same transaction – a worker killed midway leaves nothing, and the retry
// starts again. Progress (10/40/80/100 %) goes to the job, where the page that asked for the report reads it.
// `report.schedule` (registry) asks for every report of a kind for the period that has just ended; a scheduled run
// then notifies the subscribers through the outbox (`report.notify` → `mail.send`, processors/mail.ts).
import { queries, STATE_TENANT_ID, type TenantTx, withoutTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import {
  type JobPayload,
  type JobRequest,
  reportJobId,
  reportNotifyJobId,
  scheduledStichtag,
} from "@spatz/jobs";
import {
  buildLagebericht,
  buildReifegradbericht,
  buildRolloutStand,
  type ReportDocument,
  renderCsv,
  renderPdf,
  renderXlsx,
} from "@spatz/reports";
import { type JobContext, plainJob, tenantJob } from "../base-processor.ts";

/** A large Kommune's report reads all its measures and renders a few pages: more than a request's 15 s may take. */
const REPORT_STATEMENT_TIMEOUT_MS = 120_000;

type Payload = JobPayload<"report.generate">;

/** Reads what the report's kind needs and builds its document. */
async function buildDocument(
  tx: TenantTx,
  p: Payload,
): Promise<{ doc: ReportDocument; scopeLabel: string; modelVersion: number | null }> {
  switch (p.kind) {
    case "reifegradbericht": {
      const inputs = await queries.reifegradberichtInputs(tx, p.tenantId, p.scope || null, p.stichtag);
      return {
        doc: buildReifegradbericht({ ...inputs, stichtag: p.stichtag }),
        scopeLabel: inputs.scopeLabel,
        modelVersion: inputs.model.version,
      };
    }
    case "lagebericht": {
      const inputs = await queries.lageberichtInputs(tx, p.tenantId, p.stichtag);
      return { doc: buildLagebericht(inputs), scopeLabel: "Land Sachsen-Anhalt", modelVersion: null };
    }
    case "rollout_stand": {
      const inputs = await queries.rolloutStandInputs(tx, p.scope, p.stichtag);
      return { doc: buildRolloutStand(inputs), scopeLabel: inputs.kreisName, modelVersion: null };
    }
  }
}

export function notifyJob(reportId: string, tenantId: string): JobRequest<"report.notify"> {
  const data = { tenantId, reportId };
  return { name: "report.notify", data, opts: { jobId: reportNotifyJobId(data) } };
}

/** Who is told about a scheduled report: its own tenant, and for a Rollout-Stand the Landkreis it covers. */
async function noticeTenants(ctx: JobContext, p: Payload): Promise<string[]> {
  if (p.kind !== "rollout_stand") return [p.tenantId];
  const kreise = await withoutTenant(ctx.db, (tx) => queries.landkreise(tx), { readOnly: true });
  return [p.tenantId, ...kreise.filter((k) => k.kreisAgs === p.scope).map((k) => k.tenantId)];
}

const SCHEDULE = "Zeitplan";

export const reportProcessors = {
  "report.generate": tenantJob(
    "report.generate",
    async (tx, payload, ctx) => {
      const existing = await queries.reportForPeriod(
        tx,
        payload.tenantId,
        payload.kind,
        payload.scope,
        payload.stichtag,
      );
      if (existing) {
        await ctx.job.updateProgress(100);
        return { reportId: existing.id, created: false };
      }
      await ctx.job.updateProgress(10);
      const { doc, scopeLabel, modelVersion } = await buildDocument(tx, payload);
      await ctx.job.updateProgress(40);
      const files = { pdf: await renderPdf(doc), csv: renderCsv(doc), xlsx: await renderXlsx(doc) };
      await ctx.job.updateProgress(80);
      const archived = await queries.archiveReport(tx, {
        tenantId: payload.tenantId,
        kind: payload.kind,
        scope: payload.scope,
        scopeLabel,
        stichtag: payload.stichtag,
        modelVersion,
        triggeredBy: payload.triggeredBy,
        fileBase: doc.fileBase,
        files,
      });
      await ctx.job.updateProgress(100);
      return { reportId: archived.id, created: archived.created };
    },
    {
      transaction: { statementTimeoutMs: REPORT_STATEMENT_TIMEOUT_MS },
      // After the archive committed (also when the period's report was already there: the subscribers of a
      // scheduled run are told once, whoever made the report first; the notice ids make a retry harmless).
      after: async (result, payload, ctx) => {
        if (!payload.notify) return;
        for (const tenantId of await noticeTenants(ctx, payload))
          await ctx.producer.enqueue(notifyJob(result.reportId, tenantId));
      },
    },
  ),

  "report.schedule": plainJob("report.schedule", async (payload, ctx) => {
    const stichtag = scheduledStichtag(payload.kind, berlinToday());
    const registry = await withoutTenant(
      ctx.db,
      async (tx) => ({ kommunen: await queries.activeKommuneIds(tx), kreise: await queries.landkreise(tx) }),
      { readOnly: true },
    );
    const period = { kind: payload.kind, stichtag, triggeredBy: SCHEDULE, notify: true };
    const requests: Payload[] =
      payload.kind === "reifegradbericht"
        ? registry.kommunen.map((tenantId) => ({ ...period, tenantId, scope: "" }))
        : payload.kind === "lagebericht"
          ? [{ ...period, tenantId: STATE_TENANT_ID, scope: "" }]
          : registry.kreise.map((k) => ({ ...period, tenantId: STATE_TENANT_ID, scope: k.kreisAgs }));
    // One atomic add with deterministic ids: a retry after the worker died adds nothing twice.
    await ctx.queues.reports.addBulk(
      requests.map((data) => ({ name: "report.generate", data, opts: { jobId: reportJobId(data) } })),
    );
    return { kind: payload.kind, stichtag, reports: requests.length };
  }),
};
