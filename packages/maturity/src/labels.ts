/** German display words that belong to the engine's codes; the UI translates from here. */
import type { AssessmentMode, TargetStatus } from "./types.ts";

/** Name of the implicit level 0, which has no criteria. */
export const BASELINE_LEVEL_NAME = "Ausgangslage";

export const targetStatusLabels: Readonly<Record<TargetStatus, string>> = {
  reached: "erreicht",
  on_track: "im Plan",
  at_risk: "in Gefahr",
};

export const assessmentModeLabels: Readonly<Record<AssessmentMode, string>> = {
  actual: "Ist",
  plan: "Plan",
};
