// Tenants and users for cross-tenant tests, created as the product creates them (state writes the registry).
import { randomUUID } from "node:crypto";
import { createSession, hashPassword } from "@spatz/auth";
import { type Database, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { KOMMUNE_ROLES, type Role, STATE_ROLES, type TenantKind } from "@spatz/domain";
import { eq } from "drizzle-orm";

export const TEST_PASSWORD = "test-passwort-123";
let passwordHash: Promise<string> | null = null;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export type FixtureUser = { id: string; email: string; role: Role; displayName: string };
export type FixtureTenant = {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  users: Record<string, FixtureUser>;
};

export async function createTenant(
  db: Database,
  label: string,
  kind: Exclude<TenantKind, "state"> = "einheitsgemeinde",
): Promise<FixtureTenant> {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const name = `Testkommune ${label.toUpperCase()} ${slug.slice(-8)}`;
  const [row] = await withTenant(db, STATE_TENANT_ID, (tx) =>
    tx.insert(schema.tenants).values({ slug, name, kind }).returning({ id: schema.tenants.id }),
  );
  const tenant: FixtureTenant = { id: row!.id, slug, name, kind, users: {} };
  await addUsers(db, tenant, KOMMUNE_ROLES);
  return tenant;
}

export async function stateTenant(db: Database): Promise<FixtureTenant> {
  const tenant: FixtureTenant = {
    id: STATE_TENANT_ID,
    slug: "land-sachsen-anhalt",
    name: "Land Sachsen-Anhalt",
    kind: "state",
    users: {},
  };
  await addUsers(db, tenant, STATE_ROLES);
  return tenant;
}

async function addUsers(db: Database, tenant: FixtureTenant, roles: readonly Role[]) {
  const hash = await hashed();
  await withTenant(db, tenant.id, async (tx) => {
    for (const role of roles) {
      const email = `${role}-${randomUUID().slice(0, 6)}@${tenant.slug}.test`;
      const displayName = `${role} ${tenant.slug}`;
      const [u] = await tx
        .insert(schema.users)
        .values({ tenantId: tenant.id, email, displayName, role, passwordHash: hash })
        .returning({ id: schema.users.id });
      tenant.users[role] = { id: u!.id, email, role, displayName };
    }
  });
}

export async function addUser(db: Database, tenant: FixtureTenant, role: Role): Promise<FixtureUser> {
  const hash = await hashed();
  const email = `extra-${randomUUID().slice(0, 8)}@${tenant.slug}.test`;
  const [u] = await withTenant(db, tenant.id, (tx) =>
    tx
      .insert(schema.users)
      .values({ tenantId: tenant.id, email, displayName: `Extra ${role}`, role, passwordHash: hash })
      .returning(),
  );
  return { id: u!.id, email, role, displayName: u!.displayName };
}

/** A session cookie for a user, created directly (argon2 per login would make the matrix slow). */
export async function sessionCookie(db: Database, tenantId: string, userId: string): Promise<string> {
  const session = await withTenant(db, tenantId, (tx) =>
    createSession(tx, { tenantId, userId }, { idleMinutes: 120, absoluteHours: 12 }),
  );
  return `spatz_session=${session.token}`;
}

/** A Kommune whose administration has left (its admin account disabled): the Land may invite a new one. */
export async function createTenantWithoutAdmin(db: Database, label: string): Promise<FixtureTenant> {
  const tenant = await createTenant(db, label);
  await withTenant(db, tenant.id, (tx) =>
    tx.update(schema.users).set({ status: "disabled" }).where(eq(schema.users.id, tenant.users.admin!.id)),
  );
  return tenant;
}
