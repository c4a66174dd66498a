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
import { router, tenantProcedure } from "../trpc.ts";

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

  setStatus: tenantProcedure
    .input(z.object({ id: z.uuid(), status: z.enum(["active", "suspended"]) }))
    .mutation(async ({ ctx, input }) => {
      const before = await queries.getTenantById(ctx.tx, input.id);
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
      if (before.kind === "state")
        throw new TRPCError({ code: "BAD_REQUEST", message: "Das Land kann nicht gesperrt werden." });
      if (before.status === "deletion_pending")
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Diese Kommune ist zur Löschung vorgemerkt. Heben Sie zuerst die Löschung auf.",
        });
      const [row] = await ctx.tx
        .update(tenants)
        .set({ status: input.status, updatedAt: new Date() })
        .where(eq(tenants.id, input.id))
        .returning();
      let sessionsEnded = 0;
      if (input.status === "suspended") {
        // A suspended Kommune's sessions end at once (and would be refused anyway by the tenant status check).
        sessionsEnded = await ctx.caps.provisionTenant(input.id, async (tx) => {
          const n = await deleteTenantSessions(tx, input.id);
          await writeAudit(tx, input.id, ctx.session.actor, {
            action: "tenant.suspended_by_state",
            entityType: "tenant",
            entityId: input.id,
            after: { sessionsEnded: n },
          });
          return n;
        });
      }
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: input.status === "suspended" ? "tenant.suspend" : "tenant.reactivate",
        entityType: "tenant",
        entityId: input.id,
        before: { status: before.status },
        after: { status: input.status, sessionsEnded },
      });
      return row!;
    }),

  /**
   * Marks a Kommune for deletion in TENANT_DELETION_GRACE_DAYS days: its sessions end, nobody there can sign in, and
   * on that day `pnpm spatz purge-tenants` deletes all its data. The Kennung must be typed again as confirmation.
   */
  scheduleDeletion: tenantProcedure
    .input(
      z.object({
        id: z.uuid(),
        confirmSlug: z.string().max(100),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const current = await queries.getTenantById(ctx.tx, input.id);
      if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
      if (current.kind === "state")
        throw new TRPCError({ code: "BAD_REQUEST", message: "Das Land kann nicht gelöscht werden." });
      if (input.confirmSlug.trim() !== current.slug)
        throw fieldError("confirmSlug", `Zur Bestätigung bitte die Kennung „${current.slug}“ eingeben.`);
      const dueAt = new Date(Date.now() + TENANT_DELETION_GRACE_DAYS * 24 * 60 * 60 * 1000);
      const changed = await queries.setTenantDeletion(ctx.tx, input.id, dueAt);
      if (!changed)
        throw new TRPCError({
          code: "CONFLICT",
          message: "Diese Kommune ist bereits zur Löschung vorgemerkt.",
        });
      const sessionsEnded = await ctx.caps.provisionTenant(input.id, async (tx) => {
        const n = await deleteTenantSessions(tx, input.id);
        await writeAudit(tx, input.id, ctx.session.actor, {
          action: "tenant.deletion_scheduled_by_state",
          entityType: "tenant",
          entityId: input.id,
          after: { deletionDueAt: dueAt, sessionsEnded: n },
        });
        return n;
      });
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: "tenant.schedule_deletion",
        entityType: "tenant",
        entityId: input.id,
        before: { status: changed.before.status },
        after: { status: changed.after.status, deletionDueAt: dueAt, sessionsEnded },
      });
      return changed.after;
    }),

  /** Takes the deletion mark back while the grace period runs: the Kommune is active again. */
  cancelDeletion: tenantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const changed = await queries.setTenantDeletion(ctx.tx, input.id, null);
    if (!changed)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: "Für diese Verwaltung ist keine Löschung vorgemerkt.",
      });
    await ctx.caps.provisionTenant(input.id, (tx) =>
      writeAudit(tx, input.id, ctx.session.actor, {
        action: "tenant.deletion_cancelled_by_state",
        entityType: "tenant",
        entityId: input.id,
      }),
    );
    await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
      action: "tenant.cancel_deletion",
      entityType: "tenant",
      entityId: input.id,
      before: { status: changed.before.status, deletionDueAt: changed.before.deletionDueAt },
      after: { status: changed.after.status },
    });
    return changed.after;
  }),

  inviteAdmin: tenantProcedure
    .input(z.object({ tenantId: z.uuid(), email, displayName }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await queries.getTenantById(ctx.tx, input.tenantId);
      if (!tenant || tenant.kind === "state")
        throw new TRPCError({ code: "NOT_FOUND", message: "Diese Verwaltung gibt es nicht." });
      const invitation = await ctx.caps.provisionTenant(tenant.id, async (tx) => {
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
          after: { email: input.email, role: "admin" },
        });
        return created;
      });
      await writeAudit(ctx.tx, ctx.session.tenant.id, ctx.session.actor, {
        action: "tenant.invite_admin",
        entityType: "tenant",
        entityId: tenant.id,
        after: { email: input.email },
      });
      const link = invitationLink(ctx.deps.publicUrl, tenant.slug, invitation.token);
      const mailed = await sendInvitationMail(ctx.deps, {
        to: input.email,
        tenantName: tenant.name,
        link,
        expiresAt: invitation.expiresAt,
      });
      return { link, expiresAt: invitation.expiresAt, mailed };
    }),
});
