// Report jobs: gather the figures in the tenant's transaction, build the document, render PDF, CSV and XLSX, archive
// all three in one INSERT at the end of the same transaction – a worker killed midway leaves nothing, and the retry
// starts again. Progress (10/40/80/100 %) goes to the job, where the page that asked for the report reads it.
import { queries } from "@spatz/db";
import { buildReifegradbericht, renderCsv, renderPdf, renderXlsx } from "@spatz/reports";
import { tenantJob } from "../base-processor.ts";

/** A large Kommune's report reads all its measures and renders a few pages: more than a request's 15 s may take. */
const REPORT_STATEMENT_TIMEOUT_MS = 120_000;

export const reportProcessors = {
  "report.generate": tenantJob(
    "report.generate",
    async (tx, payload, ctx) => {
      const scope = payload.orgUnitId ?? "";
      const existing = await queries.reportForPeriod(
        tx,
        payload.tenantId,
        payload.kind,
        scope,
        payload.stichtag,
      );
      if (existing) {
        await ctx.job.updateProgress(100);
        return { reportId: existing.id, created: false };
      }
      await ctx.job.updateProgress(10);
      const inputs = await queries.reifegradberichtInputs(tx, payload.tenantId, payload.orgUnitId);
      await ctx.job.updateProgress(40);
      const doc = buildReifegradbericht({ ...inputs, stichtag: payload.stichtag });
      const files = { pdf: await renderPdf(doc), csv: renderCsv(doc), xlsx: await renderXlsx(doc) };
      await ctx.job.updateProgress(80);
      const archived = await queries.archiveReport(tx, {
        tenantId: payload.tenantId,
        kind: payload.kind,
        scope,
        scopeLabel: inputs.scopeLabel,
        stichtag: payload.stichtag,
        modelVersion: inputs.model.version,
        triggeredBy: payload.triggeredBy,
        fileBase: doc.fileBase,
        files,
      });
      await ctx.job.updateProgress(100);
      return { reportId: archived.id, created: archived.created };
    },
    { transaction: { statementTimeoutMs: REPORT_STATEMENT_TIMEOUT_MS } },
  ),
};
