// Projects of the current tenant: list with filters, detail, create/update/remove, milestones, PM standards and
// completion. Every write writes its audit entry (entity "project", so the project's history is one audit query).
import {
  type Ampel,
  berlinToday,
  DEFAULT_REPORT_EVERY_WEEKS,
  formatDate,
  nextReportDue,
  OPEN_MEASURE_STATUSES,
  overallAmpel,
  type PmStandard,
  type ProjectFilter,
  type ProjectMethod,
  type ProjectPriority,
  type ProjectSort,
  type ProjectStatus,
} from "@spatz/domain";
import { formatDuration, projectDuration, projectNaturalKey } from "@spatz/portfolio";
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError, isUniqueViolation } from "../domain-error.ts";
import { users } from "../schema/identity.ts";
import { measures } from "../schema/measures.ts";
import { orgUnits } from "../schema/org-units.ts";
import { projectMilestones, projectProposals, projectStandards, projects } from "../schema/portfolio.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { listAudit } from "./audit.ts";
import { changeMeasureStatus, listMeasuresOfProject } from "./measures.ts";
import { assertGbAndR } from "./org-units.ts";
import { tenantRef } from "./tenant-ref.ts";

export const gbUnit = alias(orgUnits, "gb");
export const rUnit = alias(orgUnits, "r");

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The one WHERE clause of list, dashboard, timeline and export. */
export function projectFilterWhere(f: ProjectFilter, userId: string | null): SQL | undefined {
  const search = f.search?.trim();
  const like = search ? `%${escapeLike(search)}%` : "";
  return and(
    search
      ? or(
          ilike(projects.name, like),
          ilike(projects.description, like),
          ilike(projects.leadName, like),
          ilike(projects.externalId, like),
        )
      : undefined,
    f.gbId ? eq(projects.gbId, f.gbId) : undefined,
    f.rId ? eq(projects.rId, f.rId) : undefined,
    f.status ? eq(projects.status, f.status) : undefined,
    f.year
      ? and(lte(projects.startDate, `${f.year}-12-31`), gte(projects.endDate, `${f.year}-01-01`))
      : undefined,
    f.method ? eq(projects.method, f.method) : undefined,
    f.lead ? eq(projects.leadName, f.lead) : undefined,
    f.mine ? (userId ? eq(projects.leadUserId, userId) : sql`false`) : undefined,
  );
}

const STATUS_ORDER = sql`case ${projects.status}
  when 'registered' then 1 when 'assessed' then 2 when 'approved' then 3 when 'in_progress' then 4
  when 'completed' then 5 when 'stopped' then 6 when 'rejected' then 7 else 8 end`;

function orderFor(sort: ProjectSort, dir: "asc" | "desc"): SQL[] {
  const d = dir === "asc" ? asc : desc;
  switch (sort) {
    case "name":
      return [d(projects.name)];
    case "gb":
      return [d(gbUnit.code), d(rUnit.code), asc(projects.name)];
    case "start":
      return [d(projects.startDate), asc(projects.name)];
    case "end":
      return [d(projects.endDate), asc(projects.name)];
    case "status":
      return [dir === "asc" ? sql`${STATUS_ORDER} asc` : sql`${STATUS_ORDER} desc`, asc(projects.name)];
    case "budget":
      return [
        dir === "asc"
          ? sql`${projects.budgetCents} asc nulls last`
          : sql`${projects.budgetCents} desc nulls last`,
        asc(projects.name),
      ];
    case "updated":
      return [d(projects.updatedAt)];
  }
}

const listColumns = {
  id: projects.id,
  externalId: projects.externalId,
  name: projects.name,
  gbId: projects.gbId,
  gbCode: gbUnit.code,
  gbName: gbUnit.name,
  rId: projects.rId,
  rCode: rUnit.code,
  rName: rUnit.name,
  startDate: projects.startDate,
  endDate: projects.endDate,
  status: projects.status,
  priority: projects.priority,
  method: projects.method,
  leadName: projects.leadName,
  leadUserId: projects.leadUserId,
  budgetCents: projects.budgetCents,
  effortDays: projects.effortDays,
  updatedAt: projects.updatedAt,
};

export function durationText(start: string, end: string): string {
  return end >= start ? formatDuration(projectDuration(start, end), { compact: true }) : "–";
}

