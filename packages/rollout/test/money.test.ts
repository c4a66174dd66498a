import { formatEuroCents } from "@spatz/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLargestRemainder, divRoundHalfUp } from "../src/money.ts";

describe("divRoundHalfUp", () => {
  it("rounds half up", () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
    expect(divRoundHalfUp(25n, 10n)).toBe(3n);
    expect(divRoundHalfUp(149n, 100n)).toBe(1n);
    expect(divRoundHalfUp(150n, 100n)).toBe(2n);
    expect(() => divRoundHalfUp(-1n, 2n)).toThrow(RangeError);
  });

  it("matches Math.round on exact halves and non-halves for small numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        // Math.round rounds .5 up for positive numbers; n/d is exact enough at this size.
        expect(divRoundHalfUp(BigInt(n), BigInt(d))).toBe(BigInt(Math.round(n / d)));
      }),
    );
  });
});

describe("allocateLargestRemainder", () => {
  it("gives leftover cents to the largest remainders, ties by key", () => {
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n], ["c", "a", "b"])).toEqual([33n, 34n, 33n]);
    expect(allocateLargestRemainder(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]); // 1.67, 3.33, 5 → 1,3,5 + 1 to first
    expect(allocateLargestRemainder(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(() => allocateLargestRemainder(5n, [0n, 0n])).toThrow(RangeError);
  });
});

describe("formatEuroCents", () => {
  const intl = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

  it("formats the seed's figures", () => {
    expect(formatEuroCents(2_213_750_000)).toBe("22.137.500,00\u00a0€");
    expect(formatEuroCents(442_750_000)).toBe("4.427.500,00\u00a0€");
    expect(formatEuroCents(2_213_750_000, { fractionDigits: 0 })).toBe("22.137.500\u00a0€");
    expect(formatEuroCents(5)).toBe("0,05\u00a0€");
    expect(formatEuroCents(-123_456)).toBe("-1.234,56\u00a0€");
    expect(formatEuroCents(150, { fractionDigits: 0 })).toBe("2\u00a0€");
    expect(formatEuroCents(10n ** 20n)).toBe("1.000.000.000.000.000.000,00\u00a0€");
  });

  it("agrees with Intl currency formatting", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (cents) => {
        expect(formatEuroCents(cents)).toBe(intl.format(cents / 100));
      }),
    );
  });
});
