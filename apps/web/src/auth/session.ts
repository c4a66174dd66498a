// The signed-in user, or null. One query shared by the whole app.
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import superjson from "superjson";
import { trpc } from "../lib/trpc.ts";

export const SESSION_KEY = ["auth.session"] as const;

export type Me = NonNullable<Awaited<ReturnType<typeof trpc.auth.session.query>>>;

/**
 * The session the server wrote into the page (apps/api/src/app-html.ts), taken once: the shell draws the right menu
 * in its first paint. Absent when the page came from elsewhere (the dev server) or the server could not tell.
 */
const fromPage: { session: Me | null; at: number } | undefined = (() => {
  const element = document.getElementById("spatz-session");
  if (!element?.textContent) return undefined;
  element.remove();
  return { session: superjson.parse<Me | null>(element.textContent), at: Date.now() };
})();
let fromPageUsed = false;

/** Who the page was served to (before the session query exists): for route preloads, which run first. */
export const sessionOfPage = (): Me | null | undefined => fromPage?.session;

export function useSession() {
  return useQuery(() => ({
    queryKey: SESSION_KEY,
    // null when signed out (no failed request on a signed-out visitor's first page).
    queryFn: () => trpc.auth.session.query(),
    // Only for the first query: later ones (after sign-in or sign-out) ask the server.
    initialData: () => {
      if (fromPageUsed || !fromPage) return undefined;
      fromPageUsed = true;
      return fromPage.session;
    },
    initialDataUpdatedAt: fromPage?.at,
    staleTime: 60_000,
  }));
}

/**
 * After sign-in, sign-out or a session change: drop every cached answer of the previous session (another user's or
 * tenant's data must never show) and reload who is signed in. The session query itself stays observed by the shell.
 */
export function useResetSession() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    await client.refetchQueries({ queryKey: SESSION_KEY });
  };
}
