// The yearly registration round ("Anmeldung für 2024"): the PMO opens a round, Fachbereiche register proposals, the
// PMO scores them against weighted criteria and decides; an approved proposal becomes a project of that year.
import {
  type CriterionScores,
  type CriterionWeights,
  DEFAULT_WEIGHTS,
  type ProjectMethod,
  type ProposalStatus,
  type RoundStatus,
  SCORING_CRITERIA,
  weightedScore,
} from "@spatz/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError, isUniqueViolation } from "../domain-error.ts";
import { users } from "../schema/identity.ts";
import { projectProposals, registrationRounds } from "../schema/portfolio.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { assertGbAndR } from "./org-units.ts";
import { createProject, durationText, gbUnit, rUnit } from "./projects.ts";
import { tenantRef } from "./tenant-ref.ts";

/** Weights as stored; rounds written before a criterion existed read it as 0. */
export function readWeights(value: unknown): CriterionWeights {
  const stored = (value ?? {}) as Partial<Record<string, unknown>>;
  return Object.fromEntries(
    SCORING_CRITERIA.map((c) => [c, typeof stored[c] === "number" ? (stored[c] as number) : 0]),
  ) as CriterionWeights;
}

function readScores(value: unknown): CriterionScores | null {
  if (!value || typeof value !== "object") return null;
  const stored = value as Record<string, unknown>;
  if (!SCORING_CRITERIA.every((c) => typeof stored[c] === "number")) return null;
  return stored as CriterionScores;
}

export async function listRounds(tx: TenantTx) {
  const rows = await tx
    .select({
      id: registrationRounds.id,
      year: registrationRounds.year,
      title: registrationRounds.title,
      status: registrationRounds.status,
      deadline: registrationRounds.deadline,
      createdAt: registrationRounds.createdAt,
      closedAt: registrationRounds.closedAt,
      // Qualified by hand: drizzle writes bare column names in a single-table select, which the subquery would
      // resolve to its own table.
      proposals: sql<number>`(select count(*)::int from project_proposals p where p.tenant_id = registration_rounds.tenant_id and p.round_id = registration_rounds.id)`,
      open: sql<number>`(select count(*)::int from project_proposals p where p.tenant_id = registration_rounds.tenant_id and p.round_id = registration_rounds.id and p.status in ('submitted', 'assessed'))`,
      approved: sql<number>`(select count(*)::int from project_proposals p where p.tenant_id = registration_rounds.tenant_id and p.round_id = registration_rounds.id and p.status = 'approved')`,
    })
    .from(registrationRounds)
    .orderBy(desc(registrationRounds.year));
  return rows;
}

export async function getRoundRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(registrationRounds).where(eq(registrationRounds.id, id));
  return row ?? null;
}

export async function getRound(tx: TenantTx, id: string) {
  const round = await getRoundRow(tx, id);
  if (!round) return null;
  const weights = readWeights(round.weights);
  const rows = await tx
    .select({
      id: projectProposals.id,
      name: projectProposals.name,
      description: projectProposals.description,
      justification: projectProposals.justification,
      gbId: projectProposals.gbId,
      gbCode: gbUnit.code,
      rId: projectProposals.rId,
      rCode: rUnit.code,
      startDate: projectProposals.startDate,
      endDate: projectProposals.endDate,
      method: projectProposals.method,
      leadName: projectProposals.leadName,
      budgetCents: projectProposals.budgetCents,
      effortDays: projectProposals.effortDays,
      status: projectProposals.status,
      scores: projectProposals.scores,
      scoreNote: projectProposals.scoreNote,
      decisionNote: projectProposals.decisionNote,
      projectId: projectProposals.projectId,
      submittedBy: projectProposals.submittedBy,
      submittedByName: users.displayName,
      createdAt: projectProposals.createdAt,
    })
    .from(projectProposals)
    .innerJoin(gbUnit, tenantRef(gbUnit, projectProposals.tenantId, projectProposals.gbId))
    .innerJoin(rUnit, tenantRef(rUnit, projectProposals.tenantId, projectProposals.rId))
    .leftJoin(users, tenantRef(users, projectProposals.tenantId, projectProposals.submittedBy))
    .where(eq(projectProposals.roundId, id))
    .orderBy(asc(projectProposals.createdAt), asc(projectProposals.id));
  const proposals = rows
    .map((p) => {
      const scores = readScores(p.scores);
      return {
        ...p,
        scores,
        score: weightedScore(scores, weights),
        duration: durationText(p.startDate, p.endDate),
      };
    })
    // Ranking: scored proposals by weighted score (highest first), then the unscored in order of registration.
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  let rank = 0;
  const ranked = proposals.map((p) => ({ ...p, rank: p.score === null ? null : ++rank }));
  return {
    id: round.id,
    year: round.year,
    title: round.title,
    status: round.status,
    deadline: round.deadline,
    weights,
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    proposals: ranked,
  };
}

