// The one way a route names a signed-in page: shown only to a session whose role may call the procedure the page
// needs. Pages are loaded when first opened (lib/lazy-named.ts), so the sign-in page carries none of them.
import type { RoutePreloadFuncArgs } from "@solidjs/router";
import { can, type ProcedurePath } from "@spatz/domain";
import type { Component } from "solid-js";
import { queryClient } from "../lib/query-client.ts";
import { RequireSession } from "./RequireSession.tsx";
import { type Me, SESSION_KEY, sessionOfPage } from "./session.ts";

type Page = Component<{ me: Me }>;

/**
 * The route component of a signed-in page; `requires` is the procedure the page loads with. The router calls its
 * `preload` when the route is opened or a link to it is pointed at, so a lazy page's code is on its way early.
 */
export function guarded(Page: Page & { preload?: () => unknown }, requires?: ProcedurePath) {
  const route = () => <RequireSession requires={requires}>{(me) => <Page me={me} />}</RequireSession>;
  return Object.assign(route, { preload: () => Page.preload?.() });
}

/**
 * A route's `preload` that starts the page's queries while its code loads (one round trip less when a page is
 * opened), only for a user whose role may call `requires`, and not when a link is merely pointed at.
 */
export function preloadData(requires: ProcedurePath, start: (args: RoutePreloadFuncArgs) => void) {
  return (args: RoutePreloadFuncArgs) => {
    if (args.intent === "preload") return;
    // The session query once it exists (null after signing out), before that the page's own.
    const asked = queryClient.getQueryState<Me | null>(SESSION_KEY);
    const me = asked?.data !== undefined ? asked.data : sessionOfPage();
    if (me && can(me.user.role, requires)) start(args);
  };
}
