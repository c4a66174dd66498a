// The signed-in user, or null. One query shared by the whole app.
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { trpc } from "../lib/trpc.ts";

export const SESSION_KEY = ["auth.session"] as const;

export function useSession() {
  return useQuery(() => ({
    queryKey: SESSION_KEY,
    // null when signed out (no failed request on a signed-out visitor's first page).
    queryFn: () => trpc.auth.session.query(),
    staleTime: 60_000,
  }));
}

export type Me = NonNullable<Awaited<ReturnType<typeof trpc.auth.session.query>>>;

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
