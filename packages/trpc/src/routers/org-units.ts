// Organisational units of a Kommune (a tree), used as the scope of measures and strategies.
import { queries, schema, writeAudit } from "@spatz/db";
import { orgUnitInput } from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { fieldError, isUniqueViolation, notFound } from "../field-error.ts";
import { router, tenantProcedure } from "../trpc.ts";

const { orgUnits } = schema;
const NOT_FOUND = "Diese Organisationseinheit gibt es nicht.";
const SHORT_CODE_TAKEN = "Dieses Kürzel ist bereits vergeben.";

export const orgUnitsRouter = router({
  list: tenantProcedure.query(({ ctx }) => queries.listOrgUnits(ctx.tx)),

  create: tenantProcedure.input(orgUnitInput).mutation(async ({ ctx, input }) => {
    if (input.parentId && !(await queries.getOrgUnit(ctx.tx, input.parentId))) {
      throw fieldError("parentId", "Die übergeordnete Einheit gibt es nicht.");
    }
    try {
      const [row] = await ctx.tx
        .insert(orgUnits)
        .values({ ...input, tenantId: ctx.session.tenant.id })
        .returning();
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: "org_unit.create",
        entityType: "org_unit",
        entityId: row!.id,
        after: row,
      });
      return row!;
    } catch (error) {
      if (isUniqueViolation(error)) throw fieldError("shortCode", SHORT_CODE_TAKEN);
      throw error;
    }
  }),

  update: tenantProcedure.input(orgUnitInput.extend({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const before = await queries.getOrgUnit(ctx.tx, input.id);
    if (!before) throw notFound(NOT_FOUND);
    if (input.parentId) {
      const units = await queries.listOrgUnits(ctx.tx);
      if (!units.some((u) => u.id === input.parentId)) {
        throw fieldError("parentId", "Die übergeordnete Einheit gibt es nicht.");
      }
      if (queries.subtreeIds(units, input.id).includes(input.parentId)) {
        throw fieldError(
          "parentId",
          "Eine Einheit kann nicht unter sich selbst oder einer ihrer Untereinheiten stehen.",
        );
      }
    }
    try {
      const { id, ...fields } = input;
      const [row] = await ctx.tx
        .update(orgUnits)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(orgUnits.tenantId, ctx.session.tenant.id), eq(orgUnits.id, id)))
        .returning();
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: "org_unit.update",
        entityType: "org_unit",
        entityId: id,
        before: { name: before.name, shortCode: before.shortCode, parentId: before.parentId },
        after: { name: row!.name, shortCode: row!.shortCode, parentId: row!.parentId },
      });
      return row!;
    } catch (error) {
      if (isUniqueViolation(error)) throw fieldError("shortCode", SHORT_CODE_TAKEN);
      throw error;
    }
  }),

  remove: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const before = await queries.getOrgUnit(ctx.tx, input.id);
    if (!before) throw notFound(NOT_FOUND);
    const usage = await queries.orgUnitUsage(ctx.tx, input.id);
    if (usage.measures + usage.strategies + usage.children > 0) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `„${before.name}“ wird noch verwendet (${usage.measures} Maßnahmen, ${usage.strategies} Strategien, ${usage.children} Untereinheiten) und kann nicht gelöscht werden.`,
      });
    }
    await ctx.tx
      .delete(orgUnits)
      .where(and(eq(orgUnits.tenantId, ctx.session.tenant.id), eq(orgUnits.id, input.id)));
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "org_unit.remove",
      entityType: "org_unit",
      entityId: input.id,
      before: { name: before.name, shortCode: before.shortCode, parentId: before.parentId },
    });
    return { ok: true };
  }),
});
