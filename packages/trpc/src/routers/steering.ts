// Project steering: status reports and the risk register of a project (issue 17). Everyone of the Kommune reads them;
// the PMO and the project's own lead write them (editableProject), like the project itself.
import { queries } from "@spatz/db";
import {
  can,
  chooseMethodInput,
  reportRhythmInput,
  riskInput,
  riskUpdateInput,
  statusReportInput,
  strategyRiskInput,
  suggestMethod,
} from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc.ts";
import { editableProject } from "./portfolio.ts";

const projectId = z.object({ projectId: z.uuid() });

export const steeringRouter = router({
  statusReports: tenantProcedure
    .input(projectId)
    .query(({ ctx, input }) => queries.projectStatusReportsOf(ctx.tx, input.projectId)),

  addStatusReport: tenantProcedure.input(statusReportInput).mutation(async ({ ctx, input }) => {
    await editableProject(ctx, input.projectId);
    const { user } = ctx.session;
    const row = await queries.addStatusReport(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      { userId: user.id, name: user.displayName },
      input,
    );
    return { id: row.id };
  }),

  /** The PMO sets how often a project reports (the matrix lets only the PMO call it). */
  setReportRhythm: tenantProcedure.input(reportRhythmInput).mutation(async ({ ctx, input }) => {
    await queries.setReportRhythm(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      input.projectId,
      input.weeks,
    );
    return { ok: true };
  }),

  risks: tenantProcedure.input(projectId).query(async ({ ctx, input }) => {
    if (!(await queries.getProjectRow(ctx.tx, input.projectId)))
      throw new TRPCError({ code: "NOT_FOUND", message: "Dieses Projekt gibt es nicht." });
    return queries.risksOf(ctx.tx, { projectId: input.projectId });
  }),

  /** A strategy's risks, and the measures of its scope that can treat them. */
  strategyRisks: tenantProcedure.input(z.object({ strategyId: z.uuid() })).query(async ({ ctx, input }) => {
    const strategy = await queries.getStrategy(ctx.tx, input.strategyId);
    if (!strategy) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Strategie gibt es nicht." });
    const units = await queries.scopeUnits(ctx.tx, strategy.orgUnitId);
    const [risks, measures] = await Promise.all([
      queries.risksOf(ctx.tx, { strategyId: input.strategyId }),
      queries.measuresForAssessment(ctx.tx, units),
    ]);
    return { risks, measures: measures.map((m) => ({ id: m.id, title: m.title })) };
  }),

  addStrategyRisk: tenantProcedure.input(strategyRiskInput).mutation(async ({ ctx, input }) => {
    const row = await queries.addRisk(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id, level: row.level };
  }),

  addRisk: tenantProcedure.input(riskInput).mutation(async ({ ctx, input }) => {
    await editableProject(ctx, input.projectId);
    const row = await queries.addRisk(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id, level: row.level };
  }),

  updateRisk: tenantProcedure.input(riskUpdateInput).mutation(async ({ ctx, input }) => {
    const risk = await queries.getRisk(ctx.tx, input.id);
    if (!risk) throw new TRPCError({ code: "NOT_FOUND", message: "Dieses Risiko gibt es nicht." });
    // A project's risk: its editors; a strategy's: the CDO/PMO, like the strategy itself.
    if (risk.projectId) await editableProject(ctx, risk.projectId);
    else if (!can(ctx.session.user.role, "steering.addStrategyRisk"))
      throw new TRPCError({ code: "FORBIDDEN", message: "Risiken einer Strategie pflegt die Koordination." });
    const { id, ...values } = input;
    const row = await queries.updateRisk(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
    return { id, level: row.level };
  }),

  /** The decision aid's answers suggest a method; the chosen one (which may differ, on purpose) goes on the project. */
  chooseMethod: tenantProcedure.input(chooseMethodInput).mutation(async ({ ctx, input }) => {
    await editableProject(ctx, input.projectId);
    const suggested = suggestMethod(input.answers).method;
    await queries.chooseProjectMethod(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.projectId, {
      method: input.method,
      answers: input.answers,
      suggested,
    });
    return { method: input.method, suggested };
  }),

  /** Critical risks not yet closed, across the portfolio: the leadership's start page. */
  criticalRisks: tenantProcedure.query(({ ctx }) => queries.criticalOpenRisks(ctx.tx)),
});
