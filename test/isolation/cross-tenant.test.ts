// Tenant isolation through the API: for every tRPC procedure, a user of Kommune A tries to read, change or learn the
// existence of Kommune B's rows using B's real ids. Every response is also scanned for B's private values ("canaries").
// A new procedure without a case here fails the completeness test.
import { randomUUID } from "node:crypto";
import { DEFAULT_MODEL_ID, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, type CallResult, procedurePaths } from "../src/api-client.ts";
import { downloadEvidence, base64 as evidenceBase64, pdfBytes, uploadEvidence } from "../src/evidence.ts";
import {
  createTenant,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";
import { createMeasure, discardDraftIfAny, draftInput, ensureDraft } from "../src/maturity-fixtures.ts";
import { projectFixture } from "../src/portfolio.ts";
import { createArchivedReport, enqueueReportJob } from "../src/reports.ts";
import { createTestApp, type TestApp } from "../src/server.ts";
import { benchmarkCases, describeNamedSharing, setUpBenchmarks } from "./benchmark-cases.ts";
import {
  type GovernanceSecrets,
  governanceCanaries,
  governanceCases,
  setUpGovernanceB,
} from "./governance-cases.ts";
import { type HandbookSecrets, handbookCanaries, handbookCases, setUpHandbookB } from "./handbook-cases.ts";
import { type KpiSecrets, kpiCanaries, kpiCases, setUpKpisB } from "./kpi-cases.ts";
import {
  type PortfolioSecrets,
  portfolioCanaries,
  portfolioCases,
  setUpPortfolioB,
} from "./portfolio-cases.ts";

let t: TestApp;
let a: FixtureTenant;
let b: FixtureTenant;
let state: FixtureTenant;
const bSecrets = { invitationId: "", invitationToken: "", sessionCookie: "", sessionId: "" };
/** B's maturity data: an org unit, a completed and an open measure, an approved strategy for the unit. */
const bMaturity = { orgUnitId: "", measureId: "", openMeasureId: "", strategyId: "" };
/** B's evidence file on its completed measure: its id, name and a sentence inside the PDF. */
const bEvidence = {
  fileId: "",
  fileName: `Geheimer Beschluss B ${randomUUID().slice(0, 6)}.pdf`,
  content: `Geheimer Dateiinhalt von B ${randomUUID().slice(0, 6)}`,
  sha256: "",
};
const B_PRIVATE = {
  unitName: "Geheimamt B",
  unitCode: `GEHEIM-${randomUUID().slice(0, 4)}`,
  measureTitle: "Geheime Maßnahme von B",
  evidence: "Geheimer Nachweis von B",
  openTitle: "Geheimer Plan von B",
  vision: "Geheime Vision von B",
};
/** B's rollout record of `service` (private to B and, by the sharing rule, readable by the state). */
const bRollout = {
  service: "",
  recordId: "",
  note: "",
  contact: "",
  fachverfahren: "",
  reply: "",
  pmoComment: "",
};
let canaries: string[] = [];
let portfolioB: PortfolioSecrets;
let governanceB: GovernanceSecrets;
let handbookB: HandbookSecrets;
let kpisB: KpiSecrets;

const as = async (tenant: FixtureTenant, role: string) =>
  new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));

function expectNoLeak(...results: (CallResult | string)[]) {
  for (const r of results) {
    const raw = typeof r === "string" ? r : r.raw;
    for (const canary of canaries) expect(raw, `response leaks ${canary}`).not.toContain(canary);
  }
}

async function bMaturityIntact() {
  const bCoordinator = new ApiSession(t, await sessionCookie(t.client.db, b.id, b.users.coordinator!.id));
  const measure = await bCoordinator.must<{
    measure: { title: string; status: string; completedOn: string | null };
    evidenceFiles: { id: string; fileName: string }[];
  }>("measures.get", { id: bMaturity.measureId });
  expect(measure.measure).toMatchObject({
    title: B_PRIVATE.measureTitle,
    status: "completed",
    completedOn: "2025-05-05",
  });
  const open = await bCoordinator.must<{
    measure: { status: string; projectId: string | null };
    evidenceFiles: unknown[];
  }>("measures.get", { id: bMaturity.openMeasureId });
  expect(open.measure).toMatchObject({ status: "planned", projectId: portfolioB.projectId });
  expect(open.evidenceFiles).toEqual([]);
  const units = await bCoordinator.must<{ id: string; name: string }[]>("orgUnits.list");
  expect(units.find((u) => u.id === bMaturity.orgUnitId)?.name).toBe(B_PRIVATE.unitName);
  const strategy = await bCoordinator.must<{ strategy: { vision: string }; versions: unknown[] }>(
    "strategies.get",
    {
      id: bMaturity.strategyId,
    },
  );
  expect(strategy.strategy.vision).toBe(B_PRIVATE.vision);
  expect(strategy.versions).toHaveLength(1);
  expect(measure.evidenceFiles.map((f) => [f.id, f.fileName])).toEqual([
    [bEvidence.fileId, bEvidence.fileName],
  ]);
}

/** B's real id gets exactly the answer an id that exists nowhere gets: no way to learn that it exists. */
async function sameAsUnknown(session: ApiSession, path: string, withB: unknown, withUnknown: unknown) {
  const rb = await session.call(path, withB);
  const ru = await session.call(path, withUnknown);
  expect(rb.ok).toBe(false);
  expect(ru.ok ? "" : `${ru.code} ${ru.message}`).toBe(rb.ok ? "?" : `${rb.code} ${rb.message}`);
  expectNoLeak(rb);
  return rb;
}

async function bStillIntact() {
  const bAdmin = new ApiSession(t, bSecrets.sessionCookie);
  const users = await bAdmin.must<{ items: { id: string; role: string; status: string }[] }>("users.list", {
    page: 1,
    pageSize: 50,
  });
  for (const [role, u] of Object.entries(b.users)) {
    expect(users.items.find((x) => x.id === u.id)).toMatchObject({ role, status: "active" });
  }
  const invitations = await bAdmin.must<{ id: string }[]>("users.invitations");
  expect(invitations.map((i) => i.id)).toContain(bSecrets.invitationId);
}

