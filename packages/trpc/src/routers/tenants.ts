// Tenant administration by the state: create, rename, suspend, mark for deletion, and invite a Kommune's first
// administrator. Cross-tenant changes run the state's side and the Kommune's side as two transactions in sequence
// (provisioningProcedure), the deciding registry change first.
import { endSessionsByState, inviteAdministrationByState, noteStateAction } from "@spatz/auth";
import { queries } from "@spatz/db";
import {
  displayName,
  email,
  pageInput,
  TENANT_DELETION_GRACE_DAYS,
  TENANT_KINDS,
  TENANT_STATUSES,
  tenantSlug,
} from "@spatz/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { runAfterCommit } from "../after-commit.ts";
import { invitationLink, queueInvitationMail } from "../invitation-mail.ts";
import { provisioningProcedure, router, tenantProcedure } from "../trpc.ts";

const KOMMUNE_KINDS = TENANT_KINDS.filter((k) => k !== "state") as [
  Exclude<(typeof TENANT_KINDS)[number], "state">,
  ...Exclude<(typeof TENANT_KINDS)[number], "state">[],
];

const tenantName = z.string().trim().min(3, "Bitte einen Namen mit mindestens 3 Zeichen eingeben.").max(160);

const INVITE_ADMIN_NEEDS_MAIL =
  "Einladungen durch das Land werden nur per E-Mail zugestellt, und der Mailversand ist nicht eingerichtet " +
  "(SMTP_URL). Bitte wenden Sie sich an den Betrieb.";

export const tenantsRouter = router({
  list: tenantProcedure
    .input(
      pageInput.extend({
        search: z.string().max(100).optional(),
        kind: z.enum(TENANT_KINDS).optional(),
        status: z.enum(TENANT_STATUSES).optional(),
      }),
    )
    .query(({ ctx, input }) => queries.listTenants(ctx.tx, input)),

  /** One Kommune as the Land sees it: registry, rollout figures, contacts, and its maturity where it shares it. */
  profile: tenantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const profile = await queries.kommuneProfile(ctx.tx, ctx.session.tenant.id, input.id);
    if (!profile) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Kommune gibt es nicht." });
    return profile;
  }),

  create: tenantProcedure
    .input(
      z.object({
        name: tenantName,
        slug: tenantSlug,
        kind: z.enum(KOMMUNE_KINDS),
        ags: z
          .string()
          .regex(/^\d{5,9}$/, "Der AGS besteht aus 5 bis 9 Ziffern.")
          .optional(),
        kreisName: z.string().max(120).optional(),
        population: z.number().int().min(0).max(10_000_000).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      queries.createTenant(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input),
    ),

  rename: tenantProcedure
    .input(z.object({ id: z.uuid(), name: tenantName }))
    .mutation(({ ctx, input }) =>
      queries.renameTenant(ctx.tx, ctx.session.tenant.id, ctx.session.actor, input.id, input.name),
    ),

  setStatus: provisioningProcedure
    .input(z.object({ id: z.uuid(), status: z.enum(["active", "suspended"]) }))
    .mutation(async ({ ctx, input }) => {
      const { actor } = ctx.session;
      // Once the status is committed, the tenant tier refuses every session of a suspended Kommune; ending its
      // sessions afterwards only tidies up, so a failure there leaves nothing half done.
      const row = await ctx.caps.inState((tx) =>
        queries.setTenantStatus(tx, ctx.session.tenant.id, actor, input.id, input.status),
      );
      if (input.status === "suspended")
        await ctx.caps.inTenant(input.id, (tx) =>
          endSessionsByState(tx, input.id, actor, "tenant.suspended_by_state"),
        );
      return row;
    }),

  /**
   * Marks a Kommune for deletion in TENANT_DELETION_GRACE_DAYS days: its sessions end, nobody there can sign in, and
   * on that day `pnpm spatz purge-tenants` deletes all its data. The Kennung must be typed again as confirmation.
   */
  scheduleDeletion: provisioningProcedure
    .input(z.object({ id: z.uuid(), confirmSlug: z.string().max(100) }))
    .mutation(async ({ ctx, input }) => {
      const { actor } = ctx.session;
      const dueAt = new Date(Date.now() + TENANT_DELETION_GRACE_DAYS * 24 * 60 * 60 * 1000);
      const row = await ctx.caps.inState((tx) =>
        queries.scheduleTenantDeletion(tx, ctx.session.tenant.id, actor, input.id, input.confirmSlug, dueAt),
      );
      await ctx.caps.inTenant(input.id, (tx) =>
        endSessionsByState(tx, input.id, actor, "tenant.deletion_scheduled_by_state", {
          deletionDueAt: dueAt,
        }),
      );
      return row;
    }),

  /** Takes the deletion mark back while the grace period runs: the Kommune is active again. */
  cancelDeletion: provisioningProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const { actor } = ctx.session;
    const row = await ctx.caps.inState((tx) =>
      queries.cancelTenantDeletion(tx, ctx.session.tenant.id, actor, input.id),
    );
    await ctx.caps.inTenant(input.id, (tx) =>
      noteStateAction(tx, input.id, actor, "tenant.deletion_cancelled_by_state"),
    );
    return row;
  }),

  inviteAdmin: provisioningProcedure
    .input(z.object({ tenantId: z.uuid(), email, displayName }))
    .mutation(async ({ ctx, input }) => {
      const { actor } = ctx.session;
      const tenant = await ctx.caps.inState((tx) => queries.getTenantById(tx, input.tenantId));
      if (!tenant || tenant.kind === "state")
        throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
      // The link reaches only the invitee: without a way to send mail the state cannot invite anyone.
      if (!ctx.deps.mailEnabled)
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: INVITE_ADMIN_NEEDS_MAIL });
      // The Kommune's side first: it decides (no active administration), records the invitation in its own audit
      // log and writes the mail into its own outbox. The state's audit entry follows in the state's transaction.
      const { invitation, send } = await ctx.caps.inTenant(tenant.id, async (tx) => {
        const invitation = await inviteAdministrationByState(tx, tenant.id, actor, input);
        const send = await queueInvitationMail(tx, ctx.deps, {
          tenantId: tenant.id,
          invitationId: invitation.id,
          to: input.email,
          tenantName: tenant.name,
          link: invitationLink(ctx.deps.publicUrl, tenant.slug, invitation.token),
          expiresAt: invitation.expiresAt,
        });
        return { invitation, send };
      });
      await ctx.caps.inState((tx) =>
        queries.recordAdminInvitation(tx, ctx.session.tenant.id, actor, tenant.id, input.email),
      );
      if (send) await runAfterCommit(ctx.deps, "tenants.inviteAdmin", [send]);
      // Never the link: it would let the state sign in as the Kommune's administration.
      return { email: input.email, expiresAt: invitation.expiresAt, mailed: send !== null };
    }),
});
