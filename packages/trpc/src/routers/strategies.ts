// The digital strategy per scope (whole administration or one org unit): coordinators edit the working copy,
// leadership approves it; each approval is kept as a read-only version whose targets are the Soll that counts.
import { queries } from "@spatz/db";
import { berlinToday, decisionReference, strategyInput } from "@spatz/domain";
import { z } from "zod";
import { notFound } from "../field-error.ts";
import { router, tenantProcedure } from "../trpc.ts";

const NOT_FOUND = "Diese Strategie gibt es nicht.";

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
          pendingApproval: latest === null || !queries.sameStrategyContent(latest, strategy!),
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
    // The Beschlüsse of the Kommune's Gremien that decide about a version (e.g. the council adopting it).
    const decisions = await queries.decisionsForStrategyVersions(
      ctx.tx,
      versions.map((v) => v.id),
    );
    return {
      strategy,
      orgUnit: orgUnit ? { id: orgUnit.id, name: orgUnit.name, code: orgUnit.code } : null,
      versions: versions.map((v) => ({
        ...v,
        decisions: decisions.filter((d) => d.strategyVersionId === v.id),
      })),
      /** The working copy differs from the approved version (or nothing is approved yet). */
      pendingApproval: latest === null || !queries.sameStrategyContent(latest, strategy),
    };
  }),

  save: tenantProcedure.input(strategyInput).mutation(async ({ ctx, input }) => {
    const { model } = await queries.requireModelInUse(ctx.tx);
    return queries.saveStrategy(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      input,
      new Set(model.dimensions.map((d) => d.key)),
    );
  }),

  /** Leadership approves the working copy; the Beschluss it rests on (if any) is linked to the new version. */
  approve: tenantProcedure
    .input(z.object({ id: z.uuid(), decisionId: decisionReference }))
    .mutation(async ({ ctx, input }) => {
      const { summary } = await queries.requireModelInUse(ctx.tx);
      const version = await queries.approveStrategy(
        ctx.tx,
        ctx.session.tenant.id,
        ctx.session.actor,
        ctx.session.user,
        input.id,
        summary.id,
        berlinToday(),
      );
      if (input.decisionId)
        await queries.linkDecision(ctx.tx, ctx.session.tenant.id, input.decisionId, {
          kind: "strategy_version",
          id: version.id,
        });
      return version;
    }),
});
