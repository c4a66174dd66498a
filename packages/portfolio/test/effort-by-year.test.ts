import { describe, expect, it } from "vitest";
import { effortByYear } from "../src/index.ts";

describe("effort spread over the years a project runs", () => {
  it("keeps a project within one year whole", () => {
    expect([...effortByYear("2024-02-01", "2024-11-30", 120)]).toEqual([[2024, 120]]);
  });
  it("splits by the days in each year, the end inclusive", () => {
    // 184 days in 2024 (01.07.–31.12.), 181 in 2025 (01.01.–30.06.).
    expect([...effortByYear("2024-07-01", "2025-06-30", 365)]).toEqual([
      [2024, 184],
      [2025, 181],
    ]);
  });
  it("covers the years between and adds up to the effort exactly", () => {
    const shares = effortByYear("2023-12-31", "2026-01-01", 100);
    expect([...shares.keys()]).toEqual([2023, 2024, 2025, 2026]);
    const sum = [...shares.values()].reduce((a, b) => a + b, 0);
    expect(Math.round(sum * 1000) / 1000).toBe(100);
    expect(shares.get(2023)).toBeCloseTo((100 * 1) / 733, 3);
  });
  it("refuses an end before the start", () => {
    expect(() => effortByYear("2024-02-01", "2024-01-31", 10)).toThrow(RangeError);
  });
});
