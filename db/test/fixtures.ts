// Test fixtures: tenants and users created the way the product creates them (as the state, in tenant transactions).
import { randomUUID } from "node:crypto";
import type { Database } from "../src/client.ts";
import { STATE_TENANT_ID } from "../src/constants.ts";
import { users } from "../src/schema/identity.ts";
import { tenants } from "../src/schema/tenants.ts";
import { withTenant } from "../src/tenant-tx.ts";

export async function createTestTenant(db: Database, label = "test"): Promise<{ id: string; slug: string }> {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const [row] = await withTenant(db, STATE_TENANT_ID, (tx) =>
    tx
      .insert(tenants)
      .values({ slug, name: `Testkommune ${slug}`, kind: "einheitsgemeinde" })
      .returning({ id: tenants.id }),
  );
  return { id: row!.id, slug };
}

export async function createTestUser(
  db: Database,
  tenantId: string,
  role: (typeof users.$inferInsert)["role"] = "admin",
) {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .insert(users)
      .values({ tenantId, email, displayName: `Test ${role}`, passwordHash: "x", role })
      .returning(),
  );
  return row!;
}
