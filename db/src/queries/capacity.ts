// Capacity (schema/capacity.ts, docs/adr/0016-capacity.md): the PT a GB has per year against the PT its approved and
// running projects and its pending proposals plan for that year (each spread over the years it runs, @spatz/portfolio
// effortByYear). Central capacity (no GB, e.g. a framework contract for all) counts in the administration's total.
import { CAPACITY_PROJECT_STATUSES, CAPACITY_PROPOSAL_STATUSES, type CapacityKind } from "@spatz/domain";
import { effortByYear } from "@spatz/portfolio";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { capacitySources } from "../schema/capacity.ts";
import { governanceDecisions } from "../schema/governance.ts";
import { orgUnits } from "../schema/org-units.ts";
import { projectProposals, projects } from "../schema/portfolio.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { tenantRef } from "./tenant-ref.ts";

export type CapacitySourceValues = {
  gbId: string | null;
  year: number;
  kind: CapacityKind;
  name: string;
  personDays: number;
  consumedDays: number;
  decisionId: string | null;
};

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export async function listCapacitySources(tx: TenantTx, year: number) {
  return tx
    .select({
      id: capacitySources.id,
      gbId: capacitySources.gbId,
      gbCode: orgUnits.code,
      gbName: orgUnits.name,
      year: capacitySources.year,
      kind: capacitySources.kind,
      name: capacitySources.name,
      personDays: capacitySources.personDays,
      consumedDays: capacitySources.consumedDays,
      decisionId: capacitySources.decisionId,
      decisionNumber: governanceDecisions.number,
    })
    .from(capacitySources)
    .leftJoin(orgUnits, tenantRef(orgUnits, capacitySources.tenantId, capacitySources.gbId))
    .leftJoin(
      governanceDecisions,
      tenantRef(governanceDecisions, capacitySources.tenantId, capacitySources.decisionId),
    )
    .where(eq(capacitySources.year, year))
    .orderBy(asc(orgUnits.code), asc(capacitySources.name));
}

/** The GB must be one of this Kommune's GBs and the Beschluss one of its own (RLS hides others): German field errors. */
async function checkReferences(tx: TenantTx, v: CapacitySourceValues) {
  if (v.gbId) {
    const [gb] = await tx.select({ kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.id, v.gbId));
    if (gb?.kind !== "gb")
      throw new DomainError("BAD_REQUEST", "Bitte einen Geschäftsbereich Ihrer Verwaltung wählen.", "gbId");
  }
  if (v.decisionId) {
    const [d] = await tx
      .select({ id: governanceDecisions.id })
      .from(governanceDecisions)
      .where(eq(governanceDecisions.id, v.decisionId));
    if (!d) throw new DomainError("BAD_REQUEST", "Diesen Beschluss gibt es nicht.", "decisionId");
  }
}

const audited = (v: CapacitySourceValues) => ({
  name: v.name,
  gbId: v.gbId,
  year: v.year,
  kind: v.kind,
  personDays: v.personDays,
  consumedDays: v.consumedDays,
});

export async function createCapacitySource(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  v: CapacitySourceValues,
) {
  await checkReferences(tx, v);
  const [row] = await tx
    .insert(capacitySources)
    .values({ tenantId, ...v })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "capacity.create",
    entityType: "capacity_source",
    entityId: row!.id,
    after: audited(v),
  });
  return row!;
}

async function sourceRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(capacitySources).where(eq(capacitySources.id, id));
  if (!row) throw new DomainError("NOT_FOUND", "Diesen Kapazitätseintrag gibt es nicht.");
  return row;
}

export async function updateCapacitySource(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  v: CapacitySourceValues,
) {
  const before = await sourceRow(tx, id);
  await checkReferences(tx, v);
  await tx.update(capacitySources).set(v).where(eq(capacitySources.id, id));
  await writeAudit(tx, tenantId, actor, {
    action: "capacity.update",
    entityType: "capacity_source",
    entityId: id,
    before: audited(before),
    after: audited(v),
  });
}

export async function removeCapacitySource(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const before = await sourceRow(tx, id);
  await tx.delete(capacitySources).where(eq(capacitySources.id, id));
  await writeAudit(tx, tenantId, actor, {
    action: "capacity.remove",
    entityType: "capacity_source",
    entityId: id,
    before: audited(before),
  });
}

type Demand = { gbId: string; startDate: string; endDate: string; effortDays: number | null };

