// Measures (Maßnahmen) of a Kommune: list, board columns, detail with its history and evidence files, create, edit,
// status changes (completing needs a date and evidence: text, link or file; reopening is logged as such), bulk status
// changes (all or nothing), and evidence files: upload, remove, and the file itself for the download route.
import { DomainError, queries, schema, type TenantTx, writeAudit } from "@spatz/db";
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
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { fieldError, notFound } from "../field-error.ts";
import {
  criterionIndex,
  dimensionCriterionKeys,
  modelInUse,
  pinModel,
  scopeUnits,
} from "../maturity-scope.ts";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";

const { measures, users } = schema;
type MeasureRow = typeof measures.$inferSelect;

const NOT_FOUND = "Diese Maßnahme gibt es nicht.";
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
function assertMayEdit(session: SessionContext, measure: Pick<MeasureRow, "responsibleUserId">) {
  if (session.user.role === "coordinator") return;
  if (session.user.role === "project_lead" && measure.responsibleUserId === session.user.id) return;
  throw new TRPCError({
    code: "FORBIDDEN",
    message: "Sie können nur Maßnahmen bearbeiten, für die Sie verantwortlich sind.",
  });
}

function mayEdit(session: SessionContext, measure: Pick<MeasureRow, "responsibleUserId">): boolean {
  return (
    session.user.role === "coordinator" ||
    (session.user.role === "project_lead" && measure.responsibleUserId === session.user.id)
  );
}

async function loadMeasure(tx: TenantTx, id: string): Promise<MeasureRow> {
  const [row] = await queries.getMeasuresByIds(tx, [id]);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

/** Links, org unit, project and responsible person must exist in this Kommune (and in its model version). */
async function checkReferences(
  tx: TenantTx,
  session: SessionContext,
  input: {
    criterionKeys: string[];
    orgUnitId: string | null;
    projectId: string | null;
    responsibleUserId: string | null;
  },
) {
  const inUse = await modelInUse(tx);
  const known = criterionIndex(inUse.model);
  const unknown = input.criterionKeys.filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw fieldError(
      "criterionKeys",
      `Diese Kriterien gibt es im Reifegradmodell nicht: ${unknown.join(", ")}.`,
    );
  }
  if (input.orgUnitId && !(await queries.getOrgUnit(tx, input.orgUnitId))) {
    throw fieldError("orgUnitId", "Diese Organisationseinheit gibt es nicht.");
  }
  if (input.projectId && !(await queries.getProjectRow(tx, input.projectId))) {
    throw fieldError("projectId", "Dieses Projekt gibt es nicht.");
  }
  if (input.responsibleUserId) {
    const [user] = await tx
      .select({ id: users.id, status: users.status })
      .from(users)
      .where(eq(users.id, input.responsibleUserId));
    if (user?.status !== "active") {
      throw fieldError("responsibleUserId", "Diese Person gibt es nicht oder ihr Konto ist gesperrt.");
    }
  }
  if (session.user.role === "project_lead" && input.responsibleUserId !== session.user.id) {
    throw fieldError(
      "responsibleUserId",
      "Als Projektleitung legen Sie Maßnahmen an und bearbeiten sie, für die Sie selbst verantwortlich sind.",
    );
  }
  await pinModel(tx, session.tenant.id, inUse);
}

