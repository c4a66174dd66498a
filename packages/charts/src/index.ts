export { type BoxFigures, boxplotOption, quartileTrendOption } from "./benchmark.ts";
export {
  type HistoryRow,
  type HistorySeries,
  historyRows,
  historySeries,
  maturityHistoryOption,
  maturityRadarOption,
  type RadarRow,
  radarLabel,
  radarRows,
} from "./maturity.ts";
export { PALETTE } from "./palette.ts";
