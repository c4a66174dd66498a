import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../src/catalogue.ts";
import { kommuneKinds } from "../src/kinds.ts";
import {
  deriveAllResponsibilities,
  deriveResponsibility,
  isResponsible,
  matchNameRule,
  relevantServiceCount,
  relevantServiceCounts,
  summarizeResponsibilities,
} from "../src/responsibility.ts";
import { exclusionRules, responsibilityRules } from "../src/responsibility-rules.ts";
import { catalogueSources } from "./seed.ts";

const { catalogue } = parseCatalogue(catalogueSources());
const service = (id: string) => {
  const s = catalogue.services.find((x) => x.id === id);
  if (!s) throw new Error(`service ${id} missing`);
  return s;
};
const derive = (id: string, options = {}) => deriveResponsibility(service(id), catalogue.leika, options);

describe("deriveResponsibility on real services", () => {
  it("Bauvorbescheid und Baugenehmigung → Landkreis and kreisfreie Stadt (untere Bauaufsicht)", () => {
    const r = derive("10519");
    expect(service("10519").name).toBe("Bauvorbescheid und Baugenehmigung");
    expect(r.municipalExecution).toBe(true);
    expect(r.responsibleKinds).toEqual(["kreisfreie_stadt", "landkreis"]);
    expect(r.reason).toContain("Untere Bauaufsicht");
    expect(r.ruleId).toBe("name:bauaufsicht");
  });

  it("Wohnsitzmeldungen → Einheitsgemeinde, Verbandsgemeinde and kreisfreie Stadt (Meldewesen)", () => {
    const r = derive("10124");
    expect(r.municipalExecution).toBe(true);
    expect([...r.responsibleKinds].sort()).toEqual([
      "einheitsgemeinde",
      "kreisfreie_stadt",
      "verbandsgemeinde",
    ]);
    expect(r.reason).toContain("Meldewesen");
    expect(r.reason).toContain("2/3");
  });

  it("purely federal services (only LeiKa type 1) are not municipal", () => {
    for (const id of [
      "10020" /* Kinderzuschlag */,
      "10334" /* Zollauktion */,
      "10073" /* Arbeitslosengeld */,
    ]) {
      const r = derive(id);
      expect(r.municipalExecution, service(id).name).toBe(false);
      expect(r.responsibleKinds).toEqual([]);
      expect(r.reason).toContain("LeiKa-Typ 1");
    }
  });

  it("type 4 counts only with a municipal keyword", () => {
    const baulast = derive("10517"); // Baulastenverzeichnis: only type 4, Bauaufsicht keyword
    expect(baulast.leikaTypes).toEqual(["4"]);
    expect(baulast.municipalExecution).toBe(true);
    expect(baulast.responsibleKinds).toEqual(["kreisfreie_stadt", "landkreis"]);
    expect(baulast.reason).toContain("Typ 4");
    const studium = derive("10061"); // Studienplatzvergabe: only type 4, no keyword
    expect(studium.leikaTypes).toEqual(["4"]);
    expect(studium.municipalExecution).toBe(false);
    expect(studium.reason).toContain("ohne kommunales Stichwort");
  });

  it("exclusion rules resolve type 2/3 for services run outside the Kommunen, and can be switched off", () => {
    const withRules = derive("10078"); // Kirchensteuer, only type 2/3
    expect(withRules.municipalExecution).toBe(false);
    expect(withRules.ruleId).toBe("ausschluss:steuerverwaltung");
    expect(withRules.reason).toContain("Steuerverwaltung");
    const plain = derive("10078", { exclusions: false });
    expect(plain.municipalExecution).toBe(true);
    expect(plain.responsibleKinds.length).toBeGreaterThan(0);
  });

  it("a name rule beats an exclusion rule (Grundsteuer is municipal although Finanzämter set the Messbetrag)", () => {
    const r = derive("10117");
    expect(r.municipalExecution).toBe(true);
    expect(r.ruleId).toBe("name:kommunalabgaben");
  });
});

