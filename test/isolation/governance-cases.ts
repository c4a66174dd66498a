// Cross-tenant cases for the IT-Governance procedures: Kommune A uses Kommune B's real ids (Gremium, meeting,
// Beschluss, process, B's users and measures) and B's private texts, and must neither read, change nor learn of them.
// Names and numbers are unique per Kommune only: A may use B's, and learns nothing from doing so.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ApiSession, type CallResult } from "../src/api-client.ts";
import { type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { PUBLISHABLE_RACI } from "../src/governance.ts";
import type { TestApp } from "../src/server.ts";

export type GovernanceSecrets = {
  bodyId: string;
  bodyName: string;
  memberName: string;
  meetingId: string;
  agenda: string;
  decisionId: string;
  decisionNumber: string;
  decisionTitle: string;
  raciParty: string;
  draftParty: string;
  processId: string;
  processName: string;
  reviewNote: string;
};

/** B's governance, recorded through B's own API like a real CDO would; its Beschluss decides B's measure. */
export async function setUpGovernanceB(
  t: TestApp,
  b: FixtureTenant,
  links: { measureId: string; projectId: string },
): Promise<GovernanceSecrets> {
  const tag = randomUUID().slice(0, 8);
  const cdo = new ApiSession(t, await sessionCookie(t.client.db, b.id, b.users.coordinator!.id));
  const s = {
    bodyName: `Geheimer Rat ${tag}`,
    memberName: `Gerda Geheim ${tag}`,
    agenda: `Geheime Tagesordnung ${tag}`,
    decisionNumber: `GR ${tag}`,
    decisionTitle: `Geheimer Beschluss ${tag}`,
    raciParty: `Geheimrolle ${tag}`,
    draftParty: `Entwurfsrolle ${tag}`,
    processName: `Geheimer Prozess ${tag}`,
    reviewNote: `Geheime Prüfnotiz ${tag}`,
  };
  const body = await cdo.must<{ id: string }>("governance.createBody", {
    name: s.bodyName,
    purpose: `Geheimer Zweck ${tag}`,
    rhythm: "monthly",
    members: [
      { userId: b.users.leadership!.id, function: "chair" },
      { userId: null, name: s.memberName, organisation: "Extern" },
    ],
  });
  const meeting = await cdo.must<{ id: string }>("governance.addMeeting", {
    bodyId: body.id,
    heldOn: "2024-02-01",
    agenda: s.agenda,
  });
  const decision = await cdo.must<{ id: string }>("governance.addDecision", {
    meetingId: meeting.id,
    number: s.decisionNumber,
    title: s.decisionTitle,
    criterionKeys: ["strategie.2.it-governance"],
    links: [
      { kind: "measure", id: links.measureId },
      { kind: "project", id: links.projectId },
    ],
  });
  await cdo.must("governance.saveRaciDraft", {
    matrix: { ...PUBLISHABLE_RACI, parties: ["Verwaltungsführung", s.raciParty] },
    decisionId: decision.id,
  });
  await cdo.must("governance.publishRaci");
  await cdo.must("governance.saveRaciDraft", {
    matrix: { ...PUBLISHABLE_RACI, parties: ["Verwaltungsführung", s.draftParty] },
  });
  const process = await cdo.must<{ id: string }>("governance.createProcess", {
    name: s.processName,
    criterionKeys: ["strategie.2.it-governance"],
  });
  await cdo.must("governance.reviewProcess", {
    processId: process.id,
    reviewedOn: "2026-01-10",
    note: s.reviewNote,
  });
  return { ...s, bodyId: body.id, meetingId: meeting.id, decisionId: decision.id, processId: process.id };
}

export function governanceCanaries(s: GovernanceSecrets): string[] {
  return [
    s.bodyId,
    s.bodyName,
    s.memberName,
    s.meetingId,
    s.agenda,
    s.decisionId,
    s.decisionNumber,
    s.decisionTitle,
    s.raciParty,
    s.draftParty,
    s.processId,
    s.processName,
    s.reviewNote,
  ];
}

type Ctx = {
  a: () => FixtureTenant;
  b: () => FixtureTenant;
  secrets: () => GovernanceSecrets;
  bLinks: () => { measureId: string; projectId: string };
  as: (tenant: FixtureTenant, role: string) => Promise<ApiSession>;
  expectNoLeak: (...results: (CallResult | string)[]) => void;
  dropCanary: (canary: string) => void;
};

type Body = {
  name: string;
  members: { name: string }[];
  meetings: { id: string; heldOn: string; agenda: string; decisions: { id: string; status: string }[] }[];
};

export function governanceCases(c: Ctx): Record<string, () => Promise<void>> {
  const cdoA = () => c.as(c.a(), "coordinator");
  const refused = (r: CallResult, code = "NOT_FOUND") => {
    expect(r).toMatchObject({ ok: false, code });
    c.expectNoLeak(r);
  };

  /** B's governance is exactly as B recorded it. */
  async function bIntact() {
    const s = c.secrets();
    const cdoB = await c.as(c.b(), "coordinator");
    const body = await cdoB.must<Body>("governance.body", { id: s.bodyId });
    expect(body.name).toBe(s.bodyName);
    expect(body.members.map((m) => m.name)).toContain(s.memberName);
    expect(body.meetings).toEqual([
      expect.objectContaining({ id: s.meetingId, heldOn: "2024-02-01", agenda: s.agenda }),
    ]);
    expect(body.meetings[0]!.decisions).toEqual([
      expect.objectContaining({ id: s.decisionId, status: "adopted" }),
    ]);
    const raci = await cdoB.must<{
      current: { version: number; matrix: { parties: string[] } };
      draft: { matrix: { parties: string[] } } | null;
    }>("governance.raci");
    expect(raci.current.version).toBe(1);
    expect(raci.current.matrix.parties).toContain(s.raciParty);
    expect(raci.draft?.matrix.parties).toContain(s.draftParty);
    const processes =
      await cdoB.must<{ id: string; name: string; reviewCount: number }[]>("governance.processes");
    expect(processes).toEqual([
      expect.objectContaining({ id: s.processId, name: s.processName, reviewCount: 1 }),
    ]);
  }

  return {
    "governance.bodies": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("governance.bodies"));
    },
    "governance.body": async () => {
      refused(await (await c.as(c.a(), "viewer")).call("governance.body", { id: c.secrets().bodyId }));
    },
    "governance.createBody": async () => {
      // B's user as a member of A's Gremium: refused as unknown.
      refused(
        await (await cdoA()).call("governance.createBody", {
          name: `Rat A ${randomUUID().slice(0, 6)}`,
          members: [{ userId: c.b().users.leadership!.id, function: "chair" }],
        }),
        "BAD_REQUEST",
      );
      // B's Gremium name is free in A: names are unique per Kommune, so this tells A nothing.
      const own = await (await cdoA()).call("governance.createBody", { name: c.secrets().bodyName });
      expect(own).toMatchObject({ ok: true });
      c.dropCanary(c.secrets().bodyName);
      await bIntact();
    },
    "governance.updateBody": async () => {
      refused(
        await (await cdoA()).call("governance.updateBody", { id: c.secrets().bodyId, name: "Übernommen" }),
      );
      await bIntact();
    },
    "governance.removeBody": async () => {
      refused(await (await cdoA()).call("governance.removeBody", { id: c.secrets().bodyId }));
      await bIntact();
    },
    "governance.addMeeting": async () => {
      refused(
        await (await cdoA()).call("governance.addMeeting", {
          bodyId: c.secrets().bodyId,
          heldOn: "2024-05-01",
        }),
      );
      await bIntact();
    },
    "governance.updateMeeting": async () => {
      refused(
        await (await cdoA()).call("governance.updateMeeting", {
          id: c.secrets().meetingId,
          heldOn: "2020-01-01",
          agenda: "überschrieben",
        }),
      );
      await bIntact();
    },
    "governance.removeMeeting": async () => {
      refused(await (await cdoA()).call("governance.removeMeeting", { id: c.secrets().meetingId }));
      await bIntact();
    },
    "governance.linkOptions": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("governance.linkOptions"));
    },
    "governance.decisionOptions": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("governance.decisionOptions"));
    },
    "governance.addDecision": async () => {
      const cdo = await cdoA();
      refused(
        await cdo.call("governance.addDecision", {
          meetingId: c.secrets().meetingId,
          number: "X 1",
          title: "Fremder Beschluss",
        }),
      );
      // A's own meeting, deciding about B's measure or project: refused as unknown.
      const body = await cdo.must<{ id: string }>("governance.createBody", {
        name: `Ausschuss A ${randomUUID().slice(0, 6)}`,
      });
      const meeting = await cdo.must<{ id: string }>("governance.addMeeting", {
        bodyId: body.id,
        heldOn: "2024-06-01",
      });
      for (const link of [
        { kind: "measure", id: c.bLinks().measureId },
        { kind: "project", id: c.bLinks().projectId },
        { kind: "strategy_version", id: c.bLinks().measureId },
      ])
        refused(
          await cdo.call("governance.addDecision", {
            meetingId: meeting.id,
            number: `A ${randomUUID().slice(0, 6)}`,
            title: "Beschluss über Fremdes",
            links: [link],
          }),
          "BAD_REQUEST",
        );
      // B's Beschlussnummer is free in A.
      expect(
        await cdo.call("governance.addDecision", {
          meetingId: meeting.id,
          number: c.secrets().decisionNumber,
          title: "Eigener Beschluss",
        }),
      ).toMatchObject({ ok: true });
      c.dropCanary(c.secrets().decisionNumber);
      await bIntact();
    },
    "governance.setDecisionStatus": async () => {
      refused(
        await (await cdoA()).call("governance.setDecisionStatus", {
          id: c.secrets().decisionId,
          status: "revoked",
          revokedOn: "2024-03-01",
        }),
      );
      await bIntact();
    },
    "governance.raci": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("governance.raci"));
    },
    "governance.saveRaciDraft": async () => {
      refused(
        await (await cdoA()).call("governance.saveRaciDraft", {
          matrix: PUBLISHABLE_RACI,
          decisionId: c.secrets().decisionId,
        }),
        "BAD_REQUEST",
      );
      await bIntact();
    },
    "governance.publishRaci": async () => {
      // A publishes its own draft; B's version in force and B's draft stay as they were.
      const cdo = await cdoA();
      await cdo.must("governance.saveRaciDraft", { matrix: PUBLISHABLE_RACI });
      const published = await cdo.call("governance.publishRaci");
      expect(published).toMatchObject({ ok: true });
      c.expectNoLeak(published);
      await bIntact();
    },
    "governance.discardRaciDraft": async () => {
      const cdo = await cdoA();
      await cdo.must("governance.saveRaciDraft", { matrix: PUBLISHABLE_RACI });
      expect(await cdo.call("governance.discardRaciDraft")).toMatchObject({ ok: true });
      await bIntact();
    },
    "governance.processes": async () => {
      c.expectNoLeak(await (await c.as(c.a(), "viewer")).call("governance.processes"));
    },
    "governance.createProcess": async () => {
      expect(
        await (await cdoA()).call("governance.createProcess", { name: c.secrets().processName }),
      ).toMatchObject({ ok: true });
      c.dropCanary(c.secrets().processName);
      await bIntact();
    },
    "governance.updateProcess": async () => {
      refused(
        await (await cdoA()).call("governance.updateProcess", {
          id: c.secrets().processId,
          name: "Übernommen",
        }),
      );
      await bIntact();
    },
    "governance.reviewProcess": async () => {
      refused(
        await (await cdoA()).call("governance.reviewProcess", {
          processId: c.secrets().processId,
          reviewedOn: "2026-02-01",
        }),
      );
      await bIntact();
    },
  };
}
