// The org tree both demo seeds share: a unit is found by its parent and code (codes repeat across parents), the
// second seed reuses what the first created, a rerun creates nothing, and two seeds at once do not collide.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { orgUnits } from "../src/schema/org-units.ts";
import { DEMO_ORG_TREES, ensureOrgUnits, gbTree, type SeedOrgUnit } from "../src/seed/demo-org-units.ts";
import { withTenant } from "../src/tenant-tx.ts";
import { createTestTenant } from "./fixtures.ts";

let client: DbClient;
beforeAll(() => {
  client = createDb(inject("appUrl"), { max: 4 });
});
afterAll(() => client.close());

const halle = gbTree(DEMO_ORG_TREES["halle-saale"]!);
/** What a maturity plan adds: a unit below an existing R (kind "other") and a new GB with a "Quer" of its own. */
const maturity: SeedOrgUnit[] = [
  { code: "OB", name: "anders benannt", parent: null },
  { code: "II", name: "GB II", parent: null },
  { code: "53", name: "Gesundheitsamt", parent: "II" },
  { code: "53.1", name: "Infektionsschutz", parent: "II/53" },
  { code: "V", name: "Geschäftsbereich V", parent: null },
  { code: "Quer", name: "Querschnitt V", parent: "V" },
];

describe("shared demo org units", () => {
  it("creates a tree once, reuses units by parent and code, and keeps codes apart across parents", async () => {
    const tenant = await createTestTenant(client.db, "orgtree");
    const first = await withTenant(client.db, tenant.id, (tx) => ensureOrgUnits(tx, tenant.id, halle));
    expect(first.size).toBe(halle.length);
    expect(first.get("ALL/Quer")).not.toBe(first.get("OB/Quer"));

    const second = await withTenant(client.db, tenant.id, (tx) => ensureOrgUnits(tx, tenant.id, maturity));
    expect(second.get("OB")).toBe(first.get("OB"));
    expect(second.get("II/53")).toBe(first.get("II/53"));
    const again = await withTenant(client.db, tenant.id, async (tx) => {
      await ensureOrgUnits(tx, tenant.id, [...halle, ...maturity]);
      return tx.select().from(orgUnits);
    });
    expect(again).toHaveLength(halle.length + 3);
    const byId = new Map(again.map((u) => [u.id, u]));
    expect(byId.get(second.get("II/53/53.1")!)).toMatchObject({
      kind: "other",
      parentId: first.get("II/53"),
    });
    expect(byId.get(second.get("V/Quer")!)).toMatchObject({ kind: "r", parentId: second.get("V") });
    // An existing unit keeps its name: the first seed's wording wins.
    expect(byId.get(first.get("OB")!)!.name).toBe("Geschäftsbereich Oberbürgermeister");
  });

  it("lets two seeds build the same tree at the same time without duplicates", async () => {
    const tenant = await createTestTenant(client.db, "orgrace");
    const [a, b] = await Promise.all([
      withTenant(client.db, tenant.id, (tx) => ensureOrgUnits(tx, tenant.id, halle)),
      withTenant(client.db, tenant.id, (tx) => ensureOrgUnits(tx, tenant.id, halle)),
    ]);
    expect([...b.entries()]).toEqual([...a.entries()]);
    const rows = await withTenant(client.db, tenant.id, (tx) => tx.select().from(orgUnits));
    expect(rows).toHaveLength(halle.length);
  });
});
