/** Which file column feeds which project field: suggestion from the headers and validation of a mapping. */
import { z } from "zod";
import {
  fieldDefinition,
  normalizeHeader,
  type ProjectField,
  projectFieldKeys,
  projectFields,
} from "./project-fields.ts";

/** Field → 0-based column index in `ImportTable.headers`/`cells`, or null when the field is not imported. */
export type ColumnMapping = Record<ProjectField, number | null>;

const columnIndex = z.number().int().nonnegative().nullable();
/** zod schema for a mapping sent by a client (e.g. the mapping dialog). */
export const columnMappingSchema = z.object(
  Object.fromEntries(projectFieldKeys.map((field) => [field, columnIndex])) as Record<
    ProjectField,
    typeof columnIndex
  >,
);

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(projectFieldKeys.map((field) => [field, null])) as ColumnMapping;
}

const fieldBySynonym = new Map<string, ProjectField>();
for (const definition of projectFields) {
  for (const synonym of [definition.label, ...definition.synonyms]) {
    const key = normalizeHeader(synonym);
    const existing = fieldBySynonym.get(key);
    if (existing && existing !== definition.field) {
      throw new Error(`Header synonym "${synonym}" is used for ${existing} and ${definition.field}`);
    }
    fieldBySynonym.set(key, definition.field);
  }
}

/** The field a header suggests (case-, umlaut-, whitespace- and punctuation-insensitive), if any. */
export function fieldForHeader(header: string): ProjectField | undefined {
  return fieldBySynonym.get(normalizeHeader(header));
}

/**
 * Suggests a mapping from the file's headers. Only exact synonyms count (no guessing by similarity: a column
 * "Budget (Tsd. €)" must not be read as euros). When two columns suggest the same field, the first one wins.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field && mapping[field] === null) mapping[field] = index;
  });
  return mapping;
}

/** How a column is named in messages: its header, or "Spalte 3" when the header is empty. */
export function columnName(headers: readonly string[] | undefined, index: number): string {
  const header = headers?.[index]?.trim();
  return header ? header : `Spalte ${index + 1}`;
}

export interface MappingIssue {
  field: ProjectField;
  /** Column index concerned, if any. */
  column: number | null;
  message: string;
}

/** Structured form of `validateMapping`. */
export function mappingIssues(mapping: ColumnMapping, headers?: readonly string[]): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const fieldsByColumn = new Map<number, ProjectField[]>();
  for (const definition of projectFields) {
    const index = mapping[definition.field];
    if (index === null || index === undefined) {
      if (definition.required) {
        issues.push({
          field: definition.field,
          column: null,
          message:
            `Das Pflichtfeld „${definition.label}“ (${definition.description}) ist keiner Spalte zugeordnet. ` +
            "Bitte wählen Sie die Spalte der Datei aus, die diese Angabe enthält.",
        });
      }
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || (headers !== undefined && index >= headers.length)) {
      issues.push({
        field: definition.field,
        column: index,
        message:
          `Das Feld „${definition.label}“ ist der Spalte ${index + 1} zugeordnet, ` +
          `die es in der Datei nicht gibt${headers ? ` (die Datei hat ${headers.length} Spalten)` : ""}.`,
      });
      continue;
    }
    fieldsByColumn.set(index, [...(fieldsByColumn.get(index) ?? []), definition.field]);
  }
  for (const [index, fields] of fieldsByColumn) {
    if (fields.length < 2) continue;
    const labels = fields.map((field) => `„${fieldDefinition(field).label}“`);
    issues.push({
      field: fields[1]!,
      column: index,
      message:
        `Die Spalte „${columnName(headers, index)}“ ist mehreren Feldern zugeordnet ` +
        `(${labels.join(" und ")}). Jede Spalte darf nur einem Feld zugeordnet werden.`,
    });
  }
  return issues;
}

/**
 * German messages for everything that prevents importing with this mapping: required fields without a column,
 * one column used for several fields, columns the file does not have. Empty when the mapping is usable.
 */
export function validateMapping(mapping: ColumnMapping, headers?: readonly string[]): string[] {
  return mappingIssues(mapping, headers).map((issue) => issue.message);
}
