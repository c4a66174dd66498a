// The PMO portfolio: list, filters, detail with history, dashboard, timeline, import and export, milestones and PM
// standards. The PMO (coordinator) changes everything; a project lead changes only the projects they lead.
import { queries, writeAudit } from "@spatz/db";
import {
  berlinToday,
  isoDate,
  milestoneInput,
  PM_STANDARDS,
  PROJECT_SORTS,
  pageInput,
  projectFilter,
  projectListInput,
  savedFilterInput,
} from "@spatz/domain";
import { type ExportProject, exportMediaTypes, exportProjects } from "@spatz/portfolio";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";
import { fileBytes, projectCreate, projectUpdate, uploadedFile } from "./portfolio-inputs.ts";

const NOT_FOUND = "Dieses Projekt gibt es nicht.";

/** Project leads edit only what they lead; the PMO edits everything (the matrix already refused everyone else). */
function canEditProject(session: SessionContext, project: { leadUserId: string | null }): boolean {
  if (session.user.role === "coordinator") return true;
  return session.user.role === "project_lead" && project.leadUserId === session.user.id;
}

function assertCanEdit(session: SessionContext, project: { leadUserId: string | null }) {
  if (!canEditProject(session, project))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Sie können nur Projekte bearbeiten, die Sie leiten.",
    });
}

export async function editableProject(
  ctx: { tx: Parameters<typeof queries.getProjectRow>[0]; session: SessionContext },
  id: string,
) {
  const project = await queries.getProjectRow(ctx.tx, id);
  if (!project) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  assertCanEdit(ctx.session, project);
  return project;
}

const timelineInput = pageInput.extend({
  filter: projectFilter.default({}),
  from: isoDate,
  to: isoDate,
});

