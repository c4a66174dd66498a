// Valid inputs for the IT-Governance procedures in the authorization matrix, built fresh per call in the caller's
// tenant (the state has no governance of its own: its refused calls get unknown ids).
import { randomUUID } from "node:crypto";
import type { ProcedurePath, Role } from "@spatz/domain";
import type { FixtureTenant } from "../src/fixtures.ts";
import {
  bodyFixture,
  decisionFixture,
  meetingFixture,
  PUBLISHABLE_RACI,
  processFixture,
  raciDraftFixture,
} from "../src/governance.ts";
import type { TestApp } from "../src/server.ts";

type Env = { tenant: FixtureTenant; role: Role };
type Factory = (env: Env) => Promise<unknown> | unknown;
type GovernancePath = Extract<ProcedurePath, `governance.${string}`>;

export function governanceInputs(app: () => TestApp): Record<GovernancePath, Factory> {
  const db = () => app().client.db;
  const kommune = (e: Env) => e.tenant.kind !== "state";
  const body = async (e: Env) => (kommune(e) ? (await bodyFixture(db(), e.tenant.id)).id : randomUUID());
  const meeting = async (e: Env) =>
    kommune(e) ? (await meetingFixture(db(), e.tenant.id)).meetingId : randomUUID();
  const process = async (e: Env) =>
    kommune(e) ? (await processFixture(db(), e.tenant.id)).id : randomUUID();
  const draft = async (e: Env) => {
    if (kommune(e)) await raciDraftFixture(db(), e.tenant.id);
  };
  const bodyValues = { purpose: "Steuert die Digitalisierung", rhythm: "quarterly", members: [] };
  return {
    "governance.bodies": () => undefined,
    "governance.body": async (e) => ({ id: await body(e) }),
    "governance.createBody": () => ({
      name: `Digitalisierungsrat ${randomUUID().slice(0, 8)}`,
      ...bodyValues,
    }),
    "governance.updateBody": async (e) => ({
      id: await body(e),
      name: `Lenkungskreis ${randomUUID().slice(0, 8)}`,
      ...bodyValues,
      members: [{ userId: null, name: "Externe Beraterin", organisation: "Beratung", function: "guest" }],
    }),
    "governance.removeBody": async (e) => ({ id: await body(e) }),
    "governance.addMeeting": async (e) => ({
      bodyId: await body(e),
      heldOn: "2024-03-15",
      agenda: "Strategie",
    }),
    "governance.updateMeeting": async (e) => ({ id: await meeting(e), heldOn: "2024-03-16", agenda: "Neu" }),
    "governance.removeMeeting": async (e) => ({ id: await meeting(e) }),
    "governance.linkOptions": () => undefined,
    "governance.decisionOptions": () => undefined,
    "governance.addDecision": async (e) => ({
      meetingId: await meeting(e),
      number: `DR ${randomUUID().slice(0, 8)}`,
      title: "Geschäftsordnung",
      text: "Der Rat gibt sich eine Geschäftsordnung.",
    }),
    "governance.setDecisionStatus": async (e) => ({
      id: kommune(e) ? (await decisionFixture(db(), e.tenant.id)).decisionId : randomUUID(),
      status: "revoked",
      revokedOn: "2025-01-31",
    }),
    "governance.raci": () => undefined,
    "governance.saveRaciDraft": () => ({ matrix: PUBLISHABLE_RACI }),
    "governance.publishRaci": async (e) => {
      await draft(e);
      return undefined;
    },
    "governance.discardRaciDraft": async (e) => {
      await draft(e);
      return undefined;
    },
    "governance.processes": () => undefined,
    "governance.createProcess": () => ({
      name: `IT-Beschaffung ${randomUUID().slice(0, 8)}`,
      ownerName: "Vergabe",
    }),
    "governance.updateProcess": async (e) => ({
      id: await process(e),
      name: `Projektanmeldung ${randomUUID().slice(0, 8)}`,
      reviewEveryMonths: 24,
      criterionKeys: ["strategie.2.it-governance"],
    }),
    "governance.reviewProcess": async (e) => ({
      processId: await process(e),
      reviewedOn: "2026-01-15",
      note: "Geprüft",
    }),
  };
}
