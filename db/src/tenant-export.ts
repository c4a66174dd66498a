// All data of one tenant, for its own administration (POST /dateien/export) and for the state's operators
// (`pnpm spatz export-tenant`): every tenant table of the catalog (rls-catalog.ts, never a hand-kept list) as CSV and
// JSON, the evidence files as they were uploaded, a manifest with SHA-256 checksums and a German LIESMICH.txt, as one
// ZIP. Credentials (password, session and invitation hashes) are left out. Reading and its audit entry happen in one
// tenant transaction; the ZIP is then streamed entry by entry, fetching one evidence file at a time.
import { createHash } from "node:crypto";
import { protectCell } from "@spatz/domain";
import { sql } from "drizzle-orm";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import Papa from "papaparse";
import { type Actor, writeAudit } from "./audit.ts";
import { TENANT_TABLES_QUERY, type TenantTable, tenantTables } from "./rls-catalog.ts";
import type { TenantTx } from "./tenant-tx.ts";

export const TENANT_EXPORT_FORMAT = "spatz-mandantenexport/1";
/** Credentials never leave the database, not even as hashes. */
const WITHHELD_COLUMN = /_hash$/;
/** The table whose `content` column holds uploaded files: they go into `dateien/`, not into the table files. */
const FILE_TABLE = "measure_evidence_files";
/** The archived reports' files go into `berichte/`, not into the table files. */
const REPORT_TABLE = "report_archive";
const REPORT_FORMATS = ["pdf", "csv", "xlsx"] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Which file of the archive `readFile` is asked for. */
export type ExportFileRef =
  | { kind: "evidence"; id: string }
  | { kind: "report"; id: string; format: ReportFormat };

export type ExportedTenant = { id: string; slug: string; name: string; kind: string };
export type ExportedTable = {
  name: string;
  columns: string[];
  withheldColumns: string[];
  rows: Record<string, unknown>[];
};
export type ExportedFile = {
  id: string;
  measureId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
};
export type ExportedReport = { id: string; fileBase: string };
export type TenantExport = {
  format: typeof TENANT_EXPORT_FORMAT;
  tenant: ExportedTenant;
  exportedAt: string;
  exportedBy: string;
  tables: ExportedTable[];
  files: ExportedFile[];
  reports: ExportedReport[];
};

/** Reads every tenant table's rows of `tenant` (this transaction's tenant) and writes the audit entry of the export. */
export async function exportTenantData(
  tx: TenantTx,
  tenant: ExportedTenant,
  actor: Actor,
): Promise<TenantExport> {
  const catalog = tenantTables(await tx.execute<TenantTable>(sql.raw(TENANT_TABLES_QUERY)));
  // First the audit entry, so that the export holds the record of itself.
  await writeAudit(tx, tenant.id, actor, {
    action: "tenant.export",
    entityType: "tenant",
    entityId: tenant.id,
    after: { tables: catalog.length },
  });
  const tables: ExportedTable[] = [];
  for (const table of catalog) {
    const withheld = table.columns.filter(
      (c) =>
        WITHHELD_COLUMN.test(c) ||
        (table.name === FILE_TABLE && c === "content") ||
        (table.name === REPORT_TABLE && (REPORT_FORMATS as readonly string[]).includes(c)),
    );
    const columns = table.columns.filter((c) => !withheld.includes(c));
    const list = sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    const order = sql.join(
      (table.primaryKey.length > 0 ? table.primaryKey : columns.slice(0, 1)).map((c) => sql.identifier(c)),
      sql`, `,
    );
    // Explicitly this tenant's rows: a reviewed cross-tenant policy (e.g. comments addressed to a Kommune, the state's
    // view of every rollout record) makes other tenants' rows visible, and those are not this tenant's data.
    const rows = await tx.execute<Record<string, unknown>>(
      sql`select ${list} from ${sql.identifier(table.name)} where tenant_id = ${tenant.id} order by ${order}`,
    );
    tables.push({ name: table.name, columns, withheldColumns: withheld, rows: [...rows] });
  }
  const fileRows = tables.find((t) => t.name === FILE_TABLE)?.rows ?? [];
  const files = fileRows.map((r) => ({
    id: String(r.id),
    measureId: String(r.measure_id),
    fileName: String(r.file_name),
    mediaType: String(r.media_type),
    sizeBytes: Number(r.size_bytes),
    sha256: String(r.sha256),
  }));
  const reports = (tables.find((t) => t.name === REPORT_TABLE)?.rows ?? []).map((r) => ({
    id: String(r.id),
    fileBase: String(r.file_base),
  }));
  return {
    format: TENANT_EXPORT_FORMAT,
    tenant,
    exportedAt: new Date().toISOString(),
    exportedBy: actor.label,
    tables,
    files,
    reports,
  };
}

export function tenantExportFileName(data: Pick<TenantExport, "tenant" | "exportedAt">): string {
  return `spatz-export-${data.tenant.slug}-${data.exportedAt.slice(0, 10)}.zip`;
}

/** A value as one CSV cell: text protected against formula injection, structures as JSON, bytes as base64. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value === "object") return JSON.stringify(value);
  return typeof value === "string" ? protectCell(value) : String(value);
}

function jsonValue(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && (value as { type?: string }).type === "Buffer")
    return Buffer.from((value as { data: number[] }).data).toString("base64");
  return value;
}

/** CSV as German Excel reads it: UTF-8 with BOM, semicolons, CRLF. */
function tableCsv(table: ExportedTable): string {
  return `\uFEFF${Papa.unparse(
    { fields: table.columns, data: table.rows.map((r) => table.columns.map((c) => csvCell(r[c]))) },
    { delimiter: ";", newline: "\r\n" },
  )}\r\n`;
}

