// Sign-in, sign-out and invitation acceptance. The tenant comes from the URL slug, membership from the credentials.
import {
  assertPasswordAllowed,
  burnPasswordCheck,
  createSession,
  deleteSession,
  findOpenInvitation,
  hashPassword,
  loginLimiter,
  parseSessionToken,
  readSession,
  verifyPassword,
} from "@spatz/auth";
import { queries, schema, writeAudit } from "@spatz/db";
import {
  acceptInvitationInput,
  ERROR_MESSAGES,
  loginInput,
  retryAfterMessage,
  tenantSlug,
} from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { clearSessionCookie, sessionCookie } from "../cookies.ts";
import { publicProcedure, router, tenantProcedure } from "../trpc.ts";

const { users, invitations } = schema;

export const authRouter = router({
  /**
   * Who is signed in, or null: the app's session probe. Unlike account.me it answers null rather than UNAUTHORIZED,
   * so a signed-out visitor's first page causes no failed request; an ended session's cookie is cleared.
   */
  session: publicProcedure.query(async ({ ctx }) => {
    const token = parseSessionToken(ctx.sessionToken);
    if (!token) return null;
    const session = await ctx.caps.inTenantOf(token.tenantId, (tx) => readSession(tx, token));
    if (!session) {
      ctx.resHeaders.append("Set-Cookie", clearSessionCookie(ctx.deps.cookieSecure));
      return null;
    }
    return { user: session.user, tenant: session.tenant, sessionExpiresAt: session.expiresAt };
  }),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const tenant = await ctx.caps.registry((tx) => queries.getTenantBySlug(tx, input.tenantSlug));
    // Unknown tenant, unknown user and wrong password all get the same answer after the same work.
    const limiter = loginLimiter(ctx.deps.redis, ctx.deps.logger.warn);
    const attempt = await limiter.begin({
      tenantId: tenant?.id ?? "none",
      email: input.email,
      ip: ctx.clientIp(),
    });
    if (!attempt.allowed) {
      ctx.resHeaders.set("Retry-After", String(attempt.retryAfterSeconds));
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: retryAfterMessage(attempt.retryAfterSeconds),
      });
    }
    const active = tenant?.status === "active" ? tenant : null;
    const candidate = active
      ? await ctx.caps.inTenantOf(active.id, (tx) => queries.getUserWithPassword(tx, input.email))
      : null;
    // The password check (argon2, the slow part) runs while no database connection is held.
    const ok = candidate
      ? await verifyPassword(candidate.passwordHash, input.password)
      : await burnPasswordCheck(input.password);
    const outcome =
      active && candidate && ok && candidate.status === "active"
        ? await ctx.caps.inTenantOf(active.id, async (tx) => {
            // The account is read again: it may have been disabled or given a new password meanwhile.
            const user = await queries.getUserWithPassword(tx, input.email);
            if (
              user?.id !== candidate.id ||
              user.status !== "active" ||
              user.passwordHash !== candidate.passwordHash
            )
              return null;
            const session = await createSession(
              tx,
              { tenantId: active.id, userId: user.id, ipAddress: ctx.clientIp(), userAgent: ctx.userAgent },
              ctx.deps.sessionPolicy,
            );
            await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
            await writeAudit(
              tx,
              active.id,
              { userId: user.id, label: user.email, requestId: ctx.requestId },
              { action: "auth.login", entityType: "user", entityId: user.id },
            );
            return { session, user: { id: user.id, displayName: user.displayName, role: user.role } };
          })
        : null;
    if (!outcome) {
      await limiter.failed(attempt.keys);
      throw new TRPCError({ code: "UNAUTHORIZED", message: ERROR_MESSAGES.LOGIN_FAILED });
    }
    await limiter.succeeded(attempt.keys);
    ctx.resHeaders.append(
      "Set-Cookie",
      sessionCookie(outcome.session.token, outcome.session.expiresAt, ctx.deps.cookieSecure),
    );
    return { user: outcome.user, tenant: { slug: tenant!.slug, name: tenant!.name, kind: tenant!.kind } };
  }),

  logout: tenantProcedure.mutation(async ({ ctx }) => {
    const { session } = ctx;
    await deleteSession(ctx.tx, session.tenant.id, session.sessionId);
    await writeAudit(ctx.tx, session.tenant.id, session.actor, {
      action: "auth.logout",
      entityType: "user",
      entityId: session.user.id,
    });
    ctx.resHeaders.append("Set-Cookie", clearSessionCookie(ctx.deps.cookieSecure));
    return { ok: true };
  }),

  invitationInfo: publicProcedure
    .input(z.object({ tenantSlug, token: z.string().max(200) }))
    .query(async ({ ctx, input }) => {
      const tenant = await ctx.caps.registry((tx) => queries.getTenantBySlug(tx, input.tenantSlug));
      if (tenant?.status !== "active") return null;
      const invitation = await ctx.caps.inTenantOf(tenant.id, (tx) => findOpenInvitation(tx, input.token));
      if (!invitation) return null;
      return {
        tenant: { name: tenant.name, slug: tenant.slug },
        email: invitation.email,
        displayName: invitation.displayName,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      };
    }),

  acceptInvitation: publicProcedure.input(acceptInvitationInput).mutation(async ({ ctx, input }) => {
    const tenant = await ctx.caps.registry((tx) => queries.getTenantBySlug(tx, input.tenantSlug));
    if (tenant?.status !== "active")
      throw new TRPCError({ code: "NOT_FOUND", message: ERROR_MESSAGES.INVITATION_INVALID });
    // The password must suit the invited person (not their name or address) before the slow hash is computed.
    const invited = await ctx.caps.inTenantOf(tenant.id, (tx) => findOpenInvitation(tx, input.token));
    if (!invited) throw new TRPCError({ code: "NOT_FOUND", message: ERROR_MESSAGES.INVITATION_INVALID });
    assertPasswordAllowed(input.password, invited, "password");
    const passwordHash = await hashPassword(input.password);
    const result = await ctx.caps.inTenantOf(tenant.id, async (tx) => {
      const invitation = await findOpenInvitation(tx, input.token);
      if (!invitation) return null;
      const existing = await queries.getUserWithPassword(tx, invitation.email);
      if (existing) return "exists" as const;
      const [user] = await tx
        .insert(users)
        .values({
          tenantId: tenant.id,
          email: invitation.email,
          displayName: invitation.displayName,
          role: invitation.role,
          passwordHash,
        })
        .returning();
      // Single use: the conditional update fails the race if two tabs accept at once.
      const used = await tx
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(invitations.id, invitation.id), eq(invitations.tenantId, tenant.id)))
        .returning({ id: invitations.id });
      if (used.length !== 1) return null;
      await writeAudit(
        tx,
        tenant.id,
        { userId: user!.id, label: user!.email, requestId: ctx.requestId },
        {
          action: "invitation.accept",
          entityType: "user",
          entityId: user!.id,
          after: { email: user!.email, role: user!.role, displayName: user!.displayName },
        },
      );
      const session = await createSession(
        tx,
        { tenantId: tenant.id, userId: user!.id, ipAddress: ctx.clientIp(), userAgent: ctx.userAgent },
        ctx.deps.sessionPolicy,
      );
      return { session, user: user! };
    });
    if (result === "exists")
      throw new TRPCError({
        code: "CONFLICT",
        message: "Für diese E-Mail-Adresse besteht bereits ein Konto. Bitte melden Sie sich an.",
      });
    if (!result) throw new TRPCError({ code: "NOT_FOUND", message: ERROR_MESSAGES.INVITATION_INVALID });
    ctx.resHeaders.append(
      "Set-Cookie",
      sessionCookie(result.session.token, result.session.expiresAt, ctx.deps.cookieSecure),
    );
    return { tenant: { slug: tenant.slug, name: tenant.name } };
  }),
});
