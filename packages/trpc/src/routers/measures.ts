// Measures (Maßnahmen) of a Kommune: list, board columns, detail with its history and evidence files, create, edit,
// status changes (completing needs a date and evidence: text, link or file; reopening is logged as such), bulk status
// changes (all or nothing), and evidence files: upload, remove, and the file itself for the download route.
import { DomainError, queries, type schema } from "@spatz/db";
import {
  berlinToday,
  bulkSetMeasureStatusInput,
  createMeasureInput,
  evidenceFileIdInput,
  measureListInput,
  pageInput,
  setMeasureStatusInput,
  updateMeasureInput,
  uploadEvidenceInput,
} from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { fieldError, notFound } from "../field-error.ts";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";

type MeasureRow = schema.Measure;

const FILE_NOT_FOUND = "Diese Nachweisdatei gibt es nicht.";

/** Evidence file refusals belong to the file field of the form that sent it. */
async function fileDomain<T>(field: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError && error.field === "file") throw fieldError(field, error.message);
    throw error;
  }
}

function fileBytes(contentBase64: string): Uint8Array {
  return new Uint8Array(Buffer.from(contentBase64, "base64"));
}

/** Coordinators edit every measure; project leads only those they are responsible for. */
function mayEdit(session: SessionContext, measure: Pick<MeasureRow, "responsibleUserId">): boolean {
  return (
    session.user.role === "coordinator" ||
    (session.user.role === "project_lead" && measure.responsibleUserId === session.user.id)
  );
}

function assertMayEdit(session: SessionContext, measure: Pick<MeasureRow, "responsibleUserId">) {
  if (!mayEdit(session, measure))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Sie können nur Maßnahmen bearbeiten, für die Sie verantwortlich sind.",
    });
}

/** A project lead may only make themselves responsible (checked with the other references). */
const projectLeadOf = (session: SessionContext) =>
  session.user.role === "project_lead" ? session.user.id : null;

