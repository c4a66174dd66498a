// Report and mail jobs against real Redis and PostgreSQL: a worker killed while it holds a rendered report in its
// transaction leaves no archive entry, and the retry archives exactly one; a scheduled run archives the period once
// however often it runs and tells each subscriber once through the outbox; a mail server that fails is retried and
// the failure is recorded on the mail.
// These tests use a Redis database of their own (/9), so no other test file's worker takes their jobs.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type DbClient, queries, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { createJobProducer, type JobProducer, QUEUES, reportJobId } from "@spatz/jobs";
import { silent, until } from "@spatz/local/test-helpers";
import { folderMailer, type Mailer, readMailFolder } from "@spatz/mail";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime.ts";
import { startSlowWorker } from "./support/slow-worker.ts";

let client: DbClient;
let producer: JobProducer;
let redisUrl = "";
let kommune = "";
let subscriber = { id: "", email: "" };

const runtime = (opts: Partial<Parameters<typeof startWorkerRuntime>[0]> = {}): Promise<WorkerRuntime> =>
  startWorkerRuntime({
    db: client.db,
    redisUrl,
    logger: silent,
    registerSchedulers: false,
    queues: ["reports", "mail"],
    ...opts,
  });

async function archived(tenantId: string, kind = "reifegradbericht") {
  return withTenant(client.db, tenantId, (tx) =>
    tx.execute<{ id: string; stichtag: string; triggered_by: string }>(
      sql`select id, stichtag::text, triggered_by from report_archive where tenant_id = ${tenantId} and kind = ${kind}`,
    ),
  );
}

async function outbox(tenantId: string) {
  return withTenant(client.db, tenantId, (tx) => queries.listOutbox(tx));
}

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 6 });
  redisUrl = `${inject("redisUrl")}/9`;
  producer = createJobProducer(redisUrl);
  const slug = `rp-${randomUUID().slice(0, 8)}`;
  const [t] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
    tx
      .insert(schema.tenants)
      .values({ slug, name: `Gemeinde ${slug}`, kind: "einheitsgemeinde", population: 9_000 })
      .returning({ id: schema.tenants.id }),
  );
  kommune = t!.id;
  const email = `leitung-${slug}@example.test`;
  const [u] = await withTenant(client.db, kommune, (tx) =>
    tx
      .insert(schema.users)
      .values({ tenantId: kommune, email, displayName: "Leitung", passwordHash: "x", role: "leadership" })
      .returning({ id: schema.users.id }),
  );
  subscriber = { id: u!.id, email };
}, 60_000);
afterAll(async () => {
  await producer.close();
  await client.close();
});
beforeEach(async () => {
  for (const key of Object.keys(QUEUES) as (keyof typeof QUEUES)[])
    await producer.queue(key).obliterate({ force: true });
});

