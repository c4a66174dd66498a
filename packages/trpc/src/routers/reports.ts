// Reports (issue 14): the archive (own reports, and those another tenant shares: the state reads the Reifegradbericht
// of Kommunen sharing with the Land by name, a Landkreis the Land's Rollout-Stand of its Kreis – RLS decides), asking
// for a report (a job with the period's id, so a period is produced once), the state of that job for the progress
// bar, one file, and the user's subscriptions to scheduled reports. A tenant sees only its own jobs (the job's tenant
// is checked; another tenant's job is "not found").
import { queries } from "@spatz/db";
import {
  berlinToday,
  isoDate,
  pageInput,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  REPORT_RHYTHM_LABELS,
  type ReportKind,
  reportKindsMadeBy,
  reportKindsToSubscribe,
} from "@spatz/domain";
import { reportJobId } from "@spatz/jobs";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { fieldError, notFound } from "../field-error.ts";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";

const UNAVAILABLE = "Berichte können gerade nicht erstellt werden: die Warteschlange ist nicht erreichbar.";
const kind = z.enum(REPORT_KINDS, { error: "Unbekannte Berichtsart." });

const generateInput = z.object({
  kind: kind.default("reifegradbericht"),
  orgUnitId: z.uuid({ error: "Unbekannte Organisationseinheit." }).nullable().default(null),
  kreisAgs: z
    .string()
    .regex(/^\d{5}$/, "Bitte einen Landkreis wählen.")
    .nullable()
    .default(null),
  stichtag: isoDate
    .refine((d) => d <= berlinToday(), "Der Stichtag darf nicht in der Zukunft liegen.")
    .optional(),
});

const fileInput = z.object({ id: z.uuid(), format: z.enum(["pdf", "csv", "xlsx"]) });
const listInput = pageInput.extend({ source: z.enum(["own", "shared"]).default("own") });
const subscriptionInput = z.object({ kind });

const MEDIA = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function tenantKind(ctx: { session: SessionContext }) {
  return ctx.session.tenant.kind;
}

export const reportsRouter = router({
  list: tenantProcedure.input(listInput).query(({ ctx, input }) => queries.listReports(ctx.tx, input)),

  /** What this tenant can ask for and subscribe to, with the German names and rhythms; the Landkreise for the state. */
  options: tenantProcedure.query(async ({ ctx }) => {
    const k = tenantKind(ctx);
    const describe = (kinds: ReportKind[]) =>
      kinds.map((x) => ({ kind: x, label: REPORT_KIND_LABELS[x], rhythm: REPORT_RHYTHM_LABELS[x] }));
    return {
      make: describe(reportKindsMadeBy(k)),
      subscribe: describe(reportKindsToSubscribe(k)),
      landkreise:
        k === "state"
          ? (await queries.landkreise(ctx.tx)).map((l) => ({ ags: l.kreisAgs, name: l.name }))
          : [],
    };
  }),

  /** Asks for a report; the worker makes it. Returns the job id the page follows. */
  generate: tenantProcedure.input(generateInput).mutation(async ({ ctx, input }) => {
    const tenantId = ctx.session.tenant.id;
    if (!reportKindsMadeBy(tenantKind(ctx)).includes(input.kind))
      throw fieldError("kind", "Diese Berichtsart gibt es für Ihre Verwaltung nicht.");
    const jobs = ctx.deps.jobs;
    if (!jobs) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE });
    let scope = "";
    if (input.kind === "reifegradbericht" && input.orgUnitId) {
      // Refused now rather than in the job: an org unit of another tenant or none at all.
      await queries.scopeUnits(ctx.tx, input.orgUnitId);
      scope = input.orgUnitId;
    }
    if (input.kind === "rollout_stand") {
      const kreis = (await queries.landkreise(ctx.tx)).find((l) => l.kreisAgs === input.kreisAgs);
      if (!kreis) throw fieldError("kreisAgs", "Bitte einen Landkreis wählen.");
      scope = kreis.kreisAgs;
    }
    const payload = {
      tenantId,
      kind: input.kind,
      scope,
      stichtag: input.stichtag ?? berlinToday(),
      triggeredBy: ctx.session.actor.label,
      notify: false,
    };
    const jobId = reportJobId(payload);
    ctx.afterCommit(() =>
      jobs.enqueue({ name: "report.generate", data: payload, opts: { jobId, removeOnComplete: false } }),
    );
    return { jobId };
  }),

  /** The job's state and progress (0–100) and, once done, the archived report's id. */
  status: tenantProcedure.input(z.object({ jobId: z.string().max(200) })).query(async ({ ctx, input }) => {
    const jobs = ctx.deps.jobs;
    if (!jobs) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE });
    let job = await jobs.queue("reports").getJob(input.jobId);
    if (!job || job.data?.tenantId !== ctx.session.tenant.id) throw notFound("Diesen Bericht gibt es nicht.");
    const state = await job.getState();
    // The job may have finished between reading it and reading its state: read it again for its result.
    if (state === "completed" && job.returnvalue == null)
      job = (await jobs.queue("reports").getJob(input.jobId)) ?? job;
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

  /** One file of a report this tenant may read (the download route sends it as an attachment). */
  file: tenantProcedure.input(fileInput).query(async ({ ctx, input }) => {
    const file = await queries.reportFile(ctx.tx, input.id, input.format);
    if (!file) throw notFound("Diesen Bericht gibt es nicht.");
    return {
      fileName: `${file.fileBase}.${input.format}`,
      mediaType: MEDIA[input.format],
      contentBase64: Buffer.from(file.content).toString("base64"),
    };
  }),

  /** The signed-in user's subscriptions. */
  subscriptions: tenantProcedure.query(({ ctx }) => queries.listSubscriptions(ctx.tx, ctx.session.user.id)),

  /** Subscribes the signed-in user to a scheduled report of this tenant (idempotent). */
  subscribe: tenantProcedure.input(subscriptionInput).mutation(async ({ ctx, input }) => {
    if (!reportKindsToSubscribe(tenantKind(ctx)).includes(input.kind))
      throw fieldError("kind", "Diesen Bericht können Sie nicht abonnieren.");
    await queries.subscribe(ctx.tx, {
      tenantId: ctx.session.tenant.id,
      userId: ctx.session.user.id,
      kind: input.kind,
      scope: "",
    });
    return { subscribed: true };
  }),

  unsubscribe: tenantProcedure.input(subscriptionInput).mutation(async ({ ctx, input }) => {
    await queries.unsubscribe(ctx.tx, { userId: ctx.session.user.id, kind: input.kind, scope: "" });
    return { subscribed: false };
  }),
});
