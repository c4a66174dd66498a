import { QueryClient } from "@tanstack/solid-query";
import { errorCode } from "./trpc.ts";

export const queryClient = new QueryClient({
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
