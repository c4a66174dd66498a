// A refusal that carries a message for one form field, shaped like a zod validation error so that the screens show it
// next to the field (errorFormatter in trpc.ts flattens it into zodError.fieldErrors).
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

export function fieldError(
  field: string,
  message: string,
  code: TRPCError["code"] = "BAD_REQUEST",
): TRPCError {
  const error = new TRPCError({ code, message });
  // Set after construction: TRPCError wraps a cause that is not an Error (a zod 4 ZodError is not), which would hide
  // it from the errorFormatter's `instanceof ZodError`.
  Object.defineProperty(error, "cause", {
    value: new ZodError([{ code: "custom", path: [field], message, input: undefined }]),
    configurable: true,
    writable: true,
  });
  return error;
}

export function notFound(message = "Der Eintrag wurde nicht gefunden."): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message });
}
