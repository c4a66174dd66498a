// Domain functions refuse with DomainError (German message, optional form field); procedures answer with the matching
// tRPC error. A field error travels like a zod error (field-error.ts), so forms show it next to the field.
import { DomainError } from "@spatz/db";
import { TRPCError } from "@trpc/server";
import { fieldError } from "./field-error.ts";

export function toTRPCError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  // An import file's message belongs to the whole file, not to a form field.
  if (error.field && error.field !== "file") return fieldError(error.field, error.message, error.code);
  return new TRPCError({ code: error.code, message: error.message });
}

/** Runs a domain function and translates its refusals. */
export async function domain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toTRPCError(error);
  }
}