describe("deriveResponsibility on synthetic input", () => {
  const s = { id: "1", name: "Irgendeine Leistung", lage: "Unbekannt", themenfeld: "Unbekannt" };

  it("falls back to all four kinds and says that the PMO should check", () => {
    const r = deriveResponsibility(s, [{ ozgId: "1", types: ["3"] }]);
    expect(r.municipalExecution).toBe(true);
    expect(r.responsibleKinds).toEqual([...kommuneKinds]);
    expect(r.ruleId).toBe("standard");
    expect(r.reason).toMatch(/Standard.*PMO/);
  });

  it("treats unknown type codes as not municipal and says so", () => {
    const r = deriveResponsibility(s, [{ ozgId: "1", types: ["8"] }]);
    expect(r.municipalExecution).toBe(false);
    expect(r.reason).toContain("nicht sicher bekannt");
  });

  it("treats a service without LeiKa rows as not municipal and asks for a check", () => {
    const r = deriveResponsibility(s, [{ ozgId: "2", types: ["3"] }]);
    expect(r.municipalExecution).toBe(false);
    expect(r.leikaTypes).toEqual([]);
    expect(r.reason).toContain("bitte prüfen");
  });

  it("uses Lage and Themenfeld rules after the name rules", () => {
    const byLage = deriveResponsibility({ ...s, lage: "Kfz-Besitz" }, [{ ozgId: "1", types: ["2/3"] }]);
    expect(byLage.responsibleKinds).toEqual(["kreisfreie_stadt", "landkreis"]);
    expect(byLage.reason).toContain("Lage »Kfz-Besitz«");
    const byThemenfeld = deriveResponsibility({ ...s, themenfeld: "Umwelt" }, [{ ozgId: "1", types: ["5"] }]);
    expect(byThemenfeld.ruleId).toBe("themenfeld:Umwelt");
  });

  it("ignores LeiKa rows of other services", () => {
    const r = deriveResponsibility(s, [
      { ozgId: "2", types: ["3"] },
      { ozgId: "1", types: ["1"] },
    ]);
    expect(r.municipalExecution).toBe(false);
    expect(r.leikaTypes).toEqual(["1"]);
  });
});

describe("counts over the real catalogue", () => {
  const all = deriveAllResponsibilities(catalogue);
  const plain = deriveAllResponsibilities(catalogue, { exclusions: false });

  it("deriveAllResponsibilities gives the same as deriving one by one", () => {
    for (const s of catalogue.services.slice(0, 60))
      expect(all.get(s.id)).toEqual(deriveResponsibility(s, catalogue.leika));
  });

  it("without exclusions, municipal = services with a 2/3, 3, 5, 6 row or a type-4 row plus a keyword", () => {
    const expected = catalogue.services.filter((s) => {
      const types = new Set(catalogue.leika.filter((r) => r.ozgId === s.id).flatMap((r) => r.types));
      if (["2/3", "3", "5", "6"].some((t) => types.has(t))) return true;
      return types.has("4") && matchNameRule(s.name) !== undefined;
    });
    const municipal = catalogue.services.filter((s) => plain.get(s.id)!.municipalExecution);
    expect(municipal.map((s) => s.id)).toEqual(expected.map((s) => s.id));
  });

  it("kreisfreie Städte are responsible for every municipal service; EG and VG always together", () => {
    for (const r of all.values()) {
      expect(isResponsible("kreisfreie_stadt", r)).toBe(r.municipalExecution);
      expect(isResponsible("einheitsgemeinde", r)).toBe(isResponsible("verbandsgemeinde", r));
      expect(r.reason.length).toBeGreaterThan(20);
    }
  });

  it("reports the municipal and per-kind counts (regression figures for the report)", () => {
    const summary = summarizeResponsibilities(all.values());
    expect(summary.total).toBe(557);
    expect({ municipal: summary.municipal, ...summary.perKind, defaulted: summary.defaulted }).toEqual({
      municipal: 220,
      kreisfreie_stadt: 220,
      landkreis: 160,
      einheitsgemeinde: 91,
      verbandsgemeinde: 91,
      defaulted: 7,
    });
    const plainSummary = summarizeResponsibilities(plain.values());
    expect({ municipal: plainSummary.municipal, ...plainSummary.perKind }).toEqual({
      municipal: 434,
      kreisfreie_stadt: 434,
      landkreis: 331,
      einheitsgemeinde: 228,
      verbandsgemeinde: 228,
    });
  });

  it("every rule id is unique and every exclusion rule decides at least one real service", () => {
    const ids = [...responsibilityRules.map((r) => r.id), ...exclusionRules.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set([...all.values()].map((r) => r.ruleId));
    for (const rule of exclusionRules) expect(used.has(rule.id), rule.id).toBe(true);
  });
});

describe("relevantServiceCount and isResponsible", () => {
  const list = [
    { municipalExecution: true, responsibleKinds: ["kreisfreie_stadt", "landkreis"] as const, reason: "a" },
    {
      municipalExecution: true,
      responsibleKinds: ["kreisfreie_stadt", "einheitsgemeinde"] as const,
      reason: "b",
    },
    { municipalExecution: false, responsibleKinds: ["landkreis"] as const, reason: "inkonsistent" },
  ].map((r) => ({ ...r, responsibleKinds: [...r.responsibleKinds] }));

  it("counts only municipal services of that kind", () => {
    expect(relevantServiceCount("kreisfreie_stadt", list)).toBe(2);
    expect(relevantServiceCount("landkreis", list)).toBe(1);
    expect(relevantServiceCount("verbandsgemeinde", list)).toBe(0);
    expect(relevantServiceCounts(list)).toEqual({
      kreisfreie_stadt: 2,
      landkreis: 1,
      einheitsgemeinde: 1,
      verbandsgemeinde: 0,
    });
    expect(isResponsible("landkreis", list[2]!)).toBe(false);
  });
});
