// The invitation link, shown to the admin to copy, and the invitation mail, written to the outbox in the transaction
// that creates the invitation and sent by the worker (`mail.send`) once it has committed.
import { queries, type TenantTx } from "@spatz/db";
import { formatDate } from "@spatz/domain";
import { mailSendJob } from "@spatz/jobs";
import type { AfterCommit } from "./after-commit.ts";
import type { ServerDeps } from "./context.ts";

export function invitationLink(publicUrl: string, tenantSlug: string, token: string): string {
  // The token travels in the fragment, so it never reaches server or proxy logs.
  return `${publicUrl.replace(/\/$/, "")}/t/${tenantSlug}/einladung#${token}`;
}

export function invitationMailText(mail: { tenantName: string; link: string; expiresAt: Date }) {
  return {
    subject: `Einladung zu SPATZ – ${mail.tenantName}`,
    body: `Guten Tag,\n\nSie wurden zu SPATZ (${mail.tenantName}) eingeladen. Bitte legen Sie über diesen Link Ihr Passwort fest:\n\n${mail.link}\n\nDer Link ist bis zum ${formatDate(mail.expiresAt)} gültig und kann nur einmal verwendet werden.\n`,
  };
}

/**
 * Writes the invitation mail into the tenant's outbox (its body marked secret: the worker removes the link once the
 * mail is sent) and returns the work that enqueues its sending after commit. Without a mail transport nothing is
 * written (the admin passes the link on) and `null` is returned.
 */
export async function queueInvitationMail(
  tx: TenantTx,
  deps: Pick<ServerDeps, "mailEnabled" | "jobs">,
  mail: {
    tenantId: string;
    invitationId: string;
    to: string;
    tenantName: string;
    link: string;
    expiresAt: Date;
  },
): Promise<AfterCommit | null> {
  if (!deps.mailEnabled) return null;
  const id = await queries.queueMail(tx, {
    tenantId: mail.tenantId,
    dedupeKey: queries.invitationMailKey(mail.invitationId),
    recipient: mail.to,
    ...invitationMailText(mail),
    secret: true,
  });
  const jobs = deps.jobs;
  // Without a queue (tests, a CLI) the hourly sweep of the worker sends it.
  return async () => {
    if (jobs) await jobs.enqueue(mailSendJob(mail.tenantId, id));
  };
}
