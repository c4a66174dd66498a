// IT-Governance as evidence (docs/adr/0015-it-governance.md): a Beschluss, the published RACI matrix and a process
// review fulfil the maturity criteria they name – on the dashboard, in the Reifegradbericht's input and in the
// benchmark snapshot – from their day and only while they hold (revoked, review due). Published RACI versions and
// process reviews cannot be changed, not even by the runtime role with SQL. Bad input changes nothing.
import { queries, withTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { PUBLISHABLE_RACI } from "../src/governance.ts";
import { orgUnitsFixture } from "../src/portfolio.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const KEY = "strategie.2.it-governance";
/** The same day a year later (29 February → 28 February), as the engine's validity counts. */
const inAYear = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.endsWith("02-29") ? "-02-28" : d.slice(4)}`;
let t: TestApp;
beforeAll(() => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => t.close());

const as = async (tenant: FixtureTenant, role = "coordinator") =>
  new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));

type Criterion = {
  key: string;
  fulfilled: boolean;
  fulfilledBy: string[];
  expiresOn: string | null;
  expiredOn: string | null;
};
type Dashboard = {
  dashboard: { current: { dimensions: { levels: { criteria: Criterion[] }[] }[] } };
  evidence: { id: string; kind: string; title: string; href: string; on: string }[];
};

async function criterion(s: ApiSession, orgUnitId: string | null = null) {
  const d = await s.must<Dashboard>("maturity.dashboard", { orgUnitId });
  const c = d.dashboard.current.dimensions
    .flatMap((x) => x.levels.flatMap((l) => l.criteria))
    .find((x) => x.key === KEY)!;
  return { criterion: c, evidence: d.evidence };
}

async function meeting(cdo: ApiSession, heldOn: string) {
  const body = await cdo.must<{ id: string }>("governance.createBody", { name: `Rat ${heldOn}` });
  return cdo.must<{ id: string }>("governance.addMeeting", { bodyId: body.id, heldOn });
}

describe("governance evidence for maturity criteria", () => {
  it("a Beschluss fulfils its criterion from the meeting's day until it is revoked", async () => {
    const kommune = await createTenant(t.client.db, "gov-beschluss");
    const cdo = await as(kommune);
    expect((await criterion(cdo)).criterion.fulfilled).toBe(false);
    const m = await meeting(cdo, "2024-05-25");
    const decision = await cdo.must<{ id: string }>("governance.addDecision", {
      meetingId: m.id,
      number: "DR 2024/01",
      title: "Governance-Ordnung",
      criterionKeys: [KEY],
    });
    const fulfilled = await criterion(cdo);
    expect(fulfilled.criterion).toMatchObject({ fulfilled: true, fulfilledBy: [decision.id] });
    expect(fulfilled.evidence).toEqual([
      {
        id: decision.id,
        kind: "decision",
        title: "Beschluss DR 2024/01: Governance-Ordnung",
        href: expect.stringMatching(/^\/steuerung\/gremien\//),
        on: "2024-05-25",
      },
    ]);
    // An org unit's dashboard counts its measures only: governance belongs to the whole administration.
    const unit = await cdo.must<{ id: string }>("orgUnits.create", {
      code: "10",
      name: "Amt",
      kind: "gb",
      parentId: null,
    });
    expect((await criterion(cdo, unit.id)).criterion.fulfilled).toBe(false);

    // Revoking before the meeting is refused in German and changes nothing.
    const early = await cdo.call("governance.setDecisionStatus", {
      id: decision.id,
      status: "revoked",
      revokedOn: "2024-05-24",
    });
    expect(early).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(early.raw).toContain("nicht vor seiner Sitzung");
    expect((await criterion(cdo)).criterion.fulfilled).toBe(true);
    // A revoked Beschluss needs its day.
    expect(
      await cdo.call("governance.setDecisionStatus", { id: decision.id, status: "revoked" }),
    ).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
    await cdo.must("governance.setDecisionStatus", {
      id: decision.id,
      status: "revoked",
      revokedOn: "2025-01-31",
    });
    expect((await criterion(cdo)).criterion).toMatchObject({ fulfilled: false, expiredOn: "2025-01-31" });

    // A rejected Beschluss never counts, whatever it names.
    await cdo.must("governance.addDecision", {
      meetingId: m.id,
      number: "DR 2024/02",
      title: "Abgelehnt",
      status: "rejected",
      criterionKeys: [KEY],
    });
    expect((await criterion(cdo)).criterion.fulfilled).toBe(false);
    // Numbers are unique in the Kommune; an unknown criterion is refused; both leave nothing behind.
    const dupe = await cdo.call("governance.addDecision", {
      meetingId: m.id,
      number: "DR 2024/01",
      title: "Doppelt",
    });
    expect(dupe).toMatchObject({ ok: false, code: "CONFLICT" });
    const unknown = await cdo.call("governance.addDecision", {
      meetingId: m.id,
      number: "DR 2024/03",
      title: "Unbekannt",
      criterionKeys: ["gibt.es.nicht"],
    });
    expect(unknown).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    const options = await cdo.must<{ number: string }[]>("governance.decisionOptions");
    expect(options.map((o) => o.number).sort()).toEqual(["DR 2024/01", "DR 2024/02"]);
    // A meeting with Beschlüsse and a Gremium with meetings cannot be deleted (records stay).
    expect(await cdo.call("governance.removeMeeting", { id: m.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("a process review counts until the next is due; the list flags the overdue one", async () => {
    const kommune = await createTenant(t.client.db, "gov-prozess");
    const cdo = await as(kommune);
    const process = await cdo.must<{ id: string }>("governance.createProcess", {
      name: "Projektanmeldung",
      reviewEveryMonths: 12,
      criterionKeys: [KEY],
    });
    // Described but never reviewed: no evidence yet, and due.
    expect((await criterion(cdo)).criterion.fulfilled).toBe(false);
    let [row] = await cdo.must<{ overdue: boolean; dueOn: string | null }[]>("governance.processes");
    expect(row).toMatchObject({ overdue: true, dueOn: null });

    const old = await cdo.must<{ validUntil: string }>("governance.reviewProcess", {
      processId: process.id,
      reviewedOn: "2024-01-31",
    });
    expect(old.validUntil).toBe("2025-01-31");
    expect((await criterion(cdo)).criterion).toMatchObject({ fulfilled: false, expiredOn: "2025-01-31" });
    [row] = await cdo.must<{ overdue: boolean; dueOn: string | null }[]>("governance.processes");
    expect(row).toMatchObject({ overdue: true, dueOn: "2025-01-31" });

    const today = berlinToday();
    await cdo.must("governance.reviewProcess", { processId: process.id, reviewedOn: today });
    expect((await criterion(cdo)).criterion).toMatchObject({
      fulfilled: true,
      expiresOn: inAYear(today),
    });
    [row] =
      await cdo.must<{ overdue: boolean; dueOn: string | null; reviewCount: number }[]>(
        "governance.processes",
      );
    expect(row).toMatchObject({ overdue: false, dueOn: inAYear(today), reviewCount: 2 });

    // The snapshot job (benchmarks, reports) reads the same evidence: the index with the review is above the one without.
    const withReview = await withTenant(t.client.db, kommune.id, async (tx) => {
      await queries.refreshMaturitySnapshot(tx, kommune.id);
      const input = await queries.reifegradberichtInputs(tx, kommune.id, null, today);
      return { evidence: input.evidence.map((e) => e.title) };
    });
    expect(withReview.evidence).toEqual(
      expect.arrayContaining([expect.stringContaining("Prozess „Projektanmeldung“")]),
    );
  });

  it("the RACI matrix is published only with one A per area, then evidences its criteria and never changes", async () => {
    const kommune = await createTenant(t.client.db, "gov-raci");
    const cdo = await as(kommune);
    const broken = {
      ...PUBLISHABLE_RACI,
      cells: [
        ["A", "A"],
        ["I", "R"],
      ],
    };
    await cdo.must("governance.saveRaciDraft", { matrix: broken, criterionKeys: [KEY] });
    const refused = await cdo.call("governance.publishRaci");
    expect(refused).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(refused.raw).toContain("genau ein A");
    expect((await criterion(cdo)).criterion.fulfilled).toBe(false);
    // A matrix whose rows do not fit its columns is refused as input.
    expect(
      await cdo.call("governance.saveRaciDraft", { matrix: { ...PUBLISHABLE_RACI, cells: [["A"]] } }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });

    await cdo.must("governance.saveRaciDraft", { matrix: PUBLISHABLE_RACI, criterionKeys: [KEY] });
    const published = await cdo.must<{ version: number; publishedOn: string }>("governance.publishRaci");
    expect(published).toEqual({ version: 1, publishedOn: berlinToday() });
    const after = await criterion(cdo);
    expect(after.criterion.fulfilled).toBe(true);
    expect(after.evidence.map((e) => e.title)).toEqual(["RACI-Matrix, Fassung 1"]);
    expect(await cdo.call("governance.discardRaciDraft")).toMatchObject({ ok: false, code: "CONFLICT" });
    // A later version that no longer names the criterion ends the earlier one's evidence (here on the same day).
    await cdo.must("governance.saveRaciDraft", { matrix: PUBLISHABLE_RACI, criterionKeys: [] });
    expect(await cdo.must<{ version: number }>("governance.publishRaci")).toMatchObject({ version: 2 });
    expect((await criterion(cdo)).criterion.fulfilled).toBe(false);
    await cdo.must("governance.saveRaciDraft", { matrix: PUBLISHABLE_RACI, criterionKeys: [KEY] });
    await cdo.must("governance.publishRaci");
    expect((await criterion(cdo)).evidence.map((e) => e.title)).toEqual(["RACI-Matrix, Fassung 3"]);

    // The runtime role itself cannot change a published version or delete it, nor change a process review.
    const app = postgres(inject("appUrl"), { max: 1, onnotice: () => {} });
    try {
      const inTenant = <T>(q: (sql: postgres.TransactionSql) => Promise<T>) =>
        app.begin(async (sql) => {
          await sql`select set_config('app.tenant_id', ${kommune.id}, true)`;
          return q(sql);
        });
      await expect(
        inTenant(
          (sql) => sql`update governance_raci_versions set matrix = '{"areas":[],"parties":[],"cells":[]}'`,
        ),
      ).rejects.toThrow(/veröffentlichte RACI-Matrix/);
      const deleted = await inTenant((sql) => sql`delete from governance_raci_versions returning id`);
      expect(deleted.count).toBe(0);
      const process = await cdo.must<{ id: string }>("governance.createProcess", { name: "IT-Beschaffung" });
      await cdo.must("governance.reviewProcess", { processId: process.id, reviewedOn: "2026-01-01" });
      await expect(
        inTenant((sql) => sql`update governance_process_reviews set note = 'geändert'`),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
    const raci = await cdo.must<{ current: { matrix: unknown } }>("governance.raci");
    expect(raci.current.matrix).toEqual(PUBLISHABLE_RACI);
  });

  it("a strategy approval and a registration round's approval rest on a Beschluss, of this Kommune only", async () => {
    const kommune = await createTenant(t.client.db, "gov-freigabe");
    const other = await createTenant(t.client.db, "gov-freigabe-fremd");
    const cdo = await as(kommune);
    const leadership = await as(kommune, "leadership");
    const m = await meeting(cdo, "2025-02-01");
    const decision = await cdo.must<{ id: string }>("governance.addDecision", {
      meetingId: m.id,
      number: "DR 2025/03",
      title: "Strategie und Projekte 2026",
    });
    const otherCdo = await as(other);
    const otherMeeting = await meeting(otherCdo, "2025-02-02");
    const otherDecision = await otherCdo.must<{ id: string }>("governance.addDecision", {
      meetingId: otherMeeting.id,
      number: "FREMD 1",
      title: "Fremder Beschluss",
    });
    const strategy = await cdo.must<{ id: string }>("strategies.save", {
      orgUnitId: null,
      title: "Digitalstrategie",
    });
    // Another Kommune's Beschluss is refused, and the approval with it (no version).
    const refused = await leadership.call("strategies.approve", {
      id: strategy.id,
      decisionId: otherDecision.id,
    });
    expect(refused).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    type Detail = { versions: { version: number; decisions: { number: string }[] }[] };
    expect((await cdo.must<Detail>("strategies.get", { id: strategy.id })).versions).toEqual([]);
    await leadership.must("strategies.approve", { id: strategy.id, decisionId: decision.id });
    const detail = await cdo.must<Detail>("strategies.get", { id: strategy.id });
    expect(detail.versions.map((v) => [v.version, v.decisions.map((d) => d.number)])).toEqual([
      [1, ["DR 2025/03"]],
    ]);

    // A proposal approved on the Beschluss: the project it becomes is linked; a rejection takes none.
    const { gbId, rId } = await orgUnitsFixture(t.client.db, kommune.id);
    const round = await cdo.must<{ id: string }>("registration.openRound", {
      year: 2026,
      title: "Anmeldung 2026",
    });
    const proposal = (name: string) =>
      cdo.must<{ id: string }>("registration.submitProposal", {
        roundId: round.id,
        gbId,
        rId,
        name,
        start: "2026-01-01",
        end: "2026-12-31",
      });
    const scores = { strategicFit: 4, urgency: 4, dependencies: 3, cost: 3 };
    const approved = await proposal("E-Rechnung");
    const rejected = await proposal("Drohnen");
    for (const p of [approved, rejected]) await cdo.must("registration.scoreProposal", { id: p.id, scores });
    expect(
      await cdo.call("registration.decideProposal", {
        id: rejected.id,
        decision: "rejected",
        decisionId: decision.id,
      }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    const result = await cdo.must<{ projectId: string }>("registration.decideProposal", {
      id: approved.id,
      decision: "approved",
      decisionId: decision.id,
    });
    const body = await cdo.must<{
      meetings: { decisions: { number: string; links: { kind: string; id: string }[] }[] }[];
    }>("governance.body", { id: (await cdo.must<{ id: string }[]>("governance.bodies"))[0]!.id });
    expect(body.meetings[0]!.decisions[0]!.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "project", id: result.projectId })]),
    );
  });

  it("a Gremium's members are the Kommune's users or named people; one chair; audited", async () => {
    const kommune = await createTenant(t.client.db, "gov-gremium");
    const cdo = await as(kommune);
    const twoChairs = await cdo.call("governance.createBody", {
      name: "Lenkungskreis",
      members: [
        { userId: kommune.users.leadership!.id, function: "chair" },
        { name: "Externe Person", function: "chair" },
      ],
    });
    expect(twoChairs).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    const nameless = await cdo.call("governance.createBody", {
      name: "Lenkungskreis",
      members: [{ name: "" }],
    });
    expect(nameless).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await cdo.must<unknown[]>("governance.bodies")).toEqual([]);

    const body = await cdo.must<{ id: string }>("governance.createBody", {
      name: "Lenkungskreis",
      rhythm: "monthly",
      members: [
        { userId: kommune.users.leadership!.id, function: "chair" },
        { name: "Dr. Erika Extern", organisation: "Beratung", function: "guest" },
      ],
    });
    const detail = await cdo.must<{ members: { name: string; function: string }[] }>("governance.body", {
      id: body.id,
    });
    expect(detail.members).toEqual([
      expect.objectContaining({ name: kommune.users.leadership!.displayName, function: "chair" }),
      expect.objectContaining({ name: "Dr. Erika Extern", function: "guest" }),
    ]);
    const [listed] = await cdo.must<{ chairName: string; members: number }[]>("governance.bodies");
    expect(listed).toMatchObject({ chairName: kommune.users.leadership!.displayName, members: 2 });
    expect(await cdo.call("governance.createBody", { name: "Lenkungskreis" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    const audit = await (await as(kommune, "admin")).must<{
      items: { action: string; subjectName: string | null }[];
    }>("audit.list", { page: 1, pageSize: 10 });
    expect(audit.items.map((i) => [i.action, i.subjectName])).toContainEqual([
      "governance.body_create",
      "Lenkungskreis",
    ]);
    await cdo.must("governance.removeBody", { id: body.id });
    expect(await cdo.must<unknown[]>("governance.bodies")).toEqual([]);
  });
});
