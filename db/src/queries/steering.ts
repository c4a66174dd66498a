// Project steering (schema/steering.ts): status reports (written once) and the risk register of a project, both
// audited on the project so that they show in its history. The caller's right to edit the project is checked by the
// router (a project lead reports only on the projects they lead).
import {
  type Ampel,
  CRITICAL_RISK_SCORE,
  DEFAULT_REPORT_EVERY_WEEKS,
  nextReportDue,
  overallAmpel,
  type ProjectMethod,
  type RiskStatus,
  riskLevel,
} from "@spatz/domain";
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { measures } from "../schema/measures.ts";
import { projects } from "../schema/portfolio.ts";
import { projectRisks, projectStatusReports } from "../schema/steering.ts";
import { strategies } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { getProjectRow } from "./projects.ts";
import { tenantRef } from "./tenant-ref.ts";

export type StatusReportValues = {
  projectId: string;
  reportedOn: string;
  schedule: Ampel;
  cost: Ampel;
  quality: Ampel;
  resources: Ampel;
  summary: string;
  nextSteps: string;
  decisionsNeeded: string;
};

export async function addStatusReport(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  author: { userId: string | null; name: string },
  r: StatusReportValues,
) {
  const project = await getProjectRow(tx, r.projectId);
  if (!project) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  const [row] = await tx
    .insert(projectStatusReports)
    .values({ tenantId, ...r, authorUserId: author.userId, authorName: author.name })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "project.status_report",
    entityType: "project",
    entityId: r.projectId,
    after: { reportId: row!.id, reportedOn: row!.reportedOn, ampel: overallAmpel(row!) },
  });
  return row!;
}

/** A project's reports, newest first, and when the next one is due (a rhythm after the last, or after the start). */
export async function projectStatusReportsOf(tx: TenantTx, projectId: string) {
  const project = await getProjectRow(tx, projectId);
  if (!project) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  const reports = await tx
    .select()
    .from(projectStatusReports)
    .where(eq(projectStatusReports.projectId, projectId))
    .orderBy(desc(projectStatusReports.reportedOn), desc(projectStatusReports.createdAt));
  const running = project.status === "in_progress";
  const everyWeeks = project.statusReportWeeks ?? DEFAULT_REPORT_EVERY_WEEKS;
  return {
    reports: reports.map((r) => ({ ...r, overall: overallAmpel(r) })),
    everyWeeks,
    rhythmSet: project.statusReportWeeks !== null,
    // Only a project in Umsetzung owes reports.
    nextDue: running ? nextReportDue(reports[0]?.reportedOn ?? null, project.startDate, everyWeeks) : null,
  };
}

/** The PMO's rhythm of a project's status reports (null: the default), audited on the project. */
export async function setReportRhythm(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  projectId: string,
  weeks: number | null,
) {
  const project = await getProjectRow(tx, projectId);
  if (!project) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  if (project.statusReportWeeks === weeks) return;
  await tx
    .update(projects)
    .set({ statusReportWeeks: weeks })
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, projectId)));
  await writeAudit(tx, tenantId, actor, {
    action: "project.report_rhythm",
    entityType: "project",
    entityId: projectId,
    before: { statusReportWeeks: project.statusReportWeeks },
    after: { statusReportWeeks: weeks },
  });
}

export type RiskValues = {
  title: string;
  description: string;
  probability: number;
  impact: number;
  ownerName: string;
  treatment: string;
  measureId?: string | null;
  status: RiskStatus;
};

/** A treating measure must be one of this Kommune's (RLS shows no other): a German field error otherwise. */
async function assertMeasure(tx: TenantTx, measureId: string | null | undefined) {
  if (!measureId) return;
  const [row] = await tx.select({ id: measures.id }).from(measures).where(eq(measures.id, measureId));
  if (!row) throw new DomainError("BAD_REQUEST", "Diese Maßnahme gibt es nicht.", "measureId");
}

const withLevel = <R extends { probability: number; impact: number }>(r: R) => ({
  ...r,
  level: riskLevel(r.probability, r.impact),
});

/** Whose risk it is: a project's (audited on the project) or a strategy's (audited on the strategy). */
export type RiskSubject =
  | { projectId: string; strategyId?: undefined }
  | { strategyId: string; projectId?: undefined };