export async function openRound(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  values: { year: number; title: string; deadline: string | null; weights?: CriterionWeights },
) {
  const [exists] = await tx
    .select({ id: registrationRounds.id })
    .from(registrationRounds)
    .where(eq(registrationRounds.year, values.year));
  const conflict = new DomainError(
    "CONFLICT",
    `Für ${values.year} gibt es bereits eine Anmelderunde.`,
    "year",
  );
  if (exists) throw conflict;
  try {
    const [row] = await tx
      .insert(registrationRounds)
      .values({ tenantId, ...values, weights: values.weights ?? DEFAULT_WEIGHTS, status: "open" })
      .returning();
    await writeAudit(tx, tenantId, actor, {
      action: "registration.round_open",
      entityType: "registration_round",
      entityId: row!.id,
      after: { year: row!.year, title: row!.title, deadline: row!.deadline, weights: row!.weights },
    });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict;
    throw error;
  }
}

export async function updateRound(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  values: { title: string; deadline: string | null; weights: CriterionWeights },
) {
  const before = await getRoundRow(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diese Anmelderunde gibt es nicht.");
  const [row] = await tx
    .update(registrationRounds)
    .set({ ...values })
    .where(and(eq(registrationRounds.tenantId, tenantId), eq(registrationRounds.id, id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "registration.round_update",
    entityType: "registration_round",
    entityId: id,
    before: { title: before.title, deadline: before.deadline, weights: before.weights },
    after: { title: row!.title, deadline: row!.deadline, weights: row!.weights },
  });
  return row!;
}

export async function setRoundStatus(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  status: RoundStatus,
) {
  const before = await getRoundRow(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diese Anmelderunde gibt es nicht.");
  if (before.status === status) return before;
  const [row] = await tx
    .update(registrationRounds)
    .set({ status, closedAt: status === "closed" ? new Date() : null })
    .where(and(eq(registrationRounds.tenantId, tenantId), eq(registrationRounds.id, id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: status === "closed" ? "registration.round_close" : "registration.round_reopen",
    entityType: "registration_round",
    entityId: id,
    before: { status: before.status },
    after: { status },
  });
  return row!;
}

export async function getProposalRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(projectProposals).where(eq(projectProposals.id, id));
  return row ?? null;
}

export type ProposalValues = {
  roundId: string;
  gbId: string;
  rId: string;
  name: string;
  description: string;
  justification: string;
  startDate: string;
  endDate: string;
  method: ProjectMethod | null;
  leadName: string | null;
  budgetCents: number | null;
  effortDays: number | null;
};

export async function submitProposal(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  submittedBy: string | null,
  values: ProposalValues,
) {
  const round = await getRoundRow(tx, values.roundId);
  if (!round) throw new DomainError("NOT_FOUND", "Diese Anmelderunde gibt es nicht.");
  if (round.status !== "open")
    throw new DomainError("CONFLICT", `Die Anmelderunde „${round.title}“ ist abgeschlossen.`);
  await assertGbAndR(tx, values.gbId, values.rId);
  const [row] = await tx
    .insert(projectProposals)
    .values({ tenantId, ...values, submittedBy, status: "submitted" })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "registration.proposal_submit",
    entityType: "project_proposal",
    entityId: row!.id,
    after: { roundId: round.id, name: row!.name, startDate: row!.startDate, endDate: row!.endDate },
  });
  return row!;
}

type ProposalRow = NonNullable<Awaited<ReturnType<typeof getProposalRow>>>;

/**
 * Corrects a submitted proposal (as loaded by the caller) while its round is open. Scoring starts from what was
 * submitted, so an assessed or decided proposal stays as it is (the PMO would score something else than it saw).
 */
export async function updateProposal(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  before: ProposalRow,
  values: Omit<ProposalValues, "roundId">,
) {
  const id = before.id;
  if (before.status !== "submitted")
    throw new DomainError(
      "CONFLICT",
      "Eine bereits bewertete oder entschiedene Anmeldung kann nicht mehr geändert werden.",
    );
  const round = await getRoundRow(tx, before.roundId);
  if (round?.status !== "open")
    throw new DomainError("CONFLICT", `Die Anmelderunde „${round?.title ?? ""}“ ist abgeschlossen.`);
  await assertGbAndR(tx, values.gbId, values.rId);
  const [row] = await tx
    .update(projectProposals)
    .set({ ...values })
    .where(and(eq(projectProposals.tenantId, tenantId), eq(projectProposals.id, id)))
    .returning();
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== row![k]);
  await writeAudit(tx, tenantId, actor, {
    action: "registration.proposal_update",
    entityType: "project_proposal",
    entityId: id,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, row![k]])),
  });
  return row!;
}

