// Demo accounts: every tenant gets one user per role, all with the same documented password (README).

import type { Database } from "../client.ts";
import { STATE_TENANT_ID } from "../constants.ts";
import { type Role, users } from "../schema/identity.ts";
import { tenants } from "../schema/tenants.ts";
import { withTenant } from "../tenant-tx.ts";

export const DEMO_PASSWORD = "spatz-demo-2026";

export const DEMO_KOMMUNE_ACCOUNTS: { local: string; role: Role; displayName: string }[] = [
  { local: "admin", role: "admin", displayName: "Alex Admin" },
  { local: "leitung", role: "leadership", displayName: "Lena Leitung" },
  { local: "cdo", role: "coordinator", displayName: "Chris Koordination" },
  { local: "projekt", role: "project_lead", displayName: "Paula Projektleitung" },
  { local: "team", role: "viewer", displayName: "Tim Team" },
];

export const DEMO_STATE_ACCOUNTS: { email: string; role: Role; displayName: string }[] = [
  { email: "admin@land.example", role: "state_admin", displayName: "Sabine Landesadmin" },
  { email: "pmo@land.example", role: "state_pmo", displayName: "Peter Landes-PMO" },
];

export function demoEmail(local: string, tenantSlug: string): string {
  return `${local}@${tenantSlug}.example`;
}

/** Idempotent: existing demo accounts are left alone. `passwordHash` is hashed once by the caller (argon2 is slow). */
export async function seedDemoUsers(db: Database, passwordHash: string): Promise<number> {
  const all = await withTenant(db, STATE_TENANT_ID, (tx) =>
    tx.select({ id: tenants.id, slug: tenants.slug, kind: tenants.kind }).from(tenants),
  );
  let created = 0;
  for (const tenant of all) {
    const accounts =
      tenant.kind === "state"
        ? DEMO_STATE_ACCOUNTS
        : DEMO_KOMMUNE_ACCOUNTS.map((a) => ({
            email: demoEmail(a.local, tenant.slug),
            role: a.role,
            displayName: a.displayName,
          }));
    const rows = await withTenant(db, tenant.id, (tx) =>
      tx
        .insert(users)
        .values(
          accounts.map((a) => ({
            tenantId: tenant.id,
            email: a.email,
            displayName: a.displayName,
            role: a.role,
            passwordHash,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: users.id }),
    );
    created += rows.length;
  }
  return created;
}
