// Capacity (issue 17, docs/adr/0016-capacity.md): PT per GB and year from own staff and framework contracts against the
// PT of approved and running projects and pending proposals. Everyone of the Kommune reads; the PMO keeps the sources.
import { queries } from "@spatz/db";
import { capacitySourceFields, capacitySourceUpdate, capacityYear } from "@spatz/domain";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc.ts";

export const capacityRouter = router({
  /** Per GB and centrally for one year; with a round, only that round's pending proposals count as proposals. */
  overview: tenantProcedure
    .input(z.object({ year: capacityYear, roundId: z.uuid().optional() }))
    .query(({ ctx, input }) => queries.capacityOverview(ctx.tx, input.year, { roundId: input.roundId })),
  sources: tenantProcedure
    .input(z.object({ year: capacityYear }))
    .query(({ ctx, input }) => queries.listCapacitySources(ctx.tx, input.year)),
  create: tenantProcedure.input(capacitySourceFields).mutation(async ({ ctx, input }) => {
    const row = await queries.createCapacitySource(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),
  update: tenantProcedure.input(capacitySourceUpdate).mutation(async ({ ctx, input }) => {
    const { id, ...values } = input;
    await queries.updateCapacitySource(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
    return { id };
  }),
  remove: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await queries.removeCapacitySource(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),
});
