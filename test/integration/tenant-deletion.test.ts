// Deleting a Kommune with a grace period: the state marks it (nobody there can sign in, reversible), and after the
// date `pnpm spatz purge-tenants` deletes every row of it. Afterwards the superuser finds nothing of it in any table
// (every column that holds a tenant id), the state's audit log records the deletion, and another Kommune is untouched.
import { randomUUID } from "node:crypto";
import { STATE_TENANT_ID } from "@spatz/db";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setUpPortfolioB } from "../isolation/portfolio-cases.ts";
import { ApiSession } from "../src/api-client.ts";
import { databaseOf, spatz, superuserUrlFor } from "../src/cli.ts";
import { pdfBytes, uploadEvidence } from "../src/evidence.ts";
import {
  createTenant,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";
import { createMeasure, createStrategy, sessionAs } from "../src/maturity-fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let doomed: FixtureTenant;
let bystander: FixtureTenant;
let state: FixtureTenant;
let superuser: postgres.Sql;
const maintenance = () => ({
  MAINTENANCE_DATABASE_URL: superuserUrlFor(inject("superuserUrl"), databaseOf(inject("appUrl"))),
});

/** Every column of every table that holds a tenant id: tenant_id columns and foreign keys to the registry. */
async function tenantColumns(): Promise<{ table: string; column: string }[]> {
  return superuser<{ table: string; column: string }[]>`
    select c.relname as table, a.attname as column
    from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind in ('r', 'p') and a.attname = 'tenant_id'
    union
    select k.conrelid::regclass::text, a.attname
    from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
    where k.contype = 'f' and k.confrelid = 'public.tenants'::regclass
    order by 1, 2`;
}

/** Rows per table.column that name `tenantId`, the registry row included. */
async function rowsOf(tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of await tenantColumns()) {
    const [r] = await superuser<{ n: string }[]>`
      select count(*) as n from ${superuser(table)} where ${superuser(column)} = ${tenantId}`;
    counts[`${table}.${column}`] = Number(r!.n);
  }
  const [registry] = await superuser<
    { n: string }[]
  >`select count(*) as n from tenants where id = ${tenantId}`;
  counts["tenants.id"] = Number(registry!.n);
  return counts;
}

const stateAdmin = async () =>
  new ApiSession(t, await sessionCookie(t.client.db, state.id, state.users.state_admin!.id));

async function signIn(tenant: FixtureTenant, role: string) {
  return new ApiSession(t).call("auth.login", {
    tenantSlug: tenant.slug,
    email: tenant.users[role]!.email,
    password: TEST_PASSWORD,
  });
}

/** A Kommune with data in every module: users, sessions, an invitation, portfolio, maturity, evidence, rollout. */
async function fill(tenant: FixtureTenant) {
  await setUpPortfolioB(t, tenant);
  const measure = await createMeasure(t, tenant, { title: `Maßnahme ${randomUUID().slice(0, 6)}` });
  const coordinator = await sessionAs(t, tenant, "coordinator");
  await uploadEvidence(coordinator, measure.id, "Nachweis.pdf", pdfBytes());
  await coordinator.must("measures.setStatus", {
    id: measure.id,
    status: "completed",
    completedOn: "2026-10-01",
  });
  const strategy = await createStrategy(t, tenant);
  await (await sessionAs(t, tenant, "leadership")).must("strategies.approve", { id: strategy.id });
  await (await sessionAs(t, tenant, "admin")).must("users.invite", {
    email: `neu-${randomUUID().slice(0, 6)}@${tenant.slug}.test`,
    displayName: "Neue Person",
    role: "viewer",
  });
  const [service] = await superuser<{ id: string }[]>`
    select id from ozg_services where in_catalogue and municipal_execution
      and 'einheitsgemeinde' = any(responsible_kinds) order by id limit 1`;
  await coordinator.must("rollout.updateRecord", {
    serviceId: service!.id,
    expectedVersion: 0,
    status: "planning",
    reuseRoute: "efa_marketplace",
    note: "Planung läuft",
  });
  await coordinator.must("rollout.addComment", { serviceId: service!.id, body: "Frage an das Land" });
  // The state's comment lives in the state's tenant but names the Kommune.
  await (await sessionAs(t, state, "state_pmo")).must("rollout.addComment", {
    kommuneId: tenant.id,
    serviceId: service!.id,
    body: "Antwort des Landes",
  });
}

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  superuser = postgres(maintenance().MAINTENANCE_DATABASE_URL, { max: 2, onnotice: () => {} });
  state = await stateTenant(t.client.db);
  [doomed, bystander] = await Promise.all([
    createTenant(t.client.db, "loeschen"),
    createTenant(t.client.db, "bleibt"),
  ]);
  await fill(doomed);
  await fill(bystander);
});

afterAll(async () => {
  await superuser.end();
  await t.close();
});

