// Measures of the current tenant: the paged list with filters, one measure, the facts the engine needs, and the one
// way a measure's status changes (completing needs a date and evidence; every change is audit-logged).
import type { AuditAction, MeasureSort } from "@spatz/domain";
import { berlinToday, OPEN_MEASURE_STATUSES } from "@spatz/domain";
import {
  and,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { users } from "../schema/identity.ts";
import { type Measure, type MeasureStatus, maturitySettings, measures } from "../schema/measures.ts";
import { orgUnits } from "../schema/org-units.ts";
import { projects } from "../schema/portfolio.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { countEvidenceFiles, measuresWithEvidenceFiles } from "./evidence-files.ts";
import { criterionIndex, pinModel, requireModelInUse } from "./maturity-scope.ts";
import { getOrgUnit } from "./org-units.ts";
import { tenantRef } from "./tenant-ref.ts";

export type MeasureFilter = {
  search?: string;
  statuses?: MeasureStatus[];
  /** Measures of these org units (the caller expands a unit to its subtree). */
  orgUnitIds?: string[];
  responsibleUserId?: string;
  /** Measures linked to any of these criteria (e.g. all criteria of one dimension). */
  criterionKeys?: string[];
  /** Open measures whose planned end lies before this date. */
  overdueBefore?: string;
  sort?: MeasureSort;
  page: number;
  pageSize: number;
};

const listColumns = {
  id: measures.id,
  title: measures.title,
  status: measures.status,
  orgUnitId: measures.orgUnitId,
  orgUnitCode: orgUnits.code,
  orgUnitName: orgUnits.name,
  responsibleUserId: measures.responsibleUserId,
  responsibleName: users.displayName,
  plannedStart: measures.plannedStart,
  plannedEnd: measures.plannedEnd,
  completedOn: measures.completedOn,
  criterionKeys: measures.criterionKeys,
  projectId: measures.projectId,
  updatedAt: measures.updatedAt,
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function inUnits(ids: string[]): SQL {
  return ids.length > 0 ? inArray(measures.orgUnitId, ids) : sql`false`;
}

function filterWhere(f: MeasureFilter): SQL | undefined {
  const search = f.search?.trim();
  return and(
    search
      ? or(
          ilike(measures.title, `%${escapeLike(search)}%`),
          ilike(measures.description, `%${escapeLike(search)}%`),
        )
      : undefined,
    f.statuses && f.statuses.length > 0 ? inArray(measures.status, f.statuses) : undefined,
    f.orgUnitIds ? inUnits(f.orgUnitIds) : undefined,
    f.responsibleUserId ? eq(measures.responsibleUserId, f.responsibleUserId) : undefined,
    f.criterionKeys
      ? f.criterionKeys.length > 0
        ? arrayOverlaps(measures.criterionKeys, f.criterionKeys)
        : sql`false`
      : undefined,
    f.overdueBefore
      ? and(
          inArray(measures.status, [...OPEN_MEASURE_STATUSES]),
          isNotNull(measures.plannedEnd),
          lt(measures.plannedEnd, f.overdueBefore),
        )
      : undefined,
  );
}

export async function listMeasures(tx: TenantTx, f: MeasureFilter) {
  const where = filterWhere(f);
  const order =
    f.sort === "title"
      ? [asc(measures.title)]
      : f.sort === "updatedAt"
        ? [desc(measures.updatedAt)]
        : f.sort === "completedOn"
          ? [sql`${measures.completedOn} desc nulls last`, desc(measures.updatedAt)]
          : f.sort === "plannedEnd"
            ? [asc(measures.plannedEnd), asc(measures.title)]
            : // What needs attention: open measures first, due soonest (overdue on top), then the finished ones, newest
              // first.
              [
                sql`case when ${measures.status} in ('planned', 'in_progress') then 0 else 1 end`,
                sql`case when ${measures.status} in ('planned', 'in_progress') then ${measures.plannedEnd} end asc nulls last`,
                sql`${measures.completedOn} desc nulls last`,
                asc(measures.title),
              ];
  const [items, [total]] = await Promise.all([
    tx
      .select(listColumns)
      .from(measures)
      .leftJoin(orgUnits, tenantRef(orgUnits, measures.tenantId, measures.orgUnitId))
      .leftJoin(users, tenantRef(users, measures.tenantId, measures.responsibleUserId))
      .where(where)
      .orderBy(...order, asc(measures.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(measures).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function getMeasure(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      ...listColumns,
      description: measures.description,
      evidenceText: measures.evidenceText,
      evidenceUrl: measures.evidenceUrl,
      projectName: projects.name,
      createdAt: measures.createdAt,
    })
    .from(measures)
    .leftJoin(orgUnits, tenantRef(orgUnits, measures.tenantId, measures.orgUnitId))
    .leftJoin(users, tenantRef(users, measures.tenantId, measures.responsibleUserId))
    .leftJoin(projects, tenantRef(projects, measures.tenantId, measures.projectId))
    .where(eq(measures.id, id));
  return row ?? null;
}

export async function getMeasuresByIds(tx: TenantTx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(measures).where(inArray(measures.id, ids));
}

/** The facts the engine reads (and the titles the dashboard shows), for the whole tenant or some org units. */
export async function measuresForAssessment(tx: TenantTx, orgUnitIds?: string[]) {
  return tx
    .select({
      id: measures.id,
      title: measures.title,
      status: measures.status,
      completedOn: measures.completedOn,
      plannedEnd: measures.plannedEnd,
      criterionKeys: measures.criterionKeys,
      responsibleUserId: measures.responsibleUserId,
      orgUnitId: measures.orgUnitId,
    })
    .from(measures)
    .where(orgUnitIds ? inUnits(orgUnitIds) : undefined);
}

/** Active people of the tenant who can be made responsible for a measure. */
export async function listAssignees(tx: TenantTx) {
  return tx
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.status, "active"))
    .orderBy(asc(users.displayName));
}

export async function getMaturitySettings(tx: TenantTx) {
  const [row] = await tx.select().from(maturitySettings);
  return row ?? null;
}

/** The measures a project delivers, for the project's detail page: open ones first (next due first), then the rest. */
export async function listMeasuresOfProject(tx: TenantTx, projectId: string) {
  const open = sql`${measures.status} in ('planned', 'in_progress')`;
  return tx
    .select({
      id: measures.id,
      title: measures.title,
      status: measures.status,
      plannedEnd: measures.plannedEnd,
      completedOn: measures.completedOn,
      orgUnitCode: orgUnits.code,
    })
    .from(measures)
    .leftJoin(orgUnits, tenantRef(orgUnits, measures.tenantId, measures.orgUnitId))
    .where(eq(measures.projectId, projectId))
    .orderBy(
      sql`${open} desc`,
      sql`case when ${open} then ${measures.plannedEnd} end asc nulls last`,
      sql`${measures.completedOn} desc nulls last`,
      asc(measures.title),
      asc(measures.id),
    );
}

export type MeasureStatusChange = {
  status: MeasureStatus;
  completedOn: string | null;
  evidenceText: string | null;
  evidenceUrl: string | null;
};

function actionFor(from: MeasureStatus, to: MeasureStatus): AuditAction {
  if (to === "completed") return from === "completed" ? "measure.completion_update" : "measure.complete";
  if (from === "completed") return to === "discarded" ? "measure.discard" : "measure.reopen";
  return to === "discarded" ? "measure.discard" : "measure.status_change";
}

/**
 * Changes the status of one loaded measure, with its audit entry; refuses (before writing) a completion without a
 * date, with a date after `today`, or without evidence (text, link or a stored file). The maturity level follows from these completions.
 */
export async function changeMeasureStatus(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  before: Measure,
  change: MeasureStatusChange,
  today = berlinToday(),
): Promise<Measure> {
  const patch: Partial<Measure> = { status: change.status };
  if (change.status === "completed") {
    if (!change.completedOn)
      throw new DomainError("BAD_REQUEST", "Bitte das Abschlussdatum angeben.", "completedOn");
    if (change.completedOn > today)
      throw new DomainError(
        "BAD_REQUEST",
        "Das Abschlussdatum darf nicht in der Zukunft liegen.",
        "completedOn",
      );
    const evidenceText = change.evidenceText ?? before.evidenceText;
    const evidenceUrl = change.evidenceUrl ?? before.evidenceUrl;
    // A file counts as evidence as well (a file given with the completion is stored before this runs).
    if (!evidenceText && !evidenceUrl && (await countEvidenceFiles(tx, before.id)) === 0)
      throw new DomainError(
        "BAD_REQUEST",
        "Bitte einen Nachweis angeben (Beschreibung, Link oder Datei).",
        "evidenceText",
      );
    Object.assign(patch, { completedOn: change.completedOn, evidenceText, evidenceUrl });
  } else {
    // Only a completed measure has a completion date; reopening or discarding removes it (the audit keeps it).
    patch.completedOn = null;
  }
  const [after] = await tx
    .update(measures)
    .set(patch)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.id, before.id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: actionFor(before.status, change.status),
    entityType: "measure",
    entityId: before.id,
    before: {
      status: before.status,
      completedOn: before.completedOn,
      evidenceText: before.evidenceText,
      evidenceUrl: before.evidenceUrl,
    },
    after: {
      status: after!.status,
      completedOn: after!.completedOn,
      evidenceText: after!.evidenceText,
      evidenceUrl: after!.evidenceUrl,
    },
  });
  return after!;
}

const NOT_FOUND = "Diese Maßnahme gibt es nicht.";

export async function loadMeasure(tx: TenantTx, id: string): Promise<Measure> {
  const [row] = await getMeasuresByIds(tx, [id]);
  if (!row) throw new DomainError("NOT_FOUND", NOT_FOUND);
  return row;
}

export type MeasureFields = {
  title: string;
  description: string;
  orgUnitId: string | null;
  responsibleUserId: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  criterionKeys: string[];
  projectId: string | null;
  evidenceText?: string | null;
  evidenceUrl?: string | null;
};

/**
 * Links, org unit, project and responsible person must exist in this Kommune (and in its model version); a project
 * lead (`projectLeadId`) may only make themselves responsible. Pins the model version before the first link.
 */
async function checkReferences(
  tx: TenantTx,
  tenantId: string,
  input: MeasureFields,
  projectLeadId: string | null,
) {
  const inUse = await requireModelInUse(tx);
  const known = criterionIndex(inUse.model);
  const unknown = input.criterionKeys.filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new DomainError(
      "BAD_REQUEST",
      `Diese Kriterien gibt es im Reifegradmodell nicht: ${unknown.join(", ")}.`,
      "criterionKeys",
    );
  if (input.orgUnitId && !(await getOrgUnit(tx, input.orgUnitId)))
    throw new DomainError("BAD_REQUEST", "Diese Organisationseinheit gibt es nicht.", "orgUnitId");
  if (
    input.projectId &&
    !(await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, input.projectId)))[0]
  )
    throw new DomainError("BAD_REQUEST", "Dieses Projekt gibt es nicht.", "projectId");
  if (input.responsibleUserId) {
    const [user] = await tx
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, input.responsibleUserId));
    if (user?.status !== "active")
      throw new DomainError(
        "BAD_REQUEST",
        "Diese Person gibt es nicht oder ihr Konto ist gesperrt.",
        "responsibleUserId",
      );
  }
  if (projectLeadId && input.responsibleUserId !== projectLeadId)
    throw new DomainError(
      "BAD_REQUEST",
      "Als Projektleitung legen Sie Maßnahmen an und bearbeiten sie, für die Sie selbst verantwortlich sind.",
      "responsibleUserId",
    );
  await pinModel(tx, tenantId, inUse);
}