describe("report jobs", () => {
  it("a worker killed while it holds a rendered report leaves nothing; the retry archives exactly one", async () => {
    const data = {
      tenantId: kommune,
      kind: "reifegradbericht" as const,
      scope: "",
      stichtag: "2026-06-30",
      triggeredBy: "Test",
      notify: false,
    };
    const slow = await startSlowWorker("slow-report-worker.ts", {
      DATABASE_URL: inject("appUrl"),
      REDIS_URL: redisUrl,
    });
    let next: WorkerRuntime | null = null;
    try {
      await producer.enqueue({ name: "report.generate", data, opts: { jobId: reportJobId(data) } });
      await until("the rendered report", async () => slow.output().includes("rendered"), { ms: 60_000 });
      await slow.kill();
      expect(await archived(kommune)).toEqual([]);
      next = await runtime({ workerOptions: { reports: { stalledInterval: 1_000 } } });
      const job = (await producer.queue("reports").getJob(reportJobId(data)))!;
      await until("the retried job", async () => (await job.getState()) === "completed", { ms: 60_000 });
      const rows = await archived(kommune);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.stichtag).toBe("2026-06-30");
    } finally {
      await slow.kill();
      await next?.shutdown(10_000);
    }
  }, 120_000);

  it("a scheduled run archives the period once and mails each subscriber once, however often it runs", async () => {
    await withTenant(client.db, kommune, (tx) =>
      queries.subscribe(tx, {
        tenantId: kommune,
        userId: subscriber.id,
        kind: "reifegradbericht",
        scope: "",
      }),
    );
    const mailDir = mkdtempSync(path.join(os.tmpdir(), "spatz-report-mail-"));
    const worker = await runtime({
      mailer: folderMailer(mailDir, "SPATZ <spatz@test.example>"),
      settings: { publicUrl: "https://spatz.example.de" },
    });
    try {
      for (let run = 0; run < 2; run++) {
        const job = await producer.queue("reports").add("report.schedule", { kind: "reifegradbericht" });
        await until("the schedule", async () => (await job.getState()) === "completed");
        await until(
          "the mail",
          async () =>
            (await outbox(kommune)).every((m) => m.sentAt !== null) && readMailFolder(mailDir).length > 0,
        );
        await until("idle queues", async () => {
          const [r, m] = await Promise.all([
            producer.queue("reports").getJobCounts("waiting", "active", "delayed"),
            producer.queue("mail").getJobCounts("waiting", "active", "delayed"),
          ]);
          return (
            Object.values({ ...r }).every((n) => n === 0) && Object.values({ ...m }).every((n) => n === 0)
          );
        });
      }
      const rows = (await archived(kommune)).filter((r) => r.triggered_by === "Zeitplan");
      expect(rows).toHaveLength(1);
      const mails = readMailFolder(mailDir);
      expect(mails.map((m) => m.to)).toEqual([subscriber.email]);
      expect(mails[0]!.subject).toMatch(/^SPATZ: Reifegradbericht zum \d\d\.\d\d\.\d{4} liegt bereit$/);
      // A link, never the file or a figure.
      expect(mails[0]!.text).toContain("https://spatz.example.de/berichte");
      expect(mails[0]!.text).not.toMatch(/Reifegradindex|\d,\d/);
      expect(await outbox(kommune)).toEqual([expect.objectContaining({ attempts: 1, lastError: null })]);
    } finally {
      await worker.shutdown(5_000);
    }
  }, 120_000);

  it("a failing mail server is retried, and the failure is recorded on the mail until it is sent", async () => {
    const [row] = await withTenant(client.db, kommune, (tx) =>
      tx
        .insert(schema.mailOutbox)
        .values({
          tenantId: kommune,
          dedupeKey: `test:${randomUUID()}`,
          recipient: subscriber.email,
          subject: "Test",
          body: "Hallo",
        })
        .returning({ id: schema.mailOutbox.id }),
    );
    let calls = 0;
    const sent: string[] = [];
    const flaky: Mailer = {
      send: async (mail) => {
        calls++;
        if (calls === 1) throw new Error("421 Service not available");
        sent.push(mail.to);
      },
    };
    const worker = await runtime({ mailer: flaky });
    try {
      await producer
        .queue("mail")
        .add(
          "mail.send",
          { tenantId: kommune, outboxId: row!.id },
          { jobId: `mail.send.${row!.id}`, attempts: 3, backoff: { type: "fixed", delay: 200 } },
        );
      await until("the failure recorded", async () => {
        const [m] = await withTenant(client.db, kommune, (tx) => queries.listOutbox(tx, [row!.id]));
        return m?.lastError?.includes("421");
      });
      await until("the retry", async () => {
        const [m] = await withTenant(client.db, kommune, (tx) => queries.listOutbox(tx, [row!.id]));
        return m?.sentAt !== null && m;
      });
      const [m] = await withTenant(client.db, kommune, (tx) => queries.listOutbox(tx, [row!.id]));
      expect(m).toMatchObject({ attempts: 2, lastError: null });
      expect(sent).toEqual([subscriber.email]);
    } finally {
      await worker.shutdown(5_000);
    }
  }, 60_000);
});
