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

  it("is what the name columns sort by, and keeps equality exact", async () => {
    const rows = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ table: string; collation: string }>(sql`
        select c.relname as table, co.collname as collation
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_collation co on co.oid = a.attcollation
        where c.relname in ('tenants', 'ozg_services', 'projects', 'measures', 'org_units')
          and a.attname in ('name', 'title') and a.attnum > 0`),
    );
    expect(rows.length).toBe(5);
    for (const r of rows) expect(r.collation, r.table).toBe("spatz_de");
    const [equal] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.execute<{ same: boolean }>(sql`select ('Möser' collate spatz_de) = 'Moser' as same`),
    );
    expect(equal!.same).toBe(false);
  });
});
