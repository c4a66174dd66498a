// German wording of maturity figures.
import { formatNumber } from "@spatz/domain";
import { targetStatusLabels } from "@spatz/maturity";

export const scoreText = (score: number) => formatNumber(score, 2);
export const levelText = (level: number) => `Stufe ${level}`;
export const TARGET_STATUS: Record<"reached" | "on_track" | "at_risk", string> = {
  reached: targetStatusLabels.reached,
  on_track: targetStatusLabels.on_track,
  at_risk: targetStatusLabels.at_risk,
};
