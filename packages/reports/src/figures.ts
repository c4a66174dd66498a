// Group figures as the benchmark publishes them: the distribution of at least k Kommunen, or the German reason why
// not. The same figures the screens' box plots and tables show.
import { type Cell, decimal, integer, note } from "./document.ts";

export type GroupFigures =
  | { suppressed: true; reason: string }
  | { suppressed: false; n: number; min: number; p25: number; median: number; p75: number; max: number };

export const FIGURE_COLUMNS = ["Kommunen", "Min.", "25 %", "Median", "75 %", "Max."] as const;

/** The cells of FIGURE_COLUMNS; a suppressed group says why in the first and leaves the others empty. */
export function figureCells(f: GroupFigures): Cell[] {
  return f.suppressed
    ? [note(f.reason), note(""), note(""), note(""), note(""), note("")]
    : [integer(f.n), decimal(f.min), decimal(f.p25), decimal(f.median), decimal(f.p75), decimal(f.max)];
}
