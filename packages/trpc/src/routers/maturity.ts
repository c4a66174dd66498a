// A Kommune's maturity: the model version it uses, the dashboard (Ist, history with steps, plan, Soll, next steps,
// risks) for the whole administration or one org unit, and moving its links to a newer published model version.
import { queries } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { buildDashboard, sollForecasts, type Target } from "@spatz/maturity";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc.ts";

export const maturityRouter = router({
  model: tenantProcedure.query(async ({ ctx }) => {
    const inUse = await queries.requireModelInUse(ctx.tx);
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
      const orgUnitIds = await queries.scopeUnits(ctx.tx, input.orgUnitId);
      const [inUse, rows, evidence, strategy, assignees] = await Promise.all([
        queries.requireModelInUse(ctx.tx),
        queries.measuresForAssessment(ctx.tx, orgUnitIds),
        // Governance evidence (Beschlüsse, RACI, process reviews) belongs to the whole administration.
        orgUnitIds ? [] : queries.governanceEvidence(ctx.tx),
        queries.getStrategyForScope(ctx.tx, input.orgUnitId),
        queries.listAssignees(ctx.tx),
      ]);
      const [approved, kpis] = strategy
        ? await Promise.all([
            queries.latestApprovedVersion(ctx.tx, strategy.id),
            queries.listKpis(ctx.tx, [strategy.id], berlinToday()),
          ])
        : [null, []];
      const dimensionKeys = new Set(inUse.model.dimensions.map((d) => d.key));
      // Approved targets for dimensions this model version no longer has cannot be evaluated; they are reported.
      const targets: Target[] = (approved?.targets ?? []).filter((t) => dimensionKeys.has(t.dimensionKey));
      const droppedTargets = (approved?.targets ?? []).filter((t) => !dimensionKeys.has(t.dimensionKey));
      const today = berlinToday();
      const dashboard = buildDashboard(inUse.model, [...rows, ...evidence], targets, { today });
      const names = new Map(assignees.map((a) => [a.id, a.displayName]));
      return {
        dashboard,
        // When each open Soll is reached at the pace of the last 6 and 12 months of completed measures.
        sollForecast: sollForecasts(dashboard.current, dashboard.targets, rows, today),
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
        /** The strategy's key figures with their progress: shown beside the Soll. */
        kpis: kpis.map((k) => ({
          id: k.id,
          goal: k.goal,
          name: k.name,
          unit: k.unit,
          target: k.target,
          targetOn: k.targetOn,
          progress: k.progress,
        })),
        /** What fulfils criteria besides measures: named, dated and linked to its page. */
        evidence: evidence.map((e) => ({
          id: e.id,
          kind: e.kind,
          title: e.title,
          href: e.href,
          on: e.completedOn,
        })),
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

  adoptModel: tenantProcedure.mutation(({ ctx }) =>
    queries.adoptPublishedModel(ctx.tx, ctx.session.tenant.id, ctx.session.actor),
  ),
});
