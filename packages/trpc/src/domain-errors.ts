// Domain functions refuse with DomainError (German message, optional form field); every procedure answers with the
// matching tRPC error, translated once for all tiers (trpc.ts). A field error travels like a zod error
// (field-error.ts), so forms show it next to the field.
import type { DomainError } from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { fieldError } from "./field-error.ts";

export function toTRPCError(error: DomainError): TRPCError {
  // An import file's message belongs to the whole file, not to a form field.
  if (error.field && error.field !== "file") return fieldError(error.field, error.message, error.code);
  return new TRPCError({ code: error.code, message: error.message });
}
