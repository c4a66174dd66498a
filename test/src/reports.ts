// Report fixtures: an archived report and a report job of a tenant, made as the worker makes them.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { queries, withTenant } from "@spatz/db";
import type { ReportKind } from "@spatz/domain";
import { reportJobId } from "@spatz/jobs";
import type { FixtureTenant } from "./fixtures.ts";
import type { TestApp } from "./server.ts";

export async function createArchivedReport(
  t: TestApp,
  tenant: FixtureTenant,
  period: { kind?: ReportKind; scope?: string } = {},
): Promise<{ id: string }> {
  // A Stichtag of its own per call, so that every call archives a new period.
  const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 9000) * 86_400_000);
  return withTenant(t.client.db, tenant.id, (tx) =>
    queries.archiveReport(tx, {
      tenantId: tenant.id,
      kind: period.kind ?? "reifegradbericht",
      scope: period.scope ?? "",
      scopeLabel: "gesamte Verwaltung",
      stichtag: day.toISOString().slice(0, 10),
      modelVersion: 1,
      triggeredBy: "Test",
      fileBase: `Reifegradbericht-${tenant.slug}`,
      files: { pdf: Buffer.from("%PDF-1.7 test"), csv: Buffer.from("a;b\r\n"), xlsx: Buffer.from("PK") },
    }),
  );
}

/** A waiting report job of the tenant (no worker takes it in the tests that use this). */
export async function enqueueReportJob(t: TestApp, tenant: FixtureTenant): Promise<string> {
  const data = {
    tenantId: tenant.id,
    kind: "reifegradbericht" as const,
    scope: randomUUID(),
    stichtag: "2026-01-31",
    triggeredBy: "Test",
    notify: false,
  };
  const jobId = reportJobId(data);
  await t.deps.jobs!.enqueue({ name: "report.generate", data, opts: { jobId } });
  return jobId;
}

/** The text of a PDF as pdftotext (Debian's poppler-utils) extracts it, layout kept. */
export function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });
}
