// IT-Governance of a Kommune (schema/governance.ts, docs/adr/0015-it-governance.md): Gremien, their meetings and
// Beschlüsse, the RACI matrix and the processes with their reviews; every write audited. Which artefacts count as
// evidence for maturity criteria, and until when, is governance-evidence.ts: the engine reads them with the measures.
import {
  DECISION_LINK_KIND_LABELS,
  DECISION_LINK_KINDS,
  type DecisionLinkKind,
  type DecisionStatus,
  formatDate,
  raciProblems,
} from "@spatz/domain";
import { addMonths } from "@spatz/maturity";
import { asc, count, desc, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError, isUniqueViolation } from "../domain-error.ts";
import {
  governanceBodies,
  governanceDecisionLinks,
  governanceDecisions,
  governanceMeetings,
  governanceMembers,
  governanceProcesses,
  governanceProcessReviews,
  governanceRaciVersions,
} from "../schema/governance.ts";
import { users } from "../schema/identity.ts";
import { measures } from "../schema/measures.ts";
import { projects } from "../schema/portfolio.ts";
import { strategies, strategyVersions } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { bodyOfMeeting, meetingOfDecision } from "./governance-joins.ts";
import { criterionIndex, requireModelInUse } from "./maturity-scope.ts";
import { tenantRef } from "./tenant-ref.ts";

type Member = {
  userId: string | null;
  name: string;
  organisation: string;
  function: "chair" | "deputy" | "member" | "guest";
};
export type BodyValues = { name: string; purpose: string; rhythm: string; members: Member[] };

/** Criterion keys must exist in the Kommune's model version (a German field error otherwise). */
async function assertCriteria(tx: TenantTx, keys: readonly string[]) {
  if (keys.length === 0) return;
  const known = criterionIndex((await requireModelInUse(tx)).model);
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new DomainError(
      "BAD_REQUEST",
      `Diese Kriterien gibt es im Reifegradmodell nicht: ${unknown.join(", ")}.`,
      "criterionKeys",
    );
}

// ---- Gremien -------------------------------------------------------------------------------------------------------

export async function listBodies(tx: TenantTx) {
  const meetingStats = tx
    .select({
      bodyId: governanceMeetings.bodyId,
      meetings: count().as("meetings"),
      lastMeetingOn: max(governanceMeetings.heldOn).as("last_meeting_on"),
    })
    .from(governanceMeetings)
    .groupBy(governanceMeetings.bodyId)
    .as("meeting_stats");
  const rows = await tx
    .select({
      id: governanceBodies.id,
      name: governanceBodies.name,
      purpose: governanceBodies.purpose,
      rhythm: governanceBodies.rhythm,
      meetings: sql<number>`coalesce(${meetingStats.meetings}, 0)::int`,
      lastMeetingOn: meetingStats.lastMeetingOn,
      members: sql<number>`(select count(*)::int from ${governanceMembers} m where m.tenant_id = ${governanceBodies.tenantId} and m.body_id = ${governanceBodies.id})`,
      chairName: sql<
        string | null
      >`(select m.name from ${governanceMembers} m where m.tenant_id = ${governanceBodies.tenantId} and m.body_id = ${governanceBodies.id} and m.function = 'chair')`,
    })
    .from(governanceBodies)
    .leftJoin(meetingStats, eq(meetingStats.bodyId, governanceBodies.id))
    .orderBy(asc(governanceBodies.name));
  return rows;
}

async function bodyRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(governanceBodies).where(eq(governanceBodies.id, id));
  if (!row) throw new DomainError("NOT_FOUND", "Dieses Gremium gibt es nicht.");
  return row;
}

/** Members named from their account where they have one; another Kommune's user id is refused (RLS hides it). */
async function resolveMembers(tx: TenantTx, members: readonly Member[]) {
  const ids = members.flatMap((m) => (m.userId ? [m.userId] : []));
  const found =
    ids.length === 0
      ? []
      : await tx
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, ids));
  const names = new Map(found.map((u) => [u.id, u.displayName]));
  return members.map((m, position) => {
    if (m.userId && !names.has(m.userId))
      throw new DomainError("BAD_REQUEST", "Diese Person gibt es in Ihrer Verwaltung nicht.", "members");
    return { ...m, position, name: m.userId ? names.get(m.userId)! : m.name };
  });
}

