import { describe, expect, it } from "vitest";
import {
  formatEuroCents,
  formatGermanDate,
  formatGermanDecimal,
  MAX_BUDGET_CENTS,
  parseEffortDays,
  parseEuroCents,
  parseGermanDate,
  parseGermanDecimal,
  projectNaturalKey,
} from "../src/index.ts";

/** Cells of the project export: no grouping, no currency sign. */
const SHEET = { grouping: false, currency: false } as const;

describe("parseGermanDate", () => {
  it.each([
    ["01.04.2023", "2023-04-01"],
    ["1.4.2023", "2023-04-01"],
    [" 31.12.2023 ", "2023-12-31"],
    ["2023-04-01", "2023-04-01"],
    ["29.02.2024", "2024-02-29"],
    ["29.02.2000", "2000-02-29"],
  ])("%j → %s", (text, iso) => {
    expect(parseGermanDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ["31.02.2023", "diesen Tag gibt es im Kalender nicht"],
    ["29.02.2023", "diesen Tag gibt es im Kalender nicht"],
    ["29.02.1900", "diesen Tag gibt es im Kalender nicht"],
    ["31.04.2023", "diesen Tag gibt es im Kalender nicht"],
    ["2023-02-29", "diesen Tag gibt es im Kalender nicht"],
    ["00.01.2023", "diesen Tag gibt es im Kalender nicht"],
    ["01.04.23", "vierstellig"],
    ["01.04.0023", "nicht plausibel"],
    ["2023/04/01", "kein gültiges Datum"],
    ["04/01/2023", "kein gültiges Datum"],
    ["1. April 2023", "kein gültiges Datum"],
  ])("%j is rejected", (text, reason) => {
    const result = parseGermanDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(reason);
      expect(result.reason).toContain(`„${text.trim()}“`);
    }
  });

  it("formats ISO as dd.mm.yyyy", () => {
    expect(formatGermanDate("2023-04-01")).toBe("01.04.2023");
    expect(() => formatGermanDate("2023-02-31")).toThrow(RangeError);
  });
});

