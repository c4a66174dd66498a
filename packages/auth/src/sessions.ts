// Sessions after the Lucia project's guidance: token = tenant.id.secret, only SHA-256(secret) stored, sliding idle
// expiry plus an absolute lifetime. See docs/adr/0003-sessions.md.
import { schema, type TenantTx } from "@spatz/db";
import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import { constantTimeEqual, randomToken, sha256 } from "./tokens.ts";

const { sessions, users, tenants } = schema;

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export type SessionToken = { tenantId: string; sessionId: string; secret: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PART = /^[a-z2-9]{24,64}$/;

export function parseSessionToken(token: string | undefined | null): SessionToken | null {
  if (!token || token.length > 200) return null;
  const [tenantId, sessionId, secret, extra] = token.split(".");
  if (extra !== undefined || !tenantId || !sessionId || !secret) return null;
  if (!UUID.test(tenantId) || !PART.test(sessionId) || !PART.test(secret)) return null;
  return { tenantId, sessionId, secret };
}

export function formatSessionToken(t: SessionToken): string {
  return `${t.tenantId}.${t.sessionId}.${t.secret}`;
}

export type NewSession = { token: string; expiresAt: Date };

export async function createSession(
  tx: TenantTx,
  input: { tenantId: string; userId: string; ipAddress?: string | null; userAgent?: string | null },
  policy: SessionPolicy,
  now = new Date(),
): Promise<NewSession> {
  const sessionId = randomToken(15);
  const secret = randomToken(20);
  const absoluteExpiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  const idleExpiresAt = new Date(
    Math.min(now.getTime() + policy.idleMinutes * 60_000, absoluteExpiresAt.getTime()),
  );
  await tx.insert(sessions).values({
    tenantId: input.tenantId,
    id: sessionId,
    userId: input.userId,
    secretHash: sha256(secret),
    createdAt: now,
    lastActiveAt: now,
    idleExpiresAt,
    absoluteExpiresAt,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return {
    token: formatSessionToken({ tenantId: input.tenantId, sessionId, secret }),
    expiresAt: absoluteExpiresAt,
  };
}

export type ValidSession = {
  sessionId: string;
  tenant: { id: string; slug: string; name: string; kind: (typeof tenants.$inferSelect)["kind"] };
  user: { id: string; email: string; displayName: string; role: (typeof users.$inferSelect)["role"] };
  expiresAt: Date;
  /** The idle window should slide (at most once a minute): call `touchSession` in a read-write transaction. */
  slideDue: boolean;
};

/**
 * Checks a token inside the tenant transaction it names (RLS scopes the lookup to that tenant) without writing, so it
 * also works in read-only transactions. Expired sessions, disabled users and suspended tenants are refused; expired
 * rows are removed by the hourly cleanup job.
 */
export async function readSession(
  tx: TenantTx,
  token: SessionToken,
  now = new Date(),
): Promise<ValidSession | null> {
  // Only the columns the check needs (this runs on every request; the password hash is never read here).
  const [row] = await tx
    .select({
      session: {
        id: sessions.id,
        secretHash: sessions.secretHash,
        idleExpiresAt: sessions.idleExpiresAt,
        absoluteExpiresAt: sessions.absoluteExpiresAt,
        lastActiveAt: sessions.lastActiveAt,
      },
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        status: users.status,
      },
      tenant: {
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        kind: tenants.kind,
        status: tenants.status,
      },
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.tenantId, token.tenantId), eq(sessions.id, token.sessionId)));
  if (!row) return null;
  const { session, user, tenant } = row;
  if (!constantTimeEqual(new Uint8Array(session.secretHash), sha256(token.secret))) return null;
  const expired = session.idleExpiresAt <= now || session.absoluteExpiresAt <= now;
  if (expired || user.status !== "active" || tenant.status !== "active") return null;
  return {
    sessionId: session.id,
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, kind: tenant.kind },
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
    expiresAt: session.absoluteExpiresAt,
    slideDue: now.getTime() - session.lastActiveAt.getTime() > 60_000,
  };
}

/** Slides the idle expiry (never past the absolute lifetime). */
export async function touchSession(
  tx: TenantTx,
  tenantId: string,
  sessionId: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<void> {
  const idle = new Date(now.getTime() + policy.idleMinutes * 60_000);
  await tx
    .update(sessions)
    .set({
      lastActiveAt: now,
      idleExpiresAt: sql`least(${idle.toISOString()}::timestamptz, ${sessions.absoluteExpiresAt})`,
    })
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
}

export async function deleteSession(tx: TenantTx, tenantId: string, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
}

/** Revokes every session of a user (password or role change, "überall abmelden"), optionally keeping one. */
export async function deleteUserSessions(
  tx: TenantTx,
  tenantId: string,
  userId: string,
  keepSessionId?: string,
): Promise<number> {
  const rows = await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        eq(sessions.userId, userId),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteTenantSessions(tx: TenantTx, tenantId: string): Promise<number> {
  const rows = await tx
    .delete(sessions)
    .where(eq(sessions.tenantId, tenantId))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteExpiredSessions(
  tx: TenantTx,
  tenantId: string,
  now = new Date(),
): Promise<number> {
  const rows = await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        or(lt(sessions.idleExpiresAt, now), lt(sessions.absoluteExpiresAt, now)),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function listUserSessions(tx: TenantTx, tenantId: string, userId: string) {
  return tx
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastActiveAt: sessions.lastActiveAt,
      idleExpiresAt: sessions.idleExpiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)))
    .orderBy(sessions.createdAt);
}
