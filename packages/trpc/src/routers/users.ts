// User administration of a tenant (Kommune admins, and state admins for the state's own staff).
import { createInvitation, deleteUserSessions } from "@spatz/auth";
import { queries, schema, writeAudit } from "@spatz/db";
import { inviteInput, pageInput, ROLES, rolesForTenantKind } from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { invitationLink, sendInvitationMail } from "../invitation-mail.ts";
import { router, tenantProcedure } from "../trpc.ts";

const { users, invitations } = schema;

function assertRoleFits(kind: schema.TenantKind, role: schema.Role) {
  if (!rolesForTenantKind(kind).includes(role)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Diese Rolle gibt es in dieser Verwaltung nicht." });
  }
}

async function assertKeepsAnAdmin(
  tx: Parameters<typeof queries.countActiveAdmins>[0],
  role: schema.Role,
  userId: string,
) {
  if ((await queries.countActiveAdmins(tx, role, userId)) === 0) {
    throw new TRPCError({
      code: "CONFLICT",
      message: "Die letzte aktive Administration kann nicht entfernt werden.",
    });
  }
}

export const usersRouter = router({
  list: tenantProcedure
    .input(pageInput.extend({ search: z.string().max(100).optional() }))
    .query(({ ctx, input }) => queries.listUsers(ctx.tx, input)),

  invitations: tenantProcedure.query(({ ctx }) => queries.listOpenInvitations(ctx.tx)),

  invite: tenantProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const { tenant } = ctx.session;
    assertRoleFits(tenant.kind, input.role);
    if (await queries.getUserWithPassword(ctx.tx, input.email)) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "Für diese E-Mail-Adresse besteht bereits ein Konto.",
      });
    }
    const invitation = await createInvitation(ctx.tx, {
      tenantId: tenant.id,
      ...input,
      invitedBy: ctx.session.user.id,
    });
    await writeAudit(ctx.tx, tenant.id, ctx.session.actor, {
      action: "invitation.create",
      entityType: "invitation",
      entityId: invitation.id,
      after: {
        email: input.email,
        role: input.role,
        displayName: input.displayName,
        expiresAt: invitation.expiresAt,
      },
    });
    const link = invitationLink(ctx.deps.publicUrl, tenant.slug, invitation.token);
    const mailed = await sendInvitationMail(ctx.deps, {
      to: input.email,
      tenantName: tenant.name,
      link,
      expiresAt: invitation.expiresAt,
    });
    return { id: invitation.id, link, expiresAt: invitation.expiresAt, mailed };
  }),

  revokeInvitation: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const [row] = await ctx.tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, input.id), eq(invitations.tenantId, ctx.session.tenant.id)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Einladung gibt es nicht." });
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "invitation.revoke",
      entityType: "invitation",
      entityId: row.id,
      before: { email: row.email },
    });
    return { ok: true };
  }),

  changeRole: tenantProcedure
    .input(z.object({ userId: z.uuid(), role: z.enum(ROLES) }))
    .mutation(async ({ ctx, input }) => {
      const { tenant, user: me } = ctx.session;
      assertRoleFits(tenant.kind, input.role);
      if (input.userId === me.id)
        throw new TRPCError({ code: "BAD_REQUEST", message: "Die eigene Rolle kann nicht geändert werden." });
      const before = await queries.getUser(ctx.tx, input.userId);
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "Dieses Konto gibt es nicht." });
      if (before.role === input.role) return before;
      if (before.role === "admin" || before.role === "state_admin")
        await assertKeepsAnAdmin(ctx.tx, before.role, before.id);
      await ctx.tx
        .update(users)
        .set({ role: input.role, updatedAt: new Date() })
        .where(and(eq(users.tenantId, tenant.id), eq(users.id, input.userId)));
      const revoked = await deleteUserSessions(ctx.tx, tenant.id, input.userId);
      await writeAudit(ctx.tx, tenant.id, ctx.session.actor, {
        action: "user.role_change",
        entityType: "user",
        entityId: input.userId,
        before: { role: before.role },
        after: { role: input.role, sessionsRevoked: revoked },
      });
      return { ...before, role: input.role };
    }),

  setStatus: tenantProcedure
    .input(z.object({ userId: z.uuid(), status: z.enum(["active", "disabled"]) }))
    .mutation(async ({ ctx, input }) => {
      const { tenant, user: me } = ctx.session;
      if (input.userId === me.id)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Das eigene Konto kann nicht deaktiviert werden.",
        });
      const before = await queries.getUser(ctx.tx, input.userId);
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "Dieses Konto gibt es nicht." });
      if (before.status === input.status) return before;
      if (input.status === "disabled" && (before.role === "admin" || before.role === "state_admin"))
        await assertKeepsAnAdmin(ctx.tx, before.role, before.id);
      await ctx.tx
        .update(users)
        .set({ status: input.status, updatedAt: new Date() })
        .where(and(eq(users.tenantId, tenant.id), eq(users.id, input.userId)));
      if (input.status === "disabled") await deleteUserSessions(ctx.tx, tenant.id, input.userId);
      await writeAudit(ctx.tx, tenant.id, ctx.session.actor, {
        action: input.status === "disabled" ? "user.disable" : "user.enable",
        entityType: "user",
        entityId: input.userId,
        before: { status: before.status },
        after: { status: input.status },
      });
      return { ...before, status: input.status };
    }),
});
