import { describe, expect, it } from "vitest";
import {
  formatCountOf,
  formatDate,
  formatDateTime,
  formatEuro,
  formatFileSize,
  formatInteger,
} from "./format.ts";
import { formatEuroCents } from "./german-number.ts";

describe("German formatting", () => {
  it("writes dates as dd.mm.yyyy, calendar dates without time-zone shifts", () => {
    expect(formatDate("2024-09-30")).toBe("30.09.2024");
    expect(formatDate(new Date("2023-01-01T23:30:00Z"))).toBe("02.01.2023"); // Berlin is ahead of UTC
    expect(formatDate(null)).toBe("–");
  });

  it("writes date and time in Berlin time", () => {
    expect(formatDateTime("2026-07-01T10:05:00Z")).toBe("01.07.2026, 12:05");
  });

  it("writes money as 22.137.500 €", () => {
    expect(formatEuro(22_137_500)).toBe("22.137.500\u00a0€");
    expect(formatEuroCents(442_750_000)).toBe("4.427.500,00\u00a0€");
    expect(formatInteger(238762)).toBe("238.762");
  });

  it("writes file sizes as people read them", () => {
    expect(formatFileSize(1)).toBe("1 Byte");
    expect(formatFileSize(850)).toBe("850 Bytes");
    expect(formatFileSize(1536)).toBe("1,5 kB");
    expect(formatFileSize(300 * 1024)).toBe("300 kB");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10,0 MB");
    expect(formatFileSize(2048 * 1024 * 1024)).toBe("2,0 GB");
  });

  it("puts the noun in the singular only for exactly one", () => {
    expect(formatCountOf(1, "Projekt", "Projekte")).toBe("1 Projekt");
    expect(formatCountOf(0, "Projekt", "Projekte")).toBe("0 Projekte");
    expect(formatCountOf(1250, "Projekt", "Projekte")).toBe("1.250 Projekte");
  });
});

describe("German number input", () => {
  it("reads the dot as thousands separator where three digits follow, the comma as decimal", async () => {
    const { germanNumber } = await import("./german-number.ts");
    expect(germanNumber("1.100")).toBe(1100);
    expect(germanNumber("1.100,50")).toBe(1100.5);
    expect(germanNumber("1100")).toBe(1100);
    expect(germanNumber("1,5")).toBe(1.5);
    expect(germanNumber("1.10")).toBe(1.1);
    expect(germanNumber("1.100.5")).toBeNaN();
    expect(germanNumber("")).toBeNaN();
  });
});
