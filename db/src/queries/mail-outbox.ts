// The mail outbox (schema/reports.ts): a mail is written in the transaction that decides it is due and sent afterwards
// by the worker's `mail.send` job, outside any transaction. Report notices and invitations both go this way.
import { and, asc, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { mailOutbox, type ReportKind } from "../schema/reports.ts";
import type { TenantTx } from "../tenant-tx.ts";

/** What replaces a secret body (an invitation link) once the mail is sent: the link lives only in the mail. */
export const SENT_SECRET_BODY = "(Inhalt nach dem Versand entfernt: er enthielt einen Einladungslink.)";

export const invitationMailKey = (invitationId: string) => `invitation:${invitationId}`;

/** Writes one mail (idempotent per dedupe key) and returns its id, the existing one when it was written before. */
export async function queueMail(
  tx: TenantTx,
  mail: {
    tenantId: string;
    dedupeKey: string;
    recipient: string;
    subject: string;
    body: string;
    secret?: boolean;
  },
): Promise<string> {
  await tx
    .insert(mailOutbox)
    .values({ ...mail, secret: mail.secret ?? false })
    .onConflictDoNothing({ target: [mailOutbox.tenantId, mailOutbox.dedupeKey] });
  const [row] = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(eq(mailOutbox.dedupeKey, mail.dedupeKey));
  return row!.id;
}

/** An invitation revoked before its mail went out: the mail is not sent any more. */
export async function dropUnsentMail(tx: TenantTx, dedupeKey: string) {
  await tx.delete(mailOutbox).where(and(eq(mailOutbox.dedupeKey, dedupeKey), isNull(mailOutbox.sentAt)));
}

/**
 * Writes one notice per active subscriber of the report's kind and scope into the outbox of this tenant (idempotent:
 * one per report and user), and returns the ids of every notice about this report still unsent.
 */
export async function writeReportNotices(
  tx: TenantTx,
  notice: {
    tenantId: string;
    reportId: string;
    kind: ReportKind;
    scope: string;
    subject: string;
    body: string;
  },
): Promise<string[]> {
  await tx.execute(sql`
    insert into mail_outbox (tenant_id, dedupe_key, recipient, subject, body)
    select ${notice.tenantId}, 'report:' || ${notice.reportId} || ':' || u.id, u.email, ${notice.subject}, ${notice.body}
    from report_subscriptions s
    join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
    where s.kind = ${notice.kind} and s.scope = ${notice.scope} and u.status = 'active'
    on conflict (tenant_id, dedupe_key) do nothing`);
  const rows = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(isNull(mailOutbox.sentAt), sql`${mailOutbox.dedupeKey} like ${`report:${notice.reportId}:%`}`),
    );
  return rows.map((r) => r.id);
}

export async function outboxEntry(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

export async function markMailSent(tx: TenantTx, id: string) {
  await tx
    .update(mailOutbox)
    .set({
      sentAt: sql`now()`,
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: null,
      body: sql`case when ${mailOutbox.secret} then ${SENT_SECRET_BODY} else ${mailOutbox.body} end`,
    })
    .where(eq(mailOutbox.id, id));
}

export async function markMailFailed(tx: TenantTx, id: string, error: string) {
  await tx
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(mailOutbox.id, id));
}

/** Unsent mails written before `before` (the sweep enqueues them again: a crash between commit and enqueue). */
export async function unsentMails(tx: TenantTx, before: Date, limit = 500) {
  const rows = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.createdAt, before)))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The outbox of this tenant (or the given mails of it), newest first: what was sent, and what failed and why. */
export async function listOutbox(tx: TenantTx, ids?: string[]) {
  return tx
    .select()
    .from(mailOutbox)
    .where(ids ? inArray(mailOutbox.id, ids) : undefined)
    .orderBy(desc(mailOutbox.createdAt));
}
