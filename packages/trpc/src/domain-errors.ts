// Domain functions refuse with DomainError (German message, optional form field); procedures answer with the matching
// tRPC error. A field error travels like a zod error, so forms show it next to the field.
import { DomainError } from "@spatz/db";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

export function toTRPCError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const cause =
    error.field && error.field !== "file"
      ? new ZodError([{ code: "custom", path: [error.field], message: error.message, input: undefined }])
      : undefined;
  return new TRPCError({ code: error.code, message: error.message, cause });
}

/** Runs a domain function and translates its refusals. */
export async function domain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toTRPCError(error);
  }
}
