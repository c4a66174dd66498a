import { describe, expect, it } from "vitest";
import { formatDuration, parseDeclaredDuration, projectDuration, sameDuration } from "../src/index.ts";

describe("projectDuration (end inclusive)", () => {
  it.each([
    // start, end, years, months, days
    ["2023-01-01", "2023-12-31", 1, 0, 0], // a calendar year
    ["2022-06-01", "2023-02-01", 0, 8, 1], // [01.06.2022, 02.02.2023)
    ["2023-04-01", "2023-04-01", 0, 0, 1], // a single day
    ["2023-04-01", "2023-04-30", 0, 1, 0], // one full month of 30 days
    ["2023-02-01", "2023-02-28", 0, 1, 0], // February, common year
    ["2024-02-01", "2024-02-29", 0, 1, 0], // February, leap year
    ["2024-02-01", "2024-02-28", 0, 0, 28], // leap year: 28.02. is not the month end
    ["2023-03-01", "2024-02-29", 1, 0, 0], // a year that ends on the leap day
    ["2024-02-29", "2025-02-28", 1, 0, 1], // from the leap day: 29.02.2024 + 1 Jahr = 28.02.2025, +1 Tag
    ["2023-01-31", "2023-02-28", 0, 1, 1], // month-end clamping: 31.01. + 1 Monat = 28.02., +1 Tag = 01.03.
    ["2023-01-31", "2023-03-30", 0, 2, 0], // [31.01., 31.03.)
    ["2023-03-26", "2023-10-29", 0, 7, 4], // across both DST changes in Germany
    ["2020-01-01", "2023-06-01", 3, 5, 1],
    ["2023-12-31", "2024-01-01", 0, 0, 2], // across the year boundary
  ])("%s – %s → %i J, %i M, %i T", (start, end, years, months, days) => {
    expect(projectDuration(start, end)).toEqual({ years, months, days });
  });

  it("rejects an end before the start and non-dates", () => {
    expect(() => projectDuration("2023-02-01", "2023-01-31")).toThrow(RangeError);
    expect(() => projectDuration("2023-02-30", "2023-03-31")).toThrow(RangeError);
    expect(() => projectDuration("01.02.2023", "2023-03-31")).toThrow(RangeError);
  });
});

describe("formatDuration", () => {
  it("uses singular and plural correctly", () => {
    expect(formatDuration({ years: 1, months: 5, days: 0 })).toBe("1 Jahr, 5 Monate, 0 Tage");
    expect(formatDuration({ years: 0, months: 8, days: 1 })).toBe("0 Jahre, 8 Monate, 1 Tag");
    expect(formatDuration({ years: 2, months: 1, days: 2 })).toBe("2 Jahre, 1 Monat, 2 Tage");
  });

  it("leaves out the zero parts on screen ('Dauer' without '0 Jahre')", () => {
    expect(formatDuration({ years: 0, months: 8, days: 1 }, { compact: true })).toBe("8 Monate, 1 Tag");
    expect(formatDuration({ years: 1, months: 5, days: 0 }, { compact: true })).toBe("1 Jahr, 5 Monate");
    expect(formatDuration({ years: 0, months: 0, days: 1 }, { compact: true })).toBe("1 Tag");
    expect(formatDuration({ years: 0, months: 0, days: 0 }, { compact: true })).toBe("0 Tage");
  });
});

describe("parseDeclaredDuration", () => {
  it.each([
    ["0 Jahre, 8 Monate 0 Tage", 0, 8, 0],
    ["1 Jahr, 5 Monate, 0 Tage", 1, 5, 0],
    ["1 Jahre, 7 Monate 1 Tage", 1, 7, 1],
    ["3 Jahre 5 Monate 1 Tag", 3, 5, 1],
    ["0 jahre,11 monate,0 tage", 0, 11, 0],
    ["1 Monat", 0, 1, 0],
    ["2 Jahren und", null, null, null],
    ["8 Monate", 0, 8, 0],
    ["14 Tage", 0, 0, 14],
    ["  2 Jahre  ", 2, 0, 0],
    ["ein Jahr", null, null, null],
    ["8", null, null, null],
    ["", null, null, null],
    ["Monate 8", null, null, null],
  ])("%j", (text, years, months, days) => {
    expect(parseDeclaredDuration(text)).toEqual(years === null ? null : { years, months, days });
  });

  it("compares durations with 12 months = 1 year", () => {
    expect(sameDuration({ years: 0, months: 12, days: 0 }, { years: 1, months: 0, days: 0 })).toBe(true);
    expect(sameDuration({ years: 0, months: 11, days: 0 }, { years: 1, months: 0, days: 0 })).toBe(false);
    expect(sameDuration({ years: 0, months: 8, days: 1 }, { years: 0, months: 8, days: 0 })).toBe(false);
  });
});
