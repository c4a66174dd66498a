// Accounts of a tenant: invitations, roles, status, password changes, and what a sign-in or an accepted invitation
// writes. Each function runs inside the caller's tenant transaction and writes its audit entry there; refusals are
// DomainErrors with German messages.
import { type Actor, queries, schema, type TenantTx, writeAudit } from "@spatz/db";
import { DomainError, rolesForTenantKind } from "@spatz/domain";
import { and, eq } from "drizzle-orm";
import { createInvitation, findOpenInvitation } from "./invitations.ts";
import {
  createSession,
  deleteSession,
  deleteTenantSessions,
  deleteUserSessions,
  listUserSessions,
  type NewSession,
  type SessionPolicy,
} from "./sessions.ts";

const { users, invitations } = schema;

/** Who acts, in which tenant. */
export type AccountActor = { tenantId: string; tenantKind: schema.TenantKind; userId: string; actor: Actor };

/** Where a new session comes from (stored with it, shown in "Angemeldete Geräte"). */
export type SessionOrigin = { ipAddress: string; userAgent: string | null; policy: SessionPolicy };

function assertRoleFits(kind: schema.TenantKind, role: schema.Role) {
  if (!rolesForTenantKind(kind).includes(role))
    throw new DomainError("BAD_REQUEST", "Diese Rolle gibt es in dieser Verwaltung nicht.", "role");
}

async function assertKeepsAnAdmin(tx: TenantTx, role: schema.Role, userId: string) {
  if ((await queries.countActiveAdmins(tx, role, userId)) === 0)
    throw new DomainError("CONFLICT", "Die letzte aktive Administration kann nicht entfernt werden.");
}

const isAdminRole = (role: schema.Role) => role === "admin" || role === "state_admin";

export async function inviteUser(
  tx: TenantTx,
  by: AccountActor,
  input: { email: string; displayName: string; role: schema.Role },
) {
  assertRoleFits(by.tenantKind, input.role);
  if (await queries.getUserWithPassword(tx, input.email))
    throw new DomainError("CONFLICT", "Für diese E-Mail-Adresse besteht bereits ein Konto.", "email");
  const invitation = await createInvitation(tx, { tenantId: by.tenantId, ...input, invitedBy: by.userId });
  await writeAudit(tx, by.tenantId, by.actor, {
    action: "invitation.create",
    entityType: "invitation",
    entityId: invitation.id,
    after: { ...input, expiresAt: invitation.expiresAt },
  });
  return invitation;
}

export async function revokeInvitation(tx: TenantTx, by: AccountActor, id: string) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, id), eq(invitations.tenantId, by.tenantId)))
    .returning({ id: invitations.id, email: invitations.email });
  if (!row) throw new DomainError("NOT_FOUND", "Diese Einladung gibt es nicht.");
  // A mail not yet sent would carry a link that no longer works.
  await queries.dropUnsentMail(tx, queries.invitationMailKey(row.id));
  await writeAudit(tx, by.tenantId, by.actor, {
    action: "invitation.revoke",
    entityType: "invitation",
    entityId: row.id,
    before: { email: row.email },
  });
}

/** A new role ends the person's sessions, so that the new rights apply at once. */
export async function changeUserRole(tx: TenantTx, by: AccountActor, userId: string, role: schema.Role) {
  assertRoleFits(by.tenantKind, role);
  if (userId === by.userId)
    throw new DomainError("BAD_REQUEST", "Die eigene Rolle kann nicht geändert werden.");
  const before = await queries.getUser(tx, userId);
  if (!before) throw new DomainError("NOT_FOUND", "Dieses Konto gibt es nicht.");
  if (before.role === role) return before;
  if (isAdminRole(before.role)) await assertKeepsAnAdmin(tx, before.role, before.id);
  await tx
    .update(users)
    .set({ role })
    .where(and(eq(users.tenantId, by.tenantId), eq(users.id, userId)));
  const revoked = await deleteUserSessions(tx, by.tenantId, userId);
  await writeAudit(tx, by.tenantId, by.actor, {
    action: "user.role_change",
    entityType: "user",
    entityId: userId,
    before: { role: before.role },
    after: { role, sessionsRevoked: revoked },
  });
  return { ...before, role };
}

