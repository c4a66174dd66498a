// Invitation mails through the outbox: written in the inviting transaction, sent by the worker's `mail.send` job over
// real SMTP (a local smtp-server), the link removed from the database once sent; a revoked invitation's unsent mail
// is never sent.
import { randomUUID } from "node:crypto";
import { queries, withTenant } from "@spatz/db";
import { mailSendJob } from "@spatz/jobs";
import { freePort } from "@spatz/local";
import { silent, until } from "@spatz/local/test-helpers";
import { createMailer } from "@spatz/mail";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const jobsRedisUrl = () => `${inject("redisUrl")}/14`;
const received: { to: string; text: string }[] = [];
let smtp: SMTPServer;
let t: TestApp;
let worker: WorkerRuntime;
let kommune: FixtureTenant;
let admin: ApiSession;

beforeAll(async () => {
  const port = await freePort();
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
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), jobsRedisUrl: jobsRedisUrl() });
  await t.deps.jobs!.queue("mail").obliterate({ force: true });
  worker = await startWorkerRuntime({
    db: t.client.db,
    redisUrl: jobsRedisUrl(),
    logger: silent,
    registerSchedulers: false,
    queues: ["mail"],
    mailer: createMailer(
      { smtpUrl: `smtp://127.0.0.1:${port}`, from: "SPATZ <spatz@land.example>" },
      pino({ level: "silent" }),
    ),
  });
  kommune = await createTenant(t.client.db, "mail");
  admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
});
afterAll(async () => {
  await worker?.shutdown(10_000);
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const outbox = () => withTenant(t.client.db, kommune.id, (tx) => queries.listOutbox(tx), { readOnly: true });

describe("invitation mail", () => {
  it("is written to the outbox, sent by the worker over SMTP with the single-use link, then the link leaves the database", async () => {
    const email = `neu-${randomUUID().slice(0, 6)}@mail.example`;
    const result = await admin.must<{ link: string; mailed: boolean }>("users.invite", {
      email,
      displayName: "Mia Mail",
      role: "viewer",
    });
    expect(result.mailed).toBe(true);
    const token = result.link.split("#")[1]!;
    const mail = await until("the invitation mail", async () => received.find((m) => m.to === email));
    expect(mail.text).toContain(`Subject: =?UTF-8?Q?Einladung_zu_SPATZ_=E2=80=93_`);
    expect(mail.text.replace(/=\r?\n/g, "")).toContain(token.slice(0, 20));

    const row = await until("the mail marked sent", async () =>
      (await outbox()).find((m) => m.recipient === email && m.sentAt),
    );
    expect(row.attempts).toBe(1);
    expect(row.body).toBe(queries.SENT_SECRET_BODY);
    expect(JSON.stringify(await outbox())).not.toContain(token);
  });

  it("is not sent when the invitation is revoked before the worker reached it", async () => {
    await worker.workers.find((w) => w.name === "mail")!.pause();
    try {
      const email = `zurueck-${randomUUID().slice(0, 6)}@mail.example`;
      const result = await admin.must<{ id: string }>("users.invite", {
        email,
        displayName: "Rita Rückzug",
        role: "viewer",
      });
      const row = (await outbox()).find((m) => m.recipient === email);
      expect(row?.sentAt).toBeNull();
      await admin.must("users.revokeInvitation", { id: result.id });
      expect((await outbox()).some((m) => m.recipient === email)).toBe(false);

      // The job enqueued after the invitation's commit still runs, finds nothing and ends without sending.
      const jobId = mailSendJob(kommune.id, row!.id).opts!.jobId!;
      expect(await t.deps.jobs!.queue("mail").getJob(jobId)).toBeTruthy();
      worker.workers.find((w) => w.name === "mail")!.resume();
      const done = await until("the withdrawn job", async () => {
        const job = await t.deps.jobs!.queue("mail").getJob(jobId);
        return (await job?.getState()) === "completed" && job;
      });
      expect(done.returnvalue).toMatchObject({ sent: false, withdrawn: true });
      expect(received.some((m) => m.to === email)).toBe(false);
    } finally {
      worker.workers.find((w) => w.name === "mail")!.resume();
    }
  });
});
