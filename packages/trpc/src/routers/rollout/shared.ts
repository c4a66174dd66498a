// Helpers shared by the rollout procedures: who the caller acts for.
import { ERROR_MESSAGES } from "@spatz/domain";
import type { KommuneKind } from "@spatz/rollout";
import { TRPCError } from "@trpc/server";
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
