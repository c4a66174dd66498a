import { describe, expect, it } from "vitest";
import { forecast } from "../src/forecast.ts";

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