/** The PT that runs fall into `year`, per GB, and how many of them carry no effort at all. */
function demandByGb(rows: readonly Demand[], year: number) {
  const days = new Map<string, number>();
  const withoutEffort = new Map<string, number>();
  for (const r of rows) {
    if (r.effortDays === null) {
      withoutEffort.set(r.gbId, (withoutEffort.get(r.gbId) ?? 0) + 1);
      continue;
    }
    const share = effortByYear(r.startDate, r.endDate, r.effortDays).get(year) ?? 0;
    days.set(r.gbId, (days.get(r.gbId) ?? 0) + share);
  }
  return { days, withoutEffort };
}

export type CapacityRow = {
  gbId: string | null;
  code: string;
  name: string;
  internalDays: number;
  contractDays: number;
  consumedDays: number;
  availableDays: number;
  projectDays: number;
  projectsWithoutEffort: number;
  proposalDays: number;
  proposalsWithoutEffort: number;
  /** Available minus planned (projects and proposals); negative: over-committed by that much. */
  freeDays: number;
  overCommitted: boolean;
};

/**
 * Per GB (and centrally) for one year: available PT (own staff, framework contracts) against the PT of approved and
 * running projects and of pending proposals (of one round, if given). Rows for every GB with any of these.
 */
export async function capacityOverview(tx: TenantTx, year: number, opts: { roundId?: string } = {}) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [gbs, sources, projectRows, proposalRows] = await Promise.all([
    tx
      .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
      .from(orgUnits)
      .where(eq(orgUnits.kind, "gb"))
      .orderBy(asc(orgUnits.code)),
    tx.select().from(capacitySources).where(eq(capacitySources.year, year)),
    tx
      .select({
        gbId: projects.gbId,
        startDate: projects.startDate,
        endDate: projects.endDate,
        effortDays: projects.effortDays,
      })
      .from(projects)
      .where(
        and(
          inArray(projects.status, [...CAPACITY_PROJECT_STATUSES]),
          lte(projects.startDate, to),
          gte(projects.endDate, from),
        ),
      ),
    tx
      .select({
        gbId: projectProposals.gbId,
        startDate: projectProposals.startDate,
        endDate: projectProposals.endDate,
        effortDays: projectProposals.effortDays,
      })
      .from(projectProposals)
      .where(
        and(
          inArray(projectProposals.status, [...CAPACITY_PROPOSAL_STATUSES]),
          lte(projectProposals.startDate, to),
          gte(projectProposals.endDate, from),
          opts.roundId ? eq(projectProposals.roundId, opts.roundId) : undefined,
        ),
      ),
  ]);
  const planned = demandByGb(projectRows, year);
  const proposed = demandByGb(proposalRows, year);
  const row = (gbId: string | null, code: string, name: string): CapacityRow => {
    const own = sources.filter((s) => s.gbId === gbId);
    const sum = (kind: CapacityKind, field: "personDays" | "consumedDays") =>
      round3(own.filter((s) => s.kind === kind).reduce((a, s) => a + s[field], 0));
    const internalDays = sum("internal", "personDays");
    const contractDays = sum("framework_contract", "personDays");
    const projectDays = gbId ? round3(planned.days.get(gbId) ?? 0) : 0;
    const proposalDays = gbId ? round3(proposed.days.get(gbId) ?? 0) : 0;
    const availableDays = round3(internalDays + contractDays);
    const freeDays = round3(availableDays - projectDays - proposalDays);
    return {
      gbId,
      code,
      name,
      internalDays,
      contractDays,
      consumedDays: sum("framework_contract", "consumedDays"),
      availableDays,
      projectDays,
      projectsWithoutEffort: gbId ? (planned.withoutEffort.get(gbId) ?? 0) : 0,
      proposalDays,
      proposalsWithoutEffort: gbId ? (proposed.withoutEffort.get(gbId) ?? 0) : 0,
      freeDays,
      overCommitted: freeDays < 0,
    };
  };
  const rows = gbs
    .map((gb) => row(gb.id, gb.code, gb.name))
    .filter(
      (r) => r.availableDays > 0 || r.projectDays > 0 || r.proposalDays > 0 || r.projectsWithoutEffort > 0,
    );
  const central = row(null, "", "zentral (gesamte Verwaltung)");
  const all = [...rows, central];
  const total = (field: keyof CapacityRow) => round3(all.reduce((a, r) => a + (r[field] as number), 0));
  const totalFree = total("freeDays");
  return {
    year,
    rows,
    central: central.availableDays > 0 ? central : null,
    total: {
      internalDays: total("internalDays"),
      contractDays: total("contractDays"),
      consumedDays: total("consumedDays"),
      availableDays: total("availableDays"),
      projectDays: total("projectDays"),
      projectsWithoutEffort: total("projectsWithoutEffort"),
      proposalDays: total("proposalDays"),
      proposalsWithoutEffort: total("proposalsWithoutEffort"),
      freeDays: totalFree,
      overCommitted: totalFree < 0,
    },
  };
}
