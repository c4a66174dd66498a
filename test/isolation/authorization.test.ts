// The authorization matrix (@spatz/domain PERMISSIONS) tested both ways: for every procedure and every role, allowed
// calls succeed and forbidden ones are refused; anonymous callers get UNAUTHORIZED outside the public procedures.
import { randomUUID } from "node:crypto";
import { affectsMaturity } from "@spatz/benchmark";
import { DEFAULT_MODEL_ID, withTenant } from "@spatz/db";
import {
  accessOf,
  can,
  KOMMUNE_ROLES,
  PERMISSIONS,
  type ProcedurePath,
  type Role,
  STATE_ROLES,
} from "@spatz/domain";
import { defaultCriteria, operatingModels, rolloutTrigger } from "@spatz/rollout";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, procedurePaths } from "../src/api-client.ts";
import { createEvidenceFile, base64 as evidenceBase64, pdfBytes } from "../src/evidence.ts";
import {
  addUser,
  createTenant,
  createTenantWithoutAdmin,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";
import {
  createMeasure,
  createOrgUnit,
  createStrategy,
  discardDraftIfAny,
  draftInput,
  ensureDraft,
  publishNewVersion,
} from "../src/maturity-fixtures.ts";
import { createArchivedReport, enqueueReportJob } from "../src/reports.ts";
import { createTestApp, type TestApp } from "../src/server.ts";
import { benchmarkInputs } from "./benchmark-inputs.ts";
import { governanceInputs } from "./governance-inputs.ts";
import { handbookInputs } from "./handbook-inputs.ts";
import { portfolioInputs } from "./portfolio-inputs.ts";

let t: TestApp;
let kommune: FixtureTenant;
let state: FixtureTenant;
/** A service the matrix Kommune (an Einheitsgemeinde) is responsible for, and one that is not municipal. */
let service = "";
let nonMunicipal = "";

/** The matrix enqueues jobs (benchmark refreshes, the job monitor) in a Redis database of its own. */
const jobsRedisUrl = () => `${inject("redisUrl")}/5`;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), jobsRedisUrl: jobsRedisUrl() });
  [kommune, state] = await Promise.all([createTenant(t.client.db, "matrix"), stateTenant(t.client.db)]);
  const [row] = await withTenant(t.client.db, kommune.id, (tx) =>
    tx.execute<{ municipal: string; other: string }>(sql`
      select (select id from ozg_services where municipal_execution and 'einheitsgemeinde' = any(responsible_kinds) order by id limit 1) as municipal,
             (select id from ozg_services where not municipal_execution order by id limit 1) as other`),
  );
  service = row!.municipal;
  nonMunicipal = row!.other;
});

/**
 * Which procedures write what a job derives from: a counting trigger (test-only, removed afterwards) per kind of write,
 * read around every allowed call. A procedure that writes a Kommune's measures or model version must be declared
 * maturity-affecting (@spatz/benchmark triggers.ts); one that writes rollout records, a service's responsibility or a
 * Kommune's registry data must be declared rollout-affecting (@spatz/rollout triggers.ts) — or its changes would reach
 * the benchmark or the Land's rollout figures only with the nightly refresh.
 */
let owner: postgres.Sql;
const WRITE_COUNTERS = {
  maturity: [
    "after insert or update or delete on measures",
    "after insert or update or delete on maturity_settings",
    // Governance evidence (docs/adr/0015): Beschlüsse, published RACI versions, process reviews and their criteria.
    "after insert or update on governance_decisions",
    "after update on governance_raci_versions for each row when (new.published_on is not null)",
    "after insert on governance_process_reviews",
    "after update on governance_processes for each row when (old.criterion_keys is distinct from new.criterion_keys)",
  ],
  rollout: [
    "after insert or update or delete on rollout_records",
    "after insert or delete on ozg_services",
    `after update on ozg_services for each row when (old.responsible_kinds is distinct from new.responsible_kinds
       or old.municipal_execution is distinct from new.municipal_execution or old.in_catalogue is distinct from new.in_catalogue)`,
    "after insert or delete on tenants",
    `after update on tenants for each row when (old.kind is distinct from new.kind
       or old.kreis_ags is distinct from new.kreis_ags or old.population is distinct from new.population)`,
  ],
} as const;
type Counter = keyof typeof WRITE_COUNTERS;
const writers: Record<Counter, Set<string>> = { maturity: new Set(), rollout: new Set() };
const counterTriggers = (counter: Counter) =>
  WRITE_COUNTERS[counter].map((event, i) => {
    const table = /on (\w+)/.exec(event)![1]!;
    return { name: `test_count_${counter}_${i}`, table, event };
  });
