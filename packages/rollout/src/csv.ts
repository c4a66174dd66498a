/** Reads CSV text (UTF-8, comma, RFC 4180 quoting) into records with their line numbers, using papaparse. */
import Papa from "papaparse";

export interface CsvRecord {
  /** 1-based line in the file where the record starts (the header is line 1). */
  line: number;
  /** Trimmed values by column name; absent columns are "". */
  values: Record<string, string>;
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvResult {
  header: string[];
  records: CsvRecord[];
  problems: CsvProblem[];
}

const papaMessages: Record<string, string> = {
  MissingQuotes: "Anführungszeichen nicht geschlossen",
  UndetectableDelimiter: "Trennzeichen nicht erkennbar",
  TooFewFields: "zu wenige Spalten",
  TooManyFields: "zu viele Spalten",
  InvalidQuotes: "ungültige Anführungszeichen",
};

/** More rows than any catalogue file has (the LeiKa list: about 5,300). */
export const MAX_CSV_ROWS = 50_000;

/**
 * Parses `text` and checks that every column of `required` is in the header. A record whose number of fields
 * differs from the header is reported and dropped; blank lines are skipped.
 */
export function readCsv(text: string, required: readonly string[], maxRows = MAX_CSV_ROWS): CsvResult {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: { fields: string[]; line: number; errors: string[] }[] = [];
  let start = 0;
  let line = 1;
  let tooLong = false;
  Papa.parse<string[]>(source, {
    delimiter: ",",
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      // Stop at the limit: a file with more rows is refused as a whole, never held in memory.
      if (rows.length > maxRows) {
        tooLong = true;
        parser.abort();
        return;
      }
      const end = result.meta.cursor;
      rows.push({
        fields: result.data,
        line,
        errors: result.errors.map((e) => papaMessages[e.code] ?? e.message),
      });
      for (let i = start; i < end && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
      start = end;
    },
  });

  const problems: CsvProblem[] = [];
  if (tooLong) {
    const limit = maxRows.toLocaleString("de-DE");
    return {
      header: [],
      records: [],
      problems: [{ line: 0, message: `Datei hat mehr als ${limit} Zeilen` }],
    };
  }
  const first = rows.shift();
  if (!first) return { header: [], records: [], problems: [{ line: 1, message: "Datei ist leer" }] };
  const header = first.fields.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.push({ line: first.line, message: `Pflichtspalte(n) fehlen im Kopf: ${missing.join(", ")}` });
    return { header, records: [], problems };
  }

  const records: CsvRecord[] = [];
  for (const row of rows) {
    if (row.fields.length === 1 && row.fields[0]!.trim() === "") continue;
    if (row.errors.length > 0) {
      problems.push({ line: row.line, message: `Zeile nicht lesbar: ${row.errors.join(", ")}` });
      continue;
    }
    if (row.fields.length !== header.length) {
      problems.push({
        line: row.line,
        message: `Zeile hat ${row.fields.length} statt ${header.length} Spalten`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = (row.fields[i] ?? "").trim();
    });
    records.push({ line: row.line, values });
  }
  return { header, records, problems };
}