/** Withdraws a proposal (as loaded by the caller) that has not been assessed yet. */
export async function withdrawProposal(tx: TenantTx, tenantId: string, actor: Actor, before: ProposalRow) {
  const id = before.id;
  if (before.status !== "submitted")
    throw new DomainError(
      "CONFLICT",
      "Eine bereits bewertete oder entschiedene Anmeldung kann nicht zurückgezogen werden.",
    );
  await tx
    .delete(projectProposals)
    .where(and(eq(projectProposals.tenantId, tenantId), eq(projectProposals.id, id)));
  await writeAudit(tx, tenantId, actor, {
    action: "registration.proposal_withdraw",
    entityType: "project_proposal",
    entityId: id,
    before: { roundId: before.roundId, name: before.name },
  });
}

export async function scoreProposal(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  scores: CriterionScores,
  note: string,
) {
  const before = await getProposalRow(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diese Anmeldung gibt es nicht.");
  if (before.status === "approved" || before.status === "rejected")
    throw new DomainError("CONFLICT", "Über diese Anmeldung ist bereits entschieden.");
  const [row] = await tx
    .update(projectProposals)
    .set({
      scores,
      scoreNote: note || null,
      status: "assessed",
      assessedAt: new Date(),
    })
    .where(and(eq(projectProposals.tenantId, tenantId), eq(projectProposals.id, id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "registration.proposal_score",
    entityType: "project_proposal",
    entityId: id,
    before: { status: before.status, scores: before.scores },
    after: { status: row!.status, scores, note: note || null },
  });
  return row!;
}

export async function decideProposal(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  decision: Extract<ProposalStatus, "approved" | "rejected">,
  note: string,
) {
  const before = await getProposalRow(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diese Anmeldung gibt es nicht.");
  if (before.status === "approved" || before.status === "rejected")
    throw new DomainError("CONFLICT", "Über diese Anmeldung ist bereits entschieden.");
  if (before.status !== "assessed")
    throw new DomainError("CONFLICT", "Bitte bewerten Sie die Anmeldung, bevor Sie entscheiden.");
  let projectId: string | null = null;
  if (decision === "approved") {
    // A project lead who registered the proposal leads the project and may edit it.
    const [submitter] = before.submittedBy
      ? await tx
          .select({ id: users.id, role: users.role, status: users.status })
          .from(users)
          .where(eq(users.id, before.submittedBy))
      : [];
    const leadUserId =
      submitter && submitter.role === "project_lead" && submitter.status === "active" ? submitter.id : null;
    const project = await createProject(tx, tenantId, actor, {
      gbId: before.gbId,
      rId: before.rId,
      name: before.name,
      description: before.description,
      startDate: before.startDate,
      endDate: before.endDate,
      status: "approved",
      priority: null,
      method: before.method,
      leadName: before.leadName,
      leadUserId,
      budgetCents: before.budgetCents,
      effortDays: before.effortDays,
      notes: before.justification ? `Begründung der Anmeldung: ${before.justification}` : null,
    });
    projectId = project.id;
  }
  const [row] = await tx
    .update(projectProposals)
    .set({
      status: decision,
      decisionNote: note || null,
      decidedAt: new Date(),
      projectId,
    })
    .where(and(eq(projectProposals.tenantId, tenantId), eq(projectProposals.id, id)))
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: decision === "approved" ? "registration.proposal_approve" : "registration.proposal_reject",
    entityType: "project_proposal",
    entityId: id,
    before: { status: before.status },
    after: { status: decision, note: note || null, projectId },
  });
  return row!;
}
