/** Why a whole file cannot be read as a table (as opposed to problems in single rows). */
export type ImportFileErrorCode =
  | "empty"
  | "no_data"
  | "legacy_excel"
  | "not_xlsx"
  | "invalid_xlsx"
  | "unsupported_format"
  | "no_delimiter"
  | "malformed_quotes"
  | "too_large"
  | "unstorable_text";

/** Thrown by `readTable` when a file cannot be read at all. `message` is German and meant for the user. */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  readonly fileName: string;

  constructor(code: ImportFileErrorCode, fileName: string, message: string) {
    super(message);
    this.name = "ImportFileError";
    this.code = code;
    this.fileName = fileName;
  }
}

/** The formats named in German error messages. */
export const SUPPORTED_FORMATS_TEXT =
  "Unterstützt werden Excel-Arbeitsmappen (.xlsx) sowie Textdateien mit Tabulator, Semikolon oder Komma als " +
  "Trennzeichen (.csv, .tsv, .txt; UTF-8 oder Windows-1252, wie Excel sie speichert).";
