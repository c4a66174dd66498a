// Procedure tiers, defined once. Every tier checks the authorization matrix (@spatz/domain PERMISSIONS) by path, and
// every tier that touches data runs the procedure inside one transaction whose tenant comes from the session (or, for
// anonymous flows, from no tenant at all). There is no tier that hands a procedure the bare connection pool.
import { parseSessionToken, readSession, touchSession, type ValidSession } from "@spatz/auth";
import { type Actor, type TenantTx, withoutTenant, withTenant } from "@spatz/db";
import { accessOf, DomainError, ERROR_MESSAGES, type Role } from "@spatz/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { type Context, DEPS, type ServerDeps } from "./context.ts";
import { clearSessionCookie } from "./cookies.ts";
import { toTRPCError } from "./domain-errors.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const generic = ERROR_MESSAGES[error.code as keyof typeof ERROR_MESSAGES];
    // Internal errors never leak their text to the browser.
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? ERROR_MESSAGES.INTERNAL_SERVER_ERROR
        : zodError
          ? ERROR_MESSAGES.BAD_REQUEST
          : error.message || generic;
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, zodError },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The base of every tier: a `DomainError` thrown anywhere below (procedure, query function, pure package) answers
 * with its German tRPC error. It sits outside the transaction, so the work has been rolled back by then.
 */
const procedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

const ROLLBACK = Symbol("rollback");

/** Runs `next` inside `fn`'s transaction and rolls it back when the procedure failed (tRPC returns errors, not throws). */
async function insideTransaction<R extends { ok: boolean }>(
  open: (work: (tx: TenantTx) => Promise<void>) => Promise<void>,
  next: (tx: TenantTx) => Promise<R>,
): Promise<R> {
  let result: R | undefined;
  try {
    await open(async (tx) => {
      result = await next(tx);
      if (!result.ok) throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result!;
}

function requireAccess(path: string, tier: "public" | "tenant") {
  const access = accessOf(path);
  if (access === undefined) {
    // A procedure without a line in the matrix is refused outright.
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  }
  if ((access === "public") !== (tier === "public")) {
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: `procedure ${path} is in the wrong tier for its access rule`,
    });
  }
  return access;
}

export type PublicCapabilities = {
  /** Runs `fn` in the transaction of the tenant named by a URL slug; for sign-in flows where credentials prove membership. */
  inTenantOf: <T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
};

export const publicProcedure = procedure.use(async ({ ctx, path, type, next }) => {
  requireAccess(path, "public");
  const deps = ctx[DEPS];
  const caps: PublicCapabilities = { inTenantOf: (tenantId, fn) => withTenant(deps.db, tenantId, fn) };
  return insideTransaction(
    (work) => withoutTenant(deps.db, work, { readOnly: type === "query" }),
    (tx) => next({ ctx: { tx, deps: publicDeps(deps), caps } }),
  );
});

function publicDeps(deps: ServerDeps) {
  return {
    redis: deps.redis,
    sessionPolicy: deps.sessionPolicy,
    cookieSecure: deps.cookieSecure,
    publicUrl: deps.publicUrl,
    logger: deps.logger,
    mailer: deps.mailer,
    evidenceQuotaBytes: deps.evidenceQuotaBytes,
  };
}

export type SessionContext = ValidSession & { actor: Actor };

export type TenantCapabilities = {
  /** State administration only: a separate transaction in another tenant (provisioning), authorised by the matrix. */
  provisionTenant: <T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
};

/** Authenticated: validates the session and runs the procedure in the session's tenant transaction. */
export const tenantProcedure = procedure.use(async ({ ctx, path, type, next }) => {
  const access = requireAccess(path, "tenant");
  const deps = ctx[DEPS];
  const token = parseSessionToken(ctx.sessionToken);
  if (!token) throw new TRPCError({ code: "UNAUTHORIZED", message: ERROR_MESSAGES.UNAUTHORIZED });
  // Queries run read-only: the database itself refuses writes from a GET, and reads save a round trip.
  const readOnly = type === "query";
  let slide = false;
  const result = await insideTransaction(
    (work) => withTenant(deps.db, token.tenantId, work, { readOnly }),
    async (tx) => {
      const session = await readSession(tx, token);
      if (!session) {
        ctx.resHeaders.append("Set-Cookie", clearSessionCookie(deps.cookieSecure));
        throw new TRPCError({ code: "UNAUTHORIZED", message: ERROR_MESSAGES.UNAUTHORIZED });
      }
      if (access !== "authenticated" && !(access as readonly Role[]).includes(session.user.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
      }
      if (session.slideDue && !readOnly)
        await touchSession(tx, token.tenantId, token.sessionId, deps.sessionPolicy);
      slide = session.slideDue && readOnly;
      const actor: Actor = { userId: session.user.id, label: session.user.email, requestId: ctx.requestId };
      const caps: TenantCapabilities = {
        provisionTenant: (tenantId, fn) => {
          if (session.tenant.kind !== "state")
            throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
          return withTenant(deps.db, tenantId, fn);
        },
      };
      return next({ ctx: { tx, session: { ...session, actor }, deps: publicDeps(deps), caps } });
    },
  );
  // At most once a minute per session, a read needs its own short write to slide the idle expiry.
  if (slide)
    await withTenant(deps.db, token.tenantId, (tx) =>
      touchSession(tx, token.tenantId, token.sessionId, deps.sessionPolicy),
    );
  return result;
});
