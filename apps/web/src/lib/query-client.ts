import { MutationCache, QueryCache, QueryClient } from "@tanstack/solid-query";
import { type Me, SESSION_KEY } from "../auth/session.ts";
import { errorCode } from "./trpc.ts";

/**
 * A session that ended while the app was open (idle timeout, "Überall abmelden" elsewhere, a role change): instead of
 * error boxes under a header that still shows the user, go to the sign-in of the same administration. A full page
 * load, so nothing of the ended session stays in memory.
 */
function onSessionEnded(error: unknown) {
  if (errorCode(error) !== "UNAUTHORIZED") return;
  const me = queryClient.getQueryData<Me | null>(SESSION_KEY);
  // Without a session (the sign-in form itself) UNAUTHORIZED is a wrong password, not an ended session.
  if (!me) return;
  window.location.assign(`/t/${encodeURIComponent(me.tenant.slug)}/anmelden?sitzung=beendet`);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onSessionEnded }),
  mutationCache: new MutationCache({ onError: onSessionEnded }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Authorization and validation errors do not get better by retrying.
      retry: (count, error) =>
        count < 2 &&
        !["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(errorCode(error) ?? ""),
      refetchOnWindowFocus: false,
    },
  },
});
