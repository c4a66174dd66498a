// Maintenance jobs: the hourly sweep fans out per tenant; each tenant job runs in that tenant's transaction.
import { deleteExpiredSessions } from "@spatz/auth";
import { type Database, queries, schema, type TenantTx, withTenant } from "@spatz/db";
import { cleanupTenantJobId, type JobPayload, mailSendJob } from "@spatz/jobs";
import type { Queue } from "bullmq";
import { and, isNotNull, isNull, lt, or } from "drizzle-orm";
import { plainJob, tenantJob } from "../base-processor.ts";

const { invitations, tenants } = schema;

export function hourBucket(now = new Date()): string {
  return now.toISOString().slice(0, 13);
}

export async function sweep(db: Database, queue: Queue, now = new Date()): Promise<number> {
  // The registry is global (readable without a tenant); the tenant data itself is touched only in tenant jobs.
  const rows = await db.select({ id: tenants.id }).from(tenants);
  const hour = hourBucket(now);
  await queue.addBulk(
    rows.map((t) => {
      const data: JobPayload<"cleanup.tenant"> = { tenantId: t.id, hour };
      return { name: "cleanup.tenant", data, opts: { jobId: cleanupTenantJobId(data) } };
    }),
  );
  return rows.length;
}

const RETAIN_REVOKED_DAYS = 30;

export async function cleanupTenant(db: Database, payload: JobPayload<"cleanup.tenant">, now = new Date()) {
  return withTenant(db, payload.tenantId, (tx) => cleanupTenantIn(tx, payload, now));
}

async function cleanupTenantIn(tx: TenantTx, payload: JobPayload<"cleanup.tenant">, now = new Date()) {
  const sessions = await deleteExpiredSessions(tx, payload.tenantId, now);
  const retainedSince = new Date(now.getTime() - RETAIN_REVOKED_DAYS * 86_400_000);
  const expiredInvitations = await tx
    .delete(invitations)
    .where(
      and(
        isNull(invitations.acceptedAt),
        or(
          lt(invitations.expiresAt, now),
          and(isNotNull(invitations.revokedAt), lt(invitations.revokedAt, retainedSince)),
        ),
      ),
    )
    .returning({ id: invitations.id });
  return { sessions, invitations: expiredInvitations.length };
}

/** Mails still unsent this long after they were written were lost between commit and enqueue: enqueue them again. */
const RESEND_AFTER_MS = 10 * 60_000;

export const maintenanceProcessors = {
  "cleanup.sweep": plainJob("cleanup.sweep", (_payload, ctx) => sweep(ctx.db, ctx.queues.maintenance)),
  "cleanup.tenant": tenantJob(
    "cleanup.tenant",
    async (tx, payload, ctx) => {
      const result = await cleanupTenantIn(tx, payload);
      const keep = ctx.settings.reportRetentionMonths;
      const reports = keep === null ? 0 : await queries.expireReports(tx, keep);
      const unsent = await queries.unsentMails(tx, new Date(Date.now() - RESEND_AFTER_MS));
      return { ...result, reports, unsent };
    },
    {
      // Deterministic ids: a mail whose job still exists (waiting, retrying or failed) is not added twice.
      after: async (result, payload, ctx) => {
        for (const id of result.unsent) await ctx.producer.enqueue(mailSendJob(payload.tenantId, id));
      },
    },
  ),
};