async function assertSubject(tx: TenantTx, subject: RiskSubject) {
  if (subject.projectId !== undefined) {
    if (!(await getProjectRow(tx, subject.projectId)))
      throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
    return;
  }
  const [strategy] = await tx
    .select({ id: strategies.id })
    .from(strategies)
    .where(eq(strategies.id, subject.strategyId));
  if (!strategy) throw new DomainError("NOT_FOUND", "Diese Strategie gibt es nicht.");
}

const auditSubject = (row: { projectId: string | null; strategyId: string | null }) =>
  row.projectId
    ? ({ entityType: "project", entityId: row.projectId } as const)
    : ({ entityType: "strategy", entityId: row.strategyId } as const);

export async function addRisk(tx: TenantTx, tenantId: string, actor: Actor, r: RiskValues & RiskSubject) {
  await assertSubject(tx, r);
  await assertMeasure(tx, r.measureId);
  const [row] = await tx
    .insert(projectRisks)
    .values({ tenantId, ...r })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "project.risk_add",
    ...auditSubject(row!),
    after: { riskId: row!.id, title: row!.title, probability: row!.probability, impact: row!.impact },
  });
  return withLevel(row!);
}

export async function getRisk(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(projectRisks).where(eq(projectRisks.id, id));
  return row ?? null;
}

export async function updateRisk(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  values: RiskValues,
) {
  const before = await getRisk(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Dieses Risiko gibt es nicht.");
  await assertMeasure(tx, values.measureId);
  const [row] = await tx
    .update(projectRisks)
    .set(values)
    .where(and(eq(projectRisks.tenantId, tenantId), eq(projectRisks.id, id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "project.risk_update",
    ...auditSubject(before),
    before: {
      riskId: id,
      title: before.title,
      probability: before.probability,
      impact: before.impact,
      status: before.status,
    },
    after: {
      riskId: id,
      title: row!.title,
      probability: row!.probability,
      impact: row!.impact,
      status: row!.status,
    },
  });
  return withLevel(row!);
}

/** A project's or a strategy's risks with their treating measure's title: open ones first, by score. */
export async function risksOf(tx: TenantTx, subject: RiskSubject) {
  const rows = await tx
    .select({ ...getTableColumns(projectRisks), measureTitle: measures.title })
    .from(projectRisks)
    .leftJoin(measures, tenantRef(measures, projectRisks.tenantId, projectRisks.measureId))
    .where(
      subject.projectId !== undefined
        ? eq(projectRisks.projectId, subject.projectId)
        : eq(projectRisks.strategyId, subject.strategyId),
    )
    .orderBy(
      sql`${projectRisks.status} = 'closed'`,
      desc(sql`${projectRisks.probability} * ${projectRisks.impact}`),
      projectRisks.title,
    );
  return rows.map(withLevel);
}

/** The Kommune's critical risks that are not closed, with their project or strategy, for the leadership's start page. */
export async function criticalOpenRisks(tx: TenantTx, limit = 10) {
  const rows = await tx.execute<{
    id: string;
    title: string;
    probability: number;
    impact: number;
    status: RiskStatus;
    ownerName: string;
    projectId: string | null;
    projectName: string | null;
    strategyId: string | null;
    strategyTitle: string | null;
  }>(sql`
    select r.id, r.title, r.probability, r.impact, r.status, r.owner_name as "ownerName", p.id as "projectId",
           p.name as "projectName", s.id as "strategyId", s.title as "strategyTitle"
    from project_risks r
      left join projects p on p.tenant_id = r.tenant_id and p.id = r.project_id
      left join strategies s on s.tenant_id = r.tenant_id and s.id = r.strategy_id
    where r.status <> 'closed' and r.probability * r.impact >= ${CRITICAL_RISK_SCORE}
    order by r.probability * r.impact desc, r.updated_at desc
    limit ${limit}`);
  return rows.map(withLevel);
}

/** The method chosen with the decision aid: stored on the project, the answers and the suggestion in its history. */
export async function chooseProjectMethod(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  projectId: string,
  choice: { method: ProjectMethod; answers: Record<string, boolean>; suggested: ProjectMethod },
) {
  const project = await getProjectRow(tx, projectId);
  if (!project) throw new DomainError("NOT_FOUND", "Dieses Projekt gibt es nicht.");
  await tx
    .update(projects)
    .set({ method: choice.method })
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, projectId)));
  await writeAudit(tx, tenantId, actor, {
    action: "project.method_choose",
    entityType: "project",
    entityId: projectId,
    before: { method: project.method },
    after: choice,
  });
}
