// Reports (issue 14): a Kommune's archive (list, one file), asking for a report (a job with the period's id, so a
// period is produced once), and the state of that job for the progress bar. A Kommune sees only its own reports
// (RLS) and only its own jobs (the job's tenant is checked; another tenant's job is "not found").
import { queries } from "@spatz/db";
import { berlinToday, ERROR_MESSAGES, isoDate, pageInput } from "@spatz/domain";
import { reportJobId } from "@spatz/jobs";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { notFound } from "../field-error.ts";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";

const UNAVAILABLE = "Berichte können gerade nicht erstellt werden: die Warteschlange ist nicht erreichbar.";

function kommuneId(ctx: { session: SessionContext }): string {
  if (ctx.session.tenant.kind === "state")
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  return ctx.session.tenant.id;
}

const generateInput = z.object({
  kind: z.enum(["reifegradbericht"]),
  orgUnitId: z.uuid({ error: "Unbekannte Organisationseinheit." }).nullable().default(null),
  stichtag: isoDate
    .refine((d) => d <= berlinToday(), "Der Stichtag darf nicht in der Zukunft liegen.")
    .optional(),
});

const fileInput = z.object({ id: z.uuid(), format: z.enum(["pdf", "csv", "xlsx"]) });

const MEDIA = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export const reportsRouter = router({
  list: tenantProcedure.input(pageInput).query(({ ctx, input }) => {
    kommuneId(ctx);
    return queries.listReports(ctx.tx, input);
  }),

  /** Asks for a report; the worker makes it. Returns the job id the page follows. */
  generate: tenantProcedure.input(generateInput).mutation(async ({ ctx, input }) => {
    const tenantId = kommuneId(ctx);
    const jobs = ctx.deps.jobs;
    if (!jobs) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE });
    // Refused now rather than in the job: an org unit of another tenant or none at all.
    if (input.orgUnitId) await queries.scopeUnits(ctx.tx, input.orgUnitId);
    const payload = {
      tenantId,
      kind: input.kind,
      orgUnitId: input.orgUnitId,
      stichtag: input.stichtag ?? berlinToday(),
      triggeredBy: ctx.session.actor.label,
    };
    const jobId = reportJobId(payload);
    ctx.afterCommit(() =>
      jobs.enqueue({ name: "report.generate", data: payload, opts: { jobId, removeOnComplete: false } }),
    );
    return { jobId };
  }),

  /** The job's state and progress (0–100) and, once done, the archived report's id. */
  status: tenantProcedure.input(z.object({ jobId: z.string().max(200) })).query(async ({ ctx, input }) => {
    const tenantId = kommuneId(ctx);
    const jobs = ctx.deps.jobs;
    if (!jobs) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE });
    const job = await jobs.queue("reports").getJob(input.jobId);
    if (!job || job.data?.tenantId !== tenantId) throw notFound("Diesen Bericht gibt es nicht.");
    const state = await job.getState();
    const progress = typeof job.progress === "number" ? job.progress : 0;
    return {
      state:
        state === "completed"
          ? "done"
          : state === "failed"
            ? "failed"
            : state === "active"
              ? "running"
              : "waiting",
      progress: state === "completed" ? 100 : progress,
      reportId:
        state === "completed" ? ((job.returnvalue as { reportId?: string } | null)?.reportId ?? null) : null,
      error:
        state === "failed"
          ? "Der Bericht konnte nicht erstellt werden. Die Landesadministration sieht den Fehler."
          : null,
    } as const;
  }),

  /** One file of an archived report (the download route sends it as an attachment). */
  file: tenantProcedure.input(fileInput).query(async ({ ctx, input }) => {
    kommuneId(ctx);
    const file = await queries.reportFile(ctx.tx, input.id, input.format);
    if (!file) throw notFound("Diesen Bericht gibt es nicht.");
    return {
      fileName: `${file.fileBase}.${input.format}`,
      mediaType: MEDIA[input.format],
      contentBase64: Buffer.from(file.content).toString("base64"),
    };
  }),
});