const duplicateBody = (name: string) =>
  new DomainError("CONFLICT", `Ein Gremium „${name}“ gibt es schon.`, "name");

async function writeMembers(tx: TenantTx, tenantId: string, bodyId: string, members: readonly Member[]) {
  const rows = await resolveMembers(tx, members);
  await tx.delete(governanceMembers).where(eq(governanceMembers.bodyId, bodyId));
  if (rows.length > 0)
    await tx.insert(governanceMembers).values(rows.map((m) => ({ tenantId, bodyId, ...m })));
  return rows;
}

export async function createBody(tx: TenantTx, tenantId: string, actor: Actor, v: BodyValues) {
  const { members, ...fields } = v;
  const [row] = await tx
    .insert(governanceBodies)
    .values({ tenantId, ...fields, rhythm: fields.rhythm as never })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateBody(v.name) : error;
    });
  const written = await writeMembers(tx, tenantId, row!.id, members);
  await writeAudit(tx, tenantId, actor, {
    action: "governance.body_create",
    entityType: "governance_body",
    entityId: row!.id,
    after: { name: row!.name, rhythm: row!.rhythm, members: written.map((m) => m.name) },
  });
  return row!;
}

export async function updateBody(tx: TenantTx, tenantId: string, actor: Actor, id: string, v: BodyValues) {
  const before = await bodyRow(tx, id);
  const { members, ...fields } = v;
  await tx
    .update(governanceBodies)
    .set({ ...fields, rhythm: fields.rhythm as never })
    .where(eq(governanceBodies.id, id))
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateBody(v.name) : error;
    });
  const written = await writeMembers(tx, tenantId, id, members);
  await writeAudit(tx, tenantId, actor, {
    action: "governance.body_update",
    entityType: "governance_body",
    entityId: id,
    before: { name: before.name, purpose: before.purpose, rhythm: before.rhythm },
    after: { name: v.name, purpose: v.purpose, rhythm: v.rhythm, members: written.map((m) => m.name) },
  });
}

/** Only a Gremium without meetings can go: its Beschlüsse are records (the database refuses it too). */
export async function removeBody(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const body = await bodyRow(tx, id);
  const [held] = await tx
    .select({ n: count() })
    .from(governanceMeetings)
    .where(eq(governanceMeetings.bodyId, id));
  if ((held?.n ?? 0) > 0)
    throw new DomainError(
      "CONFLICT",
      "Ein Gremium mit Sitzungen kann nicht gelöscht werden: seine Beschlüsse bleiben nachvollziehbar.",
    );
  await tx.delete(governanceBodies).where(eq(governanceBodies.id, id));
  await writeAudit(tx, tenantId, actor, {
    action: "governance.body_remove",
    entityType: "governance_body",
    entityId: id,
    before: { name: body.name },
  });
}

/** A Gremium with its members and its meetings (newest first), each with its Beschlüsse and what they decide. */
export async function getBody(tx: TenantTx, id: string) {
  const body = await bodyRow(tx, id);
  const [members, meetings] = await Promise.all([
    tx
      .select({
        userId: governanceMembers.userId,
        name: governanceMembers.name,
        organisation: governanceMembers.organisation,
        function: governanceMembers.function,
      })
      .from(governanceMembers)
      .where(eq(governanceMembers.bodyId, id))
      .orderBy(asc(governanceMembers.position)),
    tx
      .select()
      .from(governanceMeetings)
      .where(eq(governanceMeetings.bodyId, id))
      .orderBy(desc(governanceMeetings.heldOn), desc(governanceMeetings.createdAt)),
  ]);
  const decisions = await decisionsOf(
    tx,
    meetings.map((m) => m.id),
  );
  return {
    ...body,
    members,
    meetings: meetings.map((m) => ({ ...m, decisions: decisions.filter((d) => d.meetingId === m.id) })),
  };
}

