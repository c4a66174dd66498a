// CSRF check on every state-changing request (Lucia guidance): the request must prove it comes from our own origin,
// by its Origin header or, where a browser sends none (or "null"), by Sec-Fetch-Site. Requests with neither are refused.
import type { MiddlewareHandler } from "hono";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function originCheck(allowedOrigins: () => string[]): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    // A form that the browser submits under our `Referrer-Policy: no-referrer` (the data export) carries
    // `Origin: null`: then, as without an Origin, the browser's own Sec-Fetch-Site decides, which no other site can set.
    const allowed = origin && origin !== "null" ? allowedOrigins().includes(origin) : site === "same-origin";
    if (!allowed) {
      return c.json(
        { error: { message: "Anfrage abgelehnt: Sie kam nicht von dieser Anwendung (CSRF-Schutz)." } },
        403,
      );
    }
    return next();
  };
}
