// Tenant administration by the state: create, rename, suspend, and invite a Kommune's first administrator.
import { createInvitation, deleteTenantSessions } from "@spatz/auth";
import { queries, schema, writeAudit } from "@spatz/db";
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
import { eq } from "drizzle-orm";
import { z } from "zod";
import { fieldError } from "../field-error.ts";
import { invitationLink, sendInvitationMail } from "../invitation-mail.ts";
import { provisioningProcedure, router, tenantProcedure } from "../trpc.ts";

const { tenants } = schema;
const KOMMUNE_KINDS = TENANT_KINDS.filter((k) => k !== "state") as [
  Exclude<(typeof TENANT_KINDS)[number], "state">,
  ...Exclude<(typeof TENANT_KINDS)[number], "state">[],
];

const tenantName = z.string().trim().min(3, "Bitte einen Namen mit mindestens 3 Zeichen eingeben.").max(160);

function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  while (e instanceof Error) {
    if ((e as { code?: string }).code === "23505") return true;
    e = e.cause;
  }
  return false;
}

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
    .mutation(async ({ ctx, input }) => {
      try {
        const [row] = await ctx.tx.insert(tenants).values(input).returning();
        await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
          action: "tenant.create",
          entityType: "tenant",
          entityId: row!.id,
          after: row,
        });
        return row!;
      } catch (error) {
        if (isUniqueViolation(error))
          throw new TRPCError({ code: "CONFLICT", message: "Kennung oder AGS ist bereits vergeben." });
        throw error;
      }
    }),

  rename: tenantProcedure
    .input(z.object({ id: z.uuid(), name: tenantName }))
    .mutation(async ({ ctx, input }) => {
      const before = await queries.getTenantById(ctx.tx, input.id);
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
      const [row] = await ctx.tx
        .update(tenants)
        .set({ name: input.name, updatedAt: new Date() })
        .where(eq(tenants.id, input.id))
        .returning();
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: "tenant.rename",
        entityType: "tenant",
        entityId: input.id,
        before: { name: before.name },
        after: { name: input.name },
      });
      return row!;
    }),

  setStatus: provisioningProcedure
    .input(z.object({ id: z.uuid(), status: z.enum(["active", "suspended"]) }))
    .mutation(async ({ ctx, input }) => {
      const stateId = ctx.session.tenant.id;
      const before = await ctx.caps.inState((tx) => queries.getTenantById(tx, input.id));
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
      if (before.kind === "state")
        throw new TRPCError({ code: "BAD_REQUEST", message: "Das Land kann nicht gesperrt werden." });
      if (before.status === "deletion_pending")
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Diese Kommune ist zur Löschung vorgemerkt. Heben Sie zuerst die Löschung auf.",
        });
      // The registry row decides: once the status is committed, the tenant tier refuses every session of a suspended
      // Kommune. Ending its sessions afterwards only tidies up, so a failure there leaves nothing half done.
      const row = await ctx.caps.inState(async (tx) => {
        const [updated] = await tx
          .update(tenants)
          .set({ status: input.status, updatedAt: new Date() })
          .where(eq(tenants.id, input.id))
          .returning();
        await writeAudit(tx, stateId, ctx.session.actor, {
          action: input.status === "suspended" ? "tenant.suspend" : "tenant.reactivate",
          entityType: "tenant",
          entityId: input.id,
          before: { status: before.status },
          after: { status: input.status },
        });
        return updated!;
      });
      if (input.status === "suspended") {
        await ctx.caps.inTenant(input.id, async (tx) => {
          const n = await deleteTenantSessions(tx, input.id);
          await writeAudit(tx, input.id, ctx.session.actor, {
            action: "tenant.suspended_by_state",
            entityType: "tenant",
            entityId: input.id,
            after: { sessionsEnded: n },
          });
        });
      }
      return row;
    }),

  /**
   * Marks a Kommune for deletion in TENANT_DELETION_GRACE_DAYS days: its sessions end, nobody there can sign in, and
   * on that day `pnpm spatz purge-tenants` deletes all its data. The Kennung must be typed again as confirmation.
   * The registry row (state side) decides first; ending the Kommune's sessions follows in its own transaction.
   */
  scheduleDeletion: provisioningProcedure
    .input(
      z.object({
        id: z.uuid(),
        confirmSlug: z.string().max(100),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const stateId = ctx.session.tenant.id;
      const dueAt = new Date(Date.now() + TENANT_DELETION_GRACE_DAYS * 24 * 60 * 60 * 1000);
      const changed = await ctx.caps.inState(async (tx) => {
        const current = await queries.getTenantById(tx, input.id);
        if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
        if (current.kind === "state")
          throw new TRPCError({ code: "BAD_REQUEST", message: "Das Land kann nicht gelöscht werden." });
        if (input.confirmSlug.trim() !== current.slug)
          throw fieldError("confirmSlug", `Zur Bestätigung bitte die Kennung „${current.slug}“ eingeben.`);
        const result = await queries.setTenantDeletion(tx, input.id, dueAt);
        if (!result)
          throw new TRPCError({
            code: "CONFLICT",
            message: "Diese Kommune ist bereits zur Löschung vorgemerkt.",
          });
        await writeAudit(tx, stateId, ctx.session.actor, {
          action: "tenant.schedule_deletion",
          entityType: "tenant",
          entityId: input.id,
          before: { status: result.before.status },
          after: { status: result.after.status, deletionDueAt: dueAt },
        });
        return result;
      });
      await ctx.caps.inTenant(input.id, async (tx) => {
        const n = await deleteTenantSessions(tx, input.id);
        await writeAudit(tx, input.id, ctx.session.actor, {
          action: "tenant.deletion_scheduled_by_state",
          entityType: "tenant",
          entityId: input.id,
          after: { deletionDueAt: dueAt, sessionsEnded: n },
        });
      });
      return changed.after;
    }),

  /** Takes the deletion mark back while the grace period runs: the Kommune is active again. */
  cancelDeletion: provisioningProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const stateId = ctx.session.tenant.id;
    const changed = await ctx.caps.inState(async (tx) => {
      const result = await queries.setTenantDeletion(tx, input.id, null);
      if (!result)
        throw new TRPCError({
          code: "NOT_FOUND",
          message: "Für diese Verwaltung ist keine Löschung vorgemerkt.",
        });
      await writeAudit(tx, stateId, ctx.session.actor, {
        action: "tenant.cancel_deletion",
        entityType: "tenant",
        entityId: input.id,
        before: { status: result.before.status, deletionDueAt: result.before.deletionDueAt },
        after: { status: result.after.status },
      });
      return result;
    });
    await ctx.caps.inTenant(input.id, (tx) =>
      writeAudit(tx, input.id, ctx.session.actor, {
        action: "tenant.deletion_cancelled_by_state",
        entityType: "tenant",
        entityId: input.id,
      }),
    );
    return changed.after;
  }),

  inviteAdmin: provisioningProcedure
    .input(z.object({ tenantId: z.uuid(), email, displayName }))
    .mutation(async ({ ctx, input }) => {
      const stateId = ctx.session.tenant.id;
      const tenant = await ctx.caps.inState((tx) => queries.getTenantById(tx, input.tenantId));
      if (!tenant || tenant.kind === "state")
        throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
      // The link reaches only the invitee: without a way to send mail the state cannot invite anyone.
      if (!ctx.deps.mailer)
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: INVITE_ADMIN_NEEDS_MAIL });
      // The Kommune's side first: it decides (no active administration) and records the invitation with its own audit
      // entry, visible to the Kommune. The state's audit entry follows in the state's transaction.
      const invitation = await ctx.caps.inTenant(tenant.id, async (tx) => {
        if (await queries.countActiveAdmins(tx, "admin"))
          throw new TRPCError({ code: "CONFLICT", message: HAS_ADMIN });
        if (await queries.getUserWithPassword(tx, input.email)) {
          throw new TRPCError({
            code: "CONFLICT",
            message: "Für diese E-Mail-Adresse besteht dort bereits ein Konto.",
          });
        }
        const created = await createInvitation(tx, {
          tenantId: tenant.id,
          email: input.email,
          displayName: input.displayName,
          role: "admin",
          invitedBy: null,
        });
        await writeAudit(tx, tenant.id, ctx.session.actor, {
          action: "invitation.create_by_state",
          entityType: "invitation",
          entityId: created.id,
          after: { email: input.email, role: "admin", invitedBy: "Land" },
        });
        return created;
      });
      await ctx.caps.inState((tx) =>
        writeAudit(tx, stateId, ctx.session.actor, {
          action: "tenant.invite_admin",
          entityType: "tenant",
          entityId: tenant.id,
          after: { email: input.email },
        }),
      );
      const mailed = await sendInvitationMail(ctx.deps, {
        to: input.email,
        tenantName: tenant.name,
        link: invitationLink(ctx.deps.publicUrl, tenant.slug, invitation.token),
        expiresAt: invitation.expiresAt,
      });
      // Never the link: it would let the state sign in as the Kommune's administration.
      return { email: input.email, expiresAt: invitation.expiresAt, mailed };
    }),
});

const INVITE_ADMIN_NEEDS_MAIL =
  "Einladungen durch das Land werden nur per E-Mail zugestellt, und der Mailversand ist nicht eingerichtet " +
  "(SMTP_URL). Bitte wenden Sie sich an den Betrieb.";

const HAS_ADMIN =
  "Diese Verwaltung hat bereits eine aktive Administration. Weitere Administratorinnen und Administratoren lädt " +
  "sie selbst ein; das Land richtet nur die erste Administration ein oder stellt sie wieder her, wenn keine mehr aktiv ist.";
