// The isolation promise checked directly in SQL, as the runtime role, for every tenant table the catalog knows
// (every table with a "<table>_tenant_isolation" policy): inside tenant A's transaction no row of another tenant can be
// read, changed, deleted or written. A tenant table without rows of other tenants makes this test fail, so every new
// module must give it data (add a fixture below).

import { randomUUID } from "node:crypto";
import { createInvitation, createSession } from "@spatz/auth";
import {
  createDb,
  type DbClient,
  DEFAULT_MODEL_ID,
  queries,
  schema,
  withTenant,
  writeAudit,
} from "@spatz/db";
import type { AuditAction } from "@spatz/domain";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant } from "../src/fixtures.ts";
import { projectFixture, proposalFixture, savedFilterFixture } from "../src/portfolio.ts";

let app: DbClient;
let admin: postgres.Sql;
let a: FixtureTenant;
let tables: string[] = [];

beforeAll(async () => {
  app = createDb(inject("appUrl"), { max: 4 });
  admin = postgres(
    inject("superuserUrl").replace(/\/postgres$/, `/${new URL(inject("appUrl")).pathname.slice(1)}`),
    { max: 2, onnotice: () => {} },
  );
  a = await createTenant(app.db, "probe-a");
  const b = await createTenant(app.db, "probe-b");
  // Give tenant B a row in every identity table.
  await withTenant(app.db, b.id, async (tx) => {
    await createSession(
      tx,
      { tenantId: b.id, userId: b.users.admin!.id },
      { idleMinutes: 60, absoluteHours: 1 },
    );
    await createInvitation(tx, {
      tenantId: b.id,
      email: `probe-${randomUUID().slice(0, 6)}@b.test`,
      displayName: "Probe",
      role: "viewer",
      invitedBy: null,
    });
    await writeAudit(
      tx,
      b.id,
      { userId: null, label: "Test" },
      { action: "test.probe" as AuditAction, entityType: "user" },
    );
  });
  // In every portfolio table (the project comes with org units and a milestone) …
  const project = await projectFixture(app.db, b.id);
  await proposalFixture(app.db, b.id, { submittedBy: b.users.project_lead!.id });
  await savedFilterFixture(app.db, b.id, b.users.coordinator!.id);
  await withTenant(app.db, b.id, (tx) =>
    queries.setStandard(tx, b.id, { userId: null, label: "Test" }, project.projectId, "charter", true),
  );
  // … and in every maturity table: the pinned model, a measure its project delivers (with an evidence file), a
  // strategy with a version.
  await withTenant(app.db, b.id, async (tx) => {
    await tx.insert(schema.maturitySettings).values({ tenantId: b.id, modelId: DEFAULT_MODEL_ID });
    const [measure] = await tx
      .insert(schema.measures)
      .values({
        tenantId: b.id,
        title: "Probe",
        orgUnitId: project.rId,
        projectId: project.projectId,
        criterionKeys: ["strategie.1.verantwortung"],
      })
      .returning();
    await queries.addEvidenceFile(tx, b.id, { userId: b.users.coordinator!.id, label: "Test" }, measure!, {
      fileName: "Probe.pdf",
      bytes: new TextEncoder().encode("%PDF-1.4\n% Probe\n%%EOF\n"),
    });
    const [strategy] = await tx
      .insert(schema.strategies)
      .values({ tenantId: b.id, orgUnitId: project.rId, title: "Probe" })
      .returning();
    await tx.insert(schema.strategyVersions).values({
      tenantId: b.id,
      strategyId: strategy!.id,
      version: 1,
      title: "Probe",
      vision: "",
      goals: [],
      targets: [],
      modelId: DEFAULT_MODEL_ID,
      approvedOn: "2025-01-01",
      approvedByName: "Probe",
    });
  });
  const rows = await admin<{ table: string }[]>`
    select tablename as table from pg_policies where schemaname = 'public' and policyname = tablename || '_tenant_isolation' order by 1`;
  tables = rows.map((r) => r.table);
});
afterAll(async () => {
  await app.close();
  await admin.end();
});

const RLS_VIOLATION = "42501";

describe("SQL probes as the runtime role", () => {
  it("finds the tenant tables", () => {
    expect(tables).toEqual(expect.arrayContaining(["users", "sessions", "invitations", "audit_log"]));
  });

  it("every tenant table holds rows of other tenants, so the probes below are meaningful", async () => {
    for (const table of tables) {
      const [row] = await admin.unsafe(`select count(*)::int as n from "${table}" where tenant_id <> $1`, [
        a.id,
      ]);
      expect({ table, others: row!.n > 0 }).toEqual({ table, others: true });
    }
  });

  it("cannot read, update or delete another tenant's rows", async () => {
    for (const table of tables) {
      const seen = await withTenant(app.db, a.id, (tx) =>
        tx.execute<{ n: number }>(
          sql.raw(`select count(*)::int as n from "${table}" where tenant_id <> '${a.id}'`),
        ),
      );
      expect({ table, seen: seen[0]!.n }).toEqual({ table, seen: 0 });
      for (const statement of [
        `update "${table}" set tenant_id = tenant_id where tenant_id <> '${a.id}'`,
        `delete from "${table}" where tenant_id <> '${a.id}'`,
      ]) {
        const outcome = await withTenant(app.db, a.id, async (tx) => {
          const result = await tx.execute(sql.raw(statement));
          throw Object.assign(new Error("rollback probe"), { affected: result.count });
        }).catch(
          (e: { affected?: number; cause?: { code?: string }; code?: string }) =>
            e.affected ?? e.cause?.code ?? e.code,
        );
        // Either nothing is visible to change, or the role may not change this table at all (append-only audit log).
        expect({ table, statement: statement.split(" ")[0], outcome }).toSatisfy(
          (o: { outcome: unknown }) => o.outcome === 0 || o.outcome === RLS_VIOLATION,
        );
      }
    }
  });

  it("cannot write a copy of another tenant's row", async () => {
    for (const table of tables) {
      const [row] = await admin.unsafe(
        `select row_to_json(t)::text as json from "${table}" t where tenant_id <> $1 limit 1`,
        [a.id],
      );
      const json = (row!.json as string).replaceAll("'", "''");
      const code = await withTenant(app.db, a.id, (tx) =>
        tx.execute(
          sql.raw(
            `insert into "${table}" overriding system value select * from json_populate_record(null::"${table}", '${json}')`,
          ),
        ),
      ).then(
        () => "inserted",
        (e: { cause?: { code?: string }; code?: string }) => e.cause?.code ?? e.code,
      );
      expect({ table, code }).toEqual({ table, code: RLS_VIOLATION });
    }
  });
});
