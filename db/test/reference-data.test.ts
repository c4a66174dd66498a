import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { STATE_TENANT_ID } from "../src/constants.ts";
import { municipalities, tenants } from "../src/schema/tenants.ts";
import { loadTenants } from "../src/seed/load-tenants.ts";
import { displayName, loadReferenceData, slugify } from "../src/seed/reference-data.ts";
import { withTenant } from "../src/tenant-tx.ts";

describe("reference data", () => {
  it("yields 133 Kommunen: 3 kreisfreie Städte, 11 Landkreise, 101 Einheitsgemeinden, 18 Verbandsgemeinden", () => {
    const { kommunen, municipalities } = loadReferenceData();
    const byKind: Record<string, number> = {};
    for (const k of kommunen) byKind[k.kind] = (byKind[k.kind] ?? 0) + 1;
    expect(kommunen.length).toBe(133);
    expect(byKind).toEqual({
      kreisfreie_stadt: 3,
      landkreis: 11,
      einheitsgemeinde: 101,
      verbandsgemeinde: 18,
    });
    expect(municipalities.length).toBe(218);
    const halle = kommunen.find((k) => k.ags === "15002000");
    expect(halle).toMatchObject({
      slug: "halle-saale",
      name: "Stadt Halle (Saale)",
      population: 238762,
      kreisAgs: "15002",
    });
    const harz = kommunen.find((k) => k.ags === "15085");
    expect(harz).toMatchObject({
      slug: "landkreis-harz",
      name: "Landkreis Harz",
      kind: "landkreis",
      population: 213310,
    });
  });

  it("writes readable slugs and names", () => {
    expect(slugify("Dessau-Roßlau")).toBe("dessau-rosslau");
    expect(slugify("Verbandsgemeinde Droyßiger-Zeitzer Forst")).toBe(
      "verbandsgemeinde-droyssiger-zeitzer-forst",
    );
    expect(displayName("Eisleben, Lutherstadt")).toBe("Lutherstadt Eisleben");
    expect(displayName("Barleben")).toBe("Gemeinde Barleben");
  });
});

describe("loadTenants", () => {
  let client: DbClient;
  beforeAll(() => {
    client = createDb(inject("appUrl"), { max: 2 });
  });
  afterAll(() => client.close());

  it("loads all Kommunen and Gemeinden idempotently, keeping names edited by the state", async () => {
    await loadTenants(client.db);
    await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx
        .update(tenants)
        .set({ name: "Stadt Halle (Saale) – umbenannt" })
        .where(eq(tenants.slug, "halle-saale")),
    );
    await loadTenants(client.db);
    const rows = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx
        .select({ kind: tenants.kind, n: sql<number>`count(*)::int` })
        .from(tenants)
        .where(sql`${tenants.ags} ~ '^15[0-9]{3}'`)
        .groupBy(tenants.kind),
    );
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.n]))).toEqual({
      kreisfreie_stadt: 3,
      landkreis: 11,
      einheitsgemeinde: 101,
      verbandsgemeinde: 18,
    });
    const [halle] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.select().from(tenants).where(eq(tenants.slug, "halle-saale")),
    );
    expect(halle?.name).toBe("Stadt Halle (Saale) – umbenannt");
    const members = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx
        .select()
        .from(municipalities)
        .innerJoin(tenants, eq(tenants.id, municipalities.tenantId))
        .where(eq(tenants.kind, "verbandsgemeinde")),
    );
    expect(members.length).toBe(114);
  });
});
