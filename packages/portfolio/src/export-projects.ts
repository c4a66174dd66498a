/**
 * Export of projects as CSV (German Excel style), TSV or XLSX, with the column headers the importer
 * recognises, so that an export can be edited and imported again without loss.
 *
 * - CSV: UTF-8 with BOM, semicolon, CRLF, dates dd.mm.yyyy, decimal comma without thousands separators
 *   (German Excel reads "12500,00" as a number), quoting only where needed (papaparse), text cells protected
 *   against formula injection (protectCell in @spatz/domain).
 * - TSV: the same with tab as delimiter.
 * - XLSX: one sheet "Projekte", bold header with autofilter and frozen first row, real date cells
 *   (dd.mm.yyyy), budget as number with format #,##0.00 "€", Aufwand as number, text as text cells.
 * The Dauer column is always derived from start and end (inclusive end).
 */

import { escapeCellForXlsx, formatEuroCents, formatGermanDecimal, protectCell } from "@spatz/domain";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { UTF8_BOM } from "./decode-text.ts";
import { formatGermanDate } from "./german-date.ts";
import { projectMethodLabels, projectPriorityLabels, projectStatusLabels } from "./project-codes.ts";
import { formatDuration, projectDuration } from "./project-duration.ts";
import { type ProjectField, projectFields } from "./project-fields.ts";
import { type ExportProject, exportProjectSchema } from "./project-schema.ts";

export type ExportFormat = "csv" | "tsv" | "xlsx";

export const exportMediaTypes: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  tsv: "text/tab-separated-values; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

type Kind = "text" | "date" | "number";

interface ExportColumn {
  field: ProjectField;
  header: string;
  kind: Kind;
  /** Text for CSV/TSV (before injection protection). */
  text(project: ExportProject): string;
  /** Typed value for XLSX; null for an empty cell. */
  value(project: ExportProject): string | number | Date | null;
  numFmt?: string;
}

function isoToExcelDate(iso: string): Date {
  // exceljs stores a Date's UTC date and time as the sheet's wall-clock value.
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * OOXML text cannot carry CR or most control characters literally (XML normalizes CRLF to LF); Excel writes
 * them as _xHHHH_ escapes and writes a literal "_xHHHH_" as "_x005F_xHHHH_". exceljs decodes these escapes on
 * read but does not encode on write, so the exporter does it to keep "\r\n" in descriptions lossless.
 */
function encodeXlsxText(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, "_x005F_x$1_").replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point here
    /[\u0000-\u0008\u000b-\u001f]/g,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

function textColumn(
  field: ProjectField,
  header: string,
  get: (project: ExportProject) => string | undefined,
) {
  return {
    field,
    header,
    kind: "text" as const,
    text: (project: ExportProject) => get(project) ?? "",
    value: (project: ExportProject) => {
      const text = get(project);
      return text ? encodeXlsxText(escapeCellForXlsx(text)) : null;
    },
  };
}

function column(field: ProjectField, header: string): ExportColumn {
  switch (field) {
    case "externalId":
      return textColumn(field, header, (project) => project.id);
    case "gb":
    case "r":
    case "name":
    case "description":
    case "lead":
    case "notes":
      return textColumn(field, header, (project) => project[field]);
    case "start":
    case "end":
      return {
        field,
        header,
        kind: "date",
        numFmt: "dd.mm.yyyy",
        text: (project) => formatGermanDate(project[field]),
        value: (project) => isoToExcelDate(project[field]),
      };
    case "declaredDuration":
      return textColumn(field, header, (project) =>
        formatDuration(projectDuration(project.start, project.end)),
      );
    case "status":
      return textColumn(field, header, (project) => project.status && projectStatusLabels[project.status]);
    case "priority":
      return textColumn(
        field,
        header,
        (project) => project.priority && projectPriorityLabels[project.priority],
      );
    case "method":
      return textColumn(field, header, (project) => project.method && projectMethodLabels[project.method]);
    case "budgetEur":
      return {
        field,
        header,
        kind: "number",
        numFmt: '#,##0.00 "€"',
        text: (project) =>
          project.budgetCents === undefined
            ? ""
            : formatEuroCents(project.budgetCents, { grouping: false, currency: false }),
        value: (project) => (project.budgetCents === undefined ? null : project.budgetCents / 100),
      };
    case "effortDays":
      return {
        field,
        header,
        kind: "number",
        text: (project) => (project.effortDays === undefined ? "" : formatGermanDecimal(project.effortDays)),
        value: (project) => project.effortDays ?? null,
      };
  }
}

/** The export columns, in file order, with the same headers as `projectFields` labels. */
export const exportColumns: readonly ExportColumn[] = projectFields.map((definition) =>
  column(definition.field, definition.label),
);

function delimitedText(projects: readonly ExportProject[], delimiter: string): Uint8Array {
  const data = projects.map((project) =>
    exportColumns.map((col) => (col.kind === "text" ? protectCell(col.text(project)) : col.text(project))),
  );
  const text = Papa.unparse(
    { fields: exportColumns.map((col) => col.header), data },
    { delimiter, newline: "\r\n", quotes: false, quoteChar: '"', escapeChar: '"' },
  );
  const body = new TextEncoder().encode(`${text}\r\n`);
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM, 0);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}

function columnWidth(col: ExportColumn, projects: readonly ExportProject[]): number {
  if (col.kind === "date") return 12;
  // Loops, not Math.max(...): a portfolio or a cell can be larger than the engine's argument limit.
  let widest = col.header.length + 2;
  for (const project of projects) {
    for (const line of col.text(project).split(/\r\n|\r|\n/)) widest = Math.max(widest, line.length);
  }
  return Math.min(60, Math.max(8, widest + 2));
}

async function workbookBytes(projects: readonly ExportProject[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SPATZ";
  const sheet = workbook.addWorksheet("Projekte", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = exportColumns.map((col) => ({
    header: col.header,
    key: col.field,
    width: columnWidth(col, projects),
    style: {
      ...(col.numFmt ? { numFmt: col.numFmt } : {}),
      alignment: { vertical: "top", wrapText: col.field === "description" || col.field === "notes" },
    },
  }));
  for (const project of projects) sheet.addRow(exportColumns.map((col) => col.value(project)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: exportColumns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Writes projects as a file. Validates the input with `exportProjectSchema` first (throws a ZodError for
 * e.g. a non-integer budget or an end before the start).
 */
export async function exportProjects(
  projects: readonly ExportProject[],
  format: ExportFormat,
): Promise<Uint8Array> {
  const valid = exportProjectSchema.array().parse(projects);
  switch (format) {
    case "csv":
      return delimitedText(valid, ";");
    case "tsv":
      return delimitedText(valid, "\t");
    case "xlsx":
      return workbookBytes(valid);
  }
}
