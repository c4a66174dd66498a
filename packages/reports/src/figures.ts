// Group figures as the benchmark publishes them: quartiles of at least k Kommunen, or the German reason why not.
import { type Cell, decimal, integer, note } from "./document.ts";

export type GroupFigures =
  | { suppressed: true; reason: string }
  | { suppressed: false; n: number; p25: number; median: number; p75: number };

export const FIGURE_COLUMNS = ["Kommunen", "25 %", "Median", "75 %"] as const;

/** The four cells of FIGURE_COLUMNS; a suppressed group says why in the first and leaves the others empty. */
export function figureCells(f: GroupFigures): Cell[] {
  return f.suppressed
    ? [note(f.reason), note(""), note(""), note("")]
    : [integer(f.n), decimal(f.p25), decimal(f.median), decimal(f.p75)];
}
