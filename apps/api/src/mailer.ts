// Invitation mails over SMTP (nodemailer) when SMTP_URL is configured; otherwise the admin copies the link.
import type { Mailer } from "@spatz/trpc";
import nodemailer from "nodemailer";
import type { Config } from "./config.ts";
import type { AppLogger } from "./logger.ts";

export function createMailer(config: Config, logger: AppLogger): Mailer | null {
  if (!config.SMTP_URL) return null;
  // Short timeouts: the mail is sent while the invitation's transaction is open, and must never hold it for long.
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  logger.info({ host: new URL(config.SMTP_URL).hostname }, "invitation mails are sent via SMTP");
  return {
    send: async (mail) => {
      await transport.sendMail({ from: config.MAIL_FROM, ...mail });
    },
  };
}
