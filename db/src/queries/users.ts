// Queries on users and invitations of the current tenant.
import { and, asc, count, desc, eq, gt, ilike, isNull, ne, or, sql } from "drizzle-orm";
import { invitations, type Role, users } from "../schema/identity.ts";
import type { TenantTx } from "../tenant-tx.ts";

/** The columns of a user that leave the server (never the password hash). */
export const publicUser = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  status: users.status,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export async function listUsers(tx: TenantTx, f: { search?: string; page: number; pageSize: number }) {
  const search = f.search?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const where = search
    ? or(ilike(users.email, `%${search}%`), ilike(users.displayName, `%${search}%`))
    : undefined;
  const [items, [total]] = await Promise.all([
    tx
      .select(publicUser)
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function getUser(tx: TenantTx, id: string) {
  const [row] = await tx.select(publicUser).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function getUserWithPassword(tx: TenantTx, email: string) {
  const [row] = await tx.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function countActiveAdmins(tx: TenantTx, role: Role, exceptUserId?: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.role, role),
        eq(users.status, "active"),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function listOpenInvitations(tx: TenantTx, now = new Date()) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      displayName: invitations.displayName,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      /** No inviter in the Kommune: the Land's administration invited (first or recovered administration). */
      byState: isNull(invitations.invitedBy).mapWith(Boolean),
    })
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt));
}

/**
 * How far a Kommune's set-up has come, for its administration's first-run checklist: someone to steer (a coordinator,
 * or an open invitation for one), an organisation, the maturity model in use, a first strategy.
 */
export async function setupProgress(tx: TenantTx) {
  const [row] = await tx.execute<{
    coordinators: number;
    coordinatorInvitations: number;
    orgUnits: number;
    modelAdopted: boolean;
    strategies: number;
  }>(sql`
    select
      (select count(*)::int from users where role = 'coordinator' and status = 'active') as coordinators,
      (select count(*)::int from invitations
        where role = 'coordinator' and accepted_at is null and revoked_at is null and expires_at > now())
        as "coordinatorInvitations",
      (select count(*)::int from org_units) as "orgUnits",
      exists (select 1 from maturity_settings) or exists (select 1 from measures) as "modelAdopted",
      (select count(*)::int from strategies) as strategies`);
  return row!;
}
