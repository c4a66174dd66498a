// The signed-in user's own account: profile, active sessions, password change, "überall abmelden".
import {
  assertPasswordAllowed,
  hashPassword,
  listUserSessions,
  passwordHashOf,
  replacePassword,
  revokeAllOwnSessions,
  revokeOwnSession,
  verifyPassword,
} from "@spatz/auth";
import { changePasswordInput } from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { accountActor } from "../account-actor.ts";
import { clearSessionCookie, sessionCookie } from "../cookies.ts";
import { router, tenantProcedure } from "../trpc.ts";

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
      await revokeOwnSession(ctx.tx, accountActor(ctx.session), input.sessionId);
      if (input.sessionId === ctx.session.sessionId)
        ctx.resHeaders.append("Set-Cookie", clearSessionCookie(ctx.deps.cookieSecure));
      return { ok: true };
    }),

  logoutEverywhere: tenantProcedure.mutation(async ({ ctx }) => {
    const count = await revokeAllOwnSessions(ctx.tx, accountActor(ctx.session));
    ctx.resHeaders.append("Set-Cookie", clearSessionCookie(ctx.deps.cookieSecure));
    return { revoked: count };
  }),

  changePassword: tenantProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const { tenant, user } = ctx.session;
    const stored = await passwordHashOf(ctx.tx, tenant.id, user.id);
    if (!stored || !(await verifyPassword(stored, input.currentPassword)))
      throw new TRPCError({ code: "BAD_REQUEST", message: "Das bisherige Passwort ist nicht korrekt." });
    assertPasswordAllowed(input.newPassword, user, "newPassword");
    // Every session ends with a password change; this browser gets a fresh one.
    const session = await replacePassword(
      ctx.tx,
      accountActor(ctx.session),
      await hashPassword(input.newPassword),
      {
        ipAddress: ctx.clientIp(),
        userAgent: ctx.userAgent,
        policy: ctx.deps.sessionPolicy,
      },
    );
    ctx.resHeaders.append(
      "Set-Cookie",
      sessionCookie(session.token, session.expiresAt, ctx.deps.cookieSecure),
    );
    return { ok: true };
  }),
});