async function writes(): Promise<Record<Counter, number>> {
  const [row] = await owner<{ maturity: string; rollout: string }[]>`
    select (select case when is_called then last_value else 0 end from test_maturity_writes) as maturity,
           (select case when is_called then last_value else 0 end from test_rollout_writes) as rollout`;
  return { maturity: Number(row!.maturity), rollout: Number(row!.rollout) };
}

beforeAll(async () => {
  owner = postgres(inject("ownerUrl"), { max: 1, onnotice: () => {} });
  for (const counter of Object.keys(WRITE_COUNTERS) as Counter[]) {
    await owner.unsafe(`
      create sequence if not exists test_${counter}_writes;
      grant usage on sequence test_${counter}_writes to spatz_app;
      create or replace function test_count_${counter}_write() returns trigger language plpgsql as $$
        begin perform nextval('test_${counter}_writes'); return null; end $$;
      ${counterTriggers(counter)
        .map(
          ({ name, table, event }) => `drop trigger if exists ${name} on ${table};
        create trigger ${name} ${event.includes("for each row") ? event : `${event} for each row`}
          execute function test_count_${counter}_write();`,
        )
        .join("\n")}`);
  }
});
afterAll(async () => {
  for (const counter of Object.keys(WRITE_COUNTERS) as Counter[]) {
    await owner.unsafe(`
      ${counterTriggers(counter)
        .map(({ name, table }) => `drop trigger if exists ${name} on ${table};`)
        .join("\n")}
      drop function if exists test_count_${counter}_write();
      drop sequence if exists test_${counter}_writes;`);
  }
  await owner.end();
});

/** A key figure (and one value) of a fresh strategy in the caller's Kommune; unknown ids for the state. */
const KPI_VALUES = {
  goal: "Onlinedienste für alle Leistungen",
  name: "Anteil online beantragter Leistungen",
  unit: "%",
  baseline: "20",
  baselineOn: "2024-01-01",
  target: "80",
  targetOn: "2028-12-31",
};
async function kpiFixture(e: { tenant: FixtureTenant }): Promise<{ id: string; strategyId: string }> {
  if (e.tenant.kind === "state") return { id: randomUUID(), strategyId: randomUUID() };
  const strategy = await createStrategy(t, e.tenant);
  const cdo = new ApiSession(
    t,
    await sessionCookie(t.client.db, e.tenant.id, e.tenant.users.coordinator!.id),
  );
  const kpi = await cdo.must<{ id: string }>("kpis.create", { strategyId: strategy.id, ...KPI_VALUES });
  return { id: kpi.id, strategyId: strategy.id };
}
async function kpiValueFixture(e: { tenant: FixtureTenant }): Promise<string> {
  if (e.tenant.kind === "state") return randomUUID();
  const kpi = await kpiFixture(e);
  const cdo = new ApiSession(
    t,
    await sessionCookie(t.client.db, e.tenant.id, e.tenant.users.coordinator!.id),
  );
  await cdo.must("kpis.recordValue", { kpiId: kpi.id, measuredOn: "2025-06-30", value: "35" });
  const [listed] = await cdo.must<{ values: { id: string }[] }[]>("kpis.list", {
    strategyId: kpi.strategyId,
  });
  return listed!.values[0]!.id;
}

const pmoSession = async () =>
  new ApiSession(t, await sessionCookie(t.client.db, state.id, state.users.state_pmo!.id));

async function newScenarioId(): Promise<string> {
  const created = await (await pmoSession()).must<{ id: string }>("rollout.saveScenario", {
    name: `Matrix ${randomUUID().slice(0, 8)}`,
    params: { serviceCount: 100 },
  });
  return created.id;
}

/** The record's current version and status as the caller sees it (0 / nicht begonnen when it cannot read it). */
async function currentRecord(e: Env) {
  const r = await e.session.call("rollout.record", { serviceId: service });
  if (!r.ok) return { version: 0, status: "not_started" };
  const data = r.data as { version: number; status: string };
  return { version: data.version, status: data.status };
}
afterAll(() => t.close());

type Env = { tenant: FixtureTenant; role: Role; session: ApiSession };

const isKommune = (e: Env) => e.tenant.kind !== "state";

