// Governance fixtures for tests: a Gremium with a meeting, a Beschluss, a RACI draft and a process, written through the
// same queries as the screens in the given tenant.
import { randomUUID } from "node:crypto";
import { type Database, queries, withTenant } from "@spatz/db";
import type { RaciMatrix } from "@spatz/domain";
import { FIXTURE_ACTOR } from "./portfolio.ts";

/** A matrix that can be published: every area has exactly one A. */
export const PUBLISHABLE_RACI: RaciMatrix = {
  areas: ["Digitalstrategie", "IT-Beschaffung"],
  parties: ["Verwaltungsführung", "CDO / PMO"],
  cells: [
    ["A", "R"],
    ["I", "A"],
  ],
};

export async function bodyFixture(
  db: Database,
  tenantId: string,
  name = `Gremium ${randomUUID().slice(0, 8)}`,
) {
  return withTenant(db, tenantId, (tx) =>
    queries.createBody(tx, tenantId, FIXTURE_ACTOR, { name, purpose: "", rhythm: "monthly", members: [] }),
  );
}

export async function meetingFixture(db: Database, tenantId: string, heldOn = "2024-05-25") {
  const body = await bodyFixture(db, tenantId);
  const meeting = await withTenant(db, tenantId, (tx) =>
    queries.addMeeting(tx, tenantId, FIXTURE_ACTOR, {
      bodyId: body.id,
      heldOn,
      agenda: "",
      minutesUrl: null,
    }),
  );
  return { bodyId: body.id, meetingId: meeting.id };
}

export async function decisionFixture(db: Database, tenantId: string, criterionKeys: string[] = []) {
  const { meetingId } = await meetingFixture(db, tenantId);
  const decision = await withTenant(db, tenantId, (tx) =>
    queries.addDecision(tx, tenantId, FIXTURE_ACTOR, {
      meetingId,
      number: `B ${randomUUID().slice(0, 8)}`,
      title: "Beschluss zum Test",
      text: "",
      status: "adopted",
      criterionKeys,
      links: [],
    }),
  );
  return { meetingId, decisionId: decision.id };
}

export async function raciDraftFixture(db: Database, tenantId: string, matrix = PUBLISHABLE_RACI) {
  return withTenant(db, tenantId, (tx) =>
    queries.saveRaciDraft(tx, tenantId, FIXTURE_ACTOR, { matrix, criterionKeys: [], decisionId: null }),
  );
}

export async function processFixture(db: Database, tenantId: string, criterionKeys: string[] = []) {
  return withTenant(db, tenantId, (tx) =>
    queries.createProcess(tx, tenantId, FIXTURE_ACTOR, {
      name: `Prozess ${randomUUID().slice(0, 8)}`,
      ownerName: "",
      description: "",
      documentUrl: null,
      reviewEveryMonths: 12,
      criterionKeys,
    }),
  );
}
