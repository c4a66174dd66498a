/**
 * Reports at the Land's scale: the 133 Kommunen of Sachsen-Anhalt with the full demo data (`pnpm spatz seed-demo`:
 * measures, strategies, rollout records of every Kommune, benchmark snapshots and aggregates) and the Land.
 *
 *   pnpm --filter @spatz/test bench:reports        (throwaway PostgreSQL/Redis)
 *
 * With the real worker as a child process (its memory is read from /proc), prints:
 *  1. the Land's monthly Lagebericht (134 tenants' figures): time of the job (processed → finished);
 *  2. the quarterly Reifegradbericht of all 133 Kommunen as one batch (the scheduled run `report.schedule`): wall time
 *     of the batch, per report p50/p95/max, and the worker's memory (resident set sampled through the batch and through
 *     a second batch of the same 133 reports for the quarter before: a leak would keep growing; and the peak);
 *  3. the baseline in the same run: the same Reifegradbericht's figures read with one hand-written SQL statement per
 *     Kommune (measures with their criteria, no RLS, no engine, no rendering), against the time the job takes.
 * Targets (issue 14): one report < 10 s, the batch < 5 min, worker memory flat across the batch.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import { createJobProducer, type JobPayload, previousQuarterEnd, reportJobId } from "@spatz/jobs";
import { until } from "@spatz/local/test-helpers";
import { createTestDatabase, useTestServices } from "@spatz/local/test-services";
import type { Job } from "bullmq";
import postgres from "postgres";
import { spatz } from "../src/cli.ts";
import { mark, percentile, seconds } from "./figures.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

function memoryKb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return {
    rss: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0),
    peak: Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0),
  };
}

async function main() {
  const services = await useTestServices();
  const database = await createTestDatabase(services.postgresUrl, "spatz_bench_reports");
  const superuser = postgres(database.ownerUrl.replace("spatz_owner@", "postgres@"), {
    max: 1,
    onnotice: () => {},
  });
  const producer = createJobProducer(services.redisUrl);
  let worker: ReturnType<typeof spawn> | null = null;
  try {
    await runMigrations(database.ownerUrl);
    let started = performance.now();
    const seeded = spatz(["seed-demo"], { DATABASE_URL: database.appUrl });
    if (seeded.code !== 0) throw new Error(seeded.out);
    const [counts] = await superuser<{ tenants: number; measures: number; records: number }[]>`
      select (select count(*)::int from tenants) as tenants, (select count(*)::int from measures) as measures,
             (select count(*)::int from rollout_records) as records`;
    console.log(
      `Demo-Daten: ${counts!.tenants} Mandanten, ${counts!.measures} Maßnahmen, ${counts!.records} Rollout-Einträge (${seconds(performance.now() - started)})`,
    );
    for (const key of ["reports", "mail"] as const) await producer.queue(key).obliterate({ force: true });

    // The real worker as its own process, so that its memory is its own.
    worker = spawn(process.execPath, ["--import", "tsx", path.join(here, "../../apps/worker/src/main.ts")], {
      env: {
        ...process.env,
        DATABASE_URL: database.appUrl,
        REDIS_URL: services.redisUrl,
        LOG_LEVEL: "warn",
        MAIL_DIR: mkdtempSync(path.join(os.tmpdir(), "spatz-bench-mail-")),
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const pid = worker.pid!;
    await new Promise((r) => setTimeout(r, 3_000));
    const idle = memoryKb(pid);

    // 1) The Land's monthly report.
    const lage = await producer.queue("reports").add("report.schedule", { kind: "lagebericht" });
    const lageJob = await until(
      "the Lagebericht",
      async () => {
        if ((await lage.getState()) !== "completed") return null;
        const [job] = (await producer.queue("reports").getJobs(["completed"])).filter(
          (j) => j.name === "report.generate" && j.data.kind === "lagebericht",
        );
        return job ?? null;
      },
      { ms: 120_000, stepMs: 200 },
    );
    const lageMs = lageJob.finishedOn! - lageJob.processedOn!;

    // 2) The quarterly Reifegradbericht of every Kommune, as the scheduler starts it.
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(memoryKb(pid).rss), 500);
    started = performance.now();
    const run = await producer.queue("reports").add("report.schedule", { kind: "reifegradbericht" });
    await until("the schedule", async () => (await run.getState()) === "completed", {
      ms: 60_000,
      stepMs: 200,
    });
    const jobs = await until(
      "the quarter's reports",
      async () => {
        const all = (await producer.queue("reports").getJobs(["completed", "failed"], 0, 1000)).filter(
          (j: Job) => j.name === "report.generate" && j.data.kind === "reifegradbericht",
        );
        // The scheduler's own next runs wait as delayed jobs; a report being retried is not in `all` yet.
        const { waiting, active } = await producer.queue("reports").getJobCounts("waiting", "active");
        return (waiting ?? 0) + (active ?? 0) === 0 && all.length >= 133 ? all : null;
      },
      { ms: 30 * 60_000, stepMs: 1_000 },
    );
    const batchMs = performance.now() - started;
    clearInterval(sampler);
    const failed = jobs.filter((j) => j.failedReason);
    const times = jobs.map((j) => j.finishedOn! - j.processedOn!).sort((a, b) => a - b);
    const fifth = Math.max(1, Math.floor(samples.length / 5));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = avg(samples.slice(0, fifth));
    const late = avg(samples.slice(-fifth));

    // 2b) The same 133 reports once more for the quarter before: does the worker's memory keep growing? V8 grows its
    // heap lazily during the first batch; a leak would keep growing through the second.
    const second: number[] = [];
    const sampler2 = setInterval(() => second.push(memoryKb(pid).rss), 500);
    const before = previousQuarterEnd(previousQuarterEnd(berlinToday()));
    const again = jobs.map((j) => ({ ...(j.data as JobPayload<"report.generate">), stichtag: before }));
    await producer
      .queue("reports")
      .addBulk(again.map((data) => ({ name: "report.generate", data, opts: { jobId: reportJobId(data) } })));
    await until(
      "the second batch",
      async () => {
        const done = (await producer.queue("reports").getJobs(["completed", "failed"], 0, 2000)).filter(
          (j: Job) => j.name === "report.generate" && j.data.stichtag === before,
        );
        return done.length >= again.length;
      },
      { ms: 30 * 60_000, stepMs: 1_000 },
    );
    clearInterval(sampler2);
    const secondLate = avg(second.slice(-Math.max(1, Math.floor(second.length / 5))));
    const peak = memoryKb(pid).peak;

    // 3) Baseline: the Reifegradbericht's raw figures with one hand-written statement per Kommune.
    const kommunen = await superuser<
      { id: string }[]
    >`select id from tenants where kind <> 'state' order by id`;
    started = performance.now();
    for (const k of kommunen) {
      await superuser`
        select m.id, m.title, m.status, m.completed_on, m.planned_end, m.criterion_keys
        from measures m where m.tenant_id = ${k.id}`;
      await superuser`
        select metric, score, level from maturity_snapshots where tenant_id = ${k.id} and period = 'current'`;
    }
    const baselineMs = (performance.now() - started) / kommunen.length;

    const stichtag = previousQuarterEnd(berlinToday());
    const [archive] = await superuser<{ n: number; bytes: number }[]>`
      select count(*)::int as n, coalesce(sum(octet_length(pdf) + octet_length(csv) + octet_length(xlsx)), 0)::int as bytes
      from report_archive where kind = 'reifegradbericht' and stichtag = ${stichtag}`;
    console.log("\nBerichte (echter Worker als eigener Prozess, ein Bericht zur Zeit)");
    console.log(
      `  Lagebericht Digitalisierung (134 Mandanten):       ${seconds(lageMs)}  ${mark(lageMs < 10_000)} < 10 s`,
    );
    console.log(
      `  Reifegradbericht je Kommune: p50 ${seconds(percentile(times, 50))}, p95 ${seconds(percentile(times, 95))}, max ${seconds(times.at(-1)!)}  ${mark(times.at(-1)! < 10_000)} < 10 s`,
    );
    console.log(
      `  Stapel aller ${jobs.length} Reifegradberichte (Stichtag ${stichtag}): ${seconds(batchMs)}  ${mark(batchMs < 300_000 && failed.length === 0)} < 5 min, ${failed.length} fehlgeschlagen`,
    );
    console.log(
      `  archiviert: ${archive!.n} Berichte, ${(archive!.bytes / 1024 / 1024).toFixed(1)} MiB (PDF, CSV, XLSX)`,
    );
    console.log(
      `  Worker-Speicher (RSS): Leerlauf ${mib(idle.rss)}; 1. Stapel erstes Fünftel ${mib(early)}, letztes ${mib(late)}; 2. Stapel (${again.length} Berichte zum ${before}) letztes Fünftel ${mib(secondLate)}; Spitze ${mib(peak)}  ${mark(secondLate <= late * 1.1)} flach (2. Stapel ≤ 1,1 × 1. Stapel)`,
    );
    console.log(
      `  Grundlinie: Rohdaten eines Reifegradberichts mit handgeschriebenem SQL: ${(baselineMs).toFixed(1)} ms je Kommune (Bericht: p50 ${seconds(percentile(times, 50))})`,
    );
  } finally {
    worker?.kill("SIGTERM");
    await producer.close();
    await superuser.end();
  }
}

await main();
process.exit(0);
