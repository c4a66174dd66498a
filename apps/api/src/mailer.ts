// Mails (invitations, later report notices): over SMTP (nodemailer) when SMTP_URL is configured; otherwise, when
// MAIL_DIR is set (`pnpm start` does), written as .eml files to that folder so a newcomer sees what would be sent.
// Without either, there is no mailer: Kommune admins copy invitation links, and state invitations are refused.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Mailer } from "@spatz/trpc";
import nodemailer from "nodemailer";
import type { Config } from "./config.ts";
import type { AppLogger } from "./logger.ts";

export function createMailer(config: Config, logger: AppLogger): Mailer | null {
  if (config.SMTP_URL) {
    // Short timeouts: a slow mail server must never hold a request for long.
    const transport = nodemailer.createTransport({
      url: config.SMTP_URL,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
    logger.info({ host: new URL(config.SMTP_URL).hostname }, "mails are sent via SMTP");
    return {
      send: async (mail) => {
        await transport.sendMail({ from: config.MAIL_FROM, ...mail });
      },
    };
  }
  if (config.MAIL_DIR) {
    logger.info({ dir: config.MAIL_DIR }, "mails are written to a local folder (no SMTP_URL)");
    return folderMailer(config.MAIL_DIR, config.MAIL_FROM);
  }
  return null;
}

/** Writes each mail as an RFC 5322 file (UTF-8, one per mail) that any mail program opens. */
export function folderMailer(dir: string, from: string): Mailer {
  mkdirSync(dir, { recursive: true });
  return {
    send: async (mail) => {
      const date = new Date();
      const name = `${date.toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
      const subject = `=?UTF-8?B?${Buffer.from(mail.subject).toString("base64")}?=`;
      const text = [
        `From: ${from}`,
        `To: ${mail.to}`,
        `Subject: ${subject}`,
        `Date: ${date.toUTCString()}`,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        mail.text,
      ].join("\r\n");
      writeFileSync(path.join(dir, name), text, { mode: 0o600 });
    },
  };
}