export async function setUserStatus(
  tx: TenantTx,
  by: AccountActor,
  userId: string,
  status: "active" | "disabled",
) {
  if (userId === by.userId)
    throw new DomainError("BAD_REQUEST", "Das eigene Konto kann nicht deaktiviert werden.");
  const before = await queries.getUser(tx, userId);
  if (!before) throw new DomainError("NOT_FOUND", "Dieses Konto gibt es nicht.");
  if (before.status === status) return before;
  if (status === "disabled" && isAdminRole(before.role)) await assertKeepsAnAdmin(tx, before.role, before.id);
  await tx
    .update(users)
    .set({ status })
    .where(and(eq(users.tenantId, by.tenantId), eq(users.id, userId)));
  if (status === "disabled") await deleteUserSessions(tx, by.tenantId, userId);
  await writeAudit(tx, by.tenantId, by.actor, {
    action: status === "disabled" ? "user.disable" : "user.enable",
    entityType: "user",
    entityId: userId,
    before: { status: before.status },
    after: { status },
  });
  return { ...before, status };
}

/** The stored password hash of an account, to verify the current password before a change. */
export async function passwordHashOf(tx: TenantTx, tenantId: string, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return row?.passwordHash ?? null;
}

/** Stores a new password (already checked and hashed), ends every session of the person and opens a fresh one. */
export async function replacePassword(
  tx: TenantTx,
  by: AccountActor,
  passwordHash: string,
  origin: SessionOrigin,
): Promise<NewSession> {
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date() })
    .where(and(eq(users.tenantId, by.tenantId), eq(users.id, by.userId)));
  await deleteUserSessions(tx, by.tenantId, by.userId);
  const session = await createSession(
    tx,
    { tenantId: by.tenantId, userId: by.userId, ipAddress: origin.ipAddress, userAgent: origin.userAgent },
    origin.policy,
  );
  await writeAudit(tx, by.tenantId, by.actor, {
    action: "user.password_change",
    entityType: "user",
    entityId: by.userId,
  });
  return session;
}

type SignInCandidate = { id: string; passwordHash: string };

/**
 * The second step of a sign-in, after the password was verified outside any transaction: the account is read again
 * (it may have been disabled or given a new password meanwhile), then the session is opened and audited.
 */
export async function openSignedInSession(
  tx: TenantTx,
  tenantId: string,
  email: string,
  candidate: SignInCandidate,
  origin: SessionOrigin & { requestId: string },
) {
  const user = await queries.getUserWithPassword(tx, email);
  if (user?.id !== candidate.id || user.status !== "active" || user.passwordHash !== candidate.passwordHash)
    return null;
  const session = await createSession(
    tx,
    { tenantId, userId: user.id, ipAddress: origin.ipAddress, userAgent: origin.userAgent },
    origin.policy,
  );
  await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await writeAudit(
    tx,
    tenantId,
    { userId: user.id, label: user.email, requestId: origin.requestId },
    { action: "auth.login", entityType: "user", entityId: user.id },
  );
  return { session, user: { id: user.id, displayName: user.displayName, role: user.role } };
}

/**
 * Turns an open invitation into an account with the given (checked, hashed) password and a session. "exists" when
 * the address has an account already; null when the invitation is unknown, used, revoked or expired (also when two
 * tabs accept at once: the conditional update lets one win).
 */
export async function acceptInvitation(
  tx: TenantTx,
  tenantId: string,
  token: string,
  passwordHash: string,
  origin: SessionOrigin & { requestId: string },
) {
  const invitation = await findOpenInvitation(tx, token);
  if (!invitation) return null;
  if (await queries.getUserWithPassword(tx, invitation.email)) return "exists" as const;
  const [user] = await tx
    .insert(users)
    .values({
      tenantId,
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      passwordHash,
    })
    .returning();
  const used = await tx
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.id, invitation.id), eq(invitations.tenantId, tenantId)))
    .returning({ id: invitations.id });
  if (used.length !== 1) return null;
  await writeAudit(
    tx,
    tenantId,
    { userId: user!.id, label: user!.email, requestId: origin.requestId },
    {
      action: "invitation.accept",
      entityType: "user",
      entityId: user!.id,
      after: { email: user!.email, role: user!.role, displayName: user!.displayName },
    },
  );
  const session = await createSession(
    tx,
    { tenantId, userId: user!.id, ipAddress: origin.ipAddress, userAgent: origin.userAgent },
    origin.policy,
  );
  return { session, user: user! };
}

