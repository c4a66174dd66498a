// Sign-in, sign-out and invitation acceptance. The tenant comes from the URL slug, membership from the credentials.
import {
  acceptInvitation,
  assertPasswordAllowed,
  burnPasswordCheck,
  findOpenInvitation,
  hashPassword,
  loginLimiter,
  openSignedInSession,
  parseSessionToken,
  readSession,
  signOut,
  verifyPassword,
} from "@spatz/auth";
import { queries } from "@spatz/db";
import {
  acceptInvitationInput,
  ERROR_MESSAGES,
  loginInput,
  retryAfterMessage,
  tenantSlug,
} from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { accountActor } from "../account-actor.ts";
import { clearSessionCookie, sessionCookie } from "../cookies.ts";
import { publicProcedure, router, tenantProcedure } from "../trpc.ts";

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
    const origin = {
      ipAddress: ctx.clientIp(),
      userAgent: ctx.userAgent,
      policy: ctx.deps.sessionPolicy,
      requestId: ctx.requestId,
    };
    const outcome =
      active && candidate && ok && candidate.status === "active"
        ? await ctx.caps.inTenantOf(active.id, (tx) =>
            openSignedInSession(tx, active.id, input.email, candidate, origin),
          )
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
    await signOut(ctx.tx, accountActor(ctx.session), ctx.session.sessionId);
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
    const result = await ctx.caps.inTenantOf(tenant.id, (tx) =>
      acceptInvitation(tx, tenant.id, input.token, passwordHash, {
        ipAddress: ctx.clientIp(),
        userAgent: ctx.userAgent,
        policy: ctx.deps.sessionPolicy,
        requestId: ctx.requestId,
      }),
    );
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
