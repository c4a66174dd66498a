// Which governance artefacts count as evidence for maturity criteria, and until when (docs/adr/0015-it-governance.md).
// The maturity dashboard, the Reifegradbericht and the benchmark snapshots give these facts to the engine next to the
// Kommune's measures. Its own module: the snapshot code imports it without the rest of the governance queries.
import { formatDate } from "@spatz/domain";
import { and, asc, inArray, isNotNull, sql } from "drizzle-orm";
import {
  governanceDecisions,
  governanceMeetings,
  governanceProcesses,
  governanceProcessReviews,
  governanceRaciVersions,
} from "../schema/governance.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { meetingOfDecision } from "./governance-joins.ts";
import { tenantRef } from "./tenant-ref.ts";

/**
 * The governance artefacts that count for maturity criteria, as engine facts (completed, with their own end):
 * a Beschluss taken (until it is revoked), a published RACI version (until the next is published, which then counts for
 * the criteria it names), a process review (until the next is due). Only artefacts that name criteria; the Kommune's
 * whole administration only.
 */
export async function governanceEvidence(tx: TenantTx) {
  const [decisions, raci, reviews] = await Promise.all([
    tx
      .select({
        id: governanceDecisions.id,
        number: governanceDecisions.number,
        title: governanceDecisions.title,
        status: governanceDecisions.status,
        revokedOn: governanceDecisions.revokedOn,
        criterionKeys: governanceDecisions.criterionKeys,
        heldOn: governanceMeetings.heldOn,
        bodyId: governanceMeetings.bodyId,
      })
      .from(governanceDecisions)
      .innerJoin(governanceMeetings, meetingOfDecision)
      .where(
        and(
          inArray(governanceDecisions.status, ["adopted", "revoked"]),
          sql`cardinality(${governanceDecisions.criterionKeys}) > 0`,
        ),
      ),
    // Every published version, in order: a version holds until the next one is published.
    tx
      .select()
      .from(governanceRaciVersions)
      .where(isNotNull(governanceRaciVersions.publishedOn))
      .orderBy(asc(governanceRaciVersions.version)),
    tx
      .select({
        id: governanceProcessReviews.id,
        processId: governanceProcessReviews.processId,
        reviewedOn: governanceProcessReviews.reviewedOn,
        validUntil: governanceProcessReviews.validUntil,
        name: governanceProcesses.name,
        criterionKeys: governanceProcesses.criterionKeys,
      })
      .from(governanceProcessReviews)
      .innerJoin(
        governanceProcesses,
        tenantRef(governanceProcesses, governanceProcessReviews.tenantId, governanceProcessReviews.processId),
      )
      .where(sql`cardinality(${governanceProcesses.criterionKeys}) > 0`),
  ]);
  const fact = (
    id: string,
    kind: "decision" | "raci" | "process_review",
    title: string,
    href: string,
    on: string,
    validUntil: string | null,
    criterionKeys: string[],
  ) => ({
    id,
    kind,
    title,
    href,
    status: "completed" as const,
    completedOn: on,
    plannedEnd: null,
    validUntil,
    criterionKeys,
  });
  const facts = [
    ...decisions.map((d) =>
      fact(
        d.id,
        "decision",
        `Beschluss ${d.number}: ${d.title}`,
        `/steuerung/gremien/${d.bodyId}`,
        d.heldOn,
        d.revokedOn,
        d.criterionKeys,
      ),
    ),
    ...raci.flatMap((r, i) =>
      r.criterionKeys.length === 0
        ? []
        : [
            fact(
              r.id,
              "raci",
              `RACI-Matrix, Fassung ${r.version}`,
              "/steuerung/raci",
              r.publishedOn!,
              raci[i + 1]?.publishedOn ?? null,
              r.criterionKeys,
            ),
          ],
    ),
    ...reviews.map((r) =>
      fact(
        r.id,
        "process_review",
        `Prozess „${r.name}“, überprüft am ${formatDate(r.reviewedOn)}`,
        "/steuerung/prozesse",
        r.reviewedOn,
        r.validUntil,
        r.criterionKeys,
      ),
    ),
  ];
  // Evidence that ended the day it began (revoked at once, a version replaced the same day) never counts.
  return facts.filter((f) => f.validUntil === null || f.validUntil > f.completedOn);
}
export type GovernanceFact = Awaited<ReturnType<typeof governanceEvidence>>[number];
