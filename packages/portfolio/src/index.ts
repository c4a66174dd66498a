export { escapeCellForXlsx, protectCell, unprotectCell } from "@spatz/domain";
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
} from "./column-mapping";
export { type ExportFormat, exportColumns, exportMediaTypes, exportProjects } from "./export-projects";
export { formatGermanDate, type IsoDate, isIsoDate, parseGermanDate } from "./german-date";
export {
  type DecimalDigits,
  formatEuroCents,
  formatGermanDecimal,
  MAX_BUDGET_CENTS,
  MAX_EFFORT_DAYS,
  NUMBER_RULE_TEXT,
  parseEffortDays,
  parseEuroCents,
  parseGermanDecimal,
} from "./german-number";
export { ImportFileError, type ImportFileErrorCode } from "./import-file-error";
export { IMPORT_LIMITS } from "./import-limits";
export { projectNaturalKey } from "./natural-key";
export type { ParseResult } from "./parse-result";
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
} from "./project-codes";
export {
  formatDuration,
  type ProjectDuration,
  parseDeclaredDuration,
  projectDuration,
  sameDuration,
} from "./project-duration";
export {
  fieldDefinition,
  normalizeHeader,
  type ProjectField,
  type ProjectFieldDefinition,
  projectFieldKeys,
  projectFields,
} from "./project-fields";
export {
  type ExportProject,
  exportProjectSchema,
  type ImportedProject,
  importedProjectSchema,
} from "./project-schema";
export { readTable } from "./read-table";
export { readTableOffThread } from "./read-table-off-thread";
export { delimiterName, detectDelimiter } from "./read-text-table";
export type { ImportTable, TableFormat, TableRow, TextEncodingName } from "./table";
export { type RowIssue, type ValidationResult, validateRows } from "./validate-rows";
