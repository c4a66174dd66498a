import { describe, expect, it } from "vitest";
import { kpiInput, kpiProgress } from "./kpi.ts";

const rising = { baseline: 100, baselineOn: "2024-01-01", target: 300, targetOn: "2026-01-01" };
const falling = { baseline: 5000, baselineOn: "2024-01-01", target: 1000, targetOn: "2026-01-01" };

describe("progress of a key figure", () => {
  it("measures the share of the way to a rising target against the straight line", () => {
    const p = kpiProgress(rising, [{ measuredOn: "2025-01-01", value: 220 }], "2025-01-01");
    expect(p.share).toBeCloseTo(0.6);
    expect(p.expectedShare).toBeCloseTo(366 / 731);
    expect(p.status).toBe("on_track");
    expect(kpiProgress(rising, [{ measuredOn: "2025-01-01", value: 150 }], "2025-01-01").status).toBe(
      "behind",
    );
  });
  it("works for falling targets and takes the latest value by date, whatever the order", () => {
    const values = [
      { measuredOn: "2025-06-30", value: 900 },
      { measuredOn: "2024-06-30", value: 4000 },
    ];
    const p = kpiProgress(falling, values, "2025-07-01");
    expect(p.latest).toEqual({ measuredOn: "2025-06-30", value: 900 });
    expect(p.share).toBeCloseTo(1.025);
    expect(p.status).toBe("reached");
  });
  it("has no status without values and keeps the expected share within 0 and 1", () => {
    expect(kpiProgress(rising, [], "2030-01-01")).toEqual({
      latest: null,
      share: null,
      expectedShare: 1,
      status: null,
    });
    expect(kpiProgress(rising, [], "2020-01-01").expectedShare).toBe(0);
  });
  it("reads German numbers and refuses a target equal to the baseline or before it in time", () => {
    const base = {
      strategyId: "00000000-0000-4000-8000-000000000001",
      goal: "Papierarm arbeiten",
      name: "Papierlose Verfahren",
      baseline: "1.250",
      baselineOn: "2024-01-01",
      target: "2.500,5",
      targetOn: "2026-12-31",
    };
    const ok = kpiInput.parse(base);
    expect([ok.baseline, ok.target]).toEqual([1250, 2500.5]);
    expect(kpiInput.safeParse({ ...base, target: "1.250" }).success).toBe(false);
    expect(kpiInput.safeParse({ ...base, targetOn: "2023-12-31" }).success).toBe(false);
    expect(kpiInput.safeParse({ ...base, baseline: "ca. 1000" }).success).toBe(false);
  });
});
