// Mail jobs (the outbox, db/src/schema/reports.ts). `report.notify` writes the notices about one report for one
// tenant's subscribers in that tenant's transaction and then enqueues one `mail.send` per unsent notice.
// `mail.send` reads the mail in a short transaction, sends it outside any transaction (a slow mail server holds no
// connection), and records the result in a second one; a failure is retried with backoff and stays visible in the job
// monitor. A worker killed after sending but before recording sends that one mail again (at least once, never lost).
// Invitations use the same outbox (packages/trpc/src/invitation-mail.ts); their link is removed once sent.
import { queries, withTenant } from "@spatz/db";
import { REPORT_KIND_LABELS, type ReportKind } from "@spatz/domain";
import { mailSendJob } from "@spatz/jobs";
import { germanDate } from "@spatz/reports";
import { UnrecoverableError } from "bullmq";
import { plainJob, tenantJob } from "../base-processor.ts";

/** The notice: a link to the archive, never the file and never a figure. */
export function noticeText(
  publicUrl: string,
  report: { kind: ReportKind; scopeLabel: string; stichtag: string },
) {
  const title = REPORT_KIND_LABELS[report.kind];
  const link = `${publicUrl.replace(/\/$/, "")}/berichte`;
  return {
    subject: `SPATZ: ${title} zum ${germanDate(report.stichtag)} liegt bereit`,
    body:
      `Guten Tag,\n\nder ${title} (${report.scopeLabel}) zum Stichtag ${germanDate(report.stichtag)} ist erstellt ` +
      `und liegt im Berichtsarchiv von SPATZ bereit:\n\n${link}\n\n` +
      "Sie erhalten diese Nachricht, weil Sie den Bericht abonniert haben; in SPATZ unter »Berichte« können Sie " +
      "das Abonnement beenden.\n",
  };
}

export const mailProcessors = {
  "report.notify": tenantJob(
    "report.notify",
    async (tx, payload, ctx) => {
      const report = await queries.reportMeta(tx, payload.reportId);
      if (!report)
        throw new UnrecoverableError(`report ${payload.reportId} not visible to ${payload.tenantId}`);
      const notice = noticeText(ctx.settings.publicUrl, report);
      return queries.writeReportNotices(tx, {
        tenantId: payload.tenantId,
        reportId: report.id,
        kind: report.kind,
        scope: report.tenantId === payload.tenantId ? report.scope : "",
        ...notice,
      });
    },
    {
      after: async (ids, payload, ctx) => {
        for (const id of ids) await ctx.producer.enqueue(mailSendJob(payload.tenantId, id));
      },
    },
  ),

  "mail.send": plainJob("mail.send", async (payload, ctx) => {
    const entry = await withTenant(ctx.db, payload.tenantId, (tx) =>
      queries.outboxEntry(tx, payload.outboxId),
    );
    // Gone: an invitation revoked before its mail went out (or the tenant deleted). Nothing to send.
    if (!entry) return { sent: false, withdrawn: true };
    if (entry.sentAt) return { sent: false, alreadySent: true };
    if (!ctx.mailer) throw new Error("Kein Mailversand eingerichtet (SMTP_URL oder MAIL_DIR fehlt).");
    try {
      await ctx.mailer.send({ to: entry.recipient, subject: entry.subject, text: entry.body });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await withTenant(ctx.db, payload.tenantId, (tx) => queries.markMailFailed(tx, entry.id, message));
      throw error;
    }
    await withTenant(ctx.db, payload.tenantId, (tx) => queries.markMailSent(tx, entry.id));
    return { sent: true };
  }),
};
