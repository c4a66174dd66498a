// The report archive (schema/reports.ts) and what a Reifegradbericht is made of. The archive is read in the
// tenant's own transaction (RLS): a Kommune lists and downloads only its own reports.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import { type ReportKind, reportArchive, reportSubscriptions } from "../schema/reports.ts";
import { tenants } from "../schema/tenants.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type ReportFiles = { pdf: Buffer; csv: Buffer; xlsx: Buffer };

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/**
 * Archives a finished report in one statement (a report is there completely or not at all). The period (kind, scope,
 * Stichtag) exists once: a second run for it keeps the first and returns its id.
 */
export async function archiveReport(
  tx: TenantTx,
  entry: {
    tenantId: string;
    kind: ReportKind;
    scope: string;
    scopeLabel: string;
    stichtag: string;
    modelVersion: number | null;
    triggeredBy: string;
    fileBase: string;
    files: ReportFiles;
  },
): Promise<{ id: string; created: boolean }> {
  const [row] = await tx
    .insert(reportArchive)
    .values({
      tenantId: entry.tenantId,
      kind: entry.kind,
      scope: entry.scope,
      scopeLabel: entry.scopeLabel,
      stichtag: entry.stichtag,
      modelVersion: entry.modelVersion,
      triggeredBy: entry.triggeredBy,
      fileBase: entry.fileBase,
      pdf: entry.files.pdf,
      csv: entry.files.csv,
      xlsx: entry.files.xlsx,
      pdfSha256: sha256(entry.files.pdf),
      csvSha256: sha256(entry.files.csv),
      xlsxSha256: sha256(entry.files.xlsx),
    })
    .onConflictDoNothing()
    .returning({ id: reportArchive.id });
  if (row) return { id: row.id, created: true };
  const existing = await reportForPeriod(tx, entry.tenantId, entry.kind, entry.scope, entry.stichtag);
  return { id: existing!.id, created: false };
}

export async function reportForPeriod(
  tx: TenantTx,
  tenantId: string,
  kind: ReportKind,
  scope: string,
  stichtag: string,
) {
  const [row] = await tx
    .select({ id: reportArchive.id })
    .from(reportArchive)
    .where(
      and(
        eq(reportArchive.tenantId, tenantId),
        eq(reportArchive.kind, kind),
        eq(reportArchive.scope, scope),
        eq(reportArchive.stichtag, stichtag),
      ),
    );
  return row ?? null;
}

/**
 * The archive, newest first, without the files: "own" is the tenant's own archive; "shared" what other tenants' rules
 * let it read (the state: Reifegradberichte of Kommunen that share with the Land; a Landkreis: the Land's Rollout-Stand
 * of its Kreis), with the owning tenant's name.
 */
export async function listReports(
  tx: TenantTx,
  page: { page: number; pageSize: number; source: "own" | "shared" },
) {
  const whose =
    page.source === "own"
      ? sql`${reportArchive.tenantId} = (select app_current_tenant())`
      : sql`${reportArchive.tenantId} <> (select app_current_tenant())`;
  const [{ total } = { total: 0 }] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(reportArchive)
    .where(whose);
  const items = await tx
    .select({
      id: reportArchive.id,
      kind: reportArchive.kind,
      scopeLabel: reportArchive.scopeLabel,
      stichtag: reportArchive.stichtag,
      generatedAt: reportArchive.generatedAt,
      triggeredBy: reportArchive.triggeredBy,
      modelVersion: reportArchive.modelVersion,
      pdfSha256: reportArchive.pdfSha256,
      pdfBytes: sql<number>`octet_length(${reportArchive.pdf})::int`,
      owner: tenants.name,
    })
    .from(reportArchive)
    .innerJoin(tenants, eq(tenants.id, reportArchive.tenantId))
    .where(whose)
    .orderBy(desc(reportArchive.stichtag), desc(reportArchive.generatedAt), desc(reportArchive.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { items, total, page: page.page, pageSize: page.pageSize };
}

/** One file of an archived report, or null where there is none this tenant may see. */
export async function reportFile(tx: TenantTx, id: string, format: "pdf" | "csv" | "xlsx") {
  const column = { pdf: reportArchive.pdf, csv: reportArchive.csv, xlsx: reportArchive.xlsx }[format];
  const [row] = await tx
    .select({ fileBase: reportArchive.fileBase, content: column })
    .from(reportArchive)
    .where(eq(reportArchive.id, id));
  return row ?? null;
}

/** One archived report's period, as the notice about it needs it (RLS: the tenant's own or one it may read). */
export async function reportMeta(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({
      id: reportArchive.id,
      tenantId: reportArchive.tenantId,
      kind: reportArchive.kind,
      scope: reportArchive.scope,
      scopeLabel: reportArchive.scopeLabel,
      stichtag: reportArchive.stichtag,
    })
    .from(reportArchive)
    .where(eq(reportArchive.id, id));
  return row ?? null;
}

/** Removes this tenant's reports whose Stichtag is older than the retention (the database keeps any younger than a year). */
export async function expireReports(tx: TenantTx, keepMonths: number): Promise<number> {
  const removed = await tx
    .delete(reportArchive)
    .where(
      and(
        eq(reportArchive.tenantId, sql`(select app_current_tenant())`),
        lt(reportArchive.stichtag, sql`(current_date - make_interval(months => ${keepMonths}))::date`),
      ),
    )
    .returning({ id: reportArchive.id });
  return removed.length;
}

// Subscriptions ---------------------------------------------------------------------------------------------------

export async function listSubscriptions(tx: TenantTx, userId: string) {
  return tx
    .select({
      kind: reportSubscriptions.kind,
      scope: reportSubscriptions.scope,
      createdAt: reportSubscriptions.createdAt,
    })
    .from(reportSubscriptions)
    .where(eq(reportSubscriptions.userId, userId))
    .orderBy(asc(reportSubscriptions.kind), asc(reportSubscriptions.scope));
}

export async function subscribe(
  tx: TenantTx,
  entry: { tenantId: string; userId: string; kind: ReportKind; scope: string },
) {
  await tx.insert(reportSubscriptions).values(entry).onConflictDoNothing();
}

export async function unsubscribe(tx: TenantTx, entry: { userId: string; kind: ReportKind; scope: string }) {
  await tx
    .delete(reportSubscriptions)
    .where(
      and(
        eq(reportSubscriptions.userId, entry.userId),
        eq(reportSubscriptions.kind, entry.kind),
        eq(reportSubscriptions.scope, entry.scope),
      ),
    );
}
