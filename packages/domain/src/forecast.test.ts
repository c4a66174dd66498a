import { describe, expect, it } from "vitest";
import { BEYOND_YEAR, monthAtPace, paceOver } from "./forecast.ts";

describe("pace", () => {
  const goLives = [
    { month: "2026-12", count: 6 },
    { month: "2026-07", count: 6 },
    { month: "2026-06", count: 12 },
    { month: "2025-12", count: 100 },
  ];
  it("counts the go-lives of the last 6 and 12 months including the current one", () => {
    expect(paceOver(goLives, "2026-12", 6)).toEqual({ months: 6, perMonth: 2 });
    expect(paceOver(goLives, "2026-12", 12)).toEqual({ months: 12, perMonth: 2 });
    expect(paceOver(goLives, "2026-11", 12).perMonth).toBeCloseTo((6 + 12 + 100) / 12);
  });
});

describe("month at pace", () => {
  it("rounds up to the month the last needed go-live falls in", () => {
    expect(monthAtPace("2026-12", 5, 2)).toEqual({ month: "2027-03" });
    expect(monthAtPace("2026-12", 0, 0)).toEqual({ month: "2026-12" });
  });
  it("answers 'beyond the horizon' for no pace or a date after it", () => {
    expect(monthAtPace("2026-12", 1, 0)).toEqual({ beyond: true });
    expect(monthAtPace("2026-12", 1000, 1)).toEqual({ beyond: true });
    expect(BEYOND_YEAR).toBe(2031);
  });
});