beforeAll(async () => {
  // Jobs in a Redis database of their own: report jobs are looked up there by id.
  t = createTestApp({
    appUrl: inject("appUrl"),
    redisUrl: inject("redisUrl"),
    jobsRedisUrl: `${inject("redisUrl")}/6`,
  });
  [a, b, state] = await Promise.all([
    createTenant(t.client.db, "a"),
    createTenant(t.client.db, "b"),
    stateTenant(t.client.db),
  ]);
  bSecrets.sessionCookie = await sessionCookie(t.client.db, b.id, b.users.admin!.id);
  const bAdmin = new ApiSession(t, bSecrets.sessionCookie);
  const invitation = await bAdmin.must<{ id: string; link: string }>("users.invite", {
    email: `geheim-${randomUUID().slice(0, 6)}@b.test`,
    displayName: "Geheime Person",
    role: "viewer",
  });
  bSecrets.invitationId = invitation.id;
  bSecrets.invitationToken = invitation.link.split("#")[1]!;
  const sessions = await bAdmin.must<{ id: string; current: boolean }[]>("account.sessions");
  bSecrets.sessionId = sessions.find((s) => s.current)!.id;
  // B's portfolio first: B's open measure is delivered by B's project.
  portfolioB = await setUpPortfolioB(t, b);
  const bCoordinator = new ApiSession(t, await sessionCookie(t.client.db, b.id, b.users.coordinator!.id));
  const unit = await bCoordinator.must<{ id: string }>("orgUnits.create", {
    name: B_PRIVATE.unitName,
    code: B_PRIVATE.unitCode,
    kind: "gb",
    parentId: null,
  });
  bMaturity.orgUnitId = unit.id;
  const measure = await bCoordinator.must<{ id: string }>("measures.create", {
    title: B_PRIVATE.measureTitle,
    orgUnitId: unit.id,
    responsibleUserId: b.users.project_lead!.id,
    criterionKeys: ["sicherheit.1.isb"],
  });
  await bCoordinator.must("measures.setStatus", {
    id: measure.id,
    status: "completed",
    completedOn: "2025-05-05",
    evidenceText: B_PRIVATE.evidence,
  });
  bMaturity.measureId = measure.id;
  const file = await uploadEvidence(
    bCoordinator,
    measure.id,
    bEvidence.fileName,
    pdfBytes(bEvidence.content),
  );
  bEvidence.fileId = file.id;
  bEvidence.sha256 = file.sha256;
  const open = await bCoordinator.must<{ id: string }>("measures.create", {
    title: B_PRIVATE.openTitle,
    orgUnitId: unit.id,
    projectId: portfolioB.projectId,
    criterionKeys: ["sicherheit.1.leitlinie"],
    plannedEnd: "2027-03-31",
  });
  bMaturity.openMeasureId = open.id;
  const strategy = await bCoordinator.must<{ id: string }>("strategies.save", {
    orgUnitId: unit.id,
    title: "Strategie Geheimamt",
    vision: B_PRIVATE.vision,
    targets: [{ dimensionKey: "sicherheit", level: 3, dueOn: "2027-09-30" }],
  });
  bMaturity.strategyId = strategy.id;
  const bLeadership = new ApiSession(t, await sessionCookie(t.client.db, b.id, b.users.leadership!.id));
  await bLeadership.must("strategies.approve", { id: strategy.id });
  await setUpBRollout();
  governanceB = await setUpGovernanceB(t, b, {
    measureId: bMaturity.measureId,
    projectId: portfolioB.projectId,
  });
  handbookB = await setUpHandbookB(as, state, b);
  kpisB = await setUpKpisB(as, b);
  await setUpBenchmarks(t, [a, b]);
  canaries = [
    ...Object.values(bMaturity),
    ...Object.values(bEvidence),
    ...Object.values(B_PRIVATE),
    ...Object.values(b.users).flatMap((u) => [u.id, u.email]),
    bSecrets.invitationId,
    bSecrets.sessionId,
    "Geheime Person",
    bRollout.recordId,
    bRollout.note,
    bRollout.contact,
    bRollout.fachverfahren,
    bRollout.reply,
    bRollout.pmoComment,
  ];
  canaries.push(
    ...portfolioCanaries(portfolioB),
    ...governanceCanaries(governanceB),
    ...handbookCanaries(handbookB),
    ...kpiCanaries(kpisB),
  );
});

/** B moves a service it is responsible for to "in Umsetzung" with private details; B replies, the PMO comments. */
async function setUpBRollout() {
  const [service] = await withTenant(t.client.db, b.id, (tx) =>
    tx.execute<{ id: string }>(sql`
      select id from ozg_services where in_catalogue and municipal_execution and 'einheitsgemeinde' = any(responsible_kinds)
      order by id limit 1`),
  );
  const tag = randomUUID().slice(0, 8);
  Object.assign(bRollout, {
    service: service!.id,
    note: `B-Geheimnotiz-${tag}`,
    contact: `B-Kontakt-${tag}`,
    fachverfahren: `B-Verfahren-${tag}`,
    reply: `B-Antwort-${tag}`,
    pmoComment: `PMO-an-B-${tag}`,
  });
  const bCdo = await as(b, "coordinator");
  const record = await bCdo.must<{ id: string }>("rollout.updateRecord", {
    serviceId: bRollout.service,
    expectedVersion: 0,
    status: "implementing",
    reuseRoute: "kitu_inhouse",
    fachverfahren: bRollout.fachverfahren,
    interfaceNeeded: true,
    contact: bRollout.contact,
    note: bRollout.note,
  });
  bRollout.recordId = record.id;
  await bCdo.must("rollout.addComment", { serviceId: bRollout.service, body: bRollout.reply });
  await (await as(state, "state_pmo")).must("rollout.addComment", {
    kommuneId: b.id,
    serviceId: bRollout.service,
    body: bRollout.pmoComment,
  });
}

/** B's record and comments, read by B itself: unchanged by anything A or the state did. */
async function bRolloutIntact() {
  const bViewer = await as(b, "viewer");
  const r = await bViewer.must<{
    status: string;
    record: { id: string; note: string; contact: string; version: number };
    comments: { body: string }[];
  }>("rollout.record", { serviceId: bRollout.service });
  expect(r.status).toBe("implementing");
  expect(r.record).toMatchObject({
    id: bRollout.recordId,
    note: bRollout.note,
    contact: bRollout.contact,
    version: 1,
  });
  expect(r.comments.map((c) => c.body).sort()).toEqual([bRollout.pmoComment, bRollout.reply].sort());
}

