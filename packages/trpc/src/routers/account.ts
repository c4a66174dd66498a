// The signed-in user's own account: profile, active sessions, password change, "überall abmelden".
import {
  assertPasswordAllowed,
  createSession,
  deleteSession,
  deleteUserSessions,
  hashPassword,
  listUserSessions,
  verifyPassword,
} from "@spatz/auth";
import { schema, writeAudit } from "@spatz/db";
import { changePasswordInput } from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { clearSessionCookie, sessionCookie } from "../cookies.ts";
import { router, tenantProcedure } from "../trpc.ts";

const { users } = schema;

export const accountRouter = router({
  me: tenantProcedure.query(({ ctx }) => {
    const { user, tenant, expiresAt } = ctx.session;
    return { user, tenant, sessionExpiresAt: expiresAt };
  }),

  sessions: tenantProcedure.query(async ({ ctx }) => {
    const rows = await listUserSessions(ctx.tx, ctx.session.tenant.id, ctx.session.user.id);
    return rows.map((r) => ({ ...r, current: r.id === ctx.session.sessionId }));
  }),

  revokeSession: tenantProcedure
    .input(z.object({ sessionId: z.string().max(80) }))
    .mutation(async ({ ctx, input }) => {
      const mine = await listUserSessions(ctx.tx, ctx.session.tenant.id, ctx.session.user.id);
      if (!mine.some((s) => s.id === input.sessionId))
        throw new TRPCError({ code: "NOT_FOUND", message: "Diese Sitzung gibt es nicht (mehr)." });
      await deleteSession(ctx.tx, ctx.session.tenant.id, input.sessionId);
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: "session.revoke",
        entityType: "user",
        entityId: ctx.session.user.id,
      });
      if (input.sessionId === ctx.session.sessionId)
        ctx.resHeaders.append("Set-Cookie", clearSessionCookie(ctx.deps.cookieSecure));
      return { ok: true };
    }),

  logoutEverywhere: tenantProcedure.mutation(async ({ ctx }) => {
    const count = await deleteUserSessions(ctx.tx, ctx.session.tenant.id, ctx.session.user.id);
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "session.revoke_all",
      entityType: "user",
      entityId: ctx.session.user.id,
      after: { revoked: count },
    });
    ctx.resHeaders.append("Set-Cookie", clearSessionCookie(ctx.deps.cookieSecure));
    return { revoked: count };
  }),

  changePassword: tenantProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const { tenant, user } = ctx.session;
    const [row] = await ctx.tx
      .select()
      .from(users)
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
    if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Das bisherige Passwort ist nicht korrekt." });
    }
    assertPasswordAllowed(input.newPassword, user, "newPassword");
    const passwordHash = await hashPassword(input.newPassword);
    await ctx.tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, user.id)));
    // Every session ends with a password change; this browser gets a fresh one.
    await deleteUserSessions(ctx.tx, tenant.id, user.id);
    const session = await createSession(
      ctx.tx,
      { tenantId: tenant.id, userId: user.id, ipAddress: ctx.clientIp(), userAgent: ctx.userAgent },
      ctx.deps.sessionPolicy,
    );
    await writeAudit(ctx.tx, tenant.id, ctx.session.actor, {
      action: "user.password_change",
      entityType: "user",
      entityId: user.id,
    });
    ctx.resHeaders.append(
      "Set-Cookie",
      sessionCookie(session.token, session.expiresAt, ctx.deps.cookieSecure),
    );
    return { ok: true };
  }),
});
