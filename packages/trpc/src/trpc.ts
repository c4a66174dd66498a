// Procedure tiers, defined once. Every tier checks the authorization matrix (@spatz/domain PERMISSIONS) by path, and
// every tier reaches data only through transactions whose tenant comes from the session (or, for anonymous flows,
// from the URL's tenant after the credentials are checked, or no tenant at all). There is no tier that hands a
// procedure the bare connection pool, and no transaction is ever opened inside another (tenant-tx.ts refuses it).
import { parseSessionToken, readSession, touchSession, type ValidSession } from "@spatz/auth";
import {
  type Actor,
  type Database,
  DatabaseBusyError,
  type TenantTx,
  withoutTenant,
  withTenant,
} from "@spatz/db";
import {
  accessOf,
  DomainError,
  ERROR_MESSAGES,
  findUnstorableText,
  type Role,
  UNSTORABLE_TEXT_MESSAGE,
} from "@spatz/domain";
import { setLogTenant } from "@spatz/logging";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { type AfterCommit, runAfterCommit, triggeredWork } from "./after-commit.ts";
import { type Context, DEPS, type ServerDeps } from "./context.ts";
import { clearSessionCookie } from "./cookies.ts";
import { toTRPCError } from "./domain-errors.ts";
import { fieldError } from "./field-error.ts";
import { REPLICA_READS } from "./replica-reads.ts";

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
          : (frameworkMessage(error) ?? (error.message || generic));
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, zodError },
    };
  },
});

/**
 * tRPC's own refusals (unreadable JSON, unknown procedure, wrong HTTP method, oversized batch) carry English texts;
 * every message that reaches a user is German.
 */
function frameworkMessage(error: TRPCError): string | null {
  if (error.code === "PARSE_ERROR") return ERROR_MESSAGES.PARSE_ERROR;
  if (error.code === "METHOD_NOT_SUPPORTED") return ERROR_MESSAGES.METHOD_NOT_SUPPORTED;
  if (error.code === "NOT_FOUND" && /^No (procedure|"query"|"mutation")/.test(error.message))
    return ERROR_MESSAGES.NO_SUCH_PROCEDURE;
  if (error.code === "BAD_REQUEST" && /^Batch call exceeds/.test(error.message))
    return ERROR_MESSAGES.BATCH_TOO_LARGE;
  if (error.code === "BAD_REQUEST" && /^(Unexpected|Expected|Invalid|Cannot)\b/.test(error.message))
    return ERROR_MESSAGES.PARSE_ERROR;
  return null;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The base of every tier: a `DomainError` thrown anywhere below (procedure, query function, pure package) answers
 * with its German tRPC error. It sits outside the transaction, so the work has been rolled back by then.
 */
const procedure = t.procedure.use(async ({ ctx, path, getRawInput, next }) => {
  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused for every procedure before anything runs.
  const unstorable = findUnstorableText(await getRawInput());
  if (unstorable) throw fieldError(String(unstorable[0] ?? "input"), UNSTORABLE_TEXT_MESSAGE);
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw toTRPCError(cause);
  const overload = overloadOf(cause);
  if (overload) {
    ctx[DEPS].logger.warn(
      { procedure: path, requestId: ctx.requestId, reason: overload },
      "procedure refused: database limit",
    );
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: overload === "busy" ? ERROR_MESSAGES.DATABASE_BUSY : ERROR_MESSAGES.DATABASE_TIMEOUT,
    });
  }
  return result;
});

/** PostgreSQL SQLSTATEs of the runtime role's limits (migration 0013). */
const TIMEOUT_STATES = new Set([
  "57014", // statement_timeout (query_canceled)
  "55P03", // lock_timeout (lock_not_available)
  "25P03", // idle_in_transaction_session_timeout
]);

/** Connection failures of postgres.js and PostgreSQL's own "shutting down / starting up" states. */
const UNAVAILABLE_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
]);

const OVERLOAD_MESSAGES = {
  busy: ERROR_MESSAGES.DATABASE_BUSY,
  timeout: ERROR_MESSAGES.DATABASE_TIMEOUT,
  unavailable: ERROR_MESSAGES.DATABASE_UNAVAILABLE,
} as const;

/**
 * "busy" when no connection was free in time, "timeout" when a database limit ended the work, "unavailable" when the
 * database cannot be reached; null for anything else.
 */
function overloadOf(error: unknown): keyof typeof OVERLOAD_MESSAGES | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof DatabaseBusyError) return "busy";
    const code = (e as { code?: string }).code ?? "";
    if (TIMEOUT_STATES.has(code)) return "timeout";
    if (UNAVAILABLE_CODES.has(code)) return "unavailable";
  }
  return null;
}

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
  /** A short read-only transaction without a tenant: only the global registries are visible (tenant by slug). */
  registry: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
  /** Runs `fn` in the transaction of the tenant named by a URL slug; for sign-in flows where credentials prove membership. */
  inTenantOf: <T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
};

/**
 * Anonymous: no transaction is held for the procedure. It opens short ones one after the other (the registry to
 * resolve a slug, then the tenant's); opening one inside another is refused by withTenant, so a burst of sign-ins can
 * never hold every pooled connection while waiting for a second one.
 */
export const publicProcedure = procedure.use(async ({ ctx, path, type, next }) => {
  requireAccess(path, "public");
  const deps = ctx[DEPS];
  const caps: PublicCapabilities = {
    registry: (fn) => withoutTenant(deps.db, fn, { readOnly: true }),
    inTenantOf: (tenantId, fn) => withTenant(deps.db, tenantId, fn, { readOnly: type === "query" }),
  };
  return next({ ctx: { deps: publicDeps(deps), caps } });
});