// ---- Sitzungen -----------------------------------------------------------------------------------------------------

export type MeetingValues = { heldOn: string; agenda: string; minutesUrl: string | null };

async function meetingRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(governanceMeetings).where(eq(governanceMeetings.id, id));
  if (!row) throw new DomainError("NOT_FOUND", "Diese Sitzung gibt es nicht.");
  return row;
}

export async function addMeeting(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  v: MeetingValues & { bodyId: string },
) {
  const body = await bodyRow(tx, v.bodyId);
  const [row] = await tx
    .insert(governanceMeetings)
    .values({ tenantId, ...v })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "governance.meeting_add",
    entityType: "governance_body",
    entityId: body.id,
    after: { name: body.name, meetingId: row!.id, heldOn: row!.heldOn },
  });
  return row!;
}

export async function updateMeeting(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  v: MeetingValues,
) {
  const before = await meetingRow(tx, id);
  const body = await bodyRow(tx, before.bodyId);
  await tx.update(governanceMeetings).set(v).where(eq(governanceMeetings.id, id));
  await writeAudit(tx, tenantId, actor, {
    action: "governance.meeting_update",
    entityType: "governance_body",
    entityId: body.id,
    before: { name: body.name, meetingId: id, heldOn: before.heldOn, agenda: before.agenda },
    after: { name: body.name, meetingId: id, heldOn: v.heldOn, agenda: v.agenda },
  });
}

export async function removeMeeting(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const meeting = await meetingRow(tx, id);
  const [taken] = await tx
    .select({ n: count() })
    .from(governanceDecisions)
    .where(eq(governanceDecisions.meetingId, id));
  if ((taken?.n ?? 0) > 0)
    throw new DomainError("CONFLICT", "Eine Sitzung mit Beschlüssen kann nicht gelöscht werden.");
  const body = await bodyRow(tx, meeting.bodyId);
  await tx.delete(governanceMeetings).where(eq(governanceMeetings.id, id));
  await writeAudit(tx, tenantId, actor, {
    action: "governance.meeting_remove",
    entityType: "governance_body",
    entityId: body.id,
    before: { name: body.name, meetingId: id, heldOn: meeting.heldOn },
  });
}

// ---- Beschlüsse ----------------------------------------------------------------------------------------------------

export type DecisionValues = {
  meetingId: string;
  number: string;
  title: string;
  text: string;
  status: Exclude<DecisionStatus, "revoked">;
  criterionKeys: string[];
  links: { kind: DecisionLinkKind; id: string }[];
};

/** What a Beschluss can decide about, with names: the Kommune's measures, projects and approved strategy versions. */
export async function decisionLinkOptions(tx: TenantTx) {
  const [m, p, s] = await Promise.all([
    tx.select({ id: measures.id, label: measures.title }).from(measures).orderBy(asc(measures.title)),
    tx.select({ id: projects.id, label: projects.name }).from(projects).orderBy(asc(projects.name)),
    tx
      .select({
        id: strategyVersions.id,
        label: sql<string>`${strategyVersions.title} || ', Fassung ' || ${strategyVersions.version}`,
      })
      .from(strategyVersions)
      .orderBy(asc(strategyVersions.title), desc(strategyVersions.version)),
  ]);
  return { measure: m, project: p, strategy_version: s };
}

const LINK_COLUMN = {
  measure: "measureId",
  project: "projectId",
  strategy_version: "strategyVersionId",
} as const satisfies Record<DecisionLinkKind, string>;

/** Every link must name one of this Kommune's objects (RLS shows no other): a German field error otherwise. */
async function assertLinks(tx: TenantTx, links: DecisionValues["links"]) {
  const TABLES = { measure: measures, project: projects, strategy_version: strategyVersions } as const;
  for (const kind of DECISION_LINK_KINDS) {
    const ids = [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id))];
    if (ids.length === 0) continue;
    const table = TABLES[kind];
    const found = await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids));
    if (found.length < ids.length)
      throw new DomainError(
        "BAD_REQUEST",
        `Diese ${DECISION_LINK_KIND_LABELS[kind]} gibt es in Ihrer Verwaltung nicht.`,
        "links",
      );
  }
}

