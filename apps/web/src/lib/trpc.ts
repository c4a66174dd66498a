// The typed tRPC client. Types come from the server's AppRouter; no hand-written API types.
import { isCredentialCheck, MAX_BATCH_CALLS } from "@spatz/domain";
import type { AppRouter } from "@spatz/trpc/client";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";

// The server caps batches and never batches sign-in or invitation checks (batchRefusal in @spatz/domain).
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => isCredentialCheck(op.path),
      true: httpLink({ url: "/trpc", transformer: superjson }),
      false: httpBatchLink({
        url: "/trpc",
        transformer: superjson,
        maxURLLength: 4000,
        maxItems: MAX_BATCH_CALLS,
      }),
    }),
  ],
});

export type ApiError = TRPCClientError<AppRouter>;

function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/** The German message to show for any error. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof TypeError) return "Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.";
  if (error instanceof Error && error.message) return error.message;
  return "Ein unerwarteter Fehler ist aufgetreten.";
}

/** Field errors of a rejected input, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const zod = error.data?.zodError;
  if (!zod) return {};
  return Object.fromEntries(
    Object.entries(zod.fieldErrors).map(([key, messages]) => [
      key,
      (messages as string[] | undefined)?.[0] ?? "",
    ]),
  );
}

export function errorCode(error: unknown): string | undefined {
  return isApiError(error) ? error.data?.code : undefined;
}
