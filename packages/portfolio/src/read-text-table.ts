/** Reads CSV/TSV text into an ImportTable with papaparse: delimiter detection, original line numbers. */

import { unprotectCell } from "@spatz/domain";
import Papa from "papaparse";
import { ImportFileError, SUPPORTED_FORMATS_TEXT } from "./import-file-error.ts";
import { IMPORT_LIMITS, tooManyColumns, tooManyRows } from "./import-limits.ts";
import { type ImportTable, isBlankRow, type TableRow, type TextEncodingName } from "./table.ts";

const DELIMITERS = ["\t", ";", ","] as const;
const DELIMITER_NAMES: Record<string, string> = { "\t": "Tabulator", ";": "Semikolon", ",": "Komma" };
const SAMPLE_ROWS = 50;

/**
 * Chooses the delimiter under which the first rows have the most consistent number of fields (at least two,
 * the header's count); ties go to tab, then semicolon, then comma. Returns null when no candidate yields two
 * or more columns in the header.
 */
export function detectDelimiter(text: string): string | null {
  let best: { delimiter: string; consistency: number; columns: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_ROWS }).data.filter(
      (row) => !isBlankRow(row),
    );
    const columns = rows[0]?.length ?? 0;
    if (columns < 2) continue;
    const consistency = rows.filter((row) => row.length === columns).length / rows.length;
    if (
      !best ||
      consistency > best.consistency ||
      (consistency === best.consistency && columns > best.columns)
    ) {
      best = { delimiter, consistency, columns };
    }
  }
  return best?.delimiter ?? null;
}

function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) count += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  return count;
}

export function readTextTable(text: string, encoding: TextEncodingName, fileName: string): ImportTable {
  // Only whitespace and delimiters (Excel writes ";;;" for empty rows): nothing to read.
  if (text.replace(/[\s;,"]/g, "") === "") {
    throw new ImportFileError("empty", fileName, `Die Datei „${fileName}“ ist leer.`);
  }
  if (text.includes("\u0000")) {
    throw new ImportFileError(
      "unsupported_format",
      fileName,
      `Die Datei „${fileName}“ ist keine Textdatei und keine Excel-Arbeitsmappe. ${SUPPORTED_FORMATS_TEXT}`,
    );
  }
  const delimiter = detectDelimiter(text);
  if (delimiter === null) {
    throw new ImportFileError(
      "no_delimiter",
      fileName,
      `In der Datei „${fileName}“ wurde kein Spaltentrennzeichen gefunden: Die erste Zeile enthält weder ` +
        "Tabulatoren noch Semikolons noch Kommas. Bitte speichern Sie die Liste in Excel als " +
        "„CSV UTF-8 (durch Trennzeichen getrennt)“ oder als Excel-Arbeitsmappe (.xlsx).",
    );
  }
  // Stop reading after the row limit (plus header): a file with more is refused, never held in memory whole.
  const result = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    preview: IMPORT_LIMITS.maxRows + 2,
  });
  if (result.meta.truncated) throw tooManyRows(fileName);
  if (result.data.some((cells) => cells.length > IMPORT_LIMITS.maxColumns)) throw tooManyColumns(fileName);

  // Physical line of each parsed record: every record takes one line plus the line breaks inside its quoted
  // cells (papaparse keeps those in the cell text).
  const lines: number[] = [];
  let line = 1;
  for (const cells of result.data) {
    lines.push(line);
    line += 1 + lineBreaks(cells);
  }

  const quoteError = result.errors.find((error) => error.type === "Quotes");
  if (quoteError) {
    const at = quoteError.row !== undefined ? lines[quoteError.row] : undefined;
    throw new ImportFileError(
      "malformed_quotes",
      fileName,
      `Die Datei „${fileName}“ kann nicht gelesen werden: ${at ? `In Zeile ${at} ` : ""}` +
        'ist ein Anführungszeichen (") geöffnet, aber nicht richtig geschlossen. Ein Wert, der mit " beginnt, ' +
        'muss mit " enden; ein " innerhalb des Werts wird verdoppelt (""). Bitte korrigieren Sie die Zeile oder ' +
        "speichern Sie die Liste erneut aus Excel.",
    );
  }

  const records: TableRow[] = result.data
    .map((cells, index) => ({ line: lines[index]!, cells: cells.map(unprotectCell) }))
    .filter((row) => !isBlankRow(row.cells));
  const [header, ...rows] = records;
  if (!header) throw new ImportFileError("empty", fileName, `Die Datei „${fileName}“ ist leer.`);
  if (rows.length === 0) {
    throw new ImportFileError(
      "no_data",
      fileName,
      `Die Datei „${fileName}“ enthält nur die Kopfzeile (Zeile ${header.line}), aber keine Projekte.`,
    );
  }
  return {
    format: delimiter === "\t" ? "tsv" : "csv",
    encoding,
    delimiter,
    headers: header.cells.map((cell) => cell.trim()),
    headerLine: header.line,
    rows,
  };
}

export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? delimiter;
}
