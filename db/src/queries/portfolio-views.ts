// Read models over the whole portfolio: the PMO dashboard (aggregates in SQL, so 10,000 projects stay fast) and the
// timeline (one page of projects in a window, grouped by GB, with their milestones).
import { berlinToday, CLOSED_PROJECT_STATUSES, type ProjectFilter } from "@spatz/domain";
import { and, asc, count, eq, gte, inArray, lt, lte, ne, notInArray, sql } from "drizzle-orm";
import { projectMilestones, projectStandards, projects } from "../schema/portfolio.ts";
import { projectRisks } from "../schema/steering.ts";
import type { TenantTx } from "../tenant-tx.ts";
import {
  durationText,
  gbUnit,
  latestAmpelOf,
  latestReportColumn,
  projectFilterWhere,
  rUnit,
} from "./projects.ts";
import { tenantRef } from "./tenant-ref.ts";

const budgetSum = sql<number>`coalesce(sum(${projects.budgetCents}), 0)::float8`;
const effortSum = sql<number>`coalesce(sum(${projects.effortDays}), 0)::float8`;

function quarterKey(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

export async function portfolioDashboard(
  tx: TenantTx,
  filter: ProjectFilter,
  userId: string | null,
  today = berlinToday(),
) {
  const where = projectFilterWhere(filter, userId);
  const running = and(where, notInArray(projects.status, [...CLOSED_PROJECT_STATUSES]));
  const openOverdue = and(eq(projectMilestones.done, false), lt(projectMilestones.dueDate, today));
  const startYear = sql`extract(year from ${projects.startDate})`;
  const startQuarter = sql`extract(quarter from ${projects.startDate})`;
  const endYear = sql`extract(year from ${projects.endDate})`;
  const endQuarter = sql`extract(quarter from ${projects.endDate})`;

  // One scan for counts and sums by status, by GB, and starts and ends per quarter (grouping sets).
  const groups = await tx
    .select({
      set: sql<number>`grouping(${projects.status}, ${projects.gbId}, ${startYear}, ${startQuarter}, ${endYear}, ${endQuarter})`.mapWith(
        Number,
      ),
      status: projects.status,
      gbId: projects.gbId,
      startYear: sql<number | null>`${startYear}::int`,
      startQuarter: sql<number | null>`${startQuarter}::int`,
      endYear: sql<number | null>`${endYear}::int`,
      endQuarter: sql<number | null>`${endQuarter}::int`,
      count: count(),
      budgetCents: budgetSum,
      effortDays: effortSum,
    })
    .from(projects)
    .where(where)
    .groupBy(
      sql`grouping sets ((${projects.status}), (${projects.gbId}), (${startYear}, ${startQuarter}), (${endYear}, ${endQuarter}))`,
    );
  // grouping() sets a bit for every column NOT in the row's set, first column highest (6 columns).
  const BY_STATUS = 0b011111;
  const BY_GB = 0b101111;
  const BY_START = 0b110011;
  const BY_END = 0b111100;
  const byStatus = groups
    .filter((g) => g.set === BY_STATUS)
    .map((g) => ({ status: g.status, count: g.count, budgetCents: g.budgetCents, effortDays: g.effortDays }));
  const units = await tx.select({ id: gbUnit.id, code: gbUnit.code, name: gbUnit.name }).from(gbUnit);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byGb = groups
    .filter((g) => g.set === BY_GB)
    .map((g) => ({
      gbId: g.gbId,
      code: unitById.get(g.gbId)?.code ?? "?",
      name: unitById.get(g.gbId)?.name ?? "",
      count: g.count,
      budgetCents: g.budgetCents,
      effortDays: g.effortDays,
    }))
    .sort((a, b) => a.code.localeCompare(b.code, "de"));

  // Overdue milestones of running projects: the count as a semi-join (hash), the ten oldest along the due-date index.
  const [overdueCount] = await tx
    .select({ n: count() })
    .from(projectMilestones)
    .where(
      and(
        openOverdue,
        inArray(projectMilestones.projectId, tx.select({ id: projects.id }).from(projects).where(running)),
      ),
    );
  const overdue = await tx
    .select({
      id: projectMilestones.id,
      title: projectMilestones.title,
      dueDate: projectMilestones.dueDate,
      projectId: projects.id,
      projectName: projects.name,
      leadName: projects.leadName,
    })
    .from(projectMilestones)
    .innerJoin(
      projects,
      and(eq(projectMilestones.tenantId, projects.tenantId), eq(projectMilestones.projectId, projects.id)),
    )
    .where(and(openOverdue, running))
    .orderBy(asc(projectMilestones.dueDate), asc(projects.name))
    .limit(10);
  // Without a filter the standards are counted without touching the projects.
  const standards = where
    ? await tx
        .select({ standard: projectStandards.standard, count: count() })
        .from(projectStandards)
        .where(
          inArray(projectStandards.projectId, tx.select({ id: projects.id }).from(projects).where(where)),
        )
        .groupBy(projectStandards.standard)
    : await tx
        .select({ standard: projectStandards.standard, count: count() })
        .from(projectStandards)
        .groupBy(projectStandards.standard);

  // The latest Ampel of every project in Umsetzung (project steering): how many are green, yellow, red, unreported.
  const inProgress = await tx
    .select({ latestReport: latestReportColumn })
    .from(projects)
    .where(and(where, eq(projects.status, "in_progress")));
  const ampel = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const r of inProgress) ampel[latestAmpelOf(r.latestReport)?.overall ?? "none"]++;

  // The risk heat map of the portfolio: open risks of the filtered projects per probability × impact.
  const riskCells = await tx
    .select({ probability: projectRisks.probability, impact: projectRisks.impact, count: count() })
    .from(projectRisks)
    .where(
      and(
        ne(projectRisks.status, "closed"),
        inArray(projectRisks.projectId, tx.select({ id: projects.id }).from(projects).where(where)),
      ),
    )
    .groupBy(projectRisks.probability, projectRisks.impact);

  const quarters = new Map<string, { quarter: string; starting: number; ending: number }>();
  const slot = (year: number, quarter: number) => {
    const key = quarterKey(year, quarter);
    let entry = quarters.get(key);
    if (!entry) {
      entry = { quarter: key, starting: 0, ending: 0 };
      quarters.set(key, entry);
    }
    return entry;
  };
  if (filter.year) for (let q = 1; q <= 4; q++) slot(filter.year, q);
  for (const g of groups) {
    if (g.set === BY_START && (!filter.year || g.startYear === filter.year))
      slot(g.startYear!, g.startQuarter!).starting = g.count;
    if (g.set === BY_END && (!filter.year || g.endYear === filter.year))
      slot(g.endYear!, g.endQuarter!).ending = g.count;
  }

  const total = byStatus.reduce((sum, s) => sum + s.count, 0);
  return {
    today,
    total,
    budgetCents: byStatus.reduce((sum, s) => sum + s.budgetCents, 0),
    effortDays: byStatus.reduce((sum, s) => sum + s.effortDays, 0),
    byStatus,
    byGb,
    quarters: [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
    overdueMilestones: { count: overdueCount?.n ?? 0, items: overdue },
    ampel,
    riskCells,
    standards: standards.map((s) => ({ ...s, share: total === 0 ? 0 : s.count / total })),
  };
}

export type TimelineInput = {
  filter: ProjectFilter;
  from: string;
  to: string;
  page: number;
  pageSize: number;
};

export async function portfolioTimeline(
  tx: TenantTx,
  input: TimelineInput,
  userId: string | null,
  today = berlinToday(),
) {
  const where = and(
    projectFilterWhere({ ...input.filter, year: undefined }, userId),
    lte(projects.startDate, input.to),
    gte(projects.endDate, input.from),
  );
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: projects.id,
        name: projects.name,
        gbId: projects.gbId,
        gbCode: gbUnit.code,
        gbName: gbUnit.name,
        rCode: rUnit.code,
        startDate: projects.startDate,
        endDate: projects.endDate,
        status: projects.status,
        leadName: projects.leadName,
        latestReport: latestReportColumn,
      })
      .from(projects)
      .innerJoin(gbUnit, tenantRef(gbUnit, projects.tenantId, projects.gbId))
      .innerJoin(rUnit, tenantRef(rUnit, projects.tenantId, projects.rId))
      .where(where)
      .orderBy(asc(gbUnit.code), asc(projects.startDate), asc(projects.name), asc(projects.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    tx.select({ n: count() }).from(projects).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const milestones =
    ids.length === 0
      ? []
      : await tx
          .select({
            id: projectMilestones.id,
            projectId: projectMilestones.projectId,
            title: projectMilestones.title,
            dueDate: projectMilestones.dueDate,
            done: projectMilestones.done,
          })
          .from(projectMilestones)
          .where(inArray(projectMilestones.projectId, ids))
          .orderBy(asc(projectMilestones.dueDate));
  const closed = new Set<string>(CLOSED_PROJECT_STATUSES);
  const items = rows.map(({ latestReport, ...row }) => ({
    ...row,
    duration: durationText(row.startDate, row.endDate),
    latestAmpel: latestAmpelOf(latestReport),
    milestones: milestones
      .filter((m) => m.projectId === row.id)
      .map(({ projectId: _p, ...m }) => ({
        ...m,
        overdue: !m.done && m.dueDate < today && !closed.has(row.status),
      })),
  }));
  return {
    from: input.from,
    to: input.to,
    today,
    items,
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
