// Read models over the whole portfolio: the PMO dashboard (aggregates in SQL, so 10,000 projects stay fast) and the
// timeline (one page of projects in a window, grouped by GB, with their milestones).
import { CLOSED_PROJECT_STATUSES, type ProjectFilter } from "@spatz/domain";
import { and, asc, count, eq, gte, inArray, lt, lte, notInArray, sql } from "drizzle-orm";
import { projectMilestones, projectStandards, projects } from "../schema/portfolio.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { berlinToday, durationText, gbUnit, projectFilterWhere, rUnit } from "./projects.ts";

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
  const yearOf = (column: typeof projects.startDate | typeof projects.endDate) =>
    filter.year ? and(gte(column, `${filter.year}-01-01`), lte(column, `${filter.year}-12-31`)) : undefined;
  const overdueWhere = and(
    where,
    eq(projectMilestones.done, false),
    lt(projectMilestones.dueDate, today),
    notInArray(projects.status, [...CLOSED_PROJECT_STATUSES]),
  );
  const milestoneJoin = and(
    eq(projectMilestones.tenantId, projects.tenantId),
    eq(projectMilestones.projectId, projects.id),
  );

  const byStatus = await tx
    .select({ status: projects.status, count: count(), budgetCents: budgetSum, effortDays: effortSum })
    .from(projects)
    .where(where)
    .groupBy(projects.status);
  const byGb = await tx
    .select({
      gbId: projects.gbId,
      code: gbUnit.code,
      name: gbUnit.name,
      count: count(),
      budgetCents: budgetSum,
      effortDays: effortSum,
    })
    .from(projects)
    .innerJoin(gbUnit, and(eq(gbUnit.tenantId, projects.tenantId), eq(gbUnit.id, projects.gbId)))
    .where(where)
    .groupBy(projects.gbId, gbUnit.code, gbUnit.name)
    .orderBy(asc(gbUnit.code));
  const quarterOf = (column: typeof projects.startDate | typeof projects.endDate) => ({
    year: sql<number>`extract(year from ${column})::int`,
    quarter: sql<number>`extract(quarter from ${column})::int`,
    count: count(),
  });
  const starting = await tx
    .select(quarterOf(projects.startDate))
    .from(projects)
    .where(and(where, yearOf(projects.startDate)))
    .groupBy(sql`1, 2`);
  const ending = await tx
    .select(quarterOf(projects.endDate))
    .from(projects)
    .where(and(where, yearOf(projects.endDate)))
    .groupBy(sql`1, 2`);
  const [overdueCount] = await tx
    .select({ n: count() })
    .from(projectMilestones)
    .innerJoin(projects, milestoneJoin)
    .where(overdueWhere);
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
    .innerJoin(projects, milestoneJoin)
    .where(overdueWhere)
    .orderBy(asc(projectMilestones.dueDate), asc(projects.name))
    .limit(10);
  const standards = await tx
    .select({ standard: projectStandards.standard, count: count() })
    .from(projectStandards)
    .innerJoin(
      projects,
      and(eq(projects.tenantId, projectStandards.tenantId), eq(projects.id, projectStandards.projectId)),
    )
    .where(where)
    .groupBy(projectStandards.standard);

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
  for (const s of starting) slot(s.year, s.quarter).starting = s.count;
  for (const e of ending) slot(e.year, e.quarter).ending = e.count;

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
      })
      .from(projects)
      .innerJoin(gbUnit, and(eq(gbUnit.tenantId, projects.tenantId), eq(gbUnit.id, projects.gbId)))
      .innerJoin(rUnit, and(eq(rUnit.tenantId, projects.tenantId), eq(rUnit.id, projects.rId)))
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
  const items = rows.map((row) => ({
    ...row,
    duration: durationText(row.startDate, row.endDate),
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
