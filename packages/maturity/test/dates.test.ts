import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextMonthStart } from "../src/dates.ts";
import { addMonths, isIsoDate } from "../src/index.ts";
import { referenceAddMonths } from "./support/reference.ts";

describe("isIsoDate", () => {
  it.each(["2024-02-29", "2000-02-29", "2023-12-31", "0001-01-01", "2024-04-30"])("accepts %s", (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-1-01",
    "24-01-01",
    "2024-01-01T00:00:00Z",
    "",
  ])("rejects %s", (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it("rejects non-strings", () => {
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe("addMonths", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2023-03-31", 1, "2023-04-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2023-08-31", 6, "2024-02-29"],
    ["2023-12-15", 1, "2024-01-15"],
    ["2023-11-30", 3, "2024-02-29"],
    ["2024-05-31", -1, "2024-04-30"],
    ["2024-01-15", -1, "2023-12-15"],
    ["2024-06-17", 0, "2024-06-17"],
    ["2099-12-31", 2, "2100-02-28"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("rejects fractional months", () => {
    expect(() => addMonths("2024-01-01", 1.5)).toThrow(RangeError);
  });

  it("agrees with month arithmetic through Date for any date and month count", () => {
    const dayOffset = fc.integer({ min: 0, max: 365 * 40 });
    fc.assert(
      fc.property(dayOffset, fc.integer({ min: -36, max: 60 }), (offset, months) => {
        const date = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        expect(addMonths(date, months)).toBe(referenceAddMonths(date, months));
      }),
      { numRuns: 500 },
    );
  });
});

describe("nextMonthStart", () => {
  it.each([
    ["2024-01-01", "2024-02-01"],
    ["2024-01-31", "2024-02-01"],
    ["2024-12-15", "2025-01-01"],
  ])("after %s comes %s", (date, expected) => {
    expect(nextMonthStart(date)).toBe(expected);
  });
});
