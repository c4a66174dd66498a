/**
 * Validation of an imported table with a column mapping: every row becomes an ImportedProject or produces
 * German row errors; warnings never block the import.
 *
 * All-or-nothing: `projects` holds the rows without errors (for a preview), but the caller must import
 * nothing while `ok` is false (i.e. `errors.length > 0`). The user fixes the file and uploads it again.
 */

import { parseEffortDays, parseEuroCents } from "@spatz/domain";
import { type ColumnMapping, columnName, mappingIssues } from "./column-mapping.ts";
import { formatGermanDate, parseGermanDate } from "./german-date.ts";
import { projectNaturalKey } from "./natural-key.ts";
import {
  allowedWords,
  codeForWord,
  projectMethodLabels,
  projectPriorityLabels,
  projectStatusLabels,
} from "./project-codes.ts";
import { formatDuration, parseDeclaredDuration, projectDuration, sameDuration } from "./project-duration.ts";
import { fieldDefinition, type ProjectField, projectFields } from "./project-fields.ts";
import type { ImportedProject } from "./project-schema.ts";
import type { ImportTable, TableRow } from "./table.ts";

export interface RowIssue {
  /** Line (text file) or row (XLSX) number in the file; the header line for file-wide issues. */
  line: number;
  /** The column as the file names it (its header), or "Spalte 3" for a column without header. */
  column: string;
  /** The project field concerned, "" for issues that concern no single field. */
  field: ProjectField | "";
  /** The cell value concerned (trimmed), "" if none. */
  value: string;
  /** German, self-contained: names line, column and value and says what is allowed. */
  message: string;
}

export interface ValidationResult {
  /** True when there are no errors. Commit nothing unless ok is true. */
  ok: boolean;
  /** Valid projects in file order (rows with errors are left out). */
  projects: ImportedProject[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Number of data rows read (non-empty lines after the header). */
  rowCount: number;
}

function at(line: number, column: string): string {
  return `Zeile ${line}, Spalte „${column}“`;
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `„${name}“`).join(", ");
}

/** Header names for all columns, including cells to the right of the last header. */
function tableColumns(table: ImportTable): string[] {
  // A loop, not Math.max(...rows): spreading a data-sized array into arguments overflows the stack.
  let width = table.headers.length;
  for (const row of table.rows) width = Math.max(width, row.cells.length);
  return Array.from({ length: width }, (_, index) => table.headers[index] ?? "");
}

function unmappedColumnsWarning(table: ImportTable, columns: readonly string[], mapping: ColumnMapping) {
  const mapped = new Set(Object.values(mapping).filter((index): index is number => index !== null));
  const ignored = columns
    .map((_, index) => index)
    .filter((index) => !mapped.has(index) && table.rows.some((row) => (row.cells[index] ?? "").trim() !== ""))
    .map((index) => columnName(columns, index));
  if (ignored.length === 0) return null;
  const one = ignored.length === 1;
  const issue: RowIssue = {
    line: table.headerLine,
    column: ignored.join(", "),
    field: "",
    value: "",
    message:
      `Zeile ${table.headerLine}: ${one ? "Die Spalte" : "Die Spalten"} ${quoteList(ignored)} ` +
      `${one ? "ist keinem Feld zugeordnet und enthält" : "sind keinem Feld zugeordnet und enthalten"} Werte. ` +
      `Diese Werte werden nicht importiert. Wenn sie übernommen werden sollen, ordnen Sie ${one ? "die Spalte" : "die Spalten"} ` +
      "bitte einem Feld zu (z. B. „Bemerkungen“).",
  };
  return issue;
}

export function validateRows(table: ImportTable, mapping: ColumnMapping): ValidationResult {
  const columns = tableColumns(table);
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const projects: ImportedProject[] = [];
  const rowCount = table.rows.length;

  const mappingProblems = mappingIssues(mapping, columns);
  if (mappingProblems.length > 0) {
    for (const problem of mappingProblems) {
      errors.push({
        line: table.headerLine,
        column: problem.column === null ? "" : columnName(columns, problem.column),
        field: problem.field,
        value: "",
        message: `Zuordnung der Spalten: ${problem.message}`,
      });
    }
    return { ok: false, projects, errors, warnings, rowCount };
  }

  const unmapped = unmappedColumnsWarning(table, columns, mapping);
  if (unmapped) warnings.push(unmapped);
  if (rowCount === 0) {
    errors.push({
      line: table.headerLine,
      column: "",
      field: "",
      value: "",
      message: `Die Datei enthält nach der Kopfzeile (Zeile ${table.headerLine}) keine Projektzeilen.`,
    });
  }

  const firstLineByKey = new Map<string, number>();
  const firstLineById = new Map<string, number>();

  for (const row of table.rows) {
    const rowErrors = validateRow(row, mapping, columns, warnings, firstLineByKey, firstLineById);
    if (rowErrors.errors.length > 0) for (const error of rowErrors.errors) errors.push(error);
    else if (rowErrors.project) projects.push(rowErrors.project);
  }
  return { ok: errors.length === 0, projects, errors, warnings, rowCount };
}

