// The invitation link, shown to the admin to copy, and mailed when SMTP is configured.
import { formatDate } from "@spatz/domain";
import type { Logger, Mailer } from "./context.ts";

export function invitationLink(publicUrl: string, tenantSlug: string, token: string): string {
  // The token travels in the fragment, so it never reaches server or proxy logs.
  return `${publicUrl.replace(/\/$/, "")}/t/${tenantSlug}/einladung#${token}`;
}

export async function sendInvitationMail(
  deps: { mailer: Mailer | null; logger: Logger },
  mail: { to: string; tenantName: string; link: string; expiresAt: Date },
): Promise<boolean> {
  if (!deps.mailer) return false;
  try {
    await deps.mailer.send({
      to: mail.to,
      subject: `Einladung zu SPATZ – ${mail.tenantName}`,
      text: `Guten Tag,\n\nSie wurden zu SPATZ (${mail.tenantName}) eingeladen. Bitte legen Sie über diesen Link Ihr Passwort fest:\n\n${mail.link}\n\nDer Link ist bis zum ${formatDate(mail.expiresAt)} gültig und kann nur einmal verwendet werden.\n`,
    });
    return true;
  } catch (error) {
    deps.logger.warn({ err: String(error), to: mail.to }, "invitation mail failed");
    return false;
  }
}
