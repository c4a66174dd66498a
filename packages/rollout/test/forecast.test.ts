import { describe, expect, it } from "vitest";
import { BEYOND_YEAR, forecast, monthAtPace, paceOver } from "../src/forecast.ts";

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

describe("forecast", () => {
  it("gives a range from the two windows for 50, 80 and 100 %", () => {
    // 6-month pace 2/month, 12-month pace 1/month.
    const goLives = [
      { month: "2026-10", count: 12 },
      { month: "2026-03", count: 0 },
    ];
    const f = forecast(goLives, 40, 100, "2026-12");
    expect(f.paces.map((p) => p.perMonth)).toEqual([2, 1]);
    const [half, most, all] = f.targets;
    expect(half).toMatchObject({
      needed: 50,
      reached: false,
      earliest: { month: "2027-05" },
      latest: { month: "2027-10" },
    });
    expect(most).toMatchObject({ needed: 80, earliest: { month: "2028-08" }, latest: { month: "2030-04" } });
    expect(all).toMatchObject({ needed: 100, earliest: { month: "2029-06" }, latest: { beyond: true } });
  });
  it("marks reached targets and has no dates without relevant pairs", () => {
    const f = forecast([], 60, 100, "2026-12");
    expect(f.targets[0]).toMatchObject({ reached: true, earliest: { month: "2026-12" } });
    expect(f.targets[2]).toMatchObject({ reached: false, earliest: { beyond: true } });
    expect(forecast([], 0, 0, "2026-12").targets[0]).toMatchObject({ reached: false, earliest: null });
  });
});
