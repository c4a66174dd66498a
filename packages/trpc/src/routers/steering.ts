// Project steering: status reports and the risk register of a project (issue 17). Everyone of the Kommune reads them;
// the PMO and the project's own lead write them (editableProject), like the project itself.
import { queries } from "@spatz/db";
import {
  chooseMethodInput,
  reportRhythmInput,
  riskInput,
  riskUpdateInput,
  statusReportInput,
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
    return queries.projectRisksOf(ctx.tx, input.projectId);
  }),

  addRisk: tenantProcedure.input(riskInput).mutation(async ({ ctx, input }) => {
    await editableProject(ctx, input.projectId);
    const row = await queries.addRisk(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id, level: row.level };
  }),

  updateRisk: tenantProcedure.input(riskUpdateInput).mutation(async ({ ctx, input }) => {
    const risk = await queries.getRisk(ctx.tx, input.id);
    if (!risk) throw new TRPCError({ code: "NOT_FOUND", message: "Dieses Risiko gibt es nicht." });
    await editableProject(ctx, risk.projectId);
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
