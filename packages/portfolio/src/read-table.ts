/** Entry point of the import: bytes of an uploaded file → ImportTable (TSV, CSV or XLSX). */
import { hasUnstorableText } from "@spatz/domain";
import { decodeText } from "./decode-text.ts";
import { ImportFileError, SUPPORTED_FORMATS_TEXT } from "./import-file-error.ts";
import { assertXlsxPackageSize } from "./import-limits.ts";
import { readTextTable } from "./read-text-table.ts";
import { readXlsxTable } from "./read-xlsx-table.ts";
import type { ImportTable } from "./table.ts";

const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Reads an uploaded project list. The content decides the format: a ZIP signature means XLSX (first
 * worksheet), anything else is read as delimited text (tab, semicolon or comma; UTF-8 with or without BOM,
 * UTF-16LE with BOM, or Windows-1252). The file name is used only for messages and to explain mismatches
 * (e.g. a ".xlsx" that is not a workbook). Completely empty lines/rows are skipped; every row keeps its
 * original line (text) or row (XLSX) number.
 *
 * Async because XLSX parsing is. Throws ImportFileError (German message) for empty or unsupported files.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<ImportTable> {
  const table = await readAnyTable(bytes, fileName);
  assertStorableText(table, fileName);
  return table;
}

/** Text PostgreSQL cannot store (NUL, broken characters) is refused with the cell's place, never dropped. */
export function assertStorableText(table: ImportTable, fileName: string) {
  const bad = table.headers.findIndex(hasUnstorableText);
  if (bad >= 0) throw unstorable(fileName, table.headerLine, bad);
  for (const row of table.rows) {
    const column = row.cells.findIndex(hasUnstorableText);
    if (column >= 0) throw unstorable(fileName, row.line, column);
  }
}

function unstorable(fileName: string, line: number, column: number): ImportFileError {
  return new ImportFileError(
    "unstorable_text",
    fileName,
    `In der Datei „${fileName}“ enthält Zeile ${line}, Spalte ${column + 1} ein unzulässiges Zeichen (ein ` +
      "Steuerzeichen oder ein unvollständiges Sonderzeichen). Bitte korrigieren Sie die Zelle und laden Sie die " +
      "Datei erneut hoch.",
  );
}

async function readAnyTable(bytes: Uint8Array, fileName: string): Promise<ImportTable> {
  const ext = extension(fileName);
  if (bytes.length === 0) throw new ImportFileError("empty", fileName, `Die Datei „${fileName}“ ist leer.`);
  if (startsWith(bytes, ZIP)) {
    if (ext === "ods") {
      throw new ImportFileError(
        "unsupported_format",
        fileName,
        `Die Datei „${fileName}“ ist eine OpenDocument-Tabelle (.ods). Bitte speichern Sie sie als ` +
          `Excel-Arbeitsmappe (.xlsx) oder als CSV. ${SUPPORTED_FORMATS_TEXT}`,
      );
    }
    assertXlsxPackageSize(bytes, fileName);
    return readXlsxTable(bytes, fileName);
  }
  if (startsWith(bytes, OLE2)) {
    throw new ImportFileError(
      "legacy_excel",
      fileName,
      `Die Datei „${fileName}“ ist im alten Excel-Format (.xls) gespeichert, das SPATZ nicht liest. Bitte öffnen ` +
        "Sie sie in Excel und wählen Sie „Speichern unter“ → „Excel-Arbeitsmappe (*.xlsx)“ oder " +
        "„CSV UTF-8 (durch Trennzeichen getrennt)“.",
    );
  }
  if (ext === "xlsx" || ext === "xlsm") {
    throw new ImportFileError(
      "not_xlsx",
      fileName,
      `Die Datei „${fileName}“ hat die Endung .${ext}, ist aber keine Excel-Arbeitsmappe. Bitte öffnen Sie die ` +
        "Liste in Excel und speichern Sie sie erneut als „Excel-Arbeitsmappe (*.xlsx)“.",
    );
  }
  if (startsWith(bytes, PDF)) {
    throw new ImportFileError(
      "unsupported_format",
      fileName,
      `Die Datei „${fileName}“ hat ein Format, das SPATZ nicht importieren kann. ${SUPPORTED_FORMATS_TEXT}`,
    );
  }
  const { text, encoding } = decodeText(bytes);
  return readTextTable(text, encoding, fileName);
}
