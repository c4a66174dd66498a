// The digital strategy per scope (whole administration or one org unit): coordinators edit the working copy,
// leadership approves it; each approval is kept as a read-only version whose targets are the Soll that counts.
import { queries, schema, writeAudit } from "@spatz/db";
import { berlinToday, strategyInput } from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { fieldError, isUniqueViolation, notFound } from "../field-error.ts";
import { modelInUse } from "../maturity-scope.ts";
import { router, tenantProcedure } from "../trpc.ts";

const { strategies, strategyVersions } = schema;
const NOT_FOUND = "Diese Strategie gibt es nicht.";

type Content = { title: string; vision: string; goals: string[]; targets: schema.StrategyTarget[] };

function content(s: Content): string {
  return JSON.stringify([s.title, s.vision, s.goals, s.targets]);
}

export const strategiesRouter = router({
  list: tenantProcedure.query(async ({ ctx }) => {
    const rows = await queries.listStrategies(ctx.tx);
    return Promise.all(
      rows.map(async (row) => {
        const [strategy, latest] = await Promise.all([
          queries.getStrategy(ctx.tx, row.id),
          queries.latestApprovedVersion(ctx.tx, row.id),
        ]);
        return {
          ...row,
          approvedOn: latest?.approvedOn ?? null,
          pendingApproval: latest === null || content(latest) !== content(strategy!),
        };
      }),
    );
  }),

  get: tenantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const strategy = await queries.getStrategy(ctx.tx, input.id);
    if (!strategy) throw notFound(NOT_FOUND);
    const [versions, orgUnit] = await Promise.all([
      queries.listStrategyVersions(ctx.tx, input.id),
      strategy.orgUnitId ? queries.getOrgUnit(ctx.tx, strategy.orgUnitId) : Promise.resolve(null),
    ]);
    const latest = versions[0] ?? null;
    return {
      strategy,
      orgUnit: orgUnit ? { id: orgUnit.id, name: orgUnit.name, code: orgUnit.code } : null,
      versions,
      /** The working copy differs from the approved version (or nothing is approved yet). */
      pendingApproval: latest === null || content(latest) !== content(strategy),
    };
  }),

  save: tenantProcedure.input(strategyInput).mutation(async ({ ctx, input }) => {
    const { model } = await modelInUse(ctx.tx);
    const dimensionKeys = new Set(model.dimensions.map((d) => d.key));
    const unknown = input.targets.filter((t) => !dimensionKeys.has(t.dimensionKey));
    if (unknown.length > 0) {
      throw fieldError("targets", `Unbekannte Dimension: ${unknown.map((t) => t.dimensionKey).join(", ")}.`);
    }
    const fields = { title: input.title, vision: input.vision, goals: input.goals, targets: input.targets };
    const tenantId = ctx.session.tenant.id;
    if (input.id) {
      const before = await queries.getStrategy(ctx.tx, input.id);
      if (!before) throw notFound(NOT_FOUND);
      const [row] = await ctx.tx
        .update(strategies)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(strategies.tenantId, tenantId), eq(strategies.id, input.id)))
        .returning();
      await writeAudit(ctx.tx, tenantId, ctx.session.actor, {
        action: "strategy.update",
        entityType: "strategy",
        entityId: input.id,
        before: { title: before.title, vision: before.vision, goals: before.goals, targets: before.targets },
        after: fields,
      });
      return row!;
    }
    if (input.orgUnitId && !(await queries.getOrgUnit(ctx.tx, input.orgUnitId))) {
      throw fieldError("orgUnitId", "Diese Organisationseinheit gibt es nicht.");
    }
    try {
      const [row] = await ctx.tx
        .insert(strategies)
        .values({ ...fields, orgUnitId: input.orgUnitId, tenantId })
        .returning();
      await writeAudit(ctx.tx, tenantId, ctx.session.actor, {
        action: "strategy.create",
        entityType: "strategy",
        entityId: row!.id,
        after: { ...fields, orgUnitId: input.orgUnitId },
      });
      return row!;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw fieldError("orgUnitId", "Für diesen Bereich gibt es bereits eine Strategie.");
      }
      throw error;
    }
  }),

  approve: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const strategy = await queries.getStrategy(ctx.tx, input.id);
    if (!strategy) throw notFound(NOT_FOUND);
    const latest = await queries.latestApprovedVersion(ctx.tx, input.id);
    if (latest && content(latest) === content(strategy)) {
      throw new TRPCError({ code: "CONFLICT", message: "Dieser Stand ist bereits freigegeben." });
    }
    const { summary } = await modelInUse(ctx.tx);
    const [version] = await ctx.tx
      .insert(strategyVersions)
      .values({
        tenantId: ctx.session.tenant.id,
        strategyId: strategy.id,
        version: (latest?.version ?? 0) + 1,
        title: strategy.title,
        vision: strategy.vision,
        goals: strategy.goals,
        targets: strategy.targets,
        modelId: summary.id,
        approvedOn: berlinToday(),
        approvedByUserId: ctx.session.user.id,
        approvedByName: ctx.session.user.displayName,
      })
      .returning();
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "strategy.approve",
      entityType: "strategy",
      entityId: strategy.id,
      after: { version: version!.version, approvedOn: version!.approvedOn, targets: version!.targets },
    });
    return version!;
  }),
});
