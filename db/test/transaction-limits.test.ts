// What keeps one request from taking the pool down: no transaction inside another, a bounded wait for a connection,
// and the runtime role's time limits (statement, lock, idle in transaction).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { DatabaseBusyError, TenantContextError, withoutTenant, withTenant } from "../src/tenant-tx.ts";
import { createTestTenant } from "./fixtures.ts";

let client: DbClient;
let a: { id: string }, b: { id: string };

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 4 });
  a = await createTestTenant(client.db, "limits-a");
  b = await createTestTenant(client.db, "limits-b");
});
afterAll(() => client.close());

/** The first SQLSTATE in an error's cause chain (drizzle wraps the driver's error). */
function sqlState(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: string }).code;
    if (code) return code;
  }
  return undefined;
}

describe("no transaction inside another", () => {
  it("refuses a tenant transaction opened inside another, whatever the tenants", async () => {
    const inner = withTenant(client.db, a.id, () => withTenant(client.db, b.id, async () => "inner"));
    await expect(inner).rejects.toBeInstanceOf(TenantContextError);
    await expect(
      withTenant(client.db, a.id, () => withTenant(client.db, a.id, async () => 1)),
    ).rejects.toThrow(/inside the open transaction/);
    await expect(withoutTenant(client.db, () => withTenant(client.db, a.id, async () => 1))).rejects.toThrow(
      TenantContextError,
    );
  });

  it("refuses it also from work started inside the transaction without awaiting it there", async () => {
    let escaped: Promise<unknown> | undefined;
    await withTenant(client.db, a.id, async () => {
      escaped = new Promise((resolve) => setTimeout(resolve, 10)).then(() =>
        withTenant(client.db, b.id, async () => "late"),
      );
      escaped.catch(() => {});
    });
    await expect(escaped).rejects.toBeInstanceOf(TenantContextError);
  });

  it("allows transactions one after the other, and in parallel from separate flows", async () => {
    const first = await withTenant(client.db, a.id, async () => 1);
    const second = await withTenant(client.db, b.id, async () => 2);
    const parallel = await Promise.all([
      withTenant(client.db, a.id, async () => 3),
      withTenant(client.db, b.id, async () => 4),
    ]);
    expect([first, second, ...parallel]).toEqual([1, 2, 3, 4]);
  });
});

describe("waiting for a connection", () => {
  it("gives up after the acquire timeout with DatabaseBusyError and leaks no connection", async () => {
    const small = createDb(inject("appUrl"), { max: 1, acquireTimeoutMs: 200 });
    try {
      let release!: () => void;
      const held = withTenant(small.db, a.id, () => new Promise<void>((r) => (release = r)));
      await new Promise((r) => setTimeout(r, 50));
      await expect(withTenant(small.db, a.id, async () => "waited")).rejects.toBeInstanceOf(
        DatabaseBusyError,
      );
      release();
      await held;
      // The refused caller's connection request was granted late and handed straight back.
      expect(await withTenant(small.db, b.id, async () => "free again")).toBe("free again");
      expect(await withTenant(small.db, a.id, async () => "and again")).toBe("and again");
    } finally {
      await small.close();
    }
  });
});

describe("time limits of the runtime role", () => {
  it("has statement, lock and idle-in-transaction timeouts", async () => {
    const settings = await withTenant(client.db, a.id, async (tx) => {
      const rows = await tx.execute<{ name: string; setting: string; unit: string }>(
        sql`select name, setting, unit from pg_settings where name in ('statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout') order by name`,
      );
      return Object.fromEntries([...rows].map((r) => [r.name, `${r.setting}${r.unit}`]));
    });
    expect(settings).toEqual({
      idle_in_transaction_session_timeout: "30000ms",
      lock_timeout: "5000ms",
      statement_timeout: "15000ms",
    });
  });

  it("ends a statement that runs past the limit, and a job may raise it for one transaction only", async () => {
    const slow = withTenant(client.db, a.id, (tx) => tx.execute(sql`select pg_sleep(2)`), {
      statementTimeoutMs: 100,
    });
    const error = await slow.then(
      () => null,
      (e: unknown) => e,
    );
    expect(sqlState(error)).toBe("57014");
    const after = await withTenant(client.db, a.id, async (tx) => {
      const [row] = await tx.execute<{ statement_timeout: string }>(sql`show statement_timeout`);
      return row?.statement_timeout;
    });
    expect(after).toBe("15s");
  });

  it("a process may override the role's limits per connection", async () => {
    const strict = createDb(inject("appUrl"), { max: 1, lockTimeoutMs: 250 });
    try {
      const value = await withTenant(strict.db, a.id, async (tx) => {
        const [row] = await tx.execute<{ lock_timeout: string }>(sql`show lock_timeout`);
        return row?.lock_timeout;
      });
      expect(value).toBe("250ms");
    } finally {
      await strict.close();
    }
  });
});
