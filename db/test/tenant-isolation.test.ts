// The same isolation promises checked directly in SQL, as the runtime role, through the tenant transaction.
// Test-only codes (not in the label list) mark the entries these tests look for.
import type { AuditAction } from "@spatz/domain";
import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeAudit } from "../src/audit.ts";
import { createDb, type DbClient } from "../src/client.ts";
import { STATE_TENANT_ID } from "../src/constants.ts";
import { auditLog } from "../src/schema/audit.ts";
import { users } from "../src/schema/identity.ts";
import { tenants } from "../src/schema/tenants.ts";
import { TenantContextError, withSavepoint, withTenant } from "../src/tenant-tx.ts";
import { createTestTenant, createTestUser } from "./fixtures.ts";

let client: DbClient;
let a: { id: string }, b: { id: string };
let userB: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 4 });
  a = await createTestTenant(client.db, "a");
  b = await createTestTenant(client.db, "b");
  await createTestUser(client.db, a.id);
  userB = await createTestUser(client.db, b.id);
});
afterAll(() => client.close());

describe("tenant transaction", () => {
  it("sees only its own tenant's rows", async () => {
    const rows = await withTenant(client.db, a.id, (tx) => tx.select().from(users));
    expect(rows.length).toBe(1);
    expect(rows.every((r) => r.tenantId === a.id)).toBe(true);
  });

  it("cannot read another tenant's row even by its real id", async () => {
    const rows = await withTenant(client.db, a.id, (tx) =>
      tx.select().from(users).where(eq(users.id, userB.id)),
    );
    expect(rows).toEqual([]);
  });

  it("cannot update or delete another tenant's row", async () => {
    const updated = await withTenant(client.db, a.id, (tx) =>
      tx.update(users).set({ displayName: "übernommen" }).where(eq(users.id, userB.id)).returning(),
    );
    const deleted = await withTenant(client.db, a.id, (tx) =>
      tx.delete(users).where(eq(users.id, userB.id)).returning(),
    );
    expect([updated, deleted]).toEqual([[], []]);
    const still = await withTenant(client.db, b.id, (tx) =>
      tx.select().from(users).where(eq(users.id, userB.id)),
    );
    expect(still[0]?.displayName).toBe(userB.displayName);
  });

  it("cannot write a row into another tenant", async () => {
    await expect(
      withTenant(client.db, a.id, (tx) =>
        tx.insert(users).values({
          tenantId: b.id,
          email: "x@example.test",
          displayName: "X",
          passwordHash: "x",
          role: "viewer",
        }),
      ),
    ).rejects.toThrow();
  });

  it("outside a tenant transaction the runtime role sees no tenant rows and cannot write", async () => {
    const rows = await client.db.select().from(users);
    expect(rows).toEqual([]);
    await expect(
      client.db.insert(users).values({
        tenantId: a.id,
        email: "y@example.test",
        displayName: "Y",
        passwordHash: "x",
        role: "viewer",
      }),
    ).rejects.toThrow();
  });

  it("after a tenant transaction the pooled connection holds no tenant", async () => {
    const single = createDb(inject("appUrl"), { max: 1 });
    try {
      await withTenant(single.db, a.id, async (tx) => tx.select().from(users));
      const [row] =
        await single.sql`select coalesce(current_setting('app.tenant_id', true), '') as t, (select count(*)::int from users) as n`;
      expect(row).toEqual({ t: "", n: 0 });
    } finally {
      await single.close();
    }
  });

  it("refuses to run inside a transaction left open on the connection", async () => {
    // A leaked transaction (the porsager/postgres#1189 kind) must not be joined: BEGIN inside it only warns, so the
    // tenant transaction checks that the transaction began with its own first message.
    const single = createDb(inject("appUrl"), { max: 1 });
    try {
      await single.sql.unsafe("begin");
      await expect(
        withTenant(single.db, a.id, (tx) => tx.select().from(users), { readOnly: true }),
      ).rejects.toBeInstanceOf(TenantContextError);
      // The failed tenant transaction rolled the leaked one back, and the connection works normally again.
      expect((await withTenant(single.db, a.id, (tx) => tx.select().from(users))).length).toBe(1);
    } finally {
      await single.close();
    }
  });

  it("a statement prepared in one tenant's transaction filters by the next tenant's setting", async () => {
    // Parameterless queries are prepared and planned once per connection (prepared-session.ts): the cached plan must
    // read the tenant at execution, never keep the first tenant's filter.
    const single = createDb(inject("appUrl"), { max: 1 });
    try {
      const countUsers = (tenantId: string) =>
        withTenant(single.db, tenantId, async (tx) => {
          const rows = await tx.select({ tenantId: users.tenantId }).from(users);
          const prepared = await tx.execute<{ statement: string }>(
            sql`select statement from pg_prepared_statements`,
          );
          return { rows, prepared: prepared.map((p) => p.statement) };
        });
      const inA = await countUsers(a.id);
      const inB = await countUsers(b.id);
      expect(inA.prepared).toContain('select "tenant_id" from "users"');
      expect(inA.rows.map((r) => r.tenantId)).toEqual([a.id]);
      expect(inB.rows.map((r) => r.tenantId)).toEqual([b.id]);
    } finally {
      await single.close();
    }
  });

  it("nested savepoints undo exactly their own work", async () => {
    const actions = await withTenant(client.db, a.id, async (tx) => {
      const audit = (action: string) =>
        writeAudit(
          tx,
          a.id,
          { userId: null, label: "Test" },
          { action: action as AuditAction, entityType: "user" },
        );
      await withSavepoint(tx, async () => {
        await audit("test.sp.outer-before");
        await withSavepoint(tx, async () => {
          await audit("test.sp.inner");
          throw new Error("inner");
        }).catch(() => {});
        await audit("test.sp.outer-after");
        throw new Error("outer");
      }).catch(() => {});
      await withSavepoint(tx, () => audit("test.sp.kept"));
      const rows = await tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(like(auditLog.action, "test.sp.%"));
      throw Object.assign(new Error("roll back the test's entries"), { rows });
    }).catch((error: { rows?: { action: string }[] }) => error.rows?.map((r) => r.action));
    expect(actions).toEqual(["test.sp.kept"]);
  });

  it("rejects a malformed tenant id before touching the database", async () => {
    await expect(withTenant(client.db, "'; drop table users; --", async () => 1)).rejects.toBeInstanceOf(
      TenantContextError,
    );
  });

  it("only the state may write the tenant registry", async () => {
    await expect(
      withTenant(client.db, a.id, (tx) =>
        tx.insert(tenants).values({ slug: "fremd", name: "Fremd", kind: "einheitsgemeinde" }),
      ),
    ).rejects.toThrow();
    const renamed = await withTenant(client.db, a.id, (tx) =>
      tx.update(tenants).set({ name: "Gekapert" }).where(eq(tenants.id, b.id)).returning(),
    );
    expect(renamed).toEqual([]);
    const [state] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.select().from(tenants).where(eq(tenants.id, STATE_TENANT_ID)),
    );
    expect(state?.kind).toBe("state");
  });

  it("rolls back the write and its audit entry together", async () => {
    await expect(
      withTenant(client.db, a.id, async (tx) => {
        await writeAudit(
          tx,
          a.id,
          { userId: null, label: "Test" },
          { action: "test.rollback" as AuditAction, entityType: "user" },
        );
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const entries = await withTenant(client.db, a.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "test.rollback")),
    );
    expect(entries).toEqual([]);
  });

  it("the runtime role can append to the audit log but never change it", async () => {
    await withTenant(client.db, a.id, (tx) =>
      writeAudit(
        tx,
        a.id,
        { userId: null, label: "Test" },
        {
          action: "test.append" as AuditAction,
          entityType: "user",
          after: { passwordHash: "geheim", name: "n" },
        },
      ),
    );
    const [entry] = await withTenant(client.db, a.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "test.append")),
    );
    expect(entry?.after).toEqual({ name: "n" });
    await expect(
      withTenant(client.db, a.id, (tx) => tx.execute(sql`update audit_log set action = 'x'`)),
    ).rejects.toThrow();
    await expect(
      withTenant(client.db, a.id, (tx) => tx.execute(sql`delete from audit_log`)),
    ).rejects.toThrow();
  });
});
