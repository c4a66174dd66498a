/**
 * Protection against CSV/formula injection (OWASP "CSV Injection").
 *
 * Spreadsheet programs run a text cell that starts with = + - @ (or tab / carriage return) as a formula. On
 * export such text gets one leading apostrophe; the importer removes exactly that apostrophe again, so the round
 * trip is lossless:
 *
 * - `unprotectCell`: a cell matching  '+ followed by one of = + - @ TAB CR  loses its first apostrophe.
 * - `protectCell` (CSV/TSV): a cell matching  '* followed by one of those characters  gets one apostrophe.
 *   Text that already starts with apostrophes before such a character is escaped as well, so
 *   "'=x" is written as "''=x" and read back as "'=x".
 * - `escapeCellForXlsx`: XLSX text cells are typed strings and can never become formulas, so only the
 *   already-apostrophed case is escaped there (to keep the round trip lossless); "=x" stays "=x".
 */
const PROTECTED = /^'+[=+\-@\t\r]/;
const NEEDS_PROTECTION = /^'*[=+\-@\t\r]/;

export function protectCell(text: string): string {
  return NEEDS_PROTECTION.test(text) ? `'${text}` : text;
}

export function escapeCellForXlsx(text: string): string {
  return PROTECTED.test(text) ? `'${text}` : text;
}

export function unprotectCell(text: string): string {
  return PROTECTED.test(text) ? text.slice(1) : text;
}
