// The yearly registration round: the PMO opens it and sets the criteria weights, Fachbereiche (project leads) register
// proposals, the PMO scores them, the PMO or the Verwaltungsführung decides; approved proposals become projects.
import { queries } from "@spatz/db";
import {
  criterionWeights,
  isoDate,
  proposalDecisionInput,
  proposalScoreInput,
  ROUND_STATUSES,
  roundOpenInput,
} from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";
import { proposalCreate, proposalUpdate } from "./portfolio-inputs.ts";

export const registrationRouter = router({
  rounds: tenantProcedure.query(({ ctx }) => queries.listRounds(ctx.tx)),

  round: tenantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const round = await queries.getRound(ctx.tx, input.id);
    if (!round) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Anmelderunde gibt es nicht." });
    return round;
  }),

  openRound: tenantProcedure.input(roundOpenInput).mutation(async ({ ctx, input }) => {
    const row = await queries.openRound(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),

  updateRound: tenantProcedure
    .input(
      z.object({
        id: z.uuid(),
        title: roundOpenInput.shape.title,
        deadline: isoDate.nullable().default(null),
        weights: criterionWeights,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { id, ...values } = input;
      await queries.updateRound(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
      return { id };
    }),

  setRoundStatus: tenantProcedure
    .input(z.object({ id: z.uuid(), status: z.enum(ROUND_STATUSES) }))
    .mutation(async ({ ctx, input }) => {
      await queries.setRoundStatus(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id, input.status);
      return { id: input.id, status: input.status };
    }),

  submitProposal: tenantProcedure.input(proposalCreate).mutation(async ({ ctx, input }) => {
    const { start, end, ...rest } = input;
    const row = await queries.submitProposal(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      ctx.session.user.id,
      {
        ...rest,
        startDate: start,
        endDate: end,
        leadName: rest.leadName || null,
      },
    );
    return { id: row.id };
  }),

  /** The submitter (or the PMO) corrects a proposal that has not been assessed yet. */
  updateProposal: tenantProcedure.input(proposalUpdate).mutation(async ({ ctx, input }) => {
    const { id, start, end, ...rest } = input;
    const proposal = await ownProposal(ctx, id, "ändern");
    await queries.updateProposal(ctx.tx, ctx.session.tenant.id, ctx.session.actor, proposal, {
      ...rest,
      startDate: start,
      endDate: end,
      leadName: rest.leadName || null,
    });
    return { id };
  }),

  /** The submitter (or the PMO) withdraws a proposal that has not been assessed yet. */
  withdrawProposal: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const proposal = await ownProposal(ctx, input.id, "zurückziehen");
    await queries.withdrawProposal(ctx.tx, ctx.session.tenant.id, ctx.session.actor, proposal);
    return { ok: true };
  }),

  scoreProposal: tenantProcedure.input(proposalScoreInput).mutation(async ({ ctx, input }) => {
    await queries.scoreProposal(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      input.id,
      input.scores,
      input.note,
    );
    return { id: input.id };
  }),

  decideProposal: tenantProcedure.input(proposalDecisionInput).mutation(async ({ ctx, input }) => {
    const row = await queries.decideProposal(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      input.id,
      input.decision,
      input.note,
    );
    // The Beschluss the approval rests on decides about the project the proposal became.
    if (input.decisionId && row.projectId)
      await queries.linkDecision(ctx.tx, ctx.session.tenant.id, input.decisionId, {
        kind: "project",
        id: row.projectId,
      });
    return { id: row.id, status: row.status, projectId: row.projectId };
  }),
});

/**
 * The proposal to change or withdraw: a project lead only those they submitted, the PMO (coordinator) any of them.
 */
async function ownProposal(
  ctx: { tx: Parameters<typeof queries.getProposalRow>[0]; session: SessionContext },
  id: string,
  verb: string,
) {
  const proposal = await queries.getProposalRow(ctx.tx, id);
  if (!proposal) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Anmeldung gibt es nicht." });
  if (ctx.session.user.role !== "coordinator" && proposal.submittedBy !== ctx.session.user.id)
    throw new TRPCError({ code: "FORBIDDEN", message: `Sie können nur Ihre eigenen Anmeldungen ${verb}.` });
  return proposal;
}