/** A measure the caller is responsible for (so that an allowed project lead may edit it); in the state: any id. */
async function ownMeasure(e: Env): Promise<string> {
  if (!isKommune(e)) return randomUUID();
  const measure = await createMeasure(t, e.tenant, { responsibleUserId: e.tenant.users[e.role]!.id });
  return measure.id;
}

/** Paths of every string in an input (object keys and array indexes). */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

/** A copy of `input` with `bad` appended to the string at `path`. */
function withText(input: unknown, path: (string | number)[], bad: string): unknown {
  if (path.length === 0) return `${input as string}${bad}`;
  const [head, ...rest] = path;
  const copy = (Array.isArray(input) ? [...input] : { ...(input as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = withText(copy[head!], rest, bad);
  return copy;
}

/** A valid input for each procedure, built fresh for each call so that allowed calls can really succeed. */
const INPUTS: Record<ProcedurePath, (env: Env) => Promise<unknown> | unknown> = {
  "auth.session": () => undefined,
  "auth.login": (e) => ({
    tenantSlug: e.tenant.slug,
    email: e.tenant.users[e.role]?.email ?? "x@y.test",
    password: TEST_PASSWORD,
  }),
  "auth.invitationInfo": (e) => ({
    tenantSlug: e.tenant.slug,
    token: `${randomUUID()}.abcdefghijkmnpqrstuvwxyz23`,
  }),
  "auth.acceptInvitation": async (e) => {
    const admin = new ApiSession(
      t,
      await sessionCookie(
        t.client.db,
        e.tenant.id,
        e.tenant.users[e.tenant.kind === "state" ? "state_admin" : "admin"]!.id,
      ),
    );
    const inv = await admin.must<{ link: string }>("users.invite", {
      email: `neu-${randomUUID().slice(0, 8)}@x.test`,
      displayName: "Neue Person",
      role: e.tenant.kind === "state" ? "state_pmo" : "viewer",
    });
    return {
      tenantSlug: e.tenant.slug,
      token: inv.link.split("#")[1],
      password: "langes-passwort-1",
      confirmPassword: "langes-passwort-1",
    };
  },
  "directory.tenants": () => ({ page: 1, pageSize: 10 }),
  "directory.tenantBySlug": (e) => ({ slug: e.tenant.slug }),
  "auth.logout": () => undefined,
  "account.me": () => undefined,
  "account.sessions": () => undefined,
  "account.revokeSession": async (e) => {
    const other = new ApiSession(
      t,
      await sessionCookie(t.client.db, e.tenant.id, e.tenant.users[e.role]!.id),
    );
    const sessions = await other.must<{ id: string; current: boolean }[]>("account.sessions");
    return { sessionId: sessions.find((s) => s.current)!.id };
  },
  "account.logoutEverywhere": () => undefined,
  "account.changePassword": () => ({
    currentPassword: TEST_PASSWORD,
    newPassword: TEST_PASSWORD,
    confirmPassword: TEST_PASSWORD,
  }),
  "users.list": () => ({ page: 1, pageSize: 10 }),
  "users.invitations": () => undefined,
  "users.setupProgress": () => undefined,
  "users.invite": (e) => ({
    email: `inv-${randomUUID().slice(0, 8)}@x.test`,
    displayName: "Eingeladene Person",
    role: e.tenant.kind === "state" ? "state_pmo" : "viewer",
  }),
  "users.revokeInvitation": async (e) => {
    const admin = new ApiSession(
      t,
      await sessionCookie(
        t.client.db,
        e.tenant.id,
        e.tenant.users[e.tenant.kind === "state" ? "state_admin" : "admin"]!.id,
      ),
    );
    const inv = await admin.must<{ id: string }>("users.invite", {
      email: `rev-${randomUUID().slice(0, 8)}@x.test`,
      displayName: "Zurückgezogen",
      role: e.tenant.kind === "state" ? "state_pmo" : "viewer",
    });
    return { id: inv.id };
  },
  "users.changeRole": async (e) => {
    const target = await addUser(t.client.db, e.tenant, e.tenant.kind === "state" ? "state_pmo" : "viewer");
    return { userId: target.id, role: e.tenant.kind === "state" ? "state_admin" : "coordinator" };
  },
  "users.setStatus": async (e) => {
    const target = await addUser(t.client.db, e.tenant, e.tenant.kind === "state" ? "state_pmo" : "viewer");
    return { userId: target.id, status: "disabled" };
  },
  "audit.list": () => ({ page: 1, pageSize: 10 }),
  "tenants.list": () => ({ page: 1, pageSize: 10 }),
  "tenants.profile": () => ({ id: kommune.id }),
  "tenants.create": () => ({
    name: "Neue Testgemeinde",
    slug: `neu-${randomUUID().slice(0, 8)}`,
    kind: "einheitsgemeinde",
  }),
  "tenants.rename": async () => ({
    id: (await createTenant(t.client.db, "umbenennen")).id,
    name: "Umbenannte Testgemeinde",
  }),
  "tenants.setStatus": async () => ({
    id: (await createTenant(t.client.db, "sperren")).id,
    status: "suspended",
  }),
  "tenants.inviteAdmin": async () => ({
    tenantId: (await createTenantWithoutAdmin(t.client.db, "einladen")).id,
    email: `adm-${randomUUID().slice(0, 8)}@x.test`,
    displayName: "Erste Administration",
  }),
  "tenants.scheduleDeletion": async () => {
    const target = await createTenant(t.client.db, "loeschen");
    return { id: target.id, confirmSlug: target.slug };
  },
  "tenants.cancelDeletion": async () => {
    // Only a Kommune marked for deletion can be taken back: the state admin marks one first.
    const target = await createTenant(t.client.db, "zurueck");
    const admin = new ApiSession(t, await sessionCookie(t.client.db, state.id, state.users.state_admin!.id));
    await admin.must("tenants.scheduleDeletion", { id: target.id, confirmSlug: target.slug });
    return { id: target.id };
  },
  "tenantExport.prepare": () => undefined,

  "maturityModels.list": () => undefined,
  "maturityModels.get": () => ({ id: DEFAULT_MODEL_ID }),
  "maturityModels.createDraft": async (e) => {
    // One draft at a time: the allowed call needs none to exist.
    if (e.role === "state_admin") await discardDraftIfAny(t, state);
    return undefined;
  },
  "maturityModels.saveDraft": async () => draftInput(await ensureDraft(t, state)),
  "maturityModels.discardDraft": async () => ({ id: (await ensureDraft(t, state)).summary.id }),
  "maturityModels.publish": async () => ({ id: (await ensureDraft(t, state)).summary.id, mapping: {} }),

  "maturity.model": () => undefined,
  "maturity.dashboard": () => ({ orgUnitId: null }),
  "maturity.adoptModel": async (e) => {
    // The allowed call needs a newer published version than the one the Kommune links to.
    if (e.role === "coordinator") {
      await createMeasure(t, e.tenant);
      await publishNewVersion(t, state);
    }
    return undefined;
  },

  "measures.list": () => ({ page: 1, pageSize: 10 }),
  "measures.get": async (e) => ({ id: isKommune(e) ? (await createMeasure(t, e.tenant)).id : randomUUID() }),
  "measures.history": async (e) => ({
    id: isKommune(e) ? (await createMeasure(t, e.tenant)).id : randomUUID(),
    page: 1,
    pageSize: 10,
  }),
  "measures.assignees": () => undefined,
  "measures.projectOptions": () => undefined,
  "measures.create": (e) => ({
    title: "Neue Maßnahme",
    criterionKeys: ["strategie.1.bestandsaufnahme"],
    responsibleUserId: isKommune(e) ? e.tenant.users[e.role]!.id : null,
  }),
  "measures.update": async (e) => ({
    id: await ownMeasure(e),
    title: "Geänderte Maßnahme",
    criterionKeys: ["strategie.1.verantwortung"],
    responsibleUserId: isKommune(e) ? e.tenant.users[e.role]!.id : null,
  }),
  "measures.setStatus": async (e) => ({ id: await ownMeasure(e), status: "in_progress" }),
  "measures.bulkSetStatus": async (e) => ({ ids: [await ownMeasure(e)], status: "in_progress" }),
  "measures.uploadEvidence": async (e) => ({
    measureId: await ownMeasure(e),
    file: { fileName: "Abnahmeprotokoll.pdf", contentBase64: evidenceBase64(pdfBytes()) },
  }),
  "measures.deleteEvidence": async (e) => ({
    id: isKommune(e) ? (await createEvidenceFile(t, e.tenant, await ownMeasure(e))).id : randomUUID(),
  }),
  "measures.evidenceFile": async (e) => ({
    id: isKommune(e)
      ? (await createEvidenceFile(t, e.tenant, (await createMeasure(t, e.tenant)).id)).id
      : randomUUID(),
  }),

  "legal.page": () => ({ page: "impressum" }),
  "reports.list": () => ({ page: 1, pageSize: 10 }),
  "reports.options": () => undefined,
  "reports.generate": (e) => ({ kind: isKommune(e) ? "reifegradbericht" : "lagebericht" }),
  "reports.status": async (e) => ({ jobId: await enqueueReportJob(t, e.tenant) }),
  "reports.file": async (e) => ({ id: (await createArchivedReport(t, e.tenant)).id, format: "pdf" }),
  "reports.subscriptions": () => undefined,
  "reports.subscribe": (e) => ({ kind: isKommune(e) ? "reifegradbericht" : "lagebericht" }),
  "reports.unsubscribe": (e) => ({ kind: isKommune(e) ? "reifegradbericht" : "lagebericht" }),

  "strategies.list": () => undefined,
  "strategies.get": async (e) => ({
    id: isKommune(e) ? (await createStrategy(t, e.tenant)).id : randomUUID(),
  }),
  "strategies.save": async (e) => ({
    orgUnitId: isKommune(e) ? (await createOrgUnit(t, e.tenant)).id : null,
    title: "Strategie eines Amtes",
    targets: [{ dimensionKey: "daten", level: 2, dueOn: "2028-03-31" }],
  }),
  "strategies.approve": async (e) => ({
    id: isKommune(e) ? (await createStrategy(t, e.tenant)).id : randomUUID(),
  }),

  "kpis.list": async (e) => ({
    strategyId: isKommune(e) ? (await createStrategy(t, e.tenant)).id : randomUUID(),
  }),
  "kpis.create": async (e) => ({
    strategyId: isKommune(e) ? (await createStrategy(t, e.tenant)).id : randomUUID(),
    ...KPI_VALUES,
  }),
  "kpis.update": async (e) => ({ id: (await kpiFixture(e)).id, ...KPI_VALUES, target: "95" }),
  "kpis.remove": async (e) => ({ id: (await kpiFixture(e)).id }),
  "kpis.recordValue": async (e) => ({
    kpiId: (await kpiFixture(e)).id,
    measuredOn: "2026-06-30",
    value: "61,5",
  }),
  "kpis.removeValue": async (e) => ({ id: await kpiValueFixture(e) }),

  ...portfolioInputs(() => t),
  ...governanceInputs(() => t),
  ...handbookInputs(() => t),

  "rollout.catalogueFacets": () => undefined,
  "rollout.services": () => ({ page: 1, pageSize: 10 }),
  "rollout.service": () => ({ id: service }),
  "rollout.updateServiceInfo": () => ({ serviceId: nonMunicipal, efaAvailable: false, notes: "Matrix-Test" }),
  "rollout.correctResponsibility": () => ({ serviceId: nonMunicipal, mode: "derived" }),
  "rollout.importCatalogue": () => ({ source: "bundled", dryRun: true }),
  "rollout.board": () => ({ page: 1, pageSize: 10 }),
  "rollout.record": () => ({ serviceId: service }),
  "rollout.recordHistory": () => ({ serviceId: service, page: 1, pageSize: 10 }),
  "rollout.updateRecord": async (e) => {
    const current = await currentRecord(e);
    return {
      serviceId: service,
      expectedVersion: current.version,
      status: current.status,
      reuseRoute: "efa_marketplace",
      note: `Matrix ${e.role}`,
    };
  },
  "rollout.bulkUpdate": () => ({ serviceIds: [service], reuseRoute: "efa_marketplace", dryRun: true }),
  "rollout.kommuneSummary": () => undefined,
  "rollout.exportBoard": () => ({ format: "csv" }),
  "rollout.addComment": (e) =>
    e.tenant.kind === "state"
      ? { kommuneId: kommune.id, serviceId: service, body: "Kommentar des Landes" }
      : { serviceId: service, body: "Kommentar der Kommune" },
  "rollout.stateOverview": () => undefined,
  "rollout.coverageByService": () => undefined,
  "rollout.coverageByKommune": () => undefined,
  "rollout.progress": () => undefined,
  "rollout.aggregateStatus": () => undefined,
  "rollout.kommunen": () => ({ sort: "share", dir: "desc", page: 1, pageSize: 10 }),
  "rollout.forecast": () => ({ kreisAgs: "15091" }),
  "rollout.bottlenecks": () => ({ months: 6 }),
  "rollout.drilldown": () => ({ page: 1, pageSize: 10 }),
  "rollout.drilldownOptions": () => undefined,
  "rollout.coverageMatrix": () => ({ themenfeldId: "TF1" }),
  "rollout.serviceByKommune": () => ({ serviceId: service }),
  "rollout.kommuneRecord": () => ({ kommuneId: kommune.id, serviceId: service }),
  "rollout.exportState": () => ({ table: "kreise", format: "xlsx" }),
  "rollout.costModel": () => ({ params: {} }),
  "rollout.scenarios": () => undefined,
  "rollout.saveScenario": () => ({
    name: `Matrix ${randomUUID().slice(0, 8)}`,
    params: { dailyRateCents: 120_000 },
  }),
  "rollout.deleteScenario": async () => ({ id: await newScenarioId() }),
  "rollout.compareScenarios": async () => ({ ids: [await newScenarioId()] }),
  "rollout.operatingModels": () => undefined,
  ...benchmarkInputs(() => t, jobsRedisUrl),

  "rollout.saveOperatingModelScores": () => ({
    criteria: defaultCriteria,
    scores: Object.fromEntries(
      operatingModels.map((m) => [m.id, Object.fromEntries(defaultCriteria.map((c) => [c.id, 3]))]),
    ),
  }),
};

describe("authorization matrix", () => {
  it("lists every procedure of the router exactly once", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(procedurePaths());
    expect(Object.keys(INPUTS).sort()).toEqual(procedurePaths());
  });

  const roles: { role: Role; tenant: () => FixtureTenant }[] = [
    ...KOMMUNE_ROLES.map((role) => ({ role, tenant: () => kommune })),
    ...STATE_ROLES.map((role) => ({ role, tenant: () => state })),
  ];

  for (const path of Object.keys(PERMISSIONS) as ProcedurePath[]) {
    describe(path, () => {
      for (const { role, tenant } of roles) {
        const allowed = can(role, path);
        it(`${role}: ${allowed ? "allowed" : "refused"}`, async () => {
          const env: Env = { tenant: tenant(), role, session: new ApiSession(t) };
          const user = env.tenant.users[role]!;
          // Public procedures are called without a session, like the login page does.
          if (accessOf(path) !== "public")
            env.session = new ApiSession(t, await sessionCookie(t.client.db, env.tenant.id, user.id));
          const input = await INPUTS[path](env);
          const writesBefore = await writes();
          const result = await env.session.call(path, input);
          if (allowed) {
            expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
            const writesAfter = await writes();
            for (const counter of Object.keys(writers) as Counter[])
              if (writesAfter[counter] > writesBefore[counter]) writers[counter].add(path);
          } else expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
        });
      }
      const textRole = roles.find(({ role }) => can(role, path));
      if (textRole) {
        it("text PostgreSQL cannot store (NUL, a lone surrogate) in any string field: German 400", async () => {
          const env: Env = { tenant: textRole.tenant(), role: textRole.role, session: new ApiSession(t) };
          const user = env.tenant.users[textRole.role]!;
          if (accessOf(path) !== "public")
            env.session = new ApiSession(t, await sessionCookie(t.client.db, env.tenant.id, user.id));
          const input = await INPUTS[path](env);
          const fields = stringPaths(input);
          for (const field of fields) {
            for (const bad of ["\u0000", "\uD800"]) {
              const result = await env.session.call(path, withText(input, field, bad));
              expect(result, `${path} ${field.join(".")}`).toMatchObject({ ok: false, code: "BAD_REQUEST" });
              expect(result.ok === false && result.raw).toContain("unzulässiges Zeichen");
            }
          }
        });
      }
      if (accessOf(path) !== "public") {
        it("anonymous: UNAUTHORIZED", async () => {
          const env: Env = { tenant: kommune, role: "admin", session: new ApiSession(t) };
          const result = await env.session.call(path, await INPUTS[path](env));
          expect(result).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
        });
      }
    });
  }
});

describe("declared job triggers", () => {
  it("every procedure that wrote measures or the model version above is declared maturity-affecting", () => {
    expect([...writers.maturity]).toEqual(expect.arrayContaining(["measures.create", "measures.setStatus"]));
    expect([...writers.maturity].filter((path) => !affectsMaturity(path)).sort()).toEqual([]);
  });
  it("every procedure that wrote what the rollout aggregates count is declared rollout-affecting", () => {
    expect([...writers.rollout]).toEqual(expect.arrayContaining(["rollout.updateRecord"]));
    expect([...writers.rollout].filter((path) => rolloutTrigger(path) === null).sort()).toEqual([]);
  });
});
