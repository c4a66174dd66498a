import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CostKommune, type CostParams, computeCosts, splitRules } from "../src/costs.ts";

const kommuneArb = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z]{1,6}$/),
    name: fc.constant("K"),
    population: fc.integer({ min: 1, max: 2_000_000 }),
    relevantServiceCount: fc.integer({ min: 0, max: 600 }),
  }),
  { selector: (k) => k.id, minLength: 1, maxLength: 40 },
);

const paramsArb = fc.record({
  personDaysPerService: fc.integer({ min: 0, max: 20_000 }).map((h) => h / 100),
  dailyRateCents: fc.integer({ min: 0, max: 500_000 }),
  serviceCount: fc.integer({ min: 0, max: 2_000 }),
  maintenanceShare: fc.integer({ min: 0, max: 10_000 }).map((b) => b / 10_000),
  adaptationPersonDaysPerKommuneService: fc.integer({ min: 0, max: 2_000 }).map((h) => h / 100),
  interfaceShare: fc.integer({ min: 0, max: 10_000 }).map((b) => b / 10_000),
  interfacePersonDays: fc.integer({ min: 0, max: 5_000 }).map((h) => h / 100),
  splitRule: fc.constantFrom(...splitRules),
});

describe("cost model properties", () => {
  it("per-Kommune amounts add up exactly to the Kommunen total (also for the remaining cost)", () => {
    fc.assert(
      fc.property(paramsArb, kommuneArb, fc.array(fc.nat(700)), (params, kommunen, online) => {
        const onlineByKommune = Object.fromEntries(kommunen.map((k, i) => [k.id, online[i] ?? 0]));
        const r = computeCosts({ ...params, kommunen }, { onlineByKommune });
        const sum = r.kommunen.perKommune.reduce((s, k) => s + k.amountCents, 0);
        expect(sum).toBe(r.kommunen.totalCents);
        expect(r.kommunen.totalCents).toBe(r.kommunen.adaptationCents + r.kommunen.interfaceCents);
        const rest = r.remaining!.perKommune.reduce((s, k) => s + k.amountCents, 0);
        expect(rest).toBe(r.remaining!.kommunenTotalCents);
        expect(r.remaining!.kommunenTotalCents).toBeLessThanOrEqual(r.kommunen.totalCents);
      }),
    );
  });

  it("one-off cost is the exact product rounded to the cent", () => {
    fc.assert(
      fc.property(paramsArb, (params) => {
        const r = computeCosts(params);
        const exact = params.serviceCount * params.personDaysPerService * params.dailyRateCents;
        expect(Math.abs(r.oneOffCents - exact)).toBeLessThanOrEqual(0.5 + 1e-4);
        expect(
          Math.abs(r.maintenancePerYearCents - r.oneOffCents * params.maintenanceShare),
        ).toBeLessThanOrEqual(0.5001);
      }),
    );
  });

  it("costs are monotonic in each parameter", () => {
    const numeric = [
      ["personDaysPerService", 0.01],
      ["dailyRateCents", 1],
      ["serviceCount", 1],
      ["maintenanceShare", 0.0001],
      ["adaptationPersonDaysPerKommuneService", 0.01],
      ["interfaceShare", 0.0001],
      ["interfacePersonDays", 0.01],
    ] as const;
    fc.assert(
      fc.property(
        paramsArb,
        kommuneArb,
        fc.constantFrom(...numeric.map((n) => n[0]), "kommune" as const),
        fc.integer({ min: 1, max: 500 }),
        (params, kommunen, which, steps) => {
          const base: Partial<CostParams> = { ...params, kommunen };
          let bigger: Partial<CostParams>;
          if (which === "kommune") {
            const more: CostKommune[] = kommunen.map((k, i) =>
              i === 0 ? { ...k, relevantServiceCount: k.relevantServiceCount + steps } : k,
            );
            bigger = { ...base, kommunen: more };
          } else {
            const unit = numeric.find((n) => n[0] === which)![1];
            const raw = (params[which] as number) + steps * unit;
            const decimals = unit === 1 ? 0 : unit === 0.01 ? 2 : 4;
            const value = Number(raw.toFixed(decimals));
            if (which.endsWith("Share") && value > 1) return;
            bigger = { ...base, [which]: value };
          }
          const a = computeCosts(base);
          const b = computeCosts(bigger);
          expect(b.totalPersonDays).toBeGreaterThanOrEqual(a.totalPersonDays);
          expect(b.oneOffCents).toBeGreaterThanOrEqual(a.oneOffCents);
          expect(b.maintenancePerYearCents).toBeGreaterThanOrEqual(a.maintenancePerYearCents);
          expect(b.kommunen.adaptationCents).toBeGreaterThanOrEqual(a.kommunen.adaptationCents);
          expect(b.kommunen.interfaceCents).toBeGreaterThanOrEqual(a.kommunen.interfaceCents);
          expect(b.totalOneOffCents).toBeGreaterThanOrEqual(a.totalOneOffCents);
        },
      ),
    );
  });

  it("equal split differs by at most one cent between Kommunen", () => {
    fc.assert(
      fc.property(paramsArb, kommuneArb, (params, kommunen) => {
        const amounts = computeCosts({ ...params, kommunen, splitRule: "equal" }).kommunen.perKommune.map(
          (k) => k.amountCents,
        );
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("population split stays within one cent of the exact proportional share", () => {
    fc.assert(
      fc.property(paramsArb, kommuneArb, (params, kommunen) => {
        const r = computeCosts({ ...params, kommunen, splitRule: "population" });
        const total = BigInt(r.kommunen.totalCents);
        const weightSum = BigInt(kommunen.reduce((s, k) => s + k.population, 0));
        for (const k of r.kommunen.perKommune) {
          // |amount − total × w / W| < 1  ⇔  |amount × W − total × w| < W
          const diff = BigInt(k.amountCents) * weightSum - total * BigInt(k.weight);
          expect(diff < 0n ? -diff : diff).toBeLessThan(weightSum);
        }
      }),
    );
  });
});
