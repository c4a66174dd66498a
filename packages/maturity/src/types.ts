/**
 * Public data shapes of the maturity engine. All dates are ISO calendar dates ("YYYY-MM-DD"): the engine has
 * no clock and no time zone, so the same inputs give the same result in the browser, the API and the jobs.
 */

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** Levels that carry criteria. Level 0 is the implicit baseline ("Ausgangslage"). */
export type CriterionLevel = 1 | 2 | 3 | 4;
export type MaturityLevel = 0 | CriterionLevel;

export interface Criterion {
  /** Globally unique within the model; measures link to it across versions, so it must stay stable. */
  key: string;
  title: string;
  /** How the criterion is evidenced. */
  explanation: string;
  /** Months a completion stays valid (e.g. 12 for a yearly check); null = valid indefinitely. */
  validityMonths: number | null;
}

export interface Level {
  level: CriterionLevel;
  name: string;
  criteria: Criterion[];
}

export interface Dimension {
  key: string;
  name: string;
  description: string;
  /** Weight in the maturity index, > 0. */
  weight: number;
  levels: Level[];
}

export interface MaturityModel {
  id: string;
  version: number;
  name: string;
  dimensions: Dimension[];
}

export type MeasureStatus = "planned" | "in_progress" | "completed" | "discarded";

export interface MeasureInput {
  id: string;
  status: MeasureStatus;
  /** Only read when status is "completed". */
  completedOn: IsoDate | null;
  /** Only read for open measures (planned, in_progress) in plan mode and for next steps. */
  plannedEnd: IsoDate | null;
  criterionKeys: string[];
  /**
   * Evidence that ends on a day of its own (exclusive), e.g. a Beschluss revoked or a process review that is due:
   * the completion counts until this day or until the criterion's validity ends, whichever is first.
   */
  validUntil?: IsoDate | null;
}

export interface Target {
  dimensionKey: string;
  level: number;
  dueOn: IsoDate;
}

/** "actual" = Ist (completed measures only); "plan" = open measures count on their planned end. */
export type AssessmentMode = "actual" | "plan";

export interface AssessOptions {
  mode: AssessmentMode;
}

export interface OpenMeasureRef {
  measureId: string;
  status: "planned" | "in_progress";
  plannedEnd: IsoDate | null;
}

export interface CriterionAssessment {
  key: string;
  title: string;
  fulfilled: boolean;
  /** Measures whose completion fulfils the criterion at the assessment date, earliest completion first. */
  fulfilledBy: string[];
  /**
   * First day on which the criterion is no longer fulfilled unless renewed (exclusive end of validity).
   * Null when the criterion has no validity period or is not fulfilled.
   */
  expiresOn: IsoDate | null;
  /** For a missing criterion that was fulfilled before: the day its last completion expired. */
  expiredOn: IsoDate | null;
  /** For a missing criterion: its linked planned/in-progress measures, earliest planned end first. */
  openMeasures: OpenMeasureRef[];
}

export interface LevelAssessment {
  level: CriterionLevel;
  name: string;
  complete: boolean;
  fulfilledCount: number;
  criteria: CriterionAssessment[];
}

export interface DimensionAssessment {
  key: string;
  name: string;
  weight: number;
  level: MaturityLevel;
  levelName: string;
  /** level + fulfilled share of level + 1; exactly 4 at level 4. */
  score: number;
  levels: LevelAssessment[];
}

export interface MissingCriterion {
  criterionKey: string;
  title: string;
  openMeasures: OpenMeasureRef[];
}

export interface NextStep {
  dimensionKey: string;
  dimensionName: string;
  currentLevel: MaturityLevel;
  nextLevel: CriterionLevel;
  missing: MissingCriterion[];
}

export interface UnknownCriterionKey {
  criterionKey: string;
  measureIds: string[];
}

export interface Assessment {
  modelId: string;
  modelVersion: number;
  at: IsoDate;
  mode: AssessmentMode;
  /** Weighted mean of the dimension scores, 0–4. */
  index: number;
  dimensions: DimensionAssessment[];
  nextSteps: NextStep[];
  /** Links to keys that are not in this model version; they are ignored, not fatal. */
  unknownCriterionKeys: UnknownCriterionKey[];
  /** Measures marked completed without a completion date; they cannot count for any date. */
  undatedCompletedMeasureIds: string[];
}

export interface HistoryRange {
  from: IsoDate;
  to: IsoDate;
  step: "month";
}

export interface HistoryDimensionPoint {
  key: string;
  level: MaturityLevel;
  score: number;
}

export interface HistoryPoint {
  date: IsoDate;
  index: number;
  dimensions: HistoryDimensionPoint[];
}

export type TargetStatus = "reached" | "on_track" | "at_risk";

export interface TargetEvaluation {
  dimensionKey: string;
  dimensionName: string;
  targetLevel: number;
  dueOn: IsoDate;
  /** Actual level today. */
  currentLevel: MaturityLevel;
  /** Level the plan gives at the due date. */
  plannedLevel: MaturityLevel;
  /** targetLevel − currentLevel, never below 0. */
  gap: number;
  status: TargetStatus;
  /**
   * Open measures for criteria up to the target level whose planned end lies before today: the plan still
   * counts them, but they are late, so the UI should flag them. Empty for reached targets.
   */
  overdueMeasureIds: string[];
}

export interface CriterionLinkMapping {
  /** New keys, deduplicated, in order of first appearance. */
  keys: string[];
  /** Old keys that lost their link: not mapped and not in the new model, or mapped only to unknown keys. */
  dropped: string[];
}
