export { assess } from "./assess";
export { addMonths, isIsoDate } from "./dates";
export { DEFAULT_LEVEL_NAMES, defaultModel } from "./default-model";
export { history, historyDates } from "./history";
export { assessmentModeLabels, BASELINE_LEVEL_NAME, targetStatusLabels } from "./labels";
export { mapCriterionLinks } from "./links";
export { ModelValidationError, validateModel } from "./model-validation";
export { evaluateTargets } from "./targets";
export type * from "./types";