export type ProjectListInput = {
  filter: ProjectFilter;
  sort: ProjectSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

type LatestReport = { reportedOn: string; schedule: Ampel; cost: Ampel; quality: Ampel; resources: Ampel };

/**
 * The latest status report's four lights of the project in the outer query (project steering); list, timeline and
 * dashboard read it the same way. Its overall Ampel is the worst of them (`latestAmpelOf`).
 */
export const latestReportColumn = sql<LatestReport | null>`(select json_build_object('reportedOn', r.reported_on,
    'schedule', r.schedule, 'cost', r.cost, 'quality', r.quality, 'resources', r.resources)
  from project_status_reports r where r.tenant_id = projects.tenant_id and r.project_id = projects.id
  order by r.reported_on desc, r.created_at desc limit 1)`;

export const latestAmpelOf = (report: LatestReport | null) =>
  report ? { overall: overallAmpel(report), reportedOn: report.reportedOn } : null;

export async function listProjects(
  tx: TenantTx,
  f: ProjectListInput,
  userId: string | null,
  today = berlinToday(),
) {
  const where = projectFilterWhere(f.filter, userId);
  // Qualified by hand, so the correlation never depends on how drizzle names the outer columns.
  const overdue = sql<number>`(select count(*)::int from project_milestones m
    where m.tenant_id = projects.tenant_id and m.project_id = projects.id and not m.done and m.due_date < ${today})`;
  const [rows, [counted]] = await Promise.all([
    tx
      .select({
        ...listColumns,
        overdueMilestones: overdue,
        latestReport: latestReportColumn,
        reportWeeks: projects.statusReportWeeks,
      })
      .from(projects)
      .innerJoin(gbUnit, tenantRef(gbUnit, projects.tenantId, projects.gbId))
      .innerJoin(rUnit, tenantRef(rUnit, projects.tenantId, projects.rId))
      .where(where)
      .orderBy(...orderFor(f.sort, f.dir), asc(projects.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(projects).where(where),
  ]);
  const total = counted?.n ?? 0;
  const items = rows.map(({ latestReport: report, reportWeeks, ...row }) => ({
    ...row,
    duration: durationText(row.startDate, row.endDate),
    latestAmpel: latestAmpelOf(report),
    // A project in Umsetzung whose next status report is past due (project steering, packages/domain/src/steering.ts).
    reportMissing:
      row.status === "in_progress" &&
      nextReportDue(report?.reportedOn ?? null, row.startDate, reportWeeks ?? DEFAULT_REPORT_EVERY_WEEKS) <
        today,
  }));
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/** Everything matching the filter, for the export (no paging; a Kommune has a few hundred projects). */
export async function listProjectsForExport(
  tx: TenantTx,
  filter: ProjectFilter,
  sort: ProjectSort,
  dir: "asc" | "desc",
  userId: string | null,
) {
  return tx
    .select({ ...listColumns, description: projects.description, notes: projects.notes })
    .from(projects)
    .innerJoin(gbUnit, tenantRef(gbUnit, projects.tenantId, projects.gbId))
    .innerJoin(rUnit, tenantRef(rUnit, projects.tenantId, projects.rId))
    .where(projectFilterWhere(filter, userId))
    .orderBy(...orderFor(sort, dir), asc(projects.id))
    .limit(100_000);
}

export async function getProjectRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id));
  return row ?? null;
}

export async function getProject(tx: TenantTx, id: string, today = berlinToday()) {
  const [row] = await tx
    .select({
      ...listColumns,
      description: projects.description,
      notes: projects.notes,
      completedAt: projects.completedAt,
      createdAt: projects.createdAt,
      leadUserName: users.displayName,
    })
    .from(projects)
    .innerJoin(gbUnit, tenantRef(gbUnit, projects.tenantId, projects.gbId))
    .innerJoin(rUnit, tenantRef(rUnit, projects.tenantId, projects.rId))
    .leftJoin(users, tenantRef(users, projects.tenantId, projects.leadUserId))
    .where(eq(projects.id, id));
  if (!row) return null;
  const [milestones, standards, proposals, linkedMeasures] = await Promise.all([
    tx
      .select({
        id: projectMilestones.id,
        title: projectMilestones.title,
        dueDate: projectMilestones.dueDate,
        done: projectMilestones.done,
      })
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, id))
      .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.title)),
    tx
      .select({ standard: projectStandards.standard, checkedAt: projectStandards.checkedAt })
      .from(projectStandards)
      .where(eq(projectStandards.projectId, id)),
    tx
      .select({ id: projectProposals.id, roundId: projectProposals.roundId })
      .from(projectProposals)
      .where(eq(projectProposals.projectId, id)),
    listMeasuresOfProject(tx, id),
  ]);
  return {
    ...row,
    duration: durationText(row.startDate, row.endDate),
    milestones: milestones.map((m) => ({ ...m, overdue: !m.done && m.dueDate < today })),
    standards,
    proposal: proposals[0] ?? null,
    /** The maturity measures this project delivers (measures.project_id). */
    measures: linkedMeasures,
  };
}

