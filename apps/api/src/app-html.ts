// The web app's HTML for every page address, with the session already in it: the shell draws the menu of the signed-in
// user (or the sign-in page) in its first paint, without waiting for a request, so nothing on the page jumps
// (layout shift) and the first page shows a round trip earlier. The web app reads it in auth/session.ts.
import { type createContextFactory, readCookie, SESSION_COOKIE } from "@spatz/trpc";
import type { Context as HonoContext } from "hono";
import superjson from "superjson";
import { callerFor, type Env } from "./caller.ts";

/** Read by the web app (apps/web/src/auth/session.ts). */
const SESSION_ELEMENT_ID = "spatz-session";

/** JSON inside <script>: "<" escaped, so no value (a display name, say) can close the element. */
function scriptJson(value: unknown): string {
  return superjson.stringify(value).replaceAll("<", "\\u003c");
}

export function appHtml(
  indexHtml: string,
  createContext: ReturnType<typeof createContextFactory>,
  clientIp: (c: HonoContext<Env>) => string,
) {
  // Before </head>, where the app's scripts are (at the end of a page without a head).
  const at = indexHtml.includes("</head>") ? indexHtml.indexOf("</head>") : indexHtml.length;
  const [head, tail] = [indexHtml.slice(0, at), indexHtml.slice(at)];
  return async (c: HonoContext<Env>) => {
    const resHeaders = new Headers();
    let session: unknown = null;
    if (readCookie(c.req.header("cookie"), SESSION_COOKIE)) {
      try {
        session = await callerFor(createContext, clientIp, c, resHeaders).auth.session();
      } catch {
        // The database is away: the page still loads, and the app asks (and shows its error state) itself.
        session = undefined;
      }
    }
    const embedded =
      session === undefined
        ? ""
        : `<script type="application/json" id="${SESSION_ELEMENT_ID}">${scriptJson(session)}</script>`;
    const headers = new Headers(resHeaders);
    headers.set("Content-Type", "text/html; charset=UTF-8");
    // Personal (names the user): never stored by a shared cache, and revalidated on every visit.
    headers.set("Cache-Control", "private, no-cache");
    headers.set("Vary", "Cookie");
    return new Response(`${head}${embedded}${tail}`, { status: 200, headers });
  };
}