function decoded(result: CallResult): string {
  if (!result.ok) return result.raw;
  return Buffer.from((result.data as { base64: string }).base64, "base64").toString("utf8");
}

/** `input` is a function when it needs B's ids (known only after set-up). */
const refusedForKommune = (path: string, input?: unknown) => async () => {
  const r = await (await as(a, "admin")).call(path, typeof input === "function" ? input() : input);
  expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  expectNoLeak(r);
  await bRolloutIntact();
};
afterAll(() => t.close());

type Case = () => Promise<void>;

const CASES: Record<string, Case> = {
  "reports.list": async () => {
    const bReport = await createArchivedReport(t, b);
    const mine = await (await as(a, "viewer")).must<{ items: { id: string }[] }>("reports.list", {
      page: 1,
      pageSize: 200,
    });
    expect(mine.items.map((r) => r.id)).not.toContain(bReport.id);
    const theirs = await (await as(b, "viewer")).must<{ items: { id: string }[] }>("reports.list", {
      page: 1,
      pageSize: 200,
    });
    expect(theirs.items.map((r) => r.id)).toContain(bReport.id);
    // Nor among what is shared with A: B shares nothing with Kommunen' archives.
    const shared = await (await as(a, "viewer")).must<{ items: { id: string }[] }>("reports.list", {
      page: 1,
      pageSize: 200,
      source: "shared",
    });
    expect(shared.items.map((r) => r.id)).not.toContain(bReport.id);
  },
  "legal.page": async () => {
    // The same operator text for everyone, signed in or not: nothing of a tenant in it.
    const mine = await (await as(a, "viewer")).call("legal.page", { page: "datenschutz" });
    const anonymous = await new ApiSession(t, null).call("legal.page", { page: "datenschutz" });
    expect(mine).toEqual(anonymous);
    expectNoLeak(mine);
  },
  "reports.options": async () => {
    const r = await (await as(a, "viewer")).call("reports.options");
    expect(r).toMatchObject({ ok: true, data: { landkreise: [] } });
    expectNoLeak(r);
  },
  "reports.subscriptions": async () => {
    await (await as(b, "viewer")).must("reports.subscribe", { kind: "reifegradbericht" });
    const r = await (await as(a, "viewer")).call("reports.subscriptions");
    expect(r).toMatchObject({ ok: true, data: [] });
  },
  "reports.subscribe": async () => {
    const bViewer = await as(b, "viewer");
    await bViewer.must("reports.unsubscribe", { kind: "reifegradbericht" });
    await (await as(a, "viewer")).must("reports.subscribe", { kind: "reifegradbericht" });
    expect(await bViewer.must("reports.subscriptions")).toEqual([]);
    // The Land's report is not A's to subscribe to.
    expect(await (await as(a, "viewer")).call("reports.subscribe", { kind: "lagebericht" })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
    });
  },
  "reports.unsubscribe": async () => {
    const bViewer = await as(b, "viewer");
    await bViewer.must("reports.subscribe", { kind: "reifegradbericht" });
    await (await as(a, "viewer")).must("reports.unsubscribe", { kind: "reifegradbericht" });
    expect(await bViewer.must<{ kind: string }[]>("reports.subscriptions")).toMatchObject([
      { kind: "reifegradbericht" },
    ]);
  },
  "reports.file": async () => {
    const bReport = await createArchivedReport(t, b);
    await sameAsUnknown(
      await as(a, "viewer"),
      "reports.file",
      { id: bReport.id, format: "pdf" },
      { id: randomUUID(), format: "pdf" },
    );
  },
  "reports.status": async () => {
    const jobId = await enqueueReportJob(t, b);
    await sameAsUnknown(await as(a, "viewer"), "reports.status", { jobId }, { jobId: "report.none" });
  },
  "reports.generate": async () => {
    // A report of B's org unit: refused like an org unit that exists nowhere, and no job is queued.
    const waiting = await t.deps.jobs!.queue("reports").getWaitingCount();
    await sameAsUnknown(
      await as(a, "leadership"),
      "reports.generate",
      { kind: "reifegradbericht", orgUnitId: bMaturity.orgUnitId },
      { kind: "reifegradbericht", orgUnitId: randomUUID() },
    );
    expect(await t.deps.jobs!.queue("reports").getWaitingCount()).toBe(waiting);
  },
  "auth.session": async () => {
    const own = await as(a, "admin");
    const r = await own.call("auth.session");
    expect(r).toMatchObject({ ok: true, data: { tenant: { id: a.id } } });
    expectNoLeak(r);
    // A's session id and secret presented as a session of B: no session at all.
    const [, sessionId, secret] = own.cookie!.replace("spatz_session=", "").split(".");
    const forged = await new ApiSession(t, `spatz_session=${b.id}.${sessionId}.${secret}`).call(
      "auth.session",
    );
    expect(forged).toMatchObject({ ok: true, data: null });
    expectNoLeak(forged);
  },
  "auth.login": async () => {
    const anon = new ApiSession(t);
    const bUser = b.users.viewer!;
    // B's real address with B's real password at A's login: refused exactly like an unknown address.
    const withBUser = await anon.call("auth.login", {
      tenantSlug: a.slug,
      email: bUser.email,
      password: TEST_PASSWORD,
    });
    const withUnknown = await anon.call("auth.login", {
      tenantSlug: a.slug,
      email: `niemand-${randomUUID().slice(0, 6)}@a.test`,
      password: TEST_PASSWORD,
    });
    expect(withBUser).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(withUnknown.ok ? "" : withUnknown.message).toBe(withBUser.ok ? "?" : withBUser.message);
    expectNoLeak(withBUser);
  },
  "auth.invitationInfo": async () => {
    const r = await new ApiSession(t).call("auth.invitationInfo", {
      tenantSlug: a.slug,
      token: bSecrets.invitationToken,
    });
    expect(r).toMatchObject({ ok: true, data: null });
    expectNoLeak(r);
  },
  "auth.acceptInvitation": async () => {
    const r = await new ApiSession(t).call("auth.acceptInvitation", {
      tenantSlug: a.slug,
      token: bSecrets.invitationToken,
      password: "ein-langes-passwort",
      confirmPassword: "ein-langes-passwort",
    });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "auth.logout": async () => {
    const s = await as(a, "viewer");
    expectNoLeak(await s.call("auth.logout"));
    await bStillIntact();
  },
  "directory.tenants": async () => {
    const r = await new ApiSession(t).call("directory.tenants", { search: b.slug, page: 1, pageSize: 10 });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
  },
  "directory.tenantBySlug": async () => {
    const r = await new ApiSession(t).call("directory.tenantBySlug", { slug: b.slug });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
  },
  "account.me": async () => {
    expectNoLeak(await (await as(a, "admin")).call("account.me"));
  },
  "account.sessions": async () => {
    expectNoLeak(await (await as(a, "admin")).call("account.sessions"));
  },
  "account.revokeSession": async () => {
    const r = await (await as(a, "admin")).call("account.revokeSession", { sessionId: bSecrets.sessionId });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "account.logoutEverywhere": async () => {
    expectNoLeak(await (await as(a, "leadership")).call("account.logoutEverywhere"));
    await bStillIntact();
  },
  "account.changePassword": async () => {
    const r = await (await as(a, "project_lead")).call("account.changePassword", {
      currentPassword: TEST_PASSWORD,
      newPassword: "neues-passwort-123",
      confirmPassword: "neues-passwort-123",
    });
    expect(r.ok).toBe(true);
    const bLogin = await new ApiSession(t).call("auth.login", {
      tenantSlug: b.slug,
      email: b.users.project_lead!.email,
      password: TEST_PASSWORD,
    });
    expect(bLogin.ok).toBe(true);
  },
  "users.list": async () => {
    const s = await as(a, "admin");
    expectNoLeak(
      await s.call("users.list", { page: 1, pageSize: 200 }),
      await s.call("users.list", { search: b.users.admin!.email, page: 1, pageSize: 10 }),
    );
  },
  "users.invitations": async () => {
    expectNoLeak(await (await as(a, "admin")).call("users.invitations"));
  },
  "users.setupProgress": async () => {
    // Counts only, of A's own rows: B's strategies, units and coordinators never count for A.
    const fresh = await createTenant(t.client.db, "einrichtung");
    const admin = new ApiSession(t, await sessionCookie(t.client.db, fresh.id, fresh.users.admin!.id));
    expect(await admin.must("users.setupProgress")).toEqual({
      coordinators: 1,
      coordinatorInvitations: 0,
      orgUnits: 0,
      modelAdopted: false,
      strategies: 0,
    });
  },
  "users.invite": async () => {
    // Inviting B's user's address into A must not reveal that the address has an account in B.
    const r = await (await as(a, "admin")).call("users.invite", {
      email: b.users.coordinator!.email,
      displayName: "Jemand",
      role: "viewer",
    });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
    await bStillIntact();
    // A typed this address itself, so it now legitimately appears in A's own invitations and audit log.
    canaries = canaries.filter((c) => c !== b.users.coordinator!.email);
  },
  "users.revokeInvitation": async () => {
    const r = await (await as(a, "admin")).call("users.revokeInvitation", { id: bSecrets.invitationId });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await bStillIntact();
  },
  "users.changeRole": async () => {
    const r = await (await as(a, "admin")).call("users.changeRole", {
      userId: b.users.viewer!.id,
      role: "admin",
    });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "users.setStatus": async () => {
    const r = await (await as(a, "admin")).call("users.setStatus", {
      userId: b.users.coordinator!.id,
      status: "disabled",
    });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "audit.list": async () => {
    const s = await as(a, "admin");
    const all = await s.call("audit.list", { page: 1, pageSize: 200 });
    const byEntity = await s.call("audit.list", { entityId: b.users.admin!.id, page: 1, pageSize: 10 });
    expect(byEntity).toMatchObject({ ok: true, data: { total: 0 } });
    expectNoLeak(all, byEntity);
  },
  "tenants.list": async () => {
    // The registry is the state's; a Kommune cannot list it, and the state's view holds no Kommune's private data.
    expect(await (await as(a, "admin")).call("tenants.list", { page: 1, pageSize: 10 })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expectNoLeak(
      await (await as(state, "state_admin")).call("tenants.list", { search: b.slug, page: 1, pageSize: 10 }),
    );
  },
  "tenants.profile": async () => {
    // A Kommune cannot look at another one's profile at all.
    for (const role of ["admin", "coordinator", "leadership"] as const)
      expect(await (await as(a, role)).call("tenants.profile", { id: b.id })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    // The Land sees B's maturity only while B shares it with the Land by name (the database's sharing policy).
    const pmo = await as(state, "state_pmo");
    const bLeadership = await as(b, "leadership");
    const before = await bLeadership.must<{ withLand: boolean; withKommunen: boolean }>("benchmark.sharing");
    try {
      await bLeadership.must("benchmark.setSharing", { withLand: false, withKommunen: before.withKommunen });
      const hidden = await pmo.call("tenants.profile", { id: b.id });
      expect(hidden).toMatchObject({ ok: true, data: { kommune: { id: b.id }, maturity: null } });
      expect(hidden.raw).not.toContain(B_PRIVATE.measureTitle);
      await bLeadership.must("benchmark.setSharing", { withLand: true, withKommunen: before.withKommunen });
      const shared = await pmo.must<{ maturity: { index: number } | null }>("tenants.profile", { id: b.id });
      expect(shared.maturity?.index).toEqual(expect.any(Number));
    } finally {
      await bLeadership.must("benchmark.setSharing", {
        withLand: before.withLand,
        withKommunen: before.withKommunen,
      });
    }
    expect(await pmo.call("tenants.profile", { id: randomUUID() })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  },
  "tenants.create": async () => {
    const r = await (await as(a, "admin")).call("tenants.create", {
      name: "Übernahme",
      slug: `x-${randomUUID().slice(0, 6)}`,
      kind: "einheitsgemeinde",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  },
  "tenants.rename": async () => {
    const r = await (await as(a, "admin")).call("tenants.rename", { id: b.id, name: "Gekapert" });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  },
  "tenants.setStatus": async () => {
    const r = await (await as(a, "admin")).call("tenants.setStatus", { id: b.id, status: "suspended" });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await bStillIntact();
  },
  "tenants.inviteAdmin": async () => {
    const r = await (await as(a, "admin")).call("tenants.inviteAdmin", {
      tenantId: b.id,
      email: "x@a.test",
      displayName: "X Y",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await bStillIntact();
  },
  "tenants.scheduleDeletion": async () => {
    // Only the state marks a Kommune for deletion; B's admin still works in B afterwards (bStillIntact signs in).
    const r = await (await as(a, "admin")).call("tenants.scheduleDeletion", {
      id: b.id,
      confirmSlug: b.slug,
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "tenants.cancelDeletion": async () => {
    const r = await (await as(a, "admin")).call("tenants.cancelDeletion", { id: b.id });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "tenantExport.prepare": async () => {
    // A's export holds A's rows only, nothing of B's.
    const r = await (await as(a, "admin")).call("tenantExport.prepare");
    expect(r.ok).toBe(true);
    expectNoLeak(r);
    const aTables = (r as { data: { tables: { name: string; rows: { tenant_id: string }[] }[] } }).data
      .tables;
    expect(aTables.find((t) => t.name === "users")?.rows.length).toBeGreaterThanOrEqual(
      Object.keys(a.users).length,
    );
    for (const table of aTables) for (const row of table.rows) expect(row.tenant_id, table.name).toBe(a.id);
    // The state reads B's rollout records by a reviewed policy, yet its export holds its own rows only: its comment to
    // B is its own, B's record, note and reply are not.
    const s = await (await as(state, "state_admin")).call("tenantExport.prepare");
    expect(s.ok).toBe(true);
    const stateTables = (s as { data: { tables: { name: string; rows: { tenant_id: string }[] }[] } }).data
      .tables;
    expect(stateTables.length).toBe(aTables.length);
    for (const table of stateTables)
      for (const row of table.rows) expect(row.tenant_id, table.name).toBe(state.id);
    for (const secret of [
      bRollout.recordId,
      bRollout.note,
      bRollout.contact,
      bRollout.fachverfahren,
      bRollout.reply,
    ])
      expect(s.raw).not.toContain(secret);
    await bRolloutIntact();
  },

  // Maturity models are the state's: a Kommune reads published versions (no Kommune data in them) and writes nothing.
  "maturityModels.list": async () => {
    const r = await (await as(a, "coordinator")).call("maturityModels.list");
    expect(r.ok).toBe(true);
    expect((r as { data: unknown[] }).data.length).toBeGreaterThan(0);
    expect((r as { data: { status: string }[] }).data.every((m) => m.status !== "draft")).toBe(true);
    expectNoLeak(r);
  },
  "maturityModels.get": async () => {
    const s = await as(a, "viewer");
    expectNoLeak(await s.call("maturityModels.get", { id: DEFAULT_MODEL_ID }));
    await sameAsUnknown(s, "maturityModels.get", { id: bMaturity.measureId }, { id: randomUUID() });
    // The state's draft does not exist for a Kommune.
    const draft = await ensureDraft(t, state);
    await sameAsUnknown(s, "maturityModels.get", { id: draft.summary.id }, { id: randomUUID() });
  },
  "maturityModels.createDraft": async () => {
    await discardDraftIfAny(t, state);
    for (const role of ["admin", "coordinator"]) {
      expect(await (await as(a, role)).call("maturityModels.createDraft")).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
  },
  "maturityModels.saveDraft": async () => {
    const draft = await ensureDraft(t, state);
    const r = await (await as(a, "admin")).call("maturityModels.saveDraft", {
      ...draftInput(draft),
      name: "Gekapert",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await ensureDraft(t, state)).model.name).toBe(draft.model.name);
  },
  "maturityModels.discardDraft": async () => {
    const draft = await ensureDraft(t, state);
    expect(
      await (await as(a, "admin")).call("maturityModels.discardDraft", { id: draft.summary.id }),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await ensureDraft(t, state)).summary.id).toBe(draft.summary.id);
  },
  "maturityModels.publish": async () => {
    const draft = await ensureDraft(t, state);
    expect(
      await (await as(a, "coordinator")).call("maturityModels.publish", {
        id: draft.summary.id,
        mapping: {},
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await ensureDraft(t, state)).summary.status).toBe("draft");
  },

  "maturity.model": async () => {
    expectNoLeak(await (await as(a, "viewer")).call("maturity.model"));
  },
  "maturity.dashboard": async () => {
    const s = await as(a, "leadership");
    const own = await s.call("maturity.dashboard", { orgUnitId: null });
    expect(own.ok).toBe(true);
    expectNoLeak(own);
    await sameAsUnknown(
      s,
      "maturity.dashboard",
      { orgUnitId: bMaturity.orgUnitId },
      { orgUnitId: randomUUID() },
    );
  },
  "maturity.adoptModel": async () => {
    const r = await (await as(a, "coordinator")).call("maturity.adoptModel");
    expectNoLeak(r);
    await bMaturityIntact();
  },

  "measures.list": async () => {
    const s = await as(a, "viewer");
    const all = await s.call("measures.list", { page: 1, pageSize: 200 });
    const search = await s.call("measures.list", { search: "Geheim", page: 1, pageSize: 10 });
    expect(search).toMatchObject({ ok: true, data: { total: 0 } });
    expectNoLeak(all, search);
    await sameAsUnknown(
      s,
      "measures.list",
      { orgUnitId: bMaturity.orgUnitId, page: 1, pageSize: 10 },
      { orgUnitId: randomUUID(), page: 1, pageSize: 10 },
    );
  },
  "measures.get": async () => {
    await sameAsUnknown(
      await as(a, "admin"),
      "measures.get",
      { id: bMaturity.measureId },
      { id: randomUUID() },
    );
  },
  "measures.history": async () => {
    await sameAsUnknown(
      await as(a, "admin"),
      "measures.history",
      { id: bMaturity.measureId, page: 1, pageSize: 10 },
      { id: randomUUID(), page: 1, pageSize: 10 },
    );
  },
  "measures.assignees": async () => {
    expectNoLeak(await (await as(a, "coordinator")).call("measures.assignees"));
  },
  "measures.projectOptions": async () => {
    const r = await (await as(a, "viewer")).call("measures.projectOptions");
    expect(r.ok).toBe(true);
    expectNoLeak(r);
  },
  "measures.create": async () => {
    const s = await as(a, "coordinator");
    const base = { title: "Übergriff", criterionKeys: ["strategie.1.verantwortung"] };
    await sameAsUnknown(
      s,
      "measures.create",
      { ...base, orgUnitId: bMaturity.orgUnitId },
      { ...base, orgUnitId: randomUUID() },
    );
    await sameAsUnknown(
      s,
      "measures.create",
      { ...base, responsibleUserId: b.users.project_lead!.id },
      { ...base, responsibleUserId: randomUUID() },
    );
    // B's project cannot deliver A's measure.
    await sameAsUnknown(
      s,
      "measures.create",
      { ...base, projectId: portfolioB.projectId },
      { ...base, projectId: randomUUID() },
    );
    await bMaturityIntact();
  },
  "measures.update": async () => {
    const s = await as(a, "coordinator");
    const base = { title: "Gekapert", criterionKeys: ["strategie.1.verantwortung"] };
    await sameAsUnknown(
      s,
      "measures.update",
      { ...base, id: bMaturity.measureId },
      { ...base, id: randomUUID() },
    );
    // A's own measure cannot be linked to B's project.
    const own = await createMeasure(t, a);
    await sameAsUnknown(
      s,
      "measures.update",
      { ...base, id: own.id, projectId: portfolioB.projectId },
      { ...base, id: own.id, projectId: randomUUID() },
    );
    await bMaturityIntact();
  },
  "measures.setStatus": async () => {
    const s = await as(a, "coordinator");
    await sameAsUnknown(
      s,
      "measures.setStatus",
      { id: bMaturity.measureId, status: "planned" },
      { id: randomUUID(), status: "planned" },
    );
    await sameAsUnknown(
      s,
      "measures.setStatus",
      { id: bMaturity.openMeasureId, status: "completed", completedOn: "2026-01-01", evidenceText: "x" },
      { id: randomUUID(), status: "completed", completedOn: "2026-01-01", evidenceText: "x" },
    );
    // Completing with a file as evidence: the file cannot land on B's measure either.
    const withFile = () => ({
      status: "completed",
      completedOn: "2026-01-01",
      evidenceFile: { fileName: "Übergriff.pdf", contentBase64: evidenceBase64(pdfBytes()) },
    });
    await sameAsUnknown(
      s,
      "measures.setStatus",
      { id: bMaturity.openMeasureId, ...withFile() },
      { id: randomUUID(), ...withFile() },
    );
    await bMaturityIntact();
  },
  "measures.bulkSetStatus": async () => {
    const s = await as(a, "coordinator");
    const own = await createMeasure(t, a);
    // One foreign id spoils the whole request: A's own measure stays unchanged too.
    await sameAsUnknown(
      s,
      "measures.bulkSetStatus",
      { ids: [own.id, bMaturity.openMeasureId], status: "discarded" },
      { ids: [own.id, randomUUID()], status: "discarded" },
    );
    const mine = await s.must<{ measure: { status: string } }>("measures.get", { id: own.id });
    expect(mine.measure.status).toBe("planned");
    await bMaturityIntact();
  },

  "measures.uploadEvidence": async () => {
    const s = await as(a, "coordinator");
    const file = () => ({ fileName: "Übergriff.pdf", contentBase64: evidenceBase64(pdfBytes()) });
    await sameAsUnknown(
      s,
      "measures.uploadEvidence",
      { measureId: bMaturity.measureId, file: file() },
      { measureId: randomUUID(), file: file() },
    );
    await bMaturityIntact();
  },
  "measures.deleteEvidence": async () => {
    await sameAsUnknown(
      await as(a, "coordinator"),
      "measures.deleteEvidence",
      { id: bEvidence.fileId },
      { id: randomUUID() },
    );
    await bMaturityIntact();
  },
  "measures.evidenceFile": async () => {
    const s = await as(a, "admin");
    await sameAsUnknown(s, "measures.evidenceFile", { id: bEvidence.fileId }, { id: randomUUID() });
    // The download route runs the same query in A's tenant: B's id answers exactly like an unknown one.
    const cookie = await sessionCookie(t.client.db, a.id, a.users.viewer!.id);
    const withB = await downloadEvidence(t, bEvidence.fileId, cookie);
    const withUnknown = await downloadEvidence(t, randomUUID(), cookie);
    const [bodyB, bodyUnknown] = [await withB.text(), await withUnknown.text()];
    expect([withB.status, bodyB]).toEqual([404, "Diese Nachweisdatei gibt es nicht."]);
    expect([withUnknown.status, bodyUnknown]).toEqual([withB.status, bodyB]);
    expect(withB.headers.get("content-disposition")).toBeNull();
    expectNoLeak(bodyB);
    // B itself gets its file.
    const bCookie = await sessionCookie(t.client.db, b.id, b.users.viewer!.id);
    const own = await downloadEvidence(t, bEvidence.fileId, bCookie);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).toString("latin1")).toContain(bEvidence.content);
  },

  "strategies.list": async () => {
    expectNoLeak(await (await as(a, "viewer")).call("strategies.list"));
  },
  "strategies.get": async () => {
    await sameAsUnknown(
      await as(a, "leadership"),
      "strategies.get",
      { id: bMaturity.strategyId },
      { id: randomUUID() },
    );
  },
  "strategies.save": async () => {
    const s = await as(a, "coordinator");
    await sameAsUnknown(
      s,
      "strategies.save",
      { id: bMaturity.strategyId, title: "Gekapert", vision: "x" },
      { id: randomUUID(), title: "Gekapert", vision: "x" },
    );
    await sameAsUnknown(
      s,
      "strategies.save",
      { orgUnitId: bMaturity.orgUnitId, title: "Fremder Bereich" },
      { orgUnitId: randomUUID(), title: "Fremder Bereich" },
    );
    await bMaturityIntact();
  },
  "strategies.approve": async () => {
    await sameAsUnknown(
      await as(a, "leadership"),
      "strategies.approve",
      { id: bMaturity.strategyId },
      { id: randomUUID() },
    );
    await bMaturityIntact();
  },

  ...portfolioCases({
    t: () => t,
    a: () => a,
    b: () => b,
    secrets: () => portfolioB,
    as,
    expectNoLeak,
    dropCanary: (canary) => {
      canaries = canaries.filter((c) => c !== canary);
    },
    othersIntact: bMaturityIntact,
  }),

  ...governanceCases({
    a: () => a,
    b: () => b,
    secrets: () => governanceB,
    bLinks: () => ({ measureId: bMaturity.measureId, projectId: portfolioB.projectId }),
    as,
    expectNoLeak,
    dropCanary: (canary) => {
      canaries = canaries.filter((c) => c !== canary);
    },
  }),

  ...kpiCases({ a: () => a, b: () => b, secrets: () => kpisB, as, expectNoLeak }),

  ...handbookCases({
    a: () => a,
    b: () => b,
    secrets: () => handbookB,
    as,
    expectNoLeak,
    refusedForKommune: (path, input) => refusedForKommune(path, input),
  }),

  "rollout.catalogueFacets": async () => {
    expectNoLeak(await (await as(a, "viewer")).call("rollout.catalogueFacets"));
  },
  "rollout.services": async () => {
    expectNoLeak(
      await (await as(a, "viewer")).call("rollout.services", {
        search: bRollout.service,
        page: 1,
        pageSize: 10,
      }),
    );
  },
  "rollout.service": async () => {
    const r = await (await as(a, "viewer")).call("rollout.service", { id: bRollout.service });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
  },
  "rollout.updateServiceInfo": refusedForKommune("rollout.updateServiceInfo", {
    serviceId: "10000",
    efaAvailable: false,
  }),
  "rollout.correctResponsibility": refusedForKommune("rollout.correctResponsibility", {
    serviceId: "10000",
    mode: "derived",
  }),
  "rollout.importCatalogue": refusedForKommune("rollout.importCatalogue", {
    source: "bundled",
    dryRun: true,
  }),
  "rollout.board": async () => {
    const s = await as(a, "coordinator");
    const own = await s.call("rollout.board", { search: bRollout.service, page: 1, pageSize: 10 });
    // A sees the same service on its own board, with A's own (empty) state, never B's.
    expect(own).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ serviceId: bRollout.service, status: "not_started", recordId: null }] },
    });
    expectNoLeak(own, await s.call("rollout.board", { status: "implementing", page: 1, pageSize: 200 }));
  },
  "rollout.record": async () => {
    const r = await (await as(a, "coordinator")).call("rollout.record", { serviceId: bRollout.service });
    expect(r).toMatchObject({ ok: true, data: { status: "not_started", record: null, comments: [] } });
    expectNoLeak(r);
  },
  "rollout.recordHistory": async () => {
    // B's record has a history; A asking for the same service sees its own (none), never B's.
    const r = await (await as(a, "coordinator")).call("rollout.recordHistory", {
      serviceId: bRollout.service,
      page: 1,
      pageSize: 10,
    });
    expect(r).toMatchObject({ ok: true, data: { items: [], total: 0 } });
    expectNoLeak(r);
    const own = await (await as(b, "coordinator")).must<{ total: number }>("rollout.recordHistory", {
      serviceId: bRollout.service,
      page: 1,
      pageSize: 10,
    });
    expect(own.total).toBeGreaterThan(0);
  },
  "rollout.updateRecord": async () => {
    // A edits the same service: it creates A's own record, B's stays as it was.
    const s = await as(a, "coordinator");
    const r = await s.call("rollout.updateRecord", {
      serviceId: bRollout.service,
      expectedVersion: 0,
      status: "planning",
      note: "A plant",
    });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
    // With B's version and B's record in mind: still only A's own record is reachable.
    const again = await s.call("rollout.updateRecord", {
      serviceId: bRollout.service,
      expectedVersion: 1,
      status: "online",
      reuseRoute: "efa_marketplace",
    });
    expect(again.ok).toBe(true);
    await bRolloutIntact();
  },
  "rollout.bulkUpdate": async () => {
    const s = await as(a, "admin");
    const preview = await s.call("rollout.bulkUpdate", {
      serviceIds: [bRollout.service],
      status: "online",
      reuseRoute: "efa_marketplace",
      dryRun: true,
    });
    expect(preview.ok).toBe(true);
    expectNoLeak(preview);
    const done = await s.call("rollout.bulkUpdate", {
      serviceIds: [bRollout.service],
      reuseRoute: "own_solution",
      dryRun: false,
    });
    expect(done.ok).toBe(true);
    await bRolloutIntact();
  },
  "rollout.kommuneSummary": async () => {
    const r = await (await as(a, "leadership")).call("rollout.kommuneSummary");
    expect(r.ok).toBe(true);
    expectNoLeak(r);
    expect(r.raw).not.toContain(b.name);
  },
  "rollout.exportBoard": async () => {
    const r = await (await as(a, "viewer")).call("rollout.exportBoard", { format: "csv" });
    expect(r.ok).toBe(true);
    expectNoLeak(decoded(r));
    const x = await (await as(a, "viewer")).call("rollout.exportBoard", { format: "xlsx" });
    expect(x.ok).toBe(true);
  },
  "rollout.addComment": async () => {
    const s = await as(a, "coordinator");
    // Addressing B's record with B's real id is refused as if it did not exist …
    const r = await s.call("rollout.addComment", {
      kommuneId: b.id,
      serviceId: bRollout.service,
      body: "Untergeschoben",
    });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // … and A's own comment on the same service stays with A.
    expect((await s.call("rollout.addComment", { serviceId: bRollout.service, body: "A für sich" })).ok).toBe(
      true,
    );
    await bRolloutIntact();
  },
  "rollout.stateOverview": refusedForKommune("rollout.stateOverview"),
  "rollout.coverageByService": refusedForKommune("rollout.coverageByService"),
  "rollout.coverageByKommune": refusedForKommune("rollout.coverageByKommune"),
  "rollout.progress": refusedForKommune("rollout.progress"),
  "rollout.aggregateStatus": refusedForKommune("rollout.aggregateStatus"),
  "rollout.kommunen": refusedForKommune("rollout.kommunen", { search: "Halle" }),
  "rollout.forecast": refusedForKommune("rollout.forecast", () => ({ serviceId: bRollout.service })),
  "rollout.bottlenecks": refusedForKommune("rollout.bottlenecks", { months: 1 }),
  "rollout.drilldown": refusedForKommune("rollout.drilldown", () => ({
    kommuneId: b.id,
    page: 1,
    pageSize: 10,
  })),
  "rollout.drilldownOptions": refusedForKommune("rollout.drilldownOptions"),
  "rollout.coverageMatrix": refusedForKommune("rollout.coverageMatrix", { themenfeldId: "TF1" }),
  "rollout.serviceByKommune": refusedForKommune("rollout.serviceByKommune", () => ({
    serviceId: bRollout.service,
  })),
  "rollout.kommuneRecord": refusedForKommune("rollout.kommuneRecord", () => ({
    kommuneId: b.id,
    serviceId: bRollout.service,
  })),
  "rollout.exportState": refusedForKommune("rollout.exportState", () => ({
    table: "drilldown",
    format: "csv",
    drilldown: { kommuneId: b.id },
  })),
  "rollout.costModel": refusedForKommune("rollout.costModel", { params: {} }),
  "rollout.scenarios": refusedForKommune("rollout.scenarios"),
  "rollout.saveScenario": refusedForKommune("rollout.saveScenario", { name: "Übernahme", params: {} }),
  "rollout.deleteScenario": refusedForKommune("rollout.deleteScenario", { id: randomUUID() }),
  "rollout.compareScenarios": refusedForKommune("rollout.compareScenarios", { ids: [randomUUID()] }),
  "rollout.operatingModels": refusedForKommune("rollout.operatingModels"),
  "rollout.saveOperatingModelScores": refusedForKommune("rollout.saveOperatingModelScores", {
    criteria: [{ id: "x", label: "Kriterium", weight: 1 }],
    scores: {},
  }),

  ...benchmarkCases(benchmarkDeps()),
};

function benchmarkDeps() {
  return {
    t: () => t,
    a: () => a,
    b: () => b,
    state: () => state,
    as,
    expectNoLeak,
    refusedForKommune: (path: string, input?: unknown) => refusedForKommune(path, input),
  };
}

describe("cross-tenant isolation through every procedure", () => {
  it("has a case for every procedure of the router", () => {
    expect(Object.keys(CASES).sort()).toEqual(procedurePaths());
  });
  for (const [path, run] of Object.entries(CASES)) {
    it(`${path}: Kommune A cannot reach Kommune B`, run);
  }
});

// The documented sharing rule (DESIGN.md §2, docs/ARCHITECTURE.md): the rollout is the state's programme. The state reads
// every Kommune's records by name, through the additional SELECT-only policy `rollout_records_visible_to_state`, and can never
// write them; a Kommune cannot write another Kommune's record either.
describe("the state's rollout programme", () => {
  it("the state PMO reads B's record by name, with its details and comments", async () => {
    const pmo = await as(state, "state_pmo");
    const list = await pmo.must<{ items: { kommune: string; status: string; contact: string }[] }>(
      "rollout.drilldown",
      {
        kommuneId: b.id,
        serviceId: bRollout.service,
        page: 1,
        pageSize: 10,
      },
    );
    expect(list.items).toEqual([
      expect.objectContaining({ kommune: b.name, status: "implementing", contact: bRollout.contact }),
    ]);
    const one = await pmo.must<{
      kommune: { name: string };
      record: { note: string };
      comments: { body: string }[];
    }>("rollout.kommuneRecord", { kommuneId: b.id, serviceId: bRollout.service });
    expect(one.kommune.name).toBe(b.name);
    expect(one.record.note).toBe(bRollout.note);
    expect(one.comments.map((c) => c.body)).toEqual(
      expect.arrayContaining([bRollout.reply, bRollout.pmoComment]),
    );
    const exported = await pmo.call("rollout.exportState", {
      table: "drilldown",
      format: "csv",
      drilldown: { kommuneId: b.id },
    });
    expect(decoded(exported)).toContain(b.name);
  });

  it("the state cannot change B's record: no procedure lets it, and the database refuses it", async () => {
    for (const role of ["state_pmo", "state_admin"]) {
      const s = await as(state, role);
      for (const [path, input] of [
        [
          "rollout.updateRecord",
          {
            serviceId: bRollout.service,
            expectedVersion: 1,
            status: "online",
            reuseRoute: "efa_marketplace",
          },
        ],
        [
          "rollout.bulkUpdate",
          { serviceIds: [bRollout.service], status: "online", reuseRoute: "efa_marketplace", dryRun: false },
        ],
      ] as const) {
        expect(await s.call(path, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    // Even a state transaction with a bug cannot write: RLS has no write policy for the state on Kommune rows.
    const updated = await withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
      tx
        .update(schema.rolloutRecords)
        .set({ status: "online", note: "vom Land" })
        .where(eq(schema.rolloutRecords.id, bRollout.recordId))
        .returning(),
    );
    expect(updated).toEqual([]);
    await expect(
      withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
        tx.insert(schema.rolloutRecords).values({ tenantId: b.id, serviceId: "10000", status: "online" }),
      ),
    ).rejects.toThrow();
    await bRolloutIntact();
  });

  it("Kommune A cannot change B's record, neither through the API nor in SQL", async () => {
    const updated = await withTenant(t.client.db, a.id, (tx) =>
      tx
        .update(schema.rolloutRecords)
        .set({ note: "von A" })
        .where(eq(schema.rolloutRecords.id, bRollout.recordId))
        .returning(),
    );
    expect(updated).toEqual([]);
    await bRolloutIntact();
  });

  it("the state's comment on B's record reaches B and no other Kommune", async () => {
    const fromA = await (await as(a, "coordinator")).call("rollout.record", { serviceId: bRollout.service });
    expectNoLeak(fromA);
    await bRolloutIntact();
  });
});

describe("project steering across Kommunen", () => {
  it("a risk of A cannot name B's measure as its treatment, through the API or in SQL", async () => {
    const { projectId } = await projectFixture(t.client.db, a.id);
    const r = await (await as(a, "coordinator")).call("steering.addRisk", {
      projectId,
      title: "Fremde Behandlung",
      probability: 2,
      impact: 2,
      measureId: bMaturity.measureId,
    });
    expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    // A German message at the field, as the form shows it.
    expect(r.raw).toContain("Diese Maßnahme gibt es nicht.");
    expectNoLeak(r);
    // The composite foreign key refuses it even where the query's check is bypassed.
    await expect(
      withTenant(t.client.db, a.id, (tx) =>
        tx.insert(schema.projectRisks).values({
          tenantId: a.id,
          projectId,
          title: "Fremde Behandlung",
          probability: 2,
          impact: 2,
          measureId: bMaturity.measureId,
        }),
      ),
    ).rejects.toThrow();
    await bMaturityIntact();

    // Its own measure it can name, and the register shows the measure's title.
    const own = await createMeasure(t, a);
    const pmo = await as(a, "coordinator");
    await pmo.must("steering.addRisk", {
      projectId,
      title: "Eigene Behandlung",
      probability: 2,
      impact: 2,
      measureId: own.id,
    });
    const risks = await pmo.must<{ title: string; measureTitle: string | null }[]>("steering.risks", {
      projectId,
    });
    expect(risks).toEqual([expect.objectContaining({ title: "Eigene Behandlung", measureTitle: own.title })]);
  });
});

describeNamedSharing(benchmarkDeps());
