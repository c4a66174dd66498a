/**
 * Reads the first worksheet of an XLSX workbook (exceljs) into an ImportTable. Cell values become the text a
 * clerk would type, so that the same validators apply as for CSV:
 * - date cells → "dd.mm.yyyy" (plus " HH:mm" when the cell has a time of day, which the date check rejects)
 * - numbers → German decimal text without grouping, 15 significant digits (1234.5 → "1234,5", 201 → "201")
 * - booleans → "WAHR"/"FALSCH"; formulas → their cached result ("=FORMEL" when the file has no result)
 * - rich text and hyperlinks → their text; error values → "#NV" etc. as stored
 * - strings → unchanged, except that the protective apostrophe of an escaped text is removed
 * The header is the first row with any non-empty cell; `line` is the worksheet row number.
 */

import { formatGermanDecimal, unprotectCell } from "@spatz/domain";
import { format } from "date-fns";
import ExcelJS from "exceljs";
import { ImportFileError } from "./import-file-error.ts";
import { IMPORT_LIMITS, tooManyColumns, tooManyRows } from "./import-limits.ts";
import { type ImportTable, isBlankRow, type TableRow } from "./table.ts";

/** exceljs reads date cells as Dates whose UTC fields are the wall-clock date and time in the sheet. */
function excelDateText(value: Date): string {
  const day = new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  const date = format(day, "dd.MM.yyyy");
  const hours = value.getUTCHours();
  const minutes = value.getUTCMinutes();
  if (hours === 0 && minutes === 0) return date;
  return `${date} ${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

function valueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return unprotectCell(value);
  if (typeof value === "number") return formatGermanDecimal(value);
  if (typeof value === "boolean") return value ? "WAHR" : "FALSCH";
  if (value instanceof Date) return excelDateText(value);
  if ("richText" in value) return unprotectCell(value.richText.map((run) => run.text).join(""));
  if ("hyperlink" in value) {
    const text: unknown = value.text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text)
      return valueText(text as ExcelJS.CellRichTextValue);
    return value.hyperlink;
  }
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      return `=${"formula" in value ? value.formula : value.sharedFormula}`;
    }
    if (typeof result === "object" && "error" in result) return String(result.error);
    return valueText(result as ExcelJS.CellValue);
  }
  return String(value);
}

function cellText(cell: ExcelJS.Cell): string {
  // A merged range keeps its value in the top-left cell only; the other cells would repeat it.
  if (cell.isMerged && cell.master !== cell) return "";
  return valueText(cell.value);
}

export async function readXlsxTable(bytes: Uint8Array, fileName: string): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new ImportFileError(
      "invalid_xlsx",
      fileName,
      `Die Datei „${fileName}“ ist keine lesbare Excel-Arbeitsmappe (.xlsx). Möglicherweise ist sie beschädigt ` +
        "oder hat ein anderes Format (z. B. OpenDocument .ods oder Word .docx). Bitte öffnen Sie die Liste in " +
        "Excel und speichern Sie sie als „Excel-Arbeitsmappe (*.xlsx)“.",
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw new ImportFileError(
      "empty",
      fileName,
      `Die Excel-Arbeitsmappe „${fileName}“ enthält kein Tabellenblatt.`,
    );
  }
  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell);
    });
    const dense = Array.from(cells, (cell) => cell ?? "");
    if (!isBlankRow(dense)) records.push({ line: rowNumber, cells: dense });
  });
  if (records.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows(fileName);
  if (records.some((row) => row.cells.length > IMPORT_LIMITS.maxColumns)) throw tooManyColumns(fileName);
  const [header, ...rows] = records;
  if (!header) {
    throw new ImportFileError(
      "empty",
      fileName,
      `Das erste Tabellenblatt „${sheet.name}“ der Datei „${fileName}“ ist leer. SPATZ liest nur das erste ` +
        "Tabellenblatt; bitte stellen Sie die Projektliste dorthin.",
    );
  }
  if (rows.length === 0) {
    throw new ImportFileError(
      "no_data",
      fileName,
      `Das Tabellenblatt „${sheet.name}“ der Datei „${fileName}“ enthält nur die Kopfzeile (Zeile ${header.line}), ` +
        "aber keine Projekte.",
    );
  }
  return {
    format: "xlsx",
    encoding: null,
    delimiter: null,
    headers: header.cells.map((cell) => cell.trim()),
    headerLine: header.line,
    sheetName: sheet.name,
    rows,
  };
}
