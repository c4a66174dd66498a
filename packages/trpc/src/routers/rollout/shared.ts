// Helpers shared by the rollout procedures: who the caller acts for, and turning domain errors into tRPC errors.
import { queries } from "@spatz/db";
import { ERROR_MESSAGES } from "@spatz/domain";
import { CostModelError, type KommuneKind } from "@spatz/rollout";
import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import type { SessionContext } from "../../trpc.ts";

type Ctx = { session: SessionContext };

/** The Kommune the caller belongs to; the matrix already limits these procedures to Kommune roles. */
export function kommuneOf(ctx: Ctx): { id: string; kind: KommuneKind } {
  const { tenant } = ctx.session;
  if (tenant.kind === "state") throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  return { id: tenant.id, kind: tenant.kind };
}

/** The state tenant's id; the matrix already limits these procedures to state roles. */
export function stateOf(ctx: Ctx): string {
  if (ctx.session.tenant.kind !== "state")
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  return ctx.session.tenant.id;
}

/** A German message for one input field, shown next to that field (same shape as a zod validation error). */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message,
    // ZodRealError (not ZodError): only an Error subclass survives as the TRPCError's cause.
    cause: new ZodRealError([{ code: "custom", path: [field], message, input: undefined }]),
  });
}

/** Runs a query function and maps RolloutError / CostModelError to tRPC errors with German messages. */
export async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof queries.RolloutError) {
      // A problem with one field (also a duplicate name) is shown next to that field.
      if (error.field) throw fieldError(error.field, error.message);
      throw new TRPCError({ code: error.code, message: error.message });
    }
    if (error instanceof CostModelError)
      throw new TRPCError({ code: "BAD_REQUEST", message: error.issues.join(" ") });
    throw error;
  }
}

export function notFound(message = "Der Eintrag wurde nicht gefunden."): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message });
}