export async function createMeasure(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  input: MeasureFields,
  projectLeadId: string | null,
) {
  await checkReferences(tx, tenantId, input, projectLeadId);
  const [row] = await tx
    .insert(measures)
    .values({ ...input, criterionKeys: [...new Set(input.criterionKeys)], tenantId })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "measure.create",
    entityType: "measure",
    entityId: row!.id,
    after: row,
  });
  return row!;
}

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
function changedFields(before: Measure, after: Measure, side: "before" | "after") {
  const out: Record<string, unknown> = {};
  for (const field of AUDITED_FIELDS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      out[field] = (side === "before" ? before : after)[field];
  }
  return out;
}

export async function updateMeasure(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  before: Measure,
  input: MeasureFields,
  projectLeadId: string | null,
) {
  await checkReferences(tx, tenantId, input, projectLeadId);
  if (
    before.status === "completed" &&
    !input.evidenceText &&
    !input.evidenceUrl &&
    (await countEvidenceFiles(tx, before.id)) === 0
  )
    throw new DomainError(
      "BAD_REQUEST",
      "Eine abgeschlossene Maßnahme braucht einen Nachweis (Beschreibung, Link oder Datei).",
      "evidenceText",
    );
  const [after] = await tx
    .update(measures)
    .set({ ...input, criterionKeys: [...new Set(input.criterionKeys)] })
    .where(and(eq(measures.tenantId, tenantId), eq(measures.id, before.id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "measure.update",
    entityType: "measure",
    entityId: before.id,
    before: changedFields(before, after!, "before"),
    after: changedFields(before, after!, "after"),
  });
  return after!;
}

/**
 * One status for several measures, all or nothing: a completion needs evidence for every measure (its own, or the text
 * or link given here, which fills gaps and never overwrites). Returns how many changed.
 */
export async function bulkChangeMeasureStatus(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  rows: Measure[],
  change: {
    status: MeasureStatus;
    completedOn: string | null;
    evidenceText: string | null;
    evidenceUrl: string | null;
  },
) {
  if (change.status === "completed") {
    const withFiles = await measuresWithEvidenceFiles(
      tx,
      rows.map((r) => r.id),
    );
    const missing = rows.filter((r) => !r.evidenceText && !r.evidenceUrl && !withFiles.has(r.id));
    if (missing.length > 0 && !change.evidenceText && !change.evidenceUrl)
      throw new DomainError(
        "BAD_REQUEST",
        `Ohne Nachweis: ${missing.map((r) => `„${r.title}“`).join(", ")}. Bitte einen Nachweis für diese Maßnahmen angeben.`,
        "evidenceText",
      );
  }
  let changed = 0;
  for (const row of rows) {
    if (row.status === change.status && change.status !== "completed") continue;
    const ownEvidence = row.evidenceText || row.evidenceUrl;
    await changeMeasureStatus(tx, tenantId, actor, row, {
      status: change.status,
      completedOn: change.completedOn,
      evidenceText: ownEvidence ? null : change.evidenceText,
      evidenceUrl: ownEvidence ? null : change.evidenceUrl,
    });
    changed++;
  }
  return { changed, unchanged: rows.length - changed };
}