export async function addDecision(tx: TenantTx, tenantId: string, actor: Actor, v: DecisionValues) {
  const meeting = await meetingRow(tx, v.meetingId);
  await assertCriteria(tx, v.criterionKeys);
  await assertLinks(tx, v.links);
  const { links, ...fields } = v;
  const [row] = await tx
    .insert(governanceDecisions)
    .values({ tenantId, ...fields })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error)
        ? new DomainError("CONFLICT", `Die Beschlussnummer „${v.number}“ ist schon vergeben.`, "number")
        : error;
    });
  const unique = [...new Map(links.map((l) => [`${l.kind}:${l.id}`, l])).values()];
  if (unique.length > 0)
    await tx
      .insert(governanceDecisionLinks)
      .values(unique.map((l) => ({ tenantId, decisionId: row!.id, [LINK_COLUMN[l.kind]]: l.id })));
  await writeAudit(tx, tenantId, actor, {
    action: "governance.decision_add",
    entityType: "governance_decision",
    entityId: row!.id,
    after: {
      title: `${row!.number}: ${row!.title}`,
      heldOn: meeting.heldOn,
      status: row!.status,
      criterionKeys: row!.criterionKeys,
      links: unique,
    },
  });
  return row!;
}

export async function setDecisionStatus(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  v: { id: string; status: DecisionStatus; revokedOn: string | null },
) {
  const [before] = await tx
    .select({ d: governanceDecisions, heldOn: governanceMeetings.heldOn })
    .from(governanceDecisions)
    .innerJoin(governanceMeetings, meetingOfDecision)
    .where(eq(governanceDecisions.id, v.id));
  if (!before) throw new DomainError("NOT_FOUND", "Diesen Beschluss gibt es nicht.");
  const revokedOn = v.status === "revoked" ? v.revokedOn : null;
  if (revokedOn && revokedOn < before.heldOn)
    throw new DomainError(
      "BAD_REQUEST",
      `Ein Beschluss kann nicht vor seiner Sitzung (${formatDate(before.heldOn)}) aufgehoben werden.`,
      "revokedOn",
    );
  await tx
    .update(governanceDecisions)
    .set({ status: v.status, revokedOn })
    .where(eq(governanceDecisions.id, v.id));
  await writeAudit(tx, tenantId, actor, {
    action: "governance.decision_status",
    entityType: "governance_decision",
    entityId: v.id,
    before: {
      title: `${before.d.number}: ${before.d.title}`,
      status: before.d.status,
      revokedOn: before.d.revokedOn,
    },
    after: { title: `${before.d.number}: ${before.d.title}`, status: v.status, revokedOn },
  });
}

/** The Beschlüsse of some meetings with what they decide (names read now, in this Kommune). */
async function decisionsOf(tx: TenantTx, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(governanceDecisions)
    .where(inArray(governanceDecisions.meetingId, meetingIds))
    .orderBy(asc(governanceDecisions.number));
  const links =
    rows.length === 0
      ? []
      : await tx
          .select({
            decisionId: governanceDecisionLinks.decisionId,
            measureId: governanceDecisionLinks.measureId,
            projectId: governanceDecisionLinks.projectId,
            strategyVersionId: governanceDecisionLinks.strategyVersionId,
            measureTitle: measures.title,
            projectName: projects.name,
            strategyId: strategyVersions.strategyId,
            strategyTitle: strategyVersions.title,
            strategyVersion: strategyVersions.version,
            strategyOrgUnitId: strategies.orgUnitId,
          })
          .from(governanceDecisionLinks)
          .leftJoin(
            measures,
            tenantRef(measures, governanceDecisionLinks.tenantId, governanceDecisionLinks.measureId),
          )
          .leftJoin(
            projects,
            tenantRef(projects, governanceDecisionLinks.tenantId, governanceDecisionLinks.projectId),
          )
          .leftJoin(
            strategyVersions,
            tenantRef(
              strategyVersions,
              governanceDecisionLinks.tenantId,
              governanceDecisionLinks.strategyVersionId,
            ),
          )
          .leftJoin(strategies, tenantRef(strategies, strategyVersions.tenantId, strategyVersions.strategyId))
          .where(
            inArray(
              governanceDecisionLinks.decisionId,
              rows.map((r) => r.id),
            ),
          );
  return rows.map((d) => ({
    ...d,
    links: links
      .filter((l) => l.decisionId === d.id)
      .map((l) =>
        l.measureId
          ? { kind: "measure" as const, id: l.measureId, label: l.measureTitle ?? "Maßnahme" }
          : l.projectId
            ? { kind: "project" as const, id: l.projectId, label: l.projectName ?? "Projekt" }
            : {
                kind: "strategy_version" as const,
                id: l.strategyVersionId!,
                label: `${l.strategyTitle}, Fassung ${l.strategyVersion}`,
                orgUnitId: l.strategyOrgUnitId,
              },
      ),
  }));
}

