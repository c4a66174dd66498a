// Mails (invitations, report notices): over SMTP (nodemailer) when an SMTP URL is configured; otherwise, when a mail
// folder is set (`pnpm start` sets .data/mail), written as .eml files there, so a newcomer sees what would be sent
// (the dev page /entwicklung/mails lists them). Without either there is no mailer: Kommune admins copy invitation
// links, state invitations are refused, and report notices wait in the outbox.
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: Mail) => Promise<void> };

export type MailSettings = { smtpUrl?: string | undefined; mailDir?: string | undefined; from: string };
type Log = { info: (o: object, m?: string) => void };

export function createMailer(settings: MailSettings, logger: Log): Mailer | null {
  if (settings.smtpUrl) {
    // Short timeouts: a slow mail server must never hold a job or request for long.
    const transport = nodemailer.createTransport({
      url: settings.smtpUrl,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
    logger.info({ host: new URL(settings.smtpUrl).hostname }, "mails are sent via SMTP");
    return {
      send: async (mail) => {
        await transport.sendMail({ from: settings.from, ...mail });
      },
    };
  }
  if (settings.mailDir) {
    logger.info({ dir: settings.mailDir }, "mails are written to a local folder (no SMTP_URL)");
    return folderMailer(settings.mailDir, settings.from);
  }
  return null;
}

const encodeHeader = (value: string) => `=?UTF-8?B?${Buffer.from(value).toString("base64")}?=`;

/** Writes each mail as an RFC 5322 file (UTF-8, one per mail) that any mail program opens. */
export function folderMailer(dir: string, from: string): Mailer {
  mkdirSync(dir, { recursive: true });
  return {
    send: async (mail) => {
      const date = new Date();
      const name = `${date.toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
      const text = [
        `From: ${from}`,
        `To: ${mail.to}`,
        `Subject: ${encodeHeader(mail.subject)}`,
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

export type FolderMail = Mail & { file: string; date: string };

function decodeHeader(value: string): string {
  const m = /^=\?UTF-8\?B\?(.*)\?=$/i.exec(value.trim());
  return m ? Buffer.from(m[1]!, "base64").toString("utf8") : value;
}

/** The mails of a folder written by folderMailer, newest first (the dev page and tests read them). */
export function readMailFolder(dir: string, limit = 200): FolderMail[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  return files
    .sort()
    .reverse()
    .slice(0, limit)
    .map((file) => {
      const raw = readFileSync(path.join(dir, file), "utf8");
      const split = raw.indexOf("\r\n\r\n");
      const headers = new Map(
        raw
          .slice(0, split)
          .split("\r\n")
          .map((line) => {
            const i = line.indexOf(":");
            return [line.slice(0, i).toLowerCase(), line.slice(i + 1).trim()] as const;
          }),
      );
      return {
        file,
        date: headers.get("date") ?? "",
        to: headers.get("to") ?? "",
        subject: decodeHeader(headers.get("subject") ?? ""),
        text: raw.slice(split + 4),
      };
    });
}