/** A file name that is safe as one path segment in any unpacking tool. */
function safeSegment(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, "_").replace(/^\.+/, "_");
  return cleaned.slice(0, 150) || "datei";
}

function readme(data: TenantExport): string {
  return [
    `SPATZ – Export aller Daten von ${data.tenant.name} (${data.tenant.slug})`,
    `Erstellt am ${data.exportedAt} von ${data.exportedBy}.`,
    "",
    "Inhalt:",
    "- tabellen/<tabelle>.csv: jede Tabelle dieser Verwaltung, für Tabellenkalkulationen (UTF-8, Semikolon).",
    "- tabellen/<tabelle>.json: dieselben Zeilen maschinenlesbar (Zeitangaben wie in der Datenbank, Zahlen als Text,",
    "  wo sie größer sind als JavaScript-Zahlen).",
    "- dateien/<maßnahme>/<datei>: die hochgeladenen Nachweisdateien, unverändert.",
    "- berichte/<bericht>.pdf|csv|xlsx: die archivierten Berichte, unverändert (Prüfsummen in report_archive).",
    "- manifest.json: Tabellen mit Zeilenzahl, Dateien, SHA-256-Prüfsummen jeder Datei dieses Archivs.",
    "",
    "Nicht enthalten sind Anmeldegeheimnisse (Passwort-Hashes, Sitzungs- und Einladungsschlüssel) sowie die",
    "landesweiten Kataloge (Reifegradmodell, OZG-Katalog), die allen Verwaltungen gemeinsam gehören.",
    "",
  ].join("\r\n");
}

type Entry = { path: string; bytes: () => Promise<Uint8Array | null>; compress: boolean; fileId?: string };

const ALREADY_COMPRESSED: Record<ReportFormat, boolean> = { pdf: true, xlsx: true, csv: false };

/**
 * The ZIP as a stream: one entry per pull, so a slow download holds one file in memory at a time. `readFile` returns
 * an evidence file's or a report file's bytes, or null when it was removed since the export was read (then the
 * manifest names it under `missingFiles`).
 */
export function tenantExportArchive(
  data: TenantExport,
  readFile: (ref: ExportFileRef) => Promise<Uint8Array | null>,
): ReadableStream<Uint8Array> {
  const text = (s: string) => async () => strToU8(s);
  const entries: Entry[] = [{ path: "LIESMICH.txt", bytes: text(readme(data)), compress: true }];
  const tableFiles: Record<string, { csv: string; json: string }> = {};
  for (const table of data.tables) {
    const paths = { csv: `tabellen/${table.name}.csv`, json: `tabellen/${table.name}.json` };
    tableFiles[table.name] = paths;
    entries.push({ path: paths.csv, bytes: text(tableCsv(table)), compress: true });
    entries.push({
      path: paths.json,
      bytes: text(`${JSON.stringify(table.rows, jsonValue, 2)}\n`),
      compress: true,
    });
  }
  const filePaths = new Map<string, string>();
  for (const f of data.files) {
    const path = `dateien/${f.measureId}/${f.id}-${safeSegment(f.fileName)}`;
    filePaths.set(f.id, path);
    // Evidence files are PDFs, images and Office files: already compressed, stored as they are.
    entries.push({
      path,
      bytes: () => readFile({ kind: "evidence", id: f.id }),
      compress: false,
      fileId: f.id,
    });
  }
  for (const r of data.reports) {
    for (const format of REPORT_FORMATS) {
      entries.push({
        path: `berichte/${safeSegment(`${r.fileBase}-${r.id.slice(0, 8)}`)}.${format}`,
        bytes: () => readFile({ kind: "report", id: r.id, format }),
        compress: !ALREADY_COMPRESSED[format],
        fileId: `${r.id}.${format}`,
      });
    }
  }
  const checksums: Record<string, string> = {};
  const missingFiles: string[] = [];
  const manifest = () => ({
    format: data.format,
    tenant: data.tenant,
    exportedAt: data.exportedAt,
    exportedBy: data.exportedBy,
    tables: data.tables.map((t) => ({
      name: t.name,
      rows: t.rows.length,
      withheldColumns: t.withheldColumns,
      ...tableFiles[t.name],
    })),
    files: data.files
      .filter((f) => !missingFiles.includes(f.id))
      .map((f) => ({ ...f, path: filePaths.get(f.id) })),
    missingFiles,
    sha256: checksums,
  });
  // Last, so that it lists what the archive really holds.
  entries.push({
    path: "manifest.json",
    compress: true,
    bytes: async () => strToU8(`${JSON.stringify(manifest(), null, 2)}\n`),
  });

  let zip: Zip;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const entry = entries[next++];
      if (!entry) return;
      const bytes = await entry.bytes();
      if (bytes === null) {
        missingFiles.push(entry.fileId ?? entry.path);
      } else {
        checksums[entry.path] = createHash("sha256").update(bytes).digest("hex");
        const file = entry.compress
          ? new ZipDeflate(entry.path, { level: 6 })
          : new ZipPassThrough(entry.path);
        zip.add(file);
        file.push(bytes, true);
      }
      if (next === entries.length) zip.end();
    },
    cancel() {
      zip.terminate();
    },
  });
}
