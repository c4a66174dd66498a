// A Kommune's maturity: the model version it uses, the dashboard (Ist, history with steps, plan, Soll, next steps,
// risks) for the whole administration or one org unit, and moving its links to a newer published model version.
import { queries, schema, writeAudit } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { buildDashboard, mapCriterionLinks, type Target } from "@spatz/maturity";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { modelInUse, scopeUnits } from "../maturity-scope.ts";
import { router, tenantProcedure } from "../trpc.ts";

const { measures, maturitySettings, strategies } = schema;

export const maturityRouter = router({
  model: tenantProcedure.query(async ({ ctx }) => {
    const inUse = await modelInUse(ctx.tx);
    const published = await queries.getPublishedModelSummary(ctx.tx);
    return {
      model: inUse.model,
      summary: inUse.summary,
      published,
      /** A newer published version exists that the Kommune has not adopted yet. */
      newerVersion: published && published.id !== inUse.summary.id ? published : null,
    };
  }),

  dashboard: tenantProcedure
    .input(z.object({ orgUnitId: z.uuid().nullable().default(null) }))
    .query(async ({ ctx, input }) => {
      const orgUnitIds = await scopeUnits(ctx.tx, input.orgUnitId);
      const [inUse, rows, strategy, assignees] = await Promise.all([
        modelInUse(ctx.tx),
        queries.measuresForAssessment(ctx.tx, orgUnitIds),
        queries.getStrategyForScope(ctx.tx, input.orgUnitId),
        queries.listAssignees(ctx.tx),
      ]);
      const approved = strategy ? await queries.latestApprovedVersion(ctx.tx, strategy.id) : null;
      const dimensionKeys = new Set(inUse.model.dimensions.map((d) => d.key));
      // Approved targets for dimensions this model version no longer has cannot be evaluated; they are reported.
      const targets: Target[] = (approved?.targets ?? []).filter((t) => dimensionKeys.has(t.dimensionKey));
      const droppedTargets = (approved?.targets ?? []).filter((t) => !dimensionKeys.has(t.dimensionKey));
      const today = berlinToday();
      const dashboard = buildDashboard(inUse.model, rows, targets, { today });
      const names = new Map(assignees.map((a) => [a.id, a.displayName]));
      return {
        dashboard,
        model: inUse.model,
        modelSummary: inUse.summary,
        strategy: strategy
          ? {
              id: strategy.id,
              title: strategy.title,
              approvedVersion: approved?.version ?? null,
              approvedOn: approved?.approvedOn ?? null,
              approvedByName: approved?.approvedByName ?? null,
            }
          : null,
        droppedTargets,
        measures: rows.map((m) => ({
          id: m.id,
          title: m.title,
          status: m.status,
          plannedEnd: m.plannedEnd,
          completedOn: m.completedOn,
          responsibleUserId: m.responsibleUserId,
          responsibleName: m.responsibleUserId ? (names.get(m.responsibleUserId) ?? null) : null,
        })),
      };
    }),

  adoptModel: tenantProcedure.mutation(async ({ ctx }) => {
    const inUse = await modelInUse(ctx.tx);
    const published = await queries.getPublishedModelSummary(ctx.tx);
    if (!published || published.id === inUse.summary.id) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "Sie verwenden bereits die aktuelle Version des Reifegradmodells.",
      });
    }
    const chain = await queries.modelChain(ctx.tx, inUse.summary.id, published.id);
    if (!chain) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "Für diese Versionen ist keine Zuordnung der Kriterien hinterlegt.",
      });
    }
    const steps = await Promise.all(
      chain.map(async (id) => ({
        model: (await queries.loadModel(ctx.tx, id))!,
        mapping: await queries.loadCriterionMapping(ctx.tx, id),
      })),
    );
    const tenantId = ctx.session.tenant.id;
    const rows = await ctx.tx
      .select({ id: measures.id, criterionKeys: measures.criterionKeys })
      .from(measures);
    let relinked = 0;
    const dropped = new Set<string>();
    for (const row of rows) {
      let keys = row.criterionKeys;
      for (const step of steps) {
        const mapped = mapCriterionLinks(keys, step.mapping, step.model);
        for (const key of mapped.dropped) dropped.add(key);
        keys = mapped.keys;
      }
      if (JSON.stringify(keys) !== JSON.stringify(row.criterionKeys)) {
        await ctx.tx
          .update(measures)
          .set({ criterionKeys: keys })
          .where(and(eq(measures.tenantId, tenantId), eq(measures.id, row.id)));
        relinked++;
      }
    }
    // Working copies of strategies keep only targets whose dimension still exists; approved versions stay history.
    const newDimensions = new Set(steps.at(-1)!.model.dimensions.map((d) => d.key));
    for (const s of await ctx.tx.select().from(strategies)) {
      const kept = s.targets.filter((t) => newDimensions.has(t.dimensionKey));
      if (kept.length !== s.targets.length) {
        await ctx.tx
          .update(strategies)
          .set({ targets: kept })
          .where(and(eq(strategies.tenantId, tenantId), eq(strategies.id, s.id)));
      }
    }
    if (inUse.pinned) {
      await ctx.tx
        .update(maturitySettings)
        .set({ modelId: published.id, adoptedAt: new Date() })
        .where(eq(maturitySettings.tenantId, tenantId));
    } else {
      await ctx.tx.insert(maturitySettings).values({ tenantId, modelId: published.id });
    }
    await writeAudit(ctx.tx, tenantId, ctx.session.actor, {
      action: "maturity.adopt_model",
      entityType: "maturity_model",
      entityId: published.id,
      before: { version: inUse.summary.version },
      after: {
        version: published.version,
        relinkedMeasures: relinked,
        droppedCriterionKeys: [...dropped].sort(),
      },
    });
    return {
      version: published.version,
      relinkedMeasures: relinked,
      droppedCriterionKeys: [...dropped].sort(),
    };
  }),
});
