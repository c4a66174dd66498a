// Maturity data created through the API as the product creates it (org units, measures, strategies, model drafts).
import { randomUUID } from "node:crypto";
import { queries, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { and, eq } from "drizzle-orm";
import { ApiSession } from "./api-client.ts";
import { type FixtureTenant, sessionCookie } from "./fixtures.ts";
import type { TestApp } from "./server.ts";

export async function sessionAs(t: TestApp, tenant: FixtureTenant, role: string): Promise<ApiSession> {
  return new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));
}

/** A unit of its own at the top of the tree (the scope of a strategy or measures). */
export async function createOrgUnit(t: TestApp, tenant: FixtureTenant, name = "Fachbereich Test") {
  const s = await sessionAs(t, tenant, "coordinator");
  return s.must<{ id: string; name: string; code: string }>("orgUnits.create", {
    name,
    code: `FB ${randomUUID().slice(0, 6)}`,
    kind: "other",
    parentId: null,
  });
}

export async function createMeasure(
  t: TestApp,
  tenant: FixtureTenant,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; title: string }> {
  const s = await sessionAs(t, tenant, "coordinator");
  return s.must("measures.create", {
    title: `Maßnahme ${randomUUID().slice(0, 6)}`,
    criterionKeys: ["strategie.1.verantwortung"],
    ...fields,
  });
}

export async function createStrategy(
  t: TestApp,
  tenant: FixtureTenant,
  fields: Record<string, unknown> = {},
) {
  const unit = await createOrgUnit(t, tenant, "Amt mit Strategie");
  const s = await sessionAs(t, tenant, "coordinator");
  return s.must<{ id: string; orgUnitId: string }>("strategies.save", {
    orgUnitId: unit.id,
    title: "Digitalstrategie des Amtes",
    vision: "Ein digitales Amt",
    goals: ["Onlinedienste für alle Leistungen"],
    targets: [{ dimensionKey: "strategie", level: 2, dueOn: "2027-12-31" }],
    ...fields,
  });
}

type ModelView = {
  summary: { id: string; status: string };
  model: {
    name: string;
    dimensions: {
      key: string;
      name: string;
      description: string;
      weight: number;
      levels: {
        level: number;
        name: string;
        criteria: { key: string; title: string; explanation: string; validityMonths: number | null }[];
      }[];
    }[];
  };
};

/** The one draft of the model (created from the published version if there is none). */
export async function ensureDraft(t: TestApp, state: FixtureTenant): Promise<ModelView> {
  const s = await sessionAs(t, state, "state_admin");
  const list = await s.must<{ id: string; status: string }[]>("maturityModels.list");
  const draft =
    list.find((m) => m.status === "draft") ?? (await s.must<{ id: string }>("maturityModels.createDraft"));
  return s.must<ModelView>("maturityModels.get", { id: draft.id });
}

export async function discardDraftIfAny(t: TestApp, state: FixtureTenant): Promise<void> {
  const s = await sessionAs(t, state, "state_admin");
  const list = await s.must<{ id: string; status: string }[]>("maturityModels.list");
  const draft = list.find((m) => m.status === "draft");
  if (draft) await s.must("maturityModels.discardDraft", { id: draft.id });
}

/** Publishes an unchanged copy of the current version, so that Kommunen pinned to it have a newer one to adopt. */
export async function publishNewVersion(t: TestApp, state: FixtureTenant): Promise<void> {
  const draft = await ensureDraft(t, state);
  const s = await sessionAs(t, state, "state_admin");
  await s.must("maturityModels.publish", { id: draft.summary.id, mapping: {} });
}

export function draftInput(view: ModelView) {
  return { id: view.summary.id, name: view.model.name, dimensions: view.model.dimensions };
}

/**
 * Every active Einheitsgemeinde's maturity snapshot (the fixtures' kind; enough for published peer groups) and all
 * benchmark aggregates, as the nightly jobs leave them. Other kinds are left alone: test files share the database, and
 * integration/benchmark.test.ts relies on the Verbandsgemeinden staying below k.
 */
export async function refreshAllBenchmarks(t: TestApp): Promise<void> {
  const kommunen = await withTenant(t.client.db, STATE_TENANT_ID, (tx) =>
    tx
      .select({ id: schema.tenants.id })
      .from(schema.tenants)
      .where(and(eq(schema.tenants.kind, "einheitsgemeinde"), eq(schema.tenants.status, "active"))),
  );
  for (const { id } of kommunen)
    await withTenant(t.client.db, id, (tx) => queries.refreshMaturitySnapshot(tx, id));
  await withTenant(t.client.db, STATE_TENANT_ID, (tx) => queries.aggregateBenchmarks(tx, { scope: "all" }), {
    isolation: "repeatable read",
    statementTimeoutMs: 120_000,
  });
}
