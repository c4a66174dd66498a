// Names sort the German way (migration 0029): umlauts among their letters, numbers by value, whatever the server's
// locale; and equality stays exact (the collation is deterministic).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { STATE_TENANT_ID } from "../src/constants.ts";
import { withTenant } from "../src/tenant-tx.ts";

let client: DbClient;
beforeAll(() => {
  client = createDb(inject("appUrl"), { max: 2 });
});
afterAll(() => client.close());

describe("German collation of names", () => {
  it("sorts Möser before Muldestausee, Ärztekammer among the A's and Amt 2 before Amt 10", async () => {
    const names = ["Muldestausee", "Möser", "Zerbst", "Ärztekammer", "Amt 10", "Amt 2", "Aken"];
    const sorted = await withTenant(client.db, STATE_TENANT_ID, async (tx) => {
      const rows = await tx.execute<{ name: string }>(sql`
        select name from (select unnest(${sql.param(names)}::text[]) collate spatz_de as name) n order by name`);
      return rows.map((r) => r.name);
    });
    expect(sorted).toEqual(["Aken", "Amt 2", "Amt 10", "Ärztekammer", "Möser", "Muldestausee", "Zerbst"]);
  });

  it("is what every name and title column sorts by (migrations 0029, 0040), and keeps equality exact", async () => {
    const rows = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ column: string; collation: string }>(sql`
        select c.relname || '.' || a.attname as column, co.collname as collation
        from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          join pg_collation co on co.oid = a.attcollation
        where n.nspname = 'public' and c.relkind = 'r' and a.atttypid = 'text'::regtype
          and a.attname ~ '(^|_)(name|title)$' and a.attnum > 0 and not a.attisdropped`),
    );
    // A new table's name column must not slip through: there are dozens, among them the lists' main ones.
    expect(rows.length).toBeGreaterThan(40);
    for (const main of [
      "tenants.name",
      "ozg_services.name",
      "projects.name",
      "measures.title",
      "strategies.title",
    ])
      expect(rows.map((r) => r.column)).toContain(main);
    expect(rows.filter((r) => r.collation !== "spatz_de").map((r) => r.column)).toEqual([]);
    const [equal] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ same: boolean }>(sql`select ('Möser' collate spatz_de) = 'Moser' as same`),
    );
    expect(equal!.same).toBe(false);
  });
});