/** Every project of the tenant as a choice for linking a measure: the delivering project. */
export async function projectOptions(tx: TenantTx) {
  return tx
    .select({
      id: projects.id,
      name: projects.name,
      gbCode: gbUnit.code,
      rCode: rUnit.code,
      status: projects.status,
    })
    .from(projects)
    .innerJoin(gbUnit, tenantRef(gbUnit, projects.tenantId, projects.gbId))
    .innerJoin(rUnit, tenantRef(rUnit, projects.tenantId, projects.rId))
    .orderBy(asc(gbUnit.sortOrder), asc(gbUnit.code), asc(rUnit.code), asc(projects.name), asc(projects.id))
    .limit(5000);
}

export type ProjectValues = {
  gbId: string;
  rId: string;
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  status: ProjectStatus;
  priority: ProjectPriority | null;
  method: ProjectMethod | null;
  leadName: string | null;
  leadUserId: string | null;
  budgetCents: number | null;
  effortDays: number | null;
  notes: string | null;
};

const duplicateName = (name: string, gb: string, r: string) =>
  new DomainError(
    "CONFLICT",
    `Ein Projekt „${name}“ gibt es in ${gb} / ${r} bereits. Bitte wählen Sie einen anderen Namen.`,
    "name",
  );

async function assertLeadUser(tx: TenantTx, userId: string | null) {
  if (!userId) return null;
  const [user] = await tx
    .select({ id: users.id, displayName: users.displayName, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (user?.status !== "active")
    throw new DomainError(
      "BAD_REQUEST",
      "Diese Person gibt es nicht oder ihr Konto ist gesperrt.",
      "leadUserId",
    );
  return user;
}

/** The stored row as the audit log shows it: readable codes instead of bare ids. */
function auditView(row: typeof projects.$inferSelect, gb: string, r: string) {
  const { tenantId: _t, naturalKey: _k, createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, gb, r };
}

export async function createProject(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  values: ProjectValues & { externalId?: string | null },
) {
  const { gb, r } = await assertGbAndR(tx, values.gbId, values.rId);
  const lead = await assertLeadUser(tx, values.leadUserId);
  const naturalKey = projectNaturalKey({ gb: gb.code, r: r.code, name: values.name });
  const [clash] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.naturalKey, naturalKey));
  if (clash) throw duplicateName(values.name, gb.code, r.code);
  try {
    const [row] = await tx
      .insert(projects)
      .values({
        tenantId,
        ...values,
        leadName: values.leadName || lead?.displayName || null,
        naturalKey,
        completedAt: values.status === "completed" ? new Date() : null,
      })
      .returning();
    await writeAudit(tx, tenantId, actor, {
      action: "project.create",
      entityType: "project",
      entityId: row!.id,
      after: auditView(row!, gb.code, r.code),
    });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(values.name, gb.code, r.code);
    throw error;
  }
}

export async function updateProject(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  values: ProjectValues,
) {
  const before = await getProjectRow(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  const { gb, r } = await assertGbAndR(tx, values.gbId, values.rId);
  const lead = values.leadUserId === before.leadUserId ? null : await assertLeadUser(tx, values.leadUserId);
  const naturalKey = projectNaturalKey({ gb: gb.code, r: r.code, name: values.name });
  const [clash] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.naturalKey, naturalKey), ne(projects.id, id)));
  if (clash) throw duplicateName(values.name, gb.code, r.code);
  const [beforeGb, beforeR] = await Promise.all([
    tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, before.gbId)),
    tx.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, before.rId)),
  ]);
  const [row] = await tx
    .update(projects)
    .set({
      ...values,
      leadName: values.leadName || lead?.displayName || null,
      naturalKey,
      completedAt:
        values.status === "completed"
          ? (before.completedAt ?? new Date())
          : before.status === "completed"
            ? null
            : before.completedAt,
    })
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "project.update",
    entityType: "project",
    entityId: id,
    ...changes(
      auditView(before, beforeGb[0]?.code ?? "", beforeR[0]?.code ?? ""),
      auditView(row!, gb.code, r.code),
    ),
  });
  return row!;
}

