// The report archive (schema/reports.ts) and what a Reifegradbericht is made of. The archive is read in the
// tenant's own transaction (RLS): a Kommune lists and downloads only its own reports.
import { createHash } from "node:crypto";
import type { MaturityModel, MeasureInput, Target } from "@spatz/maturity";
import { and, desc, eq, sql } from "drizzle-orm";
import { type ReportKind, reportArchive } from "../schema/reports.ts";
import { tenants } from "../schema/tenants.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { benchmarkCatalogue, benchmarkPosition } from "./benchmark-views.ts";
import { requireModelInUse, scopeUnits } from "./maturity-scope.ts";
import { measuresForAssessment } from "./measures.ts";
import { listOrgUnits } from "./org-units.ts";
import { getStrategyForScope, latestApprovedVersion } from "./strategies.ts";

/** Everything the Reifegradbericht of a Kommune (or one org unit) needs, read in the Kommune's transaction. */
export async function reifegradberichtInputs(tx: TenantTx, tenantId: string, orgUnitId: string | null) {
  const [tenant] = await tx
    .select({ name: tenants.name, slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error(`tenant ${tenantId} not found`);
  const orgUnitIds = await scopeUnits(tx, orgUnitId);
  const unit = orgUnitId ? (await listOrgUnits(tx)).find((u) => u.id === orgUnitId) : null;
  const inUse = await requireModelInUse(tx);
  const rows = await measuresForAssessment(tx, orgUnitIds);
  const strategy = await getStrategyForScope(tx, orgUnitId);
  const approved = strategy ? await latestApprovedVersion(tx, strategy.id) : null;
  const dimensionKeys = new Set(inUse.model.dimensions.map((d) => d.key));
  const targets: Target[] = (approved?.targets ?? []).filter((t) => dimensionKeys.has(t.dimensionKey));
  // The position among all Kommunen, exactly as the Vergleich page shows it (k-anonymous group figures only).
  const catalogue = await benchmarkCatalogue(tx, tenantId);
  const position = catalogue.asOf ? await benchmarkPosition(tx, tenantId, "all") : null;
  return {
    kommuneName: tenant.name,
    kommuneSlug: tenant.slug,
    scopeLabel: unit ? unit.name : "gesamte Verwaltung",
    model: inUse.model as MaturityModel,
    measures: rows.map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status as MeasureInput["status"],
      completedOn: m.completedOn,
      plannedEnd: m.plannedEnd,
      criterionKeys: m.criterionKeys,
    })),
    targets,
    peers: position
      ? {
          groupLabel: position.group.label,
          metrics: position.metrics.map((m) => ({
            label: m.label,
            own: m.own,
            band: m.band?.label ?? null,
            figures: m.figures.suppressed
              ? { suppressed: true as const, reason: m.figures.reason }
              : {
                  suppressed: false as const,
                  n: m.figures.n,
                  p25: m.figures.p25,
                  median: m.figures.median,
                  p75: m.figures.p75,
                },
          })),
        }
      : null,
  };
}

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

/** The archive, newest first, without the files. */
export async function listReports(tx: TenantTx, page: { page: number; pageSize: number }) {
  const [{ total } = { total: 0 }] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(reportArchive);
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
    })
    .from(reportArchive)
    .orderBy(desc(reportArchive.generatedAt), desc(reportArchive.id))
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
