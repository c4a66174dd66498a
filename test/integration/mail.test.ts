// Invitation mails over real SMTP (a local smtp-server): sent when SMTP_URL is configured, with the link and expiry.
import { randomUUID } from "node:crypto";
import { loadConfig } from "@spatz/api";
import { freePort } from "@spatz/local";
import { createMailer } from "@spatz/mail";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, sessionCookie } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const received: { to: string; text: string }[] = [];
let smtp: SMTPServer;
let port: number;

beforeAll(async () => {
  port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (d) => (raw += d));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text: raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe("invitation mail", () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it("is sent over SMTP with the single-use link when SMTP_URL is set", async () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://x@db/spatz",
      REDIS_URL: "redis://r",
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: "SPATZ <spatz@land.example>",
    });
    t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
    t.deps.mailer = createMailer(
      { smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR, from: config.MAIL_FROM },
      pino({ level: "silent" }),
    );
    const kommune = await createTenant(t.client.db, "mail");
    const admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
    const email = `neu-${randomUUID().slice(0, 6)}@mail.example`;
    const result = await admin.must<{ link: string; mailed: boolean }>("users.invite", {
      email,
      displayName: "Mia Mail",
      role: "viewer",
    });
    expect(result.mailed).toBe(true);
    const mail = received.find((m) => m.to === email);
    expect(mail?.text).toContain(`Subject: =?UTF-8?Q?Einladung_zu_SPATZ_=E2=80=93_`);
    expect(mail?.text.replace(/=\r?\n/g, "")).toContain(result.link.split("#")[1]!.slice(0, 20));
  });
});