/** Only the fields that changed, as before/after. */
export function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const x = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const y = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null)) {
      b[key] = x ?? null;
      a[key] = y ?? null;
    }
  }
  return { before: b, after: a };
}

export async function removeProject(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const before = await getProjectRow(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  // A proposal that became this project stays on record, without the link.
  await tx.update(projectProposals).set({ projectId: null }).where(eq(projectProposals.projectId, id));
  // So do the measures it delivered (their completions are maturity history); each measure's history shows the unlink.
  const unlinked = await tx
    .update(measures)
    .set({ projectId: null })
    .where(and(eq(measures.tenantId, tenantId), eq(measures.projectId, id)))
    .returning({ id: measures.id });
  for (const m of unlinked) {
    await writeAudit(tx, tenantId, actor, {
      action: "measure.update",
      entityType: "measure",
      entityId: m.id,
      before: { projectId: id, projectName: before.name },
      after: { projectId: null },
    });
  }
  await tx.delete(projects).where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
  await writeAudit(tx, tenantId, actor, {
    action: "project.remove",
    entityType: "project",
    entityId: id,
    before: {
      name: before.name,
      status: before.status,
      startDate: before.startDate,
      endDate: before.endDate,
    },
  });
}

/**
 * Completes a project. With `completeLinkedMeasures` (the screen asks first) its open measures are completed in the
 * same transaction, which raises the maturity automatically (the level follows from completed measures). Their
 * completion date is the project's end date when that has passed (the PMO often records a completion afterwards),
 * else today; their evidence names the project. A project lead may do this for the projects they lead: the measures
 * were linked by someone allowed to edit them, and the project delivers them.
 */
export async function completeProject(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  opts: { completeLinkedMeasures: boolean; completedOn?: string },
  today = berlinToday(),
) {
  const before = await getProjectRow(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  if (before.status === "completed")
    throw new DomainError("CONFLICT", "Dieses Projekt ist bereits abgeschlossen.");
  if (before.status === "rejected" || before.status === "stopped")
    throw new DomainError(
      "CONFLICT",
      "Ein abgelehntes oder gestopptes Projekt kann nicht abgeschlossen werden. Bitte ändern Sie zuerst den Status.",
    );
  const now = new Date();
  await tx
    .update(projects)
    .set({ status: "completed", completedAt: now, updatedAt: now })
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
  const completed: string[] = [];
  if (opts.completeLinkedMeasures) {
    const open = await tx
      .select()
      .from(measures)
      .where(and(eq(measures.projectId, id), inArray(measures.status, [...OPEN_MEASURE_STATUSES])))
      .orderBy(asc(measures.id));
    const ended = before.endDate < today;
    const completedOn = opts.completedOn ?? (ended ? before.endDate : today);
    const note = `Abschluss des Projekts „${before.name}“ (Projektportfolio) am ${formatDate(completedOn)}.`;
    for (const m of open) {
      const evidenceText = m.evidenceText ? `${m.evidenceText}\n${note}` : note;
      await changeMeasureStatus(
        tx,
        tenantId,
        actor,
        m,
        { status: "completed", completedOn, evidenceText, evidenceUrl: null },
        today,
      );
      completed.push(m.id);
    }
  }
  await writeAudit(tx, tenantId, actor, {
    action: "project.complete",
    entityType: "project",
    entityId: id,
    before: { status: before.status },
    after: {
      status: "completed",
      completeLinkedMeasures: opts.completeLinkedMeasures,
      measuresCompleted: completed.length,
      measureIds: completed,
    },
  });
  return { id, status: "completed" as const, measuresCompleted: completed.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Milestones and standards (audited on the project, so they show in its history)

export async function addMilestone(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  m: { projectId: string; title: string; dueDate: string; done: boolean },
) {
  const project = await getProjectRow(tx, m.projectId);
  if (!project) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  const [row] = await tx
    .insert(projectMilestones)
    .values({ tenantId, ...m })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "project.milestone_add",
    entityType: "project",
    entityId: m.projectId,
    after: { milestoneId: row!.id, title: row!.title, dueDate: row!.dueDate, done: row!.done },
  });
  return row!;
}

export async function getMilestone(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(projectMilestones).where(eq(projectMilestones.id, id));
  return row ?? null;
}

export async function updateMilestone(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  values: { title: string; dueDate: string; done: boolean },
) {
  const before = await getMilestone(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diesen Meilenstein gibt es nicht.");
  const [row] = await tx
    .update(projectMilestones)
    .set({ ...values })
    .where(and(eq(projectMilestones.tenantId, tenantId), eq(projectMilestones.id, id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "project.milestone_update",
    entityType: "project",
    entityId: before.projectId,
    before: { milestoneId: id, title: before.title, dueDate: before.dueDate, done: before.done },
    after: { milestoneId: id, title: row!.title, dueDate: row!.dueDate, done: row!.done },
  });
  return row!;
}

export async function removeMilestone(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const before = await getMilestone(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diesen Meilenstein gibt es nicht.");
  await tx
    .delete(projectMilestones)
    .where(and(eq(projectMilestones.tenantId, tenantId), eq(projectMilestones.id, id)));
  await writeAudit(tx, tenantId, actor, {
    action: "project.milestone_remove",
    entityType: "project",
    entityId: before.projectId,
    before: { milestoneId: id, title: before.title, dueDate: before.dueDate, done: before.done },
  });
}

export async function setStandard(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  projectId: string,
  standard: PmStandard,
  followed: boolean,
) {
  const project = await getProjectRow(tx, projectId);
  if (!project) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  const where = and(
    eq(projectStandards.tenantId, tenantId),
    eq(projectStandards.projectId, projectId),
    eq(projectStandards.standard, standard),
  );
  const changed = followed
    ? (
        await tx
          .insert(projectStandards)
          .values({ tenantId, projectId, standard })
          .onConflictDoNothing()
          .returning()
      ).length
    : (await tx.delete(projectStandards).where(where).returning()).length;
  if (changed > 0) {
    await writeAudit(tx, tenantId, actor, {
      action: followed ? "project.standard_set" : "project.standard_unset",
      entityType: "project",
      entityId: projectId,
      after: { standard, followed },
    });
  }
  return { projectId, standard, followed };
}

export async function projectHistory(tx: TenantTx, projectId: string, page: number, pageSize: number) {
  return listAudit(tx, { entityType: "project", entityId: projectId, page, pageSize });
}

// ---------------------------------------------------------------------------------------------------------------
// Filter choices

export async function projectFilterOptions(tx: TenantTx) {
  const [leads, busy, leadUsers] = await Promise.all([
    tx
      .selectDistinct({ name: projects.leadName })
      .from(projects)
      .where(sql`${projects.leadName} is not null`)
      .orderBy(asc(projects.leadName))
      .limit(500),
    // Projects running per calendar year.
    tx.execute<{ year: number; n: number }>(sql`
      select y::int as year, count(*)::int as n
      from ${projects}, generate_series(extract(year from ${projects.startDate})::int, extract(year from ${projects.endDate})::int) y
      group by y order by y`),
    tx
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(users)
      .where(
        and(eq(users.status, "active"), or(eq(users.role, "project_lead"), eq(users.role, "coordinator"))),
      )
      .orderBy(asc(users.displayName)),
  ]);
  const thisYear = Number(berlinToday().slice(0, 4));
  const perYear = [...busy].map((r) => ({ year: Number(r.year), n: Number(r.n) }));
  const years = perYear.map((r) => r.year).filter((y) => y >= thisYear - 30 && y <= thisYear + 30);
  // The year the timeline opens with: this year when projects run in it, else the busiest year.
  const busiest = [...perYear].sort((a, b) => b.n - a.n || b.year - a.year)[0]?.year;
  const defaultYear = years.includes(thisYear) ? thisYear : (busiest ?? thisYear);
  return {
    leads: leads.map((l) => l.name!).filter(Boolean),
    years: years.length > 0 ? years : [thisYear],
    defaultYear,
    leadUsers: leadUsers.map((u) => ({ id: u.id, displayName: u.displayName })),
  };
}
