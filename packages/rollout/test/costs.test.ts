import { formatEuroCents } from "@spatz/domain";
import { describe, expect, it } from "vitest";
import {
  assumptions,
  CostModelError,
  compareScenarios,
  computeCosts,
  defaultCostParams,
} from "../src/costs.ts";

const kommunen = [
  { id: "A", name: "Kommune A", population: 100, relevantServiceCount: 10 },
  { id: "B", name: "Kommune B", population: 300, relevantServiceCount: 20 },
];

describe("computeCosts with the seed's defaults", () => {
  const r = computeCosts();

  it("gives 20,125 PT, 22,137,500.00 € one-off and 4,427,500.00 € per year", () => {
    expect(r.totalPersonDays).toBe(575 * 35);
    expect(r.totalPersonDays).toBe(20_125);
    expect(r.oneOffCents).toBe(2_213_750_000);
    expect(r.maintenancePerYearCents).toBe(442_750_000);
    expect(formatEuroCents(r.oneOffCents)).toBe("22.137.500,00\u00a0€");
    expect(formatEuroCents(r.maintenancePerYearCents)).toBe("4.427.500,00\u00a0€");
  });

  it("puts provision and operation on the Land", () => {
    expect(r.land).toEqual({ oneOffCents: 2_213_750_000, perYearCents: 442_750_000 });
    expect(r.kommunen.totalCents).toBe(0);
    expect(r.totalOneOffCents).toBe(2_213_750_000);
    expect(r.remaining).toBeNull();
  });
});

describe("computeCosts: Kommunen share and split", () => {
  // 30 (Kommune × service) pairs: adaptation 30 × 2 PT × 1.100 € = 66.000 €;
  // interfaces 30 × 25 % = 7,5 × 10 PT × 1.100 € = 82.500 €; together 148.500 €.
  it("computes adaptation and interfaces", () => {
    const r = computeCosts({ kommunen });
    expect(r.kommunen).toMatchObject({
      kommuneServices: 30,
      adaptationPersonDays: 60,
      interfaces: 7.5,
      interfacePersonDays: 75,
      adaptationCents: 6_600_000,
      interfaceCents: 8_250_000,
      totalCents: 14_850_000,
    });
    expect(r.totalOneOffCents).toBe(2_213_750_000 + 14_850_000);
  });

  it("splits by population, equally and by services", () => {
    const amounts = (splitRule: "population" | "equal" | "services") =>
      computeCosts({ kommunen, splitRule }).kommunen.perKommune.map((k) => k.amountCents);
    expect(amounts("population")).toEqual([3_712_500, 11_137_500]);
    expect(amounts("equal")).toEqual([7_425_000, 7_425_000]);
    expect(amounts("services")).toEqual([4_950_000, 9_900_000]);
  });

  it("distributes rounding remainders by largest remainder, deterministically", () => {
    // one pair, 0.01 PT adaptation at 100 cents/PT = 1 cent … scale up: 3 Kommunen share 100 cents equally
    const three = ["x", "y", "z"].map((id) => ({ id, name: id, population: 1, relevantServiceCount: 0 }));
    three[0]!.relevantServiceCount = 1;
    const r = computeCosts({
      kommunen: three,
      splitRule: "equal",
      dailyRateCents: 5_000,
      adaptationPersonDaysPerKommuneService: 0.02,
      interfaceShare: 0,
    });
    expect(r.kommunen.totalCents).toBe(100);
    expect(r.kommunen.perKommune.map((k) => k.amountCents)).toEqual([34, 33, 33]);
    const reversed = computeCosts({
      kommunen: [...three].reverse(),
      splitRule: "equal",
      dailyRateCents: 5_000,
      adaptationPersonDaysPerKommuneService: 0.02,
      interfaceShare: 0,
    });
    expect(reversed.kommunen.perKommune.find((k) => k.id === "x")!.amountCents).toBe(34);
  });

  it("rounds half up only at the defined points", () => {
    // 3 × 0,01 PT × 0,50 € = 1,5 Cent → 2 Cent; maintenance 33,33 % of 2 Cent = 0,6666 → 1 Cent
    const r = computeCosts({
      serviceCount: 3,
      personDaysPerService: 0.01,
      dailyRateCents: 50,
      maintenanceShare: 0.3333,
    });
    expect(r.oneOffCents).toBe(2);
    expect(r.maintenancePerYearCents).toBe(1);
    const down = computeCosts({ serviceCount: 1, personDaysPerService: 0.01, dailyRateCents: 149 });
    expect(down.oneOffCents).toBe(1);
  });
});

