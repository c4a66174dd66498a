// Single-use, expiring invitation links. The token is `invitationId.secret`; only SHA-256(secret) is stored.
import { schema, type TenantTx } from "@spatz/db";
import { and, eq, isNull } from "drizzle-orm";
import { constantTimeEqual, randomToken, sha256 } from "./tokens.ts";

const { invitations } = schema;

export const INVITATION_VALID_DAYS = 7;

export async function createInvitation(
  tx: TenantTx,
  input: {
    tenantId: string;
    email: string;
    displayName: string;
    role: schema.Role;
    invitedBy: string | null;
  },
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const secret = randomToken(20);
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000);
  // A new invitation for the same address replaces the open one.
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.tenantId, input.tenantId),
        eq(invitations.email, input.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const [row] = await tx
    .insert(invitations)
    .values({ ...input, tokenHash: sha256(secret), createdAt: now, expiresAt })
    .returning({ id: invitations.id });
  return { id: row!.id, token: `${row!.id}.${secret}`, expiresAt };
}

const TOKEN = /^([0-9a-f-]{36})\.([a-z2-9]{24,64})$/;

/** The open invitation a token belongs to, or null when unknown, used, revoked or expired. */
export async function findOpenInvitation(tx: TenantTx, token: string, now = new Date()) {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, id, secret] = match;
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, id!));
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= now) return null;
  if (!constantTimeEqual(new Uint8Array(row.tokenHash), sha256(secret!))) return null;
  return row;
}
