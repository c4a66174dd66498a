/**
 * Export of a dashboard table as CSV (German Excel style) or XLSX. Server-side only (exceljs): imported through the
 * subpath "@spatz/rollout/table-export", never from the package index, so the web bundle does not carry exceljs.
 *
 * - CSV: UTF-8 with BOM, semicolon, CRLF, dates dd.mm.yyyy, decimal comma without thousands separators (German
 *   Excel reads "12,5" as a number), text cells protected against formula injection (a leading ' before = + - @).
 * - XLSX: one sheet, bold header with autofilter and frozen first row, real numbers, dates and percentages.
 */
import { protectCell } from "@spatz/domain";
import ExcelJS from "exceljs";
import Papa from "papaparse";

export type ColumnKind = "text" | "integer" | "decimal" | "percent" | "date" | "euroCents";

/** A cell that says something instead of a figure, e.g. "weniger als 5 Kommunen – nicht ausgewiesen"; written as text. */
export interface ExportNote {
  note: string;
}

export interface ExportColumn<T> {
  header: string;
  kind: ColumnKind;
  value: (row: T) => string | number | boolean | null | undefined | ExportNote;
}

function isNote(v: unknown): v is ExportNote {
  return typeof v === "object" && v !== null && typeof (v as ExportNote).note === "string";
}

export type TableFormat = "csv" | "xlsx";

export interface ExportedFile {
  filename: string;
  mediaType: string;
  base64: string;
}

const MEDIA: Record<TableFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function germanDecimal(value: number, digits: number): string {
  return value.toFixed(digits).replace(".", ",");
}

function isoToGerman(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

function csvCell<T>(column: ExportColumn<T>, row: T): string {
  const v = column.value(row);
  if (v === null || v === undefined || v === "") return "";
  if (isNote(v)) return protectCell(v.note);
  if (typeof v === "boolean") return v ? "ja" : "nein";
  switch (column.kind) {
    case "integer":
      return String(Math.round(Number(v)));
    case "decimal":
      return germanDecimal(Number(v), 2);
    case "percent":
      return germanDecimal(Number(v) * 100, 1);
    case "euroCents":
      return germanDecimal(Number(v) / 100, 2);
    case "date":
      return isoToGerman(String(v));
    default:
      return protectCell(String(v));
  }
}

function xlsxDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  integer: "#,##0",
  decimal: "#,##0.00",
  percent: "0.0%",
  euroCents: '#,##0.00 "€"',
  date: "dd.mm.yyyy",
};

export async function exportTable<T>(
  name: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  format: TableFormat,
): Promise<ExportedFile> {
  const safeName = name.replace(/[^A-Za-z0-9ÄÖÜäöüß_-]+/g, "-");
  if (format === "csv") {
    const text = Papa.unparse(
      {
        // Headers too: some are typed by users (scenario names in the comparison).
        fields: columns.map((c) => protectCell(c.kind === "percent" ? `${c.header} (%)` : c.header)),
        data: rows.map((r) => columns.map((c) => csvCell(c, r))),
      },
      { delimiter: ";", newline: "\r\n", quotes: false },
    );
    return {
      filename: `${safeName}.csv`,
      mediaType: MEDIA.csv,
      base64: Buffer.from(`\uFEFF${text}\r\n`, "utf8").toString("base64"),
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SPATZ";
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.min(60, Math.max(12, c.header.length + 2)),
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  for (const r of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(r);
        if (v === null || v === undefined || v === "") return null;
        if (isNote(v)) return v.note;
        if (typeof v === "boolean") return v ? "ja" : "nein";
        if (c.kind === "date") return xlsxDate(String(v));
        if (c.kind === "euroCents") return Number(v) / 100;
        if (c.kind === "text") return String(v);
        return Number(v);
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    filename: `${safeName}.xlsx`,
    mediaType: MEDIA.xlsx,
    base64: Buffer.from(buffer as ArrayBuffer).toString("base64"),
  };
}
