import { describe, expect, it } from "vitest";
import { defaultCriteria, operatingModels, scoreOperatingModels } from "../src/operating-models.ts";

describe("operatingModels", () => {
  it("holds the seed's three models with Vorteile/Nachteile verbatim", () => {
    expect(operatingModels.map((m) => [m.id, m.name])).toEqual([
      ["kitu_beitritt", "KITU-Beitritt Land"],
      ["ggmbh", "Gründung gGmbH"],
      ["landes_aoer", "Errichtung Landes-AöR"],
    ]);
    const [kitu, ggmbh, aoer] = operatingModels;
    expect(kitu!.vorteile).toEqual(["kurzfristig umsetzbar", "Nutzung etablierter Strukturen"]);
    expect(kitu!.nachteile).toEqual([
      "keine Flächendeckung, da nur 60 % der Kommunen erreicht werden",
      "zu geringe Einflussmöglichkeit → ST ist nur einer von vielen Genossen",
    ]);
    expect(ggmbh!.vorteile).toEqual([
      "mgLw, kurzfristig umsetzbar",
      "weitere Gesellschafter möglich (KITU, DP, etc.) → Nutzung etablierter Strukturen",
    ]);
    expect(ggmbh!.nachteile).toEqual([
      "hauptamtliche Geschäftsführung + ggf. weiteres Personal nötig",
      "keine Abordnung von Landes- oder Kommunalpersonal möglich",
    ]);
    expect(aoer!.vorteile).toEqual([
      "kurzfristige Beistellung von Personal aus Land + Kommunen per Abordnung möglich („Training on the Job“)",
      "Geschäftsführung könnte ehrenamtlich erfolgen",
    ]);
    expect(aoer!.nachteile).toEqual(["Gesetzgebungsverfahren notwendig (Dauer mind. 6 Monate)"]);
  });

  it("has default criteria whose weights add up to 100", () => {
    expect(defaultCriteria.map((c) => c.label)).toEqual([
      "Umsetzungsdauer",
      "Flächendeckung",
      "Einflussmöglichkeit des Landes",
      "Personalgewinnung",
      "laufende Kosten",
      "Rechtssicherheit",
    ]);
    expect(defaultCriteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });
});

describe("scoreOperatingModels", () => {
  const scores = {
    kitu_beitritt: {
      umsetzungsdauer: 5,
      flaechendeckung: 2,
      einfluss_land: 1,
      personalgewinnung: 3,
      laufende_kosten: 4,
      rechtssicherheit: 4,
    },
    ggmbh: {
      umsetzungsdauer: 4,
      flaechendeckung: 4,
      einfluss_land: 4,
      personalgewinnung: 2,
      laufende_kosten: 2,
      rechtssicherheit: 4,
    },
    landes_aoer: {
      umsetzungsdauer: 2,
      flaechendeckung: 5,
      einfluss_land: 5,
      personalgewinnung: 5,
      laufende_kosten: 3,
      rechtssicherheit: 3,
    },
  };

  it("computes weighted totals and ranks best first", () => {
    const r = scoreOperatingModels(defaultCriteria, scores);
    if (!r.ok) throw new Error(r.errors.join("; "));
    // kitu: 125+40+20+45+40+40 = 310; ggmbh: 100+80+80+30+20+40 = 350; aoer: 50+100+100+75+30+30 = 385
    expect(r.results.map((x) => [x.modelId, x.weightedSum, x.rank])).toEqual([
      ["landes_aoer", 385, 1],
      ["ggmbh", 350, 2],
      ["kitu_beitritt", 310, 3],
    ]);
    expect(r.results.map((x) => x.total)).toEqual([3.85, 3.5, 3.1]);
    expect(r.results[0]!.perCriterion[0]).toEqual({ criterionId: "umsetzungsdauer", score: 2, weighted: 50 });
  });

  it("changes the ranking when the weights change", () => {
    const speed = defaultCriteria.map((c) => ({ ...c, weight: c.id === "umsetzungsdauer" ? 100 : 1 }));
    const r = scoreOperatingModels(speed, scores);
    expect(r.ok && r.results[0]!.modelId).toBe("kitu_beitritt");
  });

  it("gives equal totals the same rank", () => {
    const one = [{ id: "x", label: "X", weight: 1 }];
    const r = scoreOperatingModels(one, { kitu_beitritt: { x: 3 }, ggmbh: { x: 1 }, landes_aoer: { x: 3 } });
    expect(r.ok && r.results.map((x) => [x.modelId, x.rank])).toEqual([
      ["kitu_beitritt", 1],
      ["landes_aoer", 1],
      ["ggmbh", 3],
    ]);
  });

  it("validates inputs with German messages", () => {
    const r = scoreOperatingModels(
      [
        { id: "a", label: "A", weight: -1 },
        { id: "a", label: "A", weight: 1 },
      ],
      { kitu_beitritt: { a: 6, b: 1 }, ggmbh: {}, unbekannt: {} },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      "Gewicht von »A« muss eine Zahl ≥ 0 sein.",
      "Kriterium »A« ist doppelt.",
      "Bewertung für unbekanntes Betriebsmodell »unbekannt«.",
      "»KITU-Beitritt Land«: Bewertung für unbekanntes Kriterium »b«.",
      "»KITU-Beitritt Land«: Bewertung für »A« muss zwischen 0 und 5 liegen.",
      "»Gründung gGmbH«: Bewertung für »A« fehlt.",
      "Für »Errichtung Landes-AöR« fehlen die Bewertungen.",
    ]);
    const zero = scoreOperatingModels([{ id: "a", label: "A", weight: 0 }], {
      kitu_beitritt: { a: 1 },
      ggmbh: { a: 1 },
      landes_aoer: { a: 1 },
    });
    expect(!zero.ok && zero.errors).toEqual(["Die Summe der Gewichte muss größer als 0 sein."]);
    expect(scoreOperatingModels([], {}).ok).toBe(false);
  });
});