/**
 * Records that a Beschluss decides about an object (a strategy version approved on it, a project approved in a
 * registration round). The Beschluss must be one of this Kommune's (RLS hides others): a German field error otherwise.
 */
export async function linkDecision(
  tx: TenantTx,
  tenantId: string,
  decisionId: string,
  target: { kind: DecisionLinkKind; id: string },
) {
  const [decision] = await tx
    .select({ id: governanceDecisions.id })
    .from(governanceDecisions)
    .where(eq(governanceDecisions.id, decisionId));
  if (!decision) throw new DomainError("BAD_REQUEST", "Diesen Beschluss gibt es nicht.", "decisionId");
  await tx
    .insert(governanceDecisionLinks)
    .values({ tenantId, decisionId, [LINK_COLUMN[target.kind]]: target.id });
}

/** Every Beschluss of the Kommune, newest first, for choosing one (the RACI matrix names the one adopting it). */
export async function decisionOptions(tx: TenantTx) {
  return tx
    .select({
      id: governanceDecisions.id,
      number: governanceDecisions.number,
      title: governanceDecisions.title,
      heldOn: governanceMeetings.heldOn,
      bodyName: governanceBodies.name,
      status: governanceDecisions.status,
    })
    .from(governanceDecisions)
    .innerJoin(governanceMeetings, meetingOfDecision)
    .innerJoin(governanceBodies, bodyOfMeeting)
    .orderBy(desc(governanceMeetings.heldOn), asc(governanceDecisions.number));
}

/** The Beschlüsse that decide about one approved strategy version (shown on the strategy page). */
export async function decisionsForStrategyVersions(tx: TenantTx, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return tx
    .select({
      strategyVersionId: governanceDecisionLinks.strategyVersionId,
      decisionId: governanceDecisions.id,
      number: governanceDecisions.number,
      title: governanceDecisions.title,
      status: governanceDecisions.status,
      heldOn: governanceMeetings.heldOn,
      bodyId: governanceBodies.id,
      bodyName: governanceBodies.name,
    })
    .from(governanceDecisionLinks)
    .innerJoin(
      governanceDecisions,
      tenantRef(governanceDecisions, governanceDecisionLinks.tenantId, governanceDecisionLinks.decisionId),
    )
    .innerJoin(governanceMeetings, meetingOfDecision)
    .innerJoin(governanceBodies, bodyOfMeeting)
    .where(inArray(governanceDecisionLinks.strategyVersionId, versionIds))
    .orderBy(asc(governanceMeetings.heldOn));
}

// ---- RACI ----------------------------------------------------------------------------------------------------------

export type RaciDraftValues = {
  matrix: { areas: string[]; parties: string[]; cells: string[][] };
  criterionKeys: string[];
  decisionId: string | null;
};