describe("tenant deletion", () => {
  it("needs the Kennung typed as confirmation; a wrong one changes nothing", async () => {
    const r = await (await stateAdmin()).call("tenants.scheduleDeletion", {
      id: doomed.id,
      confirmSlug: "falsch",
    });
    expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(r.raw).toContain(`Zur Bestätigung bitte die Kennung „${doomed.slug}“ eingeben.`);
    expect((await signIn(doomed, "viewer")).ok).toBe(true);
  });

  it("marks the Kommune: its sessions end, nobody signs in, and the state can take it back", async () => {
    const viewer = await sessionAs(t, doomed, "viewer");
    const marked = await (await stateAdmin()).must<{ status: string; deletionDueAt: Date }>(
      "tenants.scheduleDeletion",
      { id: doomed.id, confirmSlug: doomed.slug },
    );
    expect(marked.status).toBe("deletion_pending");
    const days = (new Date(marked.deletionDueAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    expect(await viewer.call("account.me")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await signIn(doomed, "admin")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await new ApiSession(t).must("directory.tenantBySlug", { slug: doomed.slug })).toBeNull();
    // Suspending or reactivating is no way around the mark.
    const reactivate = await (await stateAdmin()).call("tenants.setStatus", {
      id: doomed.id,
      status: "active",
    });
    expect(reactivate).toMatchObject({ ok: false, code: "BAD_REQUEST" });

    await (await stateAdmin()).must("tenants.cancelDeletion", { id: doomed.id });
    expect((await signIn(doomed, "admin")).ok).toBe(true);
    const twice = await (await stateAdmin()).call("tenants.cancelDeletion", { id: doomed.id });
    expect(twice).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("keeps everything while the grace period runs", async () => {
    await (await stateAdmin()).must("tenants.scheduleDeletion", { id: doomed.id, confirmSlug: doomed.slug });
    const before = await rowsOf(doomed.id);
    const result = spatz(["purge-tenants"], maintenance());
    expect(result.out).toContain("0 Kommunen gelöscht");
    expect(result.code).toBe(0);
    expect(await rowsOf(doomed.id)).toEqual(before);
  });

  it("refuses to purge on the runtime role, which cannot see the Kommune's rows", () => {
    const result = spatz(["purge-tenants"], { MAINTENANCE_DATABASE_URL: inject("appUrl") });
    expect(result.code).toBe(1);
    expect(result.out).toContain("braucht die Wartungsrolle");
  });

  it("deletes every row of the Kommune after the date, audited by the state, and nothing of anyone else", async () => {
    const before = await rowsOf(doomed.id);
    // The Kommune really had data in the tables that matter (a purge of nothing would prove nothing). Its sessions
    // ended when it was marked.
    for (const column of [
      "users.tenant_id",
      "invitations.tenant_id",
      "audit_log.tenant_id",
      "projects.tenant_id",
      "measures.tenant_id",
      "measure_evidence_files.tenant_id",
      "strategy_versions.tenant_id",
      "rollout_records.tenant_id",
      "rollout_comments.tenant_id",
      "rollout_comments.kommune_tenant_id",
    ])
      expect(before[column], column).toBeGreaterThan(0);
    const bystanderBefore = await rowsOf(bystander.id);
    const [stateBefore] = await superuser<{ n: string }[]>`
      select count(*) as n from audit_log where tenant_id = ${STATE_TENANT_ID}`;

    // A Gemeinde the Kommune administers stays in the reference list, without the link.
    const [gemeinde] = await superuser<{ ags: string; tenantId: string | null }[]>`
      select ags, tenant_id as "tenantId" from municipalities order by ags limit 1`;
    await superuser`update municipalities set tenant_id = ${doomed.id} where ags = ${gemeinde!.ags}`;
    await superuser`update tenants set deletion_due_at = now() - interval '1 minute' where id = ${doomed.id}`;
    const result = spatz(["purge-tenants"], maintenance());
    expect(result.out).toContain(`(${doomed.slug}) endgültig gelöscht`);
    expect(result.code).toBe(0);

    const after = await rowsOf(doomed.id);
    expect(Object.keys(after).length).toBeGreaterThan(15);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await rowsOf(bystander.id)).toEqual(bystanderBefore);
    const [unlinked] = await superuser<{ tenantId: string | null }[]>`
      select tenant_id as "tenantId" from municipalities where ags = ${gemeinde!.ags}`;
    expect(unlinked).toEqual({ tenantId: null });
    await superuser`update municipalities set tenant_id = ${gemeinde!.tenantId} where ags = ${gemeinde!.ags}`;
    const audit = await superuser<
      { before: { slug: string }; after: { rowsDeleted: Record<string, number> } }[]
    >`
      select before, after from audit_log
      where tenant_id = ${STATE_TENANT_ID} and action = 'tenant.purge' and entity_id = ${doomed.id}`;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before.slug).toBe(doomed.slug);
    expect(audit[0]!.after.rowsDeleted.users).toBe(before["users.tenant_id"]);
    const [stateAfter] = await superuser<{ n: string }[]>`
      select count(*) as n from audit_log where tenant_id = ${STATE_TENANT_ID}`;
    expect(Number(stateAfter!.n)).toBe(Number(stateBefore!.n) + 1);
    expect((await signIn(bystander, "admin")).ok).toBe(true);
  });
});