function publicDeps(deps: ServerDeps) {
  return {
    redis: deps.redis,
    sessionPolicy: deps.sessionPolicy,
    cookieSecure: deps.cookieSecure,
    publicUrl: deps.publicUrl,
    logger: deps.logger,
    mailEnabled: deps.mailEnabled,
    evidenceQuotaBytes: deps.evidenceQuotaBytes,
    jobs: deps.jobs,
    legal: deps.legal,
  };
}

export type SessionContext = ValidSession & { actor: Actor };

type SessionToken = NonNullable<ReturnType<typeof parseSessionToken>>;

/** Reads and checks the session inside `tx` (the session's own tenant): UNAUTHORIZED or FORBIDDEN, else the actor. */
async function authenticate(
  tx: TenantTx,
  ctx: Context,
  token: SessionToken,
  access: ReturnType<typeof requireAccess>,
  /** On a replica a missing session may only be late: the primary decides, and only it clears the cookie. */
  onReplica = false,
): Promise<SessionContext> {
  const deps = ctx[DEPS];
  const session = await readSession(tx, token);
  if (!session) {
    if (!onReplica) ctx.resHeaders.append("Set-Cookie", clearSessionCookie(deps.cookieSecure));
    throw new TRPCError({ code: "UNAUTHORIZED", message: ERROR_MESSAGES.UNAUTHORIZED });
  }
  if (access !== "authenticated" && !(access as readonly Role[]).includes(session.user.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  }
  setLogTenant(session.tenant.id);
  return {
    ...session,
    actor: { userId: session.user.id, label: session.user.email, requestId: ctx.requestId },
  };
}

function requireToken(ctx: Context): SessionToken {
  const token = parseSessionToken(ctx.sessionToken);
  if (!token) throw new TRPCError({ code: "UNAUTHORIZED", message: ERROR_MESSAGES.UNAUTHORIZED });
  return token;
}

/** At most once a minute per session, a read needs its own short write (after the read's transaction) to slide. */
function slideSession(ctx: Context, token: SessionToken) {
  const deps = ctx[DEPS];
  return withTenant(deps.db, token.tenantId, (tx) =>
    touchSession(tx, token.tenantId, token.sessionId, deps.sessionPolicy),
  );
}

/**
 * Authenticated: validates the session and runs the procedure in the session's tenant transaction. The dashboard
 * reads of REPLICA_READS go to the read pool (a streaming replica, DATABASE_READ_URL) when there is one; a session
 * the replica does not know yet, a role it has not caught up with, or a replica that fails sends the call to the
 * primary, which decides.
 */
export const tenantProcedure = procedure.use(async ({ ctx, path, type, next }) => {
  const access = requireAccess(path, "tenant");
  const deps = ctx[DEPS];
  const token = requireToken(ctx);
  // Queries run read-only: the database itself refuses writes from a GET, and reads save a round trip.
  const readOnly = type === "query";
  let slide = false;
  // Work that must see the committed data (enqueueing jobs) runs after the commit, only if the procedure succeeded.
  const afterCommit: AfterCommit[] = [];
  const run = (db: Database, onReplica: boolean) =>
    insideTransaction(
      (work) => withTenant(db, token.tenantId, work, { readOnly }),
      async (tx) => {
        afterCommit.length = 0; // a replica's attempt that the primary repeats leaves nothing behind
        const session = await authenticate(tx, ctx, token, access, onReplica);
        if (session.slideDue && !readOnly)
          await touchSession(tx, token.tenantId, token.sessionId, deps.sessionPolicy);
        slide = session.slideDue && readOnly;
        afterCommit.push(...triggeredWork(deps, path, session.tenant.id));
        return next({
          ctx: {
            tx,
            session,
            deps: publicDeps(deps),
            afterCommit: (fn: AfterCommit) => void afterCommit.push(fn),
          },
        });
      },
    );
  const readDb = readOnly && REPLICA_READS.has(path) ? deps.readDb : null;
  const result = readDb
    ? await run(readDb, true).catch((error: unknown) => {
        if (error instanceof TRPCError && error.code !== "UNAUTHORIZED" && error.code !== "FORBIDDEN")
          throw error;
        deps.logger.info({ procedure: path, err: String(error) }, "replica read answered by the primary");
        return run(deps.db, false);
      })
    : await run(deps.db, false);
  if (slide) await slideSession(ctx, token);
  if (result.ok) await runAfterCommit(deps, path, afterCommit);
  return result;
});

export type ProvisioningCapabilities = {
  /** A transaction of the state tenant itself. */
  inState: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
  /** A transaction in the Kommune being provisioned (create, suspend, invite its first administration). */
  inTenant: <T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
};

/**
 * State administration across tenants: the session is checked in a short transaction of its own, then the procedure
 * runs its state-side and Kommune-side work as separate transactions, one after the other, never one inside the
 * other. Each side writes its own audit entry in its own transaction; procedures order the steps so that a failure of
 * the later one leaves the earlier one complete and audited (see routers/tenants.ts).
 */
export const provisioningProcedure = procedure.use(async ({ ctx, path, next }) => {
  const access = requireAccess(path, "tenant");
  const deps = ctx[DEPS];
  const token = requireToken(ctx);
  const session = await withTenant(deps.db, token.tenantId, (tx) => authenticate(tx, ctx, token, access), {
    readOnly: true,
  });
  if (session.tenant.kind !== "state")
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  if (session.slideDue) await slideSession(ctx, token);
  const caps: ProvisioningCapabilities = {
    inState: (fn) => withTenant(deps.db, session.tenant.id, fn),
    inTenant: (tenantId, fn) => withTenant(deps.db, tenantId, fn),
  };
  return next({ ctx: { session, deps: publicDeps(deps), caps } });
});