/** The matrix in force (latest published), the draft if one is being edited, and every version's date. */
export async function getRaci(tx: TenantTx) {
  const versions = await tx
    .select()
    .from(governanceRaciVersions)
    .orderBy(desc(governanceRaciVersions.version));
  const published = versions.filter((v) => v.publishedOn !== null);
  const decisionIds = versions.flatMap((v) => (v.decisionId ? [v.decisionId] : []));
  const decisions =
    decisionIds.length === 0
      ? []
      : await tx
          .select({
            id: governanceDecisions.id,
            number: governanceDecisions.number,
            title: governanceDecisions.title,
          })
          .from(governanceDecisions)
          .where(inArray(governanceDecisions.id, decisionIds));
  const withDecision = <V extends (typeof versions)[number]>(v: V) => ({
    ...v,
    decision: decisions.find((d) => d.id === v.decisionId) ?? null,
  });
  const draft = versions.find((v) => v.publishedOn === null);
  return {
    current: published[0] ? withDecision(published[0]) : null,
    draft: draft ? withDecision(draft) : null,
    history: published.map((v) => ({
      version: v.version,
      publishedOn: v.publishedOn!,
      publishedByName: v.publishedByName!,
    })),
  };
}

async function assertDecision(tx: TenantTx, decisionId: string | null) {
  if (!decisionId) return;
  const [row] = await tx
    .select({ id: governanceDecisions.id })
    .from(governanceDecisions)
    .where(eq(governanceDecisions.id, decisionId));
  if (!row) throw new DomainError("BAD_REQUEST", "Diesen Beschluss gibt es nicht.", "decisionId");
}

export async function saveRaciDraft(tx: TenantTx, tenantId: string, actor: Actor, v: RaciDraftValues) {
  await assertCriteria(tx, v.criterionKeys);
  await assertDecision(tx, v.decisionId);
  const [draft] = await tx
    .select({ id: governanceRaciVersions.id })
    .from(governanceRaciVersions)
    .where(isNull(governanceRaciVersions.publishedOn));
  const matrix = v.matrix as never;
  let version: number;
  if (draft) {
    const [row] = await tx
      .update(governanceRaciVersions)
      .set({ matrix, criterionKeys: v.criterionKeys, decisionId: v.decisionId })
      .where(eq(governanceRaciVersions.id, draft.id))
      .returning({ version: governanceRaciVersions.version });
    version = row!.version;
  } else {
    const [last] = await tx.select({ n: max(governanceRaciVersions.version) }).from(governanceRaciVersions);
    version = (last?.n ?? 0) + 1;
    await tx
      .insert(governanceRaciVersions)
      .values({ tenantId, version, matrix, criterionKeys: v.criterionKeys, decisionId: v.decisionId });
  }
  await writeAudit(tx, tenantId, actor, {
    action: "governance.raci_save",
    entityType: "governance_raci",
    after: { title: `RACI-Matrix, Entwurf der Fassung ${version}`, areas: v.matrix.areas.length },
  });
  return { version };
}

/** Publishes the draft as of `today`: from then on it is the matrix in force, evidence for its criteria. */
export async function publishRaci(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  publisherName: string,
  today: string,
) {
  const [draft] = await tx
    .select()
    .from(governanceRaciVersions)
    .where(isNull(governanceRaciVersions.publishedOn));
  if (!draft) throw new DomainError("CONFLICT", "Es gibt keinen Entwurf, der veröffentlicht werden könnte.");
  const problems = raciProblems(draft.matrix);
  if (problems.length > 0)
    throw new DomainError(
      "BAD_REQUEST",
      `Die Matrix kann so nicht veröffentlicht werden: ${problems.join(" ")} Jeder Bereich braucht genau ein A.`,
    );
  // Versions are published in order: a draft cannot be dated before the version in force.
  const [last] = await tx
    .select({ on: max(governanceRaciVersions.publishedOn) })
    .from(governanceRaciVersions)
    .where(isNotNull(governanceRaciVersions.publishedOn));
  const publishedOn = last?.on && last.on > today ? last.on : today;
  await tx
    .update(governanceRaciVersions)
    .set({ publishedOn, publishedByName: publisherName })
    .where(eq(governanceRaciVersions.id, draft.id));
  await writeAudit(tx, tenantId, actor, {
    action: "governance.raci_publish",
    entityType: "governance_raci",
    entityId: draft.id,
    after: { title: `RACI-Matrix, Fassung ${draft.version}`, publishedOn },
  });
  return { version: draft.version, publishedOn };
}

