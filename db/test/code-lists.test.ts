// Code lists (roles, statuses, kinds) exist once, in @spatz/domain and @spatz/rollout; the schema takes them from
// there, and a CHECK constraint per column keeps any other value out of the database, whoever writes it.
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as schema from "../src/schema/index.ts";

let sql: postgres.Sql;
beforeAll(() => {
  sql = postgres(inject("ownerUrl"), { max: 1, onnotice: () => {} });
});
afterAll(() => sql.end());

const coded = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns
      .filter((column) => (column as { enumValues?: string[] }).enumValues?.length)
      .map((column) => ({
        table: config.name,
        column: column.name,
        values: (column as unknown as { enumValues: string[] }).enumValues,
      }));
  });

describe("code lists", () => {
  it("every coded column has a CHECK constraint with exactly its list", async () => {
    expect(coded.length).toBeGreaterThan(10);
    const checks = await sql<{ table: string; name: string; definition: string }[]>`
      select rel.relname as table, con.conname as name, pg_get_constraintdef(con.oid) as definition
      from pg_constraint con join pg_class rel on rel.oid = con.conrelid
      where con.contype = 'c' and rel.relnamespace = 'public'::regnamespace`;
    for (const { table, column, values } of coded) {
      const check = checks.find((c) => c.table === table && c.name === `${table}_${column}_check`);
      expect(check, `${table}.${column}`).toBeDefined();
      for (const value of values) expect(check!.definition, `${table}.${column}`).toContain(`'${value}'`);
    }
  });

  it("refuses an unknown value even from a superuser (a migration, a script, a manual fix)", async () => {
    const url = new URL(inject("superuserUrl"));
    url.pathname = new URL(inject("ownerUrl")).pathname;
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await expect(
        admin`insert into tenants (slug, name, kind) values ('bund', 'Bund', 'bundesland')`,
      ).rejects.toMatchObject({ code: "23514" });
      await expect(admin`update tenants set status = 'gesperrt' where kind = 'state'`).rejects.toMatchObject({
        code: "23514",
      });
    } finally {
      await admin.end();
    }
  });
});