function validateRow(
  row: TableRow,
  mapping: ColumnMapping,
  columns: readonly string[],
  warnings: RowIssue[],
  firstLineByKey: Map<string, number>,
  firstLineById: Map<string, number>,
): { errors: RowIssue[]; project?: ImportedProject } {
  const errors: RowIssue[] = [];
  const value = (field: ProjectField): string => {
    const index = mapping[field];
    return index === null ? "" : (row.cells[index] ?? "").trim();
  };
  const column = (field: ProjectField): string => {
    const index = mapping[field];
    return index === null ? fieldDefinition(field).label : columnName(columns, index);
  };
  const issue = (field: ProjectField, message: string): RowIssue => ({
    line: row.line,
    column: column(field),
    field,
    value: value(field),
    message: `${at(row.line, column(field))}: ${message}`,
  });

  for (const definition of projectFields) {
    if (definition.required && mapping[definition.field] !== null && value(definition.field) === "") {
      errors.push(
        issue(
          definition.field,
          `Das Pflichtfeld „${definition.label}“ ist leer. Bitte tragen Sie hier einen Wert ein ` +
            `(${definition.description}).`,
        ),
      );
    }
  }

  const dates: Partial<Record<"start" | "end", string>> = {};
  for (const field of ["start", "end"] as const) {
    const text = value(field);
    if (text === "") continue;
    const date = parseGermanDate(text);
    if (date.ok) dates[field] = date.value;
    else errors.push(issue(field, date.reason));
  }
  const { start, end } = dates;
  const datesInOrder = start !== undefined && end !== undefined && end >= start;
  if (start !== undefined && end !== undefined && !datesInOrder) {
    errors.push(
      issue(
        "end",
        `Das Ende ${formatGermanDate(end)} liegt vor dem Start ${formatGermanDate(start)} ` +
          `(Spalte „${column("start")}“). Bitte prüfen Sie beide Daten.`,
      ),
    );
  }

  const codeOf = <C extends string>(
    field: ProjectField,
    labels: Readonly<Record<C, string>>,
    noun: string,
  ) => {
    const text = value(field);
    if (text === "") return undefined;
    const code = codeForWord(labels, text);
    if (code === undefined) {
      errors.push(
        issue(field, `„${text}“ ist als ${noun} nicht zulässig. Erlaubt sind: ${allowedWords(labels)}.`),
      );
    }
    return code;
  };
  const status = codeOf("status", projectStatusLabels, "Status");
  const priority = codeOf("priority", projectPriorityLabels, "Priorität");
  const method = codeOf("method", projectMethodLabels, "Methode");

  let budgetCents: number | undefined;
  if (value("budgetEur") !== "") {
    const budget = parseEuroCents(value("budgetEur"));
    if (budget.ok) budgetCents = budget.value;
    else errors.push(issue("budgetEur", budget.reason));
  }
  let effortDays: number | undefined;
  if (value("effortDays") !== "") {
    const effort = parseEffortDays(value("effortDays"));
    if (effort.ok) effortDays = effort.value;
    else errors.push(issue("effortDays", effort.reason));
  }

  const declared = value("declaredDuration");
  if (declared !== "" && datesInOrder) {
    const derived = projectDuration(start, end);
    const period = `${formatGermanDate(start)} bis einschließlich ${formatGermanDate(end)}`;
    const parsedDeclared = parseDeclaredDuration(declared);
    if (parsedDeclared === null) {
      warnings.push(
        issue(
          "declaredDuration",
          `Die angegebene Dauer „${declared}“ ist nicht lesbar (erwartet z. B. „1 Jahr, 5 Monate, 0 Tage“). ` +
            `SPATZ verwendet die aus Start und Ende berechnete Dauer „${formatDuration(derived)}“ (${period}).`,
        ),
      );
    } else if (!sameDuration(parsedDeclared, derived)) {
      warnings.push(
        issue(
          "declaredDuration",
          `Angegebene Dauer „${declared}“ weicht von der aus Start und Ende berechneten Dauer ` +
            `„${formatDuration(derived)}“ (${period}) ab; SPATZ verwendet die berechnete Dauer.`,
        ),
      );
    }
  }

  const gb = value("gb");
  const r = value("r");
  const name = value("name");
  if (gb !== "" && r !== "" && name !== "") {
    const key = projectNaturalKey({ gb, r, name });
    const first = firstLineByKey.get(key);
    if (first === undefined) {
      firstLineByKey.set(key, row.line);
    } else {
      errors.push(
        issue(
          "name",
          `Das Projekt „${name}“ (GB „${gb}“, R „${r}“) steht bereits in Zeile ${first}. Jedes Projekt darf nur ` +
            "einmal in der Datei vorkommen (gleicher GB, gleiches R und gleicher Projektname, ohne Unterschied von " +
            "Groß- und Kleinschreibung). Bitte entfernen Sie die doppelte Zeile oder unterscheiden Sie die Projektnamen.",
        ),
      );
    }
  }
  const externalId = value("externalId");
  if (externalId !== "") {
    const idKey = externalId.normalize("NFKC").toLocaleLowerCase("de-DE");
    const first = firstLineById.get(idKey);
    if (first === undefined) {
      firstLineById.set(idKey, row.line);
    } else {
      errors.push(
        issue(
          "externalId",
          `Die Projekt-ID „${externalId}“ steht bereits in Zeile ${first}. Jede Projekt-ID darf nur einmal ` +
            "vorkommen.",
        ),
      );
    }
  }

  if (errors.length > 0 || start === undefined || end === undefined) return { errors };
  const project: ImportedProject = {
    line: row.line,
    gb,
    r,
    name,
    description: value("description"),
    start,
    end,
  };
  if (externalId !== "") project.externalId = externalId;
  if (status) project.status = status;
  if (priority) project.priority = priority;
  if (method) project.method = method;
  if (value("lead") !== "") project.lead = value("lead");
  if (budgetCents !== undefined) project.budgetCents = budgetCents;
  if (effortDays !== undefined) project.effortDays = effortDays;
  if (value("notes") !== "") project.notes = value("notes");
  if (declared !== "") project.declaredDuration = declared;
  return { errors, project };
}
