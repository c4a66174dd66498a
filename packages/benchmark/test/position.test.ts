import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { laggingDimensions, percentileBand } from "../src/position.ts";
import { isMonthEnd, monthEndOf, monthEndsBefore } from "../src/stichtage.ts";

const q = { p25: 1, median: 2, p75: 3 };

describe("percentile band from the group's quartiles", () => {
  it("names the quarter of a value strictly between quartiles", () => {
    expect(percentileBand(0.5, q).label).toBe("untere 25 %");
    expect(percentileBand(1.5, q).label).toBe("25–50 %");
    expect(percentileBand(2.5, q).label).toBe("50–75 %");
    expect(percentileBand(3.5, q).label).toBe("obere 25 %");
  });

  it("gives a range when the value ties with a quartile, never a false 'obere 25 %'", () => {
    expect(percentileBand(1, q)).toEqual({ from: 0, to: 1, label: "untere 50 %" });
    expect(percentileBand(2, q)).toEqual({ from: 1, to: 2, label: "25–75 %" });
    expect(percentileBand(3, q)).toEqual({ from: 2, to: 3, label: "obere 50 %" });
    // Everyone at level 2: the Kommune is level with the group, not in its top quarter.
    expect(percentileBand(2, { p25: 2, median: 2, p75: 2 }).label).toBe("gleichauf mit der Gruppe");
    expect(percentileBand(2, { p25: 1, median: 2, p75: 2 }).label).toBe("obere 75 %");
    expect(percentileBand(1, { p25: 1, median: 1, p75: 2 }).label).toBe("untere 75 %");
  });

  it("never moves down when the value grows (property)", () => {
    const quartiles = fc
      .tuple(
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
      )
      .map((xs) => xs.sort((a, b) => a - b))
      .map(([p25, median, p75]) => ({ p25: p25!, median: median!, p75: p75! }));
    fc.assert(
      fc.property(
        quartiles,
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        (qs, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const x = percentileBand(lo, qs);
          const y = percentileBand(hi, qs);
          expect(x.from).toBeLessThanOrEqual(y.from);
          expect(x.to).toBeLessThanOrEqual(y.to);
          expect(x.from).toBeLessThanOrEqual(x.to);
        },
      ),
    );
  });
});

describe("lagging dimensions", () => {
  it("lists dimensions below the median, largest gap first, and skips suppressed ones", () => {
    const own = new Map([
      ["a", 1],
      ["b", 3],
      ["c", 0.5],
      ["d", 2],
    ]);
    const medians = new Map([
      ["a", 2],
      ["b", 2],
      ["c", 2],
    ]);
    expect(laggingDimensions(own, medians)).toEqual([
      { dimensionKey: "c", own: 0.5, median: 2, gap: -1.5 },
      { dimensionKey: "a", own: 1, median: 2, gap: -1 },
    ]);
  });
});

describe("Stichtage", () => {
  it("month ends are final only after their day", () => {
    expect(monthEndsBefore("2026-12-05", 3)).toEqual(["2026-09-30", "2026-10-31", "2026-11-30"]);
    expect(monthEndsBefore("2026-11-30", 2)).toEqual(["2026-09-30", "2026-10-31"]);
    expect(monthEndsBefore("2024-03-01", 2)).toEqual(["2024-01-31", "2024-02-29"]);
    const ends = monthEndsBefore("2026-12-05");
    expect(ends).toHaveLength(36);
    expect(ends[0]).toBe("2023-12-31");
    expect(ends.every(isMonthEnd)).toBe(true);
    expect(monthEndOf("2025-02-10")).toBe("2025-02-28");
  });
});