/** Ends one of the person's own sessions (another device, or this one). */
export async function revokeOwnSession(tx: TenantTx, by: AccountActor, sessionId: string) {
  const mine = await listUserSessions(tx, by.tenantId, by.userId);
  if (!mine.some((s) => s.id === sessionId))
    throw new DomainError("NOT_FOUND", "Diese Sitzung gibt es nicht (mehr).");
  await deleteSession(tx, by.tenantId, sessionId);
  await writeAudit(tx, by.tenantId, by.actor, {
    action: "session.revoke",
    entityType: "user",
    entityId: by.userId,
  });
}

/** "Überall abmelden": every session of the person ends, this one included. */
export async function revokeAllOwnSessions(tx: TenantTx, by: AccountActor): Promise<number> {
  const count = await deleteUserSessions(tx, by.tenantId, by.userId);
  await writeAudit(tx, by.tenantId, by.actor, {
    action: "session.revoke_all",
    entityType: "user",
    entityId: by.userId,
    after: { revoked: count },
  });
  return count;
}

/** Signing out: the session ends, audited. */
export async function signOut(tx: TenantTx, by: AccountActor, sessionId: string) {
  await deleteSession(tx, by.tenantId, sessionId);
  await writeAudit(tx, by.tenantId, by.actor, {
    action: "auth.logout",
    entityType: "user",
    entityId: by.userId,
  });
}

/**
 * The Kommune's side of a change the Land made (suspension, deletion mark): its sessions end, and its own audit log
 * records who of the Land did it.
 */
export async function endSessionsByState(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  action: "tenant.suspended_by_state" | "tenant.deletion_scheduled_by_state",
  details: Record<string, unknown> = {},
): Promise<number> {
  const sessionsEnded = await deleteTenantSessions(tx, tenantId);
  await writeAudit(tx, tenantId, actor, {
    action,
    entityType: "tenant",
    entityId: tenantId,
    after: { ...details, sessionsEnded },
  });
  return sessionsEnded;
}

/**
 * The Kommune's side of the Land inviting its first (or a lost) administration: only where no administration is
 * active, for an address without an account; recorded in the Kommune's own audit log.
 */
export async function inviteAdministrationByState(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  input: { email: string; displayName: string },
) {
  if (await queries.countActiveAdmins(tx, "admin"))
    throw new DomainError(
      "CONFLICT",
      "Diese Verwaltung hat bereits eine aktive Administration. Weitere Administratorinnen und Administratoren lädt " +
        "sie selbst ein; das Land richtet nur die erste Administration ein oder stellt sie wieder her, wenn keine " +
        "mehr aktiv ist.",
    );
  if (await queries.getUserWithPassword(tx, input.email))
    throw new DomainError("CONFLICT", "Für diese E-Mail-Adresse besteht dort bereits ein Konto.", "email");
  const invitation = await createInvitation(tx, { tenantId, ...input, role: "admin", invitedBy: null });
  await writeAudit(tx, tenantId, actor, {
    action: "invitation.create_by_state",
    entityType: "invitation",
    entityId: invitation.id,
    after: { email: input.email, role: "admin", invitedBy: "Land" },
  });
  return invitation;
}

/** A change the Land made that the Kommune should see in its own audit log (e.g. its deletion mark taken back). */
export async function noteStateAction(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  action: "tenant.deletion_cancelled_by_state",
) {
  await writeAudit(tx, tenantId, actor, { action, entityType: "tenant", entityId: tenantId });
}

/** An account created directly by an operator (CLI bootstrap of the first state admin); the password is checked. */
export async function createAccount(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  input: { email: string; displayName: string; role: schema.Role; passwordHash: string },
) {
  if (await queries.getUserWithPassword(tx, input.email))
    throw new DomainError("CONFLICT", "Für diese E-Mail-Adresse besteht bereits ein Konto.", "email");
  const [created] = await tx
    .insert(users)
    .values({ tenantId, ...input })
    .returning();
  const { passwordHash: _hash, ...after } = created!;
  await writeAudit(tx, tenantId, actor, {
    action: "user.create",
    entityType: "user",
    entityId: created!.id,
    after,
  });
  return created!;
}
