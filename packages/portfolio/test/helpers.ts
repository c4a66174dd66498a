/** Test helpers: fixtures, a Windows-1252 encoder built from TextDecoder, XLSX building with exceljs. */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import Papa from "papaparse";

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

export const HALLE_FILE = "projektliste-2023.tsv";

export function halleText(): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(fixtureBytes(HALLE_FILE));
}

/** The Halle list as cell arrays (header first), read with papaparse. */
export function halleRows(): string[][] {
  return Papa.parse<string[]>(halleText(), { delimiter: "\t", skipEmptyLines: true }).data;
}

// Byte for every character Windows-1252 can represent, derived from the platform decoder (full ICU). The
// streaming call avoids Node's Latin-1 fast path, which gets 0x80–0x9F wrong (see src/decode-text.ts); the
// tests in read-table.test.ts pin a few of those bytes to their characters independently of this table.
const windows1252Byte = new Map<string, number>();
for (let byte = 0xff; byte >= 0; byte--) {
  const decoder = new TextDecoder("windows-1252");
  windows1252Byte.set(decoder.decode(new Uint8Array([byte]), { stream: true }), byte);
}

export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (char) => {
    const byte = windows1252Byte.get(char);
    if (byte === undefined) throw new Error(`Not in Windows-1252: ${char}`);
    return byte;
  });
}

export function utf8(text: string, bom = false): Uint8Array {
  return new TextEncoder().encode(bom ? `\uFEFF${text}` : text);
}

export type XlsxCell = ExcelJS.CellValue;

/** A workbook with one sheet; `rows[i]` goes to worksheet row `i + 1 + startRow - 1`. */
export async function buildXlsx(
  rows: readonly (readonly XlsxCell[])[],
  options: {
    startRow?: number;
    sheetName?: string;
    dateFormat?: string;
    before?: (wb: ExcelJS.Workbook) => void;
  } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  options.before?.(workbook);
  const sheet = workbook.addWorksheet(options.sheetName ?? "Tabelle1");
  const startRow = options.startRow ?? 1;
  rows.forEach((cells, index) => {
    const row = sheet.getRow(startRow + index);
    cells.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = options.dateFormat ?? "dd.mm.yyyy";
    });
    row.commit();
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An Excel date cell for a calendar day (exceljs uses the UTC fields as the sheet's wall clock). */
export function excelDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