export const measuresRouter = router({
  list: tenantProcedure.input(measureListInput).query(async ({ ctx, input }) => {
    const orgUnitIds = await queries.scopeUnits(ctx.tx, input.orgUnitId);
    let criterionKeys: string[] | undefined;
    if (input.dimensionKey) {
      criterionKeys = queries.dimensionCriterionKeys(
        (await queries.requireModelInUse(ctx.tx)).model,
        input.dimensionKey,
      );
    }
    return queries.listMeasures(ctx.tx, {
      search: input.search,
      statuses: input.statuses,
      orgUnitIds,
      criterionKeys,
      responsibleUserId: input.responsible === "me" ? ctx.session.user.id : undefined,
      overdueBefore: input.overdue ? berlinToday() : undefined,
      sort: input.sort,
      page: input.page,
      pageSize: input.pageSize,
    });
  }),

  get: tenantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const measure = await queries.getMeasure(ctx.tx, input.id);
    if (!measure) throw notFound("Diese Maßnahme gibt es nicht.");
    const evidenceFiles = await queries.listEvidenceFiles(ctx.tx, input.id);
    const canEdit = mayEdit(ctx.session, measure);
    // For those who may upload: the Kommune's storage for evidence files, so that the form can say how much is left.
    const storage = canEdit
      ? { usedBytes: await queries.evidenceBytesUsed(ctx.tx), quotaBytes: ctx.deps.evidenceQuotaBytes }
      : null;
    return { measure, evidenceFiles, storage, canEdit };
  }),

  /** The measure's changes from the audit log, newest first, paged. */
  history: tenantProcedure.input(pageInput.extend({ id: z.uuid() })).query(async ({ ctx, input }) => {
    await queries.loadMeasure(ctx.tx, input.id);
    return queries.listAudit(ctx.tx, {
      entityType: "measure",
      entityId: input.id,
      page: input.page,
      pageSize: input.pageSize,
    });
  }),

  assignees: tenantProcedure.query(({ ctx }) => queries.listAssignees(ctx.tx)),

  /** The Kommune's projects, to choose the one that delivers a measure. */
  projectOptions: tenantProcedure.query(({ ctx }) => queries.projectOptions(ctx.tx)),

  create: tenantProcedure.input(createMeasureInput).mutation(({ ctx, input }) => {
    const lead = projectLeadOf(ctx.session);
    const responsibleUserId = lead ? (input.responsibleUserId ?? lead) : input.responsibleUserId;
    return queries.createMeasure(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      { ...input, responsibleUserId },
      lead,
    );
  }),

  update: tenantProcedure.input(updateMeasureInput).mutation(async ({ ctx, input }) => {
    const before = await queries.loadMeasure(ctx.tx, input.id);
    assertMayEdit(ctx.session, before);
    const { id: _id, ...fields } = input;
    return queries.updateMeasure(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      before,
      fields,
      projectLeadOf(ctx.session),
    );
  }),

  setStatus: tenantProcedure.input(setMeasureStatusInput).mutation(async ({ ctx, input }) => {
    const before = await queries.loadMeasure(ctx.tx, input.id);
    assertMayEdit(ctx.session, before);
    const { evidenceFile, ...change } = input;
    if (evidenceFile && input.status !== "completed")
      throw fieldError("evidenceFile", "Eine Nachweisdatei gehört zum Abschluss einer Maßnahme.");
    if (before.status === input.status && input.status !== "completed") return before;
    // The file first (in the same transaction), so that it counts as the completion's evidence; if the completion
    // is refused, the file is rolled back with it.
    if (evidenceFile) {
      const file = { fileName: evidenceFile.fileName, bytes: fileBytes(evidenceFile.contentBase64) };
      await fileDomain("evidenceFile", () =>
        queries.addEvidenceFile(ctx.tx, ctx.session.tenant.id, ctx.session.actor, before, file, {
          quotaBytes: ctx.deps.evidenceQuotaBytes,
        }),
      );
    }
    return queries.changeMeasureStatus(ctx.tx, ctx.session.tenant.id, ctx.session.actor, before, change);
  }),

  bulkSetStatus: tenantProcedure.input(bulkSetMeasureStatusInput).mutation(async ({ ctx, input }) => {
    const ids = [...new Set(input.ids)];
    const rows = await queries.getMeasuresByIds(ctx.tx, ids);
    // Unknown ids (including another Kommune's) fail the whole request: nothing changes.
    if (rows.length !== ids.length)
      throw notFound("Mindestens eine der ausgewählten Maßnahmen gibt es nicht.");
    for (const row of rows) assertMayEdit(ctx.session, row);
    return queries.bulkChangeMeasureStatus(ctx.tx, ctx.session.tenant.id, ctx.session.actor, rows, {
      status: input.status,
      completedOn: input.completedOn,
      evidenceText: input.evidenceText,
      evidenceUrl: input.evidenceUrl,
    });
  }),

  /** Stores a file (base64, at most 10 MB; type decided from the content) as evidence of a measure. */
  uploadEvidence: tenantProcedure.input(uploadEvidenceInput).mutation(async ({ ctx, input }) => {
    const measure = await queries.loadMeasure(ctx.tx, input.measureId);
    assertMayEdit(ctx.session, measure);
    const file = { fileName: input.file.fileName, bytes: fileBytes(input.file.contentBase64) };
    return fileDomain("file", () =>
      queries.addEvidenceFile(ctx.tx, ctx.session.tenant.id, ctx.session.actor, measure, file, {
        quotaBytes: ctx.deps.evidenceQuotaBytes,
      }),
    );
  }),

  /** Removes a file; a completed measure's only evidence stays (CONFLICT with the reason). */
  deleteEvidence: tenantProcedure.input(evidenceFileIdInput).mutation(async ({ ctx, input }) => {
    const file = await queries.getEvidenceFileInfo(ctx.tx, input.id);
    if (!file) throw notFound(FILE_NOT_FOUND);
    const measure = await queries.loadMeasure(ctx.tx, file.measureId);
    assertMayEdit(ctx.session, measure);
    await queries.removeEvidenceFile(ctx.tx, ctx.session.tenant.id, ctx.session.actor, measure, file);
    return { id: file.id, measureId: file.measureId };
  }),

  /**
   * One file with its bytes (base64) for GET /dateien/nachweise/:id, which runs this procedure through a server-side
   * caller. A query: downloads are reads and run in a read-only transaction. Another Kommune's id is NOT_FOUND,
   * exactly like an id that exists nowhere.
   */
  evidenceFile: tenantProcedure.input(evidenceFileIdInput).query(async ({ ctx, input }) => {
    const file = await queries.getEvidenceFile(ctx.tx, input.id);
    if (!file) throw notFound(FILE_NOT_FOUND);
    return {
      id: file.id,
      measureId: file.measureId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      contentBase64: Buffer.from(file.content).toString("base64"),
    };
  }),
});
