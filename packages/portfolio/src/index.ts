// German numbers and money live in @spatz/domain (one parser and formatter for forms, imports and exports).
export {
  type DecimalDigits,
  escapeCellForXlsx,
  formatEuroCents,
  formatGermanDecimal,
  MAX_BUDGET_CENTS,
  MAX_EFFORT_DAYS,
  NUMBER_RULE_TEXT,
  type ParseResult,
  parseEffortDays,
  parseEuroCents,
  parseGermanDecimal,
  protectCell,
  unprotectCell,
} from "@spatz/domain";
export {
  type ColumnMapping,
  columnMappingSchema,
  columnName,
  emptyMapping,
  fieldForHeader,
  type MappingIssue,
  mappingIssues,
  suggestMapping,
  validateMapping,
} from "./column-mapping.ts";
export { effortByYear } from "./effort-by-year.ts";
export { type ExportFormat, exportColumns, exportMediaTypes, exportProjects } from "./export-projects.ts";
export { formatGermanDate, type IsoDate, isIsoDate, parseGermanDate } from "./german-date.ts";
export { ImportFileError, type ImportFileErrorCode } from "./import-file-error.ts";
export { IMPORT_LIMITS } from "./import-limits.ts";
export { projectNaturalKey } from "./natural-key.ts";
export {
  allowedWords,
  codeForWord,
  type ProjectMethod,
  type ProjectPriority,
  type ProjectStatus,
  projectMethodLabels,
  projectMethods,
  projectPriorities,
  projectPriorityLabels,
  projectStatuses,
  projectStatusLabels,
} from "./project-codes.ts";
export {
  formatDuration,
  type ProjectDuration,
  parseDeclaredDuration,
  projectDuration,
  sameDuration,
} from "./project-duration.ts";
export {
  fieldDefinition,
  normalizeHeader,
  type ProjectField,
  type ProjectFieldDefinition,
  projectFieldKeys,
  projectFields,
} from "./project-fields.ts";
export {
  type ExportProject,
  exportProjectSchema,
  type ImportedProject,
  importedProjectSchema,
} from "./project-schema.ts";
export { readTable } from "./read-table.ts";
export { readTableOffThread } from "./read-table-off-thread.ts";
export { delimiterName, detectDelimiter } from "./read-text-table.ts";
export type { ImportTable, TableFormat, TableRow, TextEncodingName } from "./table.ts";
export { type RowIssue, type ValidationResult, validateRows } from "./validate-rows.ts";