export const portfolioRouter = router({
  list: tenantProcedure
    .input(projectListInput)
    .query(({ ctx, input }) => queries.listProjects(ctx.tx, input, ctx.session.user.id)),

  filterOptions: tenantProcedure.query(async ({ ctx }) => {
    const [orgUnits, options] = await Promise.all([
      queries.listOrgUnits(ctx.tx),
      queries.projectFilterOptions(ctx.tx),
    ]);
    return { orgUnits, ...options };
  }),

  get: tenantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const project = await queries.getProject(ctx.tx, input.id);
    if (!project) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
    return { ...project, canEdit: canEditProject(ctx.session, project) };
  }),

  history: tenantProcedure.input(pageInput.extend({ id: z.uuid() })).query(async ({ ctx, input }) => {
    if (!(await queries.getProjectRow(ctx.tx, input.id)))
      throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
    return queries.projectHistory(ctx.tx, input.id, input.page, input.pageSize);
  }),

  dashboard: tenantProcedure
    .input(z.object({ filter: projectFilter.default({}) }))
    .query(({ ctx, input }) => queries.portfolioDashboard(ctx.tx, input.filter, ctx.session.user.id)),

  timeline: tenantProcedure
    .input(
      timelineInput.refine((v) => v.to >= v.from, {
        message: "Das Ende des Zeitraums darf nicht vor dem Anfang liegen.",
        path: ["to"],
      }),
    )
    .query(({ ctx, input }) => queries.portfolioTimeline(ctx.tx, input, ctx.session.user.id)),

  /**
   * The filtered portfolio as a file (base64); the download route GET /dateien/portfolio calls this procedure. A
   * mutation because every export of data is recorded in the audit log (queries run in read-only transactions).
   */
  export: tenantProcedure
    .input(
      z.object({
        filter: projectFilter.default({}),
        sort: z.enum(PROJECT_SORTS).default("start"),
        dir: z.enum(["asc", "desc"]).default("asc"),
        format: z.enum(["csv", "xlsx", "tsv"]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const rows = await queries.listProjectsForExport(
        ctx.tx,
        input.filter,
        input.sort,
        input.dir,
        ctx.session.user.id,
      );
      const projects: ExportProject[] = rows.map((p) => ({
        // A project from the Kommune's own list keeps its Projekt-ID; otherwise the SPATZ id (re-import matches both).
        id: p.externalId ?? p.id,
        gb: p.gbCode,
        r: p.rCode,
        name: p.name,
        description: p.description,
        start: p.startDate,
        end: p.endDate,
        status: p.status,
        ...(p.priority ? { priority: p.priority } : {}),
        ...(p.method ? { method: p.method } : {}),
        ...(p.leadName ? { lead: p.leadName } : {}),
        ...(p.budgetCents !== null ? { budgetCents: p.budgetCents } : {}),
        ...(p.effortDays !== null ? { effortDays: p.effortDays } : {}),
        ...(p.notes ? { notes: p.notes } : {}),
      }));
      const bytes = await exportProjects(projects, input.format);
      const day = berlinToday();
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: "portfolio.export",
        entityType: "portfolio_export",
        after: { format: input.format, projects: projects.length, filter: input.filter },
      });
      return {
        fileName: `portfolio-${ctx.session.tenant.slug}-${day}.${input.format}`,
        mediaType: exportMediaTypes[input.format],
        count: projects.length,
        contentBase64: Buffer.from(bytes).toString("base64"),
      };
    }),

  create: tenantProcedure.input(projectCreate).mutation(async ({ ctx, input }) => {
    const { start, end, ...rest } = input;
    const row = await queries.createProject(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      ...rest,
      startDate: start,
      endDate: end,
      leadName: rest.leadName || null,
      notes: rest.notes || null,
    });
    return { id: row.id };
  }),

  update: tenantProcedure.input(projectUpdate).mutation(async ({ ctx, input }) => {
    const { id, start, end, ...rest } = input;
    await editableProject(ctx, id);
    const row = await queries.updateProject(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, {
      ...rest,
      startDate: start,
      endDate: end,
      leadName: rest.leadName || null,
      notes: rest.notes || null,
    });
    return { id: row.id };
  }),

  complete: tenantProcedure
    .input(z.object({ id: z.uuid(), completeLinkedMeasures: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      await editableProject(ctx, input.id);
      return queries.completeProject(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id, {
        completeLinkedMeasures: input.completeLinkedMeasures,
      });
    }),

  remove: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await queries.removeProject(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),

  addMilestone: tenantProcedure.input(milestoneInput).mutation(async ({ ctx, input }) => {
    await editableProject(ctx, input.projectId);
    const row = await queries.addMilestone(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),

  updateMilestone: tenantProcedure
    .input(milestoneInput.omit({ projectId: true }).extend({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const milestone = await queries.getMilestone(ctx.tx, input.id);
      if (!milestone)
        throw new TRPCError({ code: "NOT_FOUND", message: "Diesen Meilenstein gibt es nicht." });
      await editableProject(ctx, milestone.projectId);
      const { id, ...values } = input;
      await queries.updateMilestone(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
      return { id };
    }),

  removeMilestone: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const milestone = await queries.getMilestone(ctx.tx, input.id);
    if (!milestone) throw new TRPCError({ code: "NOT_FOUND", message: "Diesen Meilenstein gibt es nicht." });
    await editableProject(ctx, milestone.projectId);
    await queries.removeMilestone(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),

  setStandard: tenantProcedure
    .input(z.object({ projectId: z.uuid(), standard: z.enum(PM_STANDARDS), followed: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await editableProject(ctx, input.projectId);
      return queries.setStandard(
        ctx.tx,
        ctx.session.tenant.id,
        ctx.session.actor,
        input.projectId,
        input.standard,
        input.followed,
      );
    }),

  /** Reads the uploaded file and answers with mapping, per-row errors and warnings and what a commit would do. */
  importPreview: tenantProcedure.input(uploadedFile).mutation(async ({ ctx, input }) => {
    const plan = await queries.planImport(
      ctx.tx,
      fileBytes(input.contentBase64),
      input.fileName,
      input.mapping,
    );
    return queries.publicPlan(plan);
  }),

  /** All or nothing: with any error in the file, nothing is written and the answer lists the errors. */
  importCommit: tenantProcedure
    .input(uploadedFile.extend({ mapping: uploadedFile.shape.mapping.unwrap() }))
    .mutation(({ ctx, input }) =>
      queries.commitImport(
        ctx.tx,
        ctx.session.tenant.id,
        ctx.session.actor,
        fileBytes(input.contentBase64),
        input.fileName,
        input.mapping,
      ),
    ),

  savedFilters: tenantProcedure.query(({ ctx }) => queries.listSavedFilters(ctx.tx, ctx.session.user.id)),

  saveFilter: tenantProcedure
    .input(savedFilterInput)
    .mutation(({ ctx, input }) =>
      queries.saveFilter(
        ctx.tx,
        ctx.session.tenant.id,
        ctx.session.actor,
        ctx.session.user.id,
        input.name,
        input.filter,
      ),
    ),

  deleteFilter: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await queries.deleteFilter(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      ctx.session.user.id,
      input.id,
    );
    return { ok: true };
  }),
});
