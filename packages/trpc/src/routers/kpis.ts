// Key figures of a strategy's goals (issue 17, docs/adr/0018-strategy-kpis.md): baseline, target and measured values;
// everyone of the Kommune reads them with the strategy, the CDO/PMO keeps them.
import { queries } from "@spatz/db";
import { berlinToday, kpiInput, kpiUpdateInput, kpiValueInput } from "@spatz/domain";
import { z } from "zod";
import { notFound } from "../field-error.ts";
import { router, tenantProcedure } from "../trpc.ts";

const byId = z.object({ id: z.uuid() });

export const kpisRouter = router({
  list: tenantProcedure.input(z.object({ strategyId: z.uuid() })).query(async ({ ctx, input }) => {
    if (!(await queries.getStrategy(ctx.tx, input.strategyId)))
      throw notFound("Diese Strategie gibt es nicht.");
    return queries.listKpis(ctx.tx, [input.strategyId], berlinToday());
  }),
  create: tenantProcedure.input(kpiInput).mutation(async ({ ctx, input }) => {
    const row = await queries.createKpi(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),
  update: tenantProcedure.input(kpiUpdateInput).mutation(async ({ ctx, input }) => {
    const { id, ...values } = input;
    await queries.updateKpi(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
    return { id };
  }),
  remove: tenantProcedure.input(byId).mutation(async ({ ctx, input }) => {
    await queries.removeKpi(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),
  recordValue: tenantProcedure.input(kpiValueInput).mutation(async ({ ctx, input }) => {
    await queries.recordKpiValue(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      ctx.session.user.displayName,
      input,
    );
    return { ok: true };
  }),
  removeValue: tenantProcedure.input(byId).mutation(async ({ ctx, input }) => {
    await queries.removeKpiValue(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),
});