describe("German numbers", () => {
  const value = (text: string) => {
    const result = parseGermanDecimal(text);
    return result.ok
      ? `${result.value.negative ? "-" : ""}${result.value.integer}.${result.value.fraction}`
      : null;
  };

  it.each([
    ["1.234,56", "1234.56"],
    ["1234,5", "1234.5"],
    ["1.234 €", "1234."],
    ["12.500,00 €", "12500."],
    ["€ 12.500,00", "12500."],
    ["12500 EUR", "12500."],
    ["1 234,56", "1234.56"],
    ["1\u00a0234,56", "1234.56"], // non-breaking space as thousands separator
    ["1.234.567,89", "1234567.89"],
    [",5", "0.5"],
    ["0,50", "0.5"],
    ["007", "7."],
    ["-12,5", "-12.5"],
    ["\u221212,5", "-12.5"], // typographic minus
    ["-0,00", "0."],
    // Without a comma, dots in groups of three are thousands separators…
    ["1.234", "1234."],
    ["12.500", "12500."],
    ["1.234.567", "1234567."],
    // …otherwise a single dot is a decimal point.
    ["1234.5", "1234.5"],
    ["12.50", "12.5"],
    ["0.5", "0.5"],
    ["0.500", "0.5"],
    ["1234.567", "1234.567"],
  ])("%j → %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    "1,234.56",
    "1.234.5",
    "12,5,0",
    "1.23,4",
    "12.34.56",
    "1.234,5 T€",
    "ca. 5000",
    "",
    "€",
    "1e5",
    "12 5",
    "--5",
  ])("%j is rejected", (text) => {
    expect(value(text)).toBeNull();
  });

  it("converts euros to exact integer cents", () => {
    expect(parseEuroCents("0,10")).toEqual({ ok: true, value: 10 });
    expect(parseEuroCents("1.234.567,89 €")).toEqual({ ok: true, value: 123_456_789 });
    expect(parseEuroCents("999.999.999.999,99")).toEqual({ ok: true, value: MAX_BUDGET_CENTS });
    expect(parseEuroCents("1.000.000.000.000,00").ok).toBe(false);
    expect(parseEuroCents("12,345").ok).toBe(false);
    expect(parseEuroCents("12,340")).toEqual({ ok: true, value: 1234 }); // trailing zero is not a third decimal
    expect(parseEuroCents("-1").ok).toBe(false);
  });

  it("reads person-days with up to three decimals", () => {
    expect(parseEffortDays("12,5")).toEqual({ ok: true, value: 12.5 });
    expect(parseEffortDays("0,125")).toEqual({ ok: true, value: 0.125 });
    expect(parseEffortDays("1.500")).toEqual({ ok: true, value: 1500 });
    expect(parseEffortDays("0,0625").ok).toBe(false);
    expect(parseEffortDays("-3").ok).toBe(false);
  });

  it("formats cents and decimals the way it reads them", () => {
    expect(formatEuroCents(123_456_789, SHEET)).toBe("1234567,89");
    expect(formatEuroCents(123_456_789, { currency: false })).toBe("1.234.567,89");
    expect(formatEuroCents(5, SHEET)).toBe("0,05");
    expect(formatEuroCents(0, SHEET)).toBe("0,00");
    expect(formatGermanDecimal(1234.5)).toBe("1234,5");
    expect(formatGermanDecimal(0.1 + 0.2)).toBe("0,3");
    expect(formatGermanDecimal(1e20)).toBe("100000000000000000000");
    expect(formatGermanDecimal(-2.5)).toBe("-2,5");
    for (const cents of [0, 1, 99, 100, 123_456_789, MAX_BUDGET_CENTS]) {
      expect(parseEuroCents(formatEuroCents(cents, SHEET))).toEqual({ ok: true, value: cents });
      expect(parseEuroCents(formatGermanDecimal(cents / 100))).toEqual({ ok: true, value: cents });
    }
  });
});

describe("projectNaturalKey", () => {
  it("ignores case, whitespace and Unicode normalization", () => {
    const key = projectNaturalKey({ gb: "OB", r: "37", name: "Ablösung OVVISIO" });
    expect(projectNaturalKey({ gb: " ob", r: "37 ", name: "ablösung   ovvisio" })).toBe(key);
    expect(projectNaturalKey({ gb: "OB", r: "37", name: "Ablo\u0308sung OVVISIO" })).toBe(key); // decomposed ö
    expect(projectNaturalKey({ gb: "OB", r: "37", name: "Ablösung\u00a0OVVISIO" })).toBe(key); // NBSP
    expect(projectNaturalKey({ gb: "ＯＢ", r: "37", name: "Ablösung OVVISIO" })).toBe(key); // full-width
    expect(projectNaturalKey({ gb: "ALL", r: "Quer", name: "STRASSE" })).toBe(
      projectNaturalKey({ gb: "all", r: "quer", name: "Straße" }),
    );
  });

  it("keeps GB, R and name apart", () => {
    const key = projectNaturalKey({ gb: "OB", r: "37", name: "Ablösung OVVISIO" });
    expect(projectNaturalKey({ gb: "OB", r: "30", name: "Ablösung OVVISIO" })).not.toBe(key);
    expect(projectNaturalKey({ gb: "OB", r: "37", name: "Ablösung OVVISIO 2" })).not.toBe(key);
    expect(projectNaturalKey({ gb: "OB 3", r: "7", name: "x" })).not.toBe(
      projectNaturalKey({ gb: "OB", r: "3 7", name: "x" }),
    );
    expect(projectNaturalKey({ gb: "a", r: "b|c", name: "d" })).not.toBe(
      projectNaturalKey({ gb: "a|b", r: "c", name: "d" }),
    );
  });
});
