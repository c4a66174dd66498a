// User administration of a tenant (Kommune admins, and state admins for the state's own staff).
import { changeUserRole, inviteUser, revokeInvitation, setUserStatus } from "@spatz/auth";
import { queries } from "@spatz/db";
import { inviteInput, pageInput, ROLES } from "@spatz/domain";
import { z } from "zod";
import { accountActor } from "../account-actor.ts";
import { invitationLink, queueInvitationMail } from "../invitation-mail.ts";
import { router, tenantProcedure } from "../trpc.ts";

export const usersRouter = router({
  list: tenantProcedure
    .input(pageInput.extend({ search: z.string().max(100).optional() }))
    .query(({ ctx, input }) => queries.listUsers(ctx.tx, input)),

  invitations: tenantProcedure.query(({ ctx }) => queries.listOpenInvitations(ctx.tx)),

  /** The first-run checklist of a Kommune's administration. */
  setupProgress: tenantProcedure.query(({ ctx }) => queries.setupProgress(ctx.tx)),

  invite: tenantProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const { tenant } = ctx.session;
    const invitation = await inviteUser(ctx.tx, accountActor(ctx.session), input);
    const link = invitationLink(ctx.deps.publicUrl, tenant.slug, invitation.token);
    const send = await queueInvitationMail(ctx.tx, ctx.deps, {
      tenantId: tenant.id,
      invitationId: invitation.id,
      to: input.email,
      tenantName: tenant.name,
      link,
      expiresAt: invitation.expiresAt,
    });
    if (send) ctx.afterCommit(send);
    return { id: invitation.id, link, expiresAt: invitation.expiresAt, mailed: send !== null };
  }),

  revokeInvitation: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await revokeInvitation(ctx.tx, accountActor(ctx.session), input.id);
    return { ok: true };
  }),

  changeRole: tenantProcedure
    .input(z.object({ userId: z.uuid(), role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) =>
      changeUserRole(ctx.tx, accountActor(ctx.session), input.userId, input.role),
    ),

  setStatus: tenantProcedure
    .input(z.object({ userId: z.uuid(), status: z.enum(["active", "disabled"]) }))
    .mutation(({ ctx, input }) =>
      setUserStatus(ctx.tx, accountActor(ctx.session), input.userId, input.status),
    ),
});