describe("computeCosts: remaining cost", () => {
  it("charges only what is still open", () => {
    const r = computeCosts({ kommunen }, { onlineByKommune: { A: 4, B: 20 }, servicesProvided: 100 });
    // Land: 475 open services × 35 PT × 1.100 € = 18.287.500 €
    // Kommunen: 6 open pairs → 6 × 2 × 1.100 € + 6 × 0,25 × 10 × 1.100 € = 13.200 € + 16.500 €
    expect(r.remaining).toMatchObject({
      servicesOpen: 475,
      landOneOffCents: 1_828_750_000,
      kommuneServicesOpen: 6,
      kommunenAdaptationCents: 1_320_000,
      kommunenInterfaceCents: 1_650_000,
      kommunenTotalCents: 2_970_000,
      totalOneOffCents: 1_831_720_000,
      perYearCents: 442_750_000,
    });
    expect(r.remaining!.perKommune.map((k) => k.amountCents)).toEqual([742_500, 2_227_500]);
    const byServices = computeCosts(
      { kommunen, splitRule: "services" },
      { onlineByKommune: { A: 4, B: 20 } },
    );
    expect(byServices.remaining!.perKommune.map((k) => [k.weight, k.amountCents])).toEqual([
      [6, 2_970_000],
      [0, 0],
    ]);
    expect(byServices.remaining!.landOneOffCents).toBe(2_213_750_000);
  });

  it("clamps impossible counts with a German warning", () => {
    const r = computeCosts({ kommunen }, { onlineByKommune: { A: 25, C: 1 }, servicesProvided: 600 });
    expect(r.remaining!.kommuneServicesOpen).toBe(20);
    expect(r.remaining!.servicesOpen).toBe(0);
    expect(r.warnings).toEqual([
      "Online-Zahlen für unbekannte Kommunen ignoriert: C",
      "Kommune A: 25 Dienste online, aber nur 10 zuständig – auf 10 begrenzt",
      "600 bereitgestellte Dienste, aber nur 575 geplant – begrenzt",
    ]);
  });
});

describe("computeCosts validation", () => {
  const issues = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof CostModelError) return e.issues;
      throw e;
    }
    return [];
  };

  it("rejects invalid parameters with German messages", () => {
    expect(issues(() => computeCosts({ personDaysPerService: -1 }))).toEqual([
      "Personentage je Onlinedienst: darf nicht negativ sein",
    ]);
    expect(issues(() => computeCosts({ maintenanceShare: 0.12345 }))).toEqual([
      "Wartungsanteil: höchstens vier Nachkommastellen",
    ]);
    expect(issues(() => computeCosts({ dailyRateCents: 1100.5 }))).toEqual([
      "Tagessatz (Cent): ganze Zahl erwartet",
    ]);
    expect(issues(() => computeCosts({ kommunen: [kommunen[0]!, kommunen[0]!] }))).toEqual([
      "Kommunen: doppelte ID",
    ]);
    expect(
      issues(() =>
        computeCosts({
          kommunen: [{ id: "A", name: "A", population: 0, relevantServiceCount: 3 }],
          splitRule: "population",
        }),
      ),
    ).toHaveLength(1);
    expect(issues(() => computeCosts({}, { servicesProvided: -3 }))).toEqual([
      "Bereitgestellte Onlinedienste: darf nicht negativ sein",
    ]);
  });
});

describe("assumptions", () => {
  it("lists every assumption in German with the parameter values", () => {
    const list = assumptions({ kommunen, splitRule: "equal" });
    const text = list.join("\n");
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(text).toContain("575 künftig angebotene Onlinedienste");
    expect(text).toContain("35 Personentage");
    expect(text).toContain("1.100,00\u00a0€");
    expect(text).toContain("jährlich 20 %");
    expect(text).toContain("2 PT für die Anpassung");
    expect(text).toContain("25 % der kommunalen Einführungen");
    expect(text).toContain("2 Kommunen mit zusammen 30");
    expect(text).toContain("zu gleichen Teilen");
    expect(assumptions({ maintenanceShare: 0.125 }).join(" ")).toContain("12,5 %");
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s) => /[.!]$/.test(s))).toBe(true);
  });
});

describe("compareScenarios", () => {
  it("puts scenarios side by side", () => {
    const c = compareScenarios([
      { name: "Vorlage" },
      { name: "Günstiger", params: { personDaysPerService: 30, dailyRateCents: 100_000, kommunen } },
    ]);
    expect(c.scenarios).toEqual(["Vorlage", "Günstiger"]);
    const row = (key: string) => c.rows.find((r) => r.key === key)!.values;
    expect(row("totalPersonDays")).toEqual([20_125, 17_250]);
    expect(row("oneOffCents")).toEqual([2_213_750_000, 1_725_000_000]);
    expect(row("perYearCents")).toEqual([442_750_000, 345_000_000]);
    expect(row("kommunenTotalCents")).toEqual([0, 13_500_000]);
    expect(row("remainingOneOffCents")).toEqual([null, null]);
  });

  it("needs unique names", () => {
    expect(() => compareScenarios([{ name: "A" }, { name: "A " }])).toThrow(CostModelError);
  });

  it("defaults are frozen", () => {
    expect(Object.isFrozen(defaultCostParams)).toBe(true);
  });
});
