// IT-Governance of a Kommune (issue 17, docs/adr/0015-it-governance.md): Gremien with members, meetings and
// Beschlüsse, the RACI matrix and the processes with their reviews. Everyone of the Kommune reads; the CDO/PMO
// records (the matrix in @spatz/domain permissions.ts). Beschlüsse, a published RACI and process reviews are evidence
// for maturity criteria (the snapshot refresh follows them: @spatz/benchmark triggers.ts).
import { queries } from "@spatz/db";
import {
  berlinToday,
  bodyCreateInput,
  bodyUpdateInput,
  decisionInput,
  decisionStatusInput,
  meetingInput,
  processFields,
  processReviewInput,
  processUpdateInput,
  raciDraftInput,
} from "@spatz/domain";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc.ts";

const byId = z.object({ id: z.uuid() });

export const governanceRouter = router({
  bodies: tenantProcedure.query(({ ctx }) => queries.listBodies(ctx.tx)),
  body: tenantProcedure.input(byId).query(({ ctx, input }) => queries.getBody(ctx.tx, input.id)),

  createBody: tenantProcedure.input(bodyCreateInput).mutation(async ({ ctx, input }) => {
    const row = await queries.createBody(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),
  updateBody: tenantProcedure.input(bodyUpdateInput).mutation(async ({ ctx, input }) => {
    const { id, ...values } = input;
    await queries.updateBody(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
    return { id };
  }),
  removeBody: tenantProcedure.input(byId).mutation(async ({ ctx, input }) => {
    await queries.removeBody(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),

  addMeeting: tenantProcedure.input(meetingInput).mutation(async ({ ctx, input }) => {
    const row = await queries.addMeeting(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),
  updateMeeting: tenantProcedure
    .input(meetingInput.omit({ bodyId: true }).extend({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const { id, ...values } = input;
      await queries.updateMeeting(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
      return { id };
    }),
  removeMeeting: tenantProcedure.input(byId).mutation(async ({ ctx, input }) => {
    await queries.removeMeeting(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id);
    return { ok: true };
  }),

  /** What a Beschluss can decide about: the Kommune's measures, projects and approved strategy versions. */
  linkOptions: tenantProcedure.query(({ ctx }) => queries.decisionLinkOptions(ctx.tx)),
  decisionOptions: tenantProcedure.query(({ ctx }) => queries.decisionOptions(ctx.tx)),
  addDecision: tenantProcedure.input(decisionInput).mutation(async ({ ctx, input }) => {
    const row = await queries.addDecision(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),
  setDecisionStatus: tenantProcedure.input(decisionStatusInput).mutation(async ({ ctx, input }) => {
    await queries.setDecisionStatus(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: input.id };
  }),

  raci: tenantProcedure.query(({ ctx }) => queries.getRaci(ctx.tx)),
  saveRaciDraft: tenantProcedure
    .input(raciDraftInput)
    .mutation(({ ctx, input }) =>
      queries.saveRaciDraft(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input),
    ),
  publishRaci: tenantProcedure.mutation(({ ctx }) =>
    queries.publishRaci(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      ctx.session.user.displayName,
      berlinToday(),
    ),
  ),
  discardRaciDraft: tenantProcedure.mutation(async ({ ctx }) => {
    await queries.discardRaciDraft(ctx.tx, ctx.session.tenant.id, ctx.session.actor);
    return { ok: true };
  }),

  processes: tenantProcedure.query(({ ctx }) => queries.listProcesses(ctx.tx, berlinToday())),
  createProcess: tenantProcedure.input(processFields).mutation(async ({ ctx, input }) => {
    const row = await queries.createProcess(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input);
    return { id: row.id };
  }),
  updateProcess: tenantProcedure.input(processUpdateInput).mutation(async ({ ctx, input }) => {
    const { id, ...values } = input;
    await queries.updateProcess(ctx.tx, ctx.session.tenant.id, ctx.session.actor, id, values);
    return { id };
  }),
  reviewProcess: tenantProcedure.input(processReviewInput).mutation(async ({ ctx, input }) => {
    const row = await queries.addProcessReview(
      ctx.tx,
      ctx.session.tenant.id,
      ctx.session.actor,
      ctx.session.user.displayName,
      input,
    );
    return { id: row.id, validUntil: row.validUntil };
  }),
});
