// The Kommune's org unit tree (GB → R, other units), shared by the portfolio and the maturity module.
import { queries } from "@spatz/db";
import { orgUnitCode, orgUnitInput } from "@spatz/domain";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc.ts";

export const orgUnitsRouter = router({
  list: tenantProcedure.query(({ ctx }) => queries.listOrgUnits(ctx.tx)),

  create: tenantProcedure
    .input(orgUnitInput)
    .mutation(({ ctx, input }) =>
      queries.createOrgUnit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input),
    ),

  update: tenantProcedure
    .input(z.object({ id: z.uuid(), code: orgUnitCode, name: orgUnitInput.shape.name }))
    .mutation(({ ctx, input }) =>
      queries.updateOrgUnit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id, {
        code: input.code,
        name: input.name,
      }),
    ),

  remove: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await queries.removeOrgUnit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),
});
