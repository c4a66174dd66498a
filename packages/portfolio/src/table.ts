/** The table a file was read into: header cells and data rows with their original line (text) or row (XLSX). */
export type TableFormat = "tsv" | "csv" | "xlsx";

/** Text encoding of a CSV/TSV file; null for XLSX. "utf-16le" is what Excel's "Unicode-Text" writes. */
export type TextEncodingName = "utf-8" | "utf-16le" | "windows-1252";

export interface TableRow {
  /** 1-based line in the text file where the row starts, or the 1-based row number in the worksheet. */
  line: number;
  /** Cell texts as in the file (not trimmed). CSV/TSV cells have the protective apostrophe removed. */
  cells: string[];
}

export interface ImportTable {
  format: TableFormat;
  encoding: TextEncodingName | null;
  /** The column delimiter of a text file ("\t", ";" or ","); null for XLSX. */
  delimiter: string | null;
  /** Header cells (trimmed), from the first non-empty line / row. */
  headers: string[];
  /** Line (text) or row (XLSX) number of the header. */
  headerLine: number;
  /** Name of the worksheet that was read (XLSX only). */
  sheetName?: string;
  /** Data rows after the header; completely empty lines are skipped. */
  rows: TableRow[];
}

/** True when every cell is empty or whitespace. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}