export const measuresRouter = router({
  list: tenantProcedure.input(measureListInput).query(async ({ ctx, input }) => {
    const orgUnitIds = await scopeUnits(ctx.tx, input.orgUnitId);
    let criterionKeys: string[] | undefined;
    if (input.dimensionKey) {
      criterionKeys = dimensionCriterionKeys((await modelInUse(ctx.tx)).model, input.dimensionKey);
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
    if (!measure) throw notFound(NOT_FOUND);
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
    await loadMeasure(ctx.tx, input.id);
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

  create: tenantProcedure.input(createMeasureInput).mutation(async ({ ctx, input }) => {
    const responsibleUserId =
      ctx.session.user.role === "project_lead"
        ? (input.responsibleUserId ?? ctx.session.user.id)
        : input.responsibleUserId;
    await checkReferences(ctx.tx, ctx.session, { ...input, responsibleUserId });
    const [row] = await ctx.tx
      .insert(measures)
      .values({
        ...input,
        responsibleUserId,
        criterionKeys: [...new Set(input.criterionKeys)],
        tenantId: ctx.session.tenant.id,
      })
      .returning();
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "measure.create",
      entityType: "measure",
      entityId: row!.id,
      after: row,
    });
    return row!;
  }),

  update: tenantProcedure.input(updateMeasureInput).mutation(async ({ ctx, input }) => {
    const before = await loadMeasure(ctx.tx, input.id);
    assertMayEdit(ctx.session, before);
    await checkReferences(ctx.tx, ctx.session, input);
    if (
      before.status === "completed" &&
      !input.evidenceText &&
      !input.evidenceUrl &&
      (await queries.countEvidenceFiles(ctx.tx, input.id)) === 0
    ) {
      throw fieldError(
        "evidenceText",
        "Eine abgeschlossene Maßnahme braucht einen Nachweis (Beschreibung, Link oder Datei).",
      );
    }
    const { id, ...fields } = input;
    const [after] = await ctx.tx
      .update(measures)
      .set({ ...fields, criterionKeys: [...new Set(fields.criterionKeys)] })
      .where(and(eq(measures.tenantId, ctx.session.tenant.id), eq(measures.id, id)))
      .returning();
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "measure.update",
      entityType: "measure",
      entityId: id,
      before: changedFields(before, after!, "before"),
      after: changedFields(before, after!, "after"),
    });
    return after!;
  }),

  setStatus: tenantProcedure.input(setMeasureStatusInput).mutation(async ({ ctx, input }) => {
    const before = await loadMeasure(ctx.tx, input.id);
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
    if (input.status === "completed") {
      const withFiles = await queries.measuresWithEvidenceFiles(ctx.tx, ids);
      const missing = rows.filter((r) => !r.evidenceText && !r.evidenceUrl && !withFiles.has(r.id));
      if (missing.length > 0 && !input.evidenceText && !input.evidenceUrl) {
        throw fieldError(
          "evidenceText",
          `Ohne Nachweis: ${missing.map((r) => `„${r.title}“`).join(", ")}. Bitte einen Nachweis für diese Maßnahmen angeben.`,
        );
      }
    }
    let changed = 0;
    for (const row of rows) {
      if (row.status === input.status && input.status !== "completed") continue;
      const ownEvidence = row.evidenceText || row.evidenceUrl;
      await queries.changeMeasureStatus(ctx.tx, ctx.session.tenant.id, ctx.session.actor, row, {
        status: input.status,
        completedOn: input.completedOn,
        // Evidence typed in the bulk dialog fills gaps; it never overwrites a measure's own evidence.
        evidenceText: ownEvidence ? null : input.evidenceText,
        evidenceUrl: ownEvidence ? null : input.evidenceUrl,
      });
      changed++;
    }
    return { changed, unchanged: rows.length - changed };
  }),

  /** Stores a file (base64, at most 10 MB; type decided from the content) as evidence of a measure. */
  uploadEvidence: tenantProcedure.input(uploadEvidenceInput).mutation(async ({ ctx, input }) => {
    const measure = await loadMeasure(ctx.tx, input.measureId);
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
    const measure = await loadMeasure(ctx.tx, file.measureId);
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

const AUDITED_FIELDS = [
  "title",
  "description",
  "orgUnitId",
  "responsibleUserId",
  "plannedStart",
  "plannedEnd",
  "criterionKeys",
  "projectId",
  "evidenceText",
  "evidenceUrl",
] as const;

/** Only what changed, so the history on the detail page reads as "vorher → nachher". */
function changedFields(before: MeasureRow, after: MeasureRow, side: "before" | "after") {
  const out: Record<string, unknown> = {};
  for (const field of AUDITED_FIELDS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      out[field] = (side === "before" ? before : after)[field];
  }
  return out;
}
