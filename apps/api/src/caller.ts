// The procedures called from a plain route (downloads, the app's HTML) with this request's session cookie, request id
// and client address: the session check, tenant transaction, authorization matrix and validation are the procedure's.
import {
  appRouter,
  createCallerFactory,
  type createContextFactory,
  readCookie,
  SESSION_COOKIE,
} from "@spatz/trpc";
import type { Context as HonoContext } from "hono";

const createCaller = createCallerFactory(appRouter);

export type Env = { Variables: { requestId: string } };
export type Caller = ReturnType<typeof createCaller>;

/** `resHeaders` collects what the procedures set (e.g. the Set-Cookie that clears an ended session). */
export function callerFor(
  createContext: ReturnType<typeof createContextFactory>,
  clientIp: (c: HonoContext<Env>) => string,
  c: HonoContext<Env>,
  resHeaders: Headers,
): Caller {
  return createCaller(
    createContext({
      requestId: c.get("requestId"),
      clientIp: () => clientIp(c),
      userAgent: c.req.header("user-agent") ?? null,
      sessionToken: readCookie(c.req.header("cookie"), SESSION_COOKIE),
      resHeaders,
    }),
  );
}