export async function discardRaciDraft(tx: TenantTx, tenantId: string, actor: Actor) {
  const deleted = await tx
    .delete(governanceRaciVersions)
    .where(isNull(governanceRaciVersions.publishedOn))
    .returning({ version: governanceRaciVersions.version });
  if (deleted.length === 0) throw new DomainError("CONFLICT", "Es gibt keinen Entwurf.");
  await writeAudit(tx, tenantId, actor, {
    action: "governance.raci_discard",
    entityType: "governance_raci",
    before: { title: `RACI-Matrix, Entwurf der Fassung ${deleted[0]!.version}` },
  });
}

// ---- Prozesse ------------------------------------------------------------------------------------------------------

export type ProcessValues = {
  name: string;
  ownerName: string;
  description: string;
  documentUrl: string | null;
  reviewEveryMonths: number;
  criterionKeys: string[];
};

const duplicateProcess = (name: string) =>
  new DomainError("CONFLICT", `Einen Prozess „${name}“ gibt es schon.`, "name");

/** The processes with their latest review and when the next is due (overdue: that day has come, or never reviewed). */
export async function listProcesses(tx: TenantTx, today: string) {
  const [rows, reviews] = await Promise.all([
    tx.select().from(governanceProcesses).orderBy(asc(governanceProcesses.name)),
    tx
      .select()
      .from(governanceProcessReviews)
      .orderBy(desc(governanceProcessReviews.reviewedOn), desc(governanceProcessReviews.createdAt)),
  ]);
  return rows.map((p) => {
    const own = reviews.filter((r) => r.processId === p.id);
    const latest = own[0] ?? null;
    const dueOn = latest?.validUntil ?? null;
    return {
      ...p,
      reviews: own.slice(0, 10),
      reviewCount: own.length,
      lastReviewedOn: latest?.reviewedOn ?? null,
      dueOn,
      overdue: dueOn === null || dueOn <= today,
    };
  });
}

async function processRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(governanceProcesses).where(eq(governanceProcesses.id, id));
  if (!row) throw new DomainError("NOT_FOUND", "Diesen Prozess gibt es nicht.");
  return row;
}

export async function createProcess(tx: TenantTx, tenantId: string, actor: Actor, v: ProcessValues) {
  await assertCriteria(tx, v.criterionKeys);
  const [row] = await tx
    .insert(governanceProcesses)
    .values({ tenantId, ...v })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateProcess(v.name) : error;
    });
  await writeAudit(tx, tenantId, actor, {
    action: "governance.process_create",
    entityType: "governance_process",
    entityId: row!.id,
    after: { name: row!.name, ownerName: row!.ownerName, reviewEveryMonths: row!.reviewEveryMonths },
  });
  return row!;
}

export async function updateProcess(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  v: ProcessValues,
) {
  const before = await processRow(tx, id);
  await assertCriteria(tx, v.criterionKeys);
  await tx
    .update(governanceProcesses)
    .set(v)
    .where(eq(governanceProcesses.id, id))
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateProcess(v.name) : error;
    });
  await writeAudit(tx, tenantId, actor, {
    action: "governance.process_update",
    entityType: "governance_process",
    entityId: id,
    before: { name: before.name, ownerName: before.ownerName, reviewEveryMonths: before.reviewEveryMonths },
    after: { name: v.name, ownerName: v.ownerName, reviewEveryMonths: v.reviewEveryMonths },
  });
}

/** A review counts from its day for the process's interval (the next review is due then). */
export async function addProcessReview(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  reviewerName: string,
  v: { processId: string; reviewedOn: string; note: string },
) {
  const process = await processRow(tx, v.processId);
  const validUntil = addMonths(v.reviewedOn, process.reviewEveryMonths);
  const [row] = await tx
    .insert(governanceProcessReviews)
    .values({ tenantId, ...v, validUntil, reviewerName })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "governance.process_review",
    entityType: "governance_process",
    entityId: process.id,
    after: { name: process.name, reviewedOn: v.reviewedOn, nextDueOn: validUntil },
  });
  return row!;
}
