import { describe, expect, it } from "vitest";
import { defaultModel, validateModel } from "../src/index.ts";

const criteria = defaultModel.dimensions.flatMap((d) => d.levels.flatMap((l) => l.criteria));
const byTitle = (title: string) => criteria.find((c) => c.title === title);

describe("defaultModel", () => {
  it("is valid", () => {
    expect(validateModel(defaultModel)).toEqual([]);
  });

  it("is the SPATZ model for Kommunen, version 1", () => {
    expect([defaultModel.name, defaultModel.version]).toEqual(["SPATZ-Reifegradmodell Kommune", 1]);
  });

  it("has exactly the eight dimensions with their stable keys and names, weight 1 each", () => {
    expect(defaultModel.dimensions.map((d) => [d.key, d.name, d.weight])).toEqual([
      ["strategie", "Strategie & Steuerung", 1],
      ["kompetenzen", "Mitarbeitende & Kompetenzen", 1],
      ["prozesse", "Prozessdigitalisierung", 1],
      ["onlinedienste", "Onlinedienste & Bürgerzentrierung", 1],
      ["sicherheit", "IT-Sicherheit & Notfallmanagement", 1],
      ["infrastruktur", "IT-Infrastruktur & Arbeitsplatz", 1],
      ["zusammenarbeit", "Zusammenarbeit & Vernetzung", 1],
      ["daten", "Daten & Interoperabilität", 1],
    ]);
  });

  it("uses the same four level names in every dimension and 2–4 criteria per level", () => {
    for (const dimension of defaultModel.dimensions) {
      expect(dimension.levels.map((l) => [l.level, l.name])).toEqual([
        [1, "Einstieg"],
        [2, "Grundlagen"],
        [3, "Fortgeschritten"],
        [4, "Optimiert"],
      ]);
      for (const level of dimension.levels) {
        expect(level.criteria.length).toBeGreaterThanOrEqual(2);
        expect(level.criteria.length).toBeLessThanOrEqual(4);
      }
    }
  });

  it("keys every criterion as dimension.level.slug in lowercase ASCII", () => {
    for (const dimension of defaultModel.dimensions) {
      for (const level of dimension.levels) {
        for (const criterion of level.criteria) {
          expect(criterion.key).toMatch(
            new RegExp(`^${dimension.key}\\.${level.level}\\.[a-z0-9]+(-[a-z0-9]+)*$`),
          );
        }
      }
    }
  });

  it("says for every criterion how it is evidenced", () => {
    for (const criterion of criteria) {
      expect(criterion.title.length).toBeGreaterThan(5);
      expect(criterion.explanation).toMatch(/Nachweis: .+\.$/);
    }
  });

  it("uses the milestones of the source presentation", () => {
    expect(byTitle("Digitalisierungsstrategie durch Verwaltungsführung beschlossen")?.key).toBe(
      "strategie.2.strategie-beschlossen",
    );
    expect(byTitle("IT-Notfallkonzept und Risikobehandlungsplan erstellt")?.key).toBe(
      "sicherheit.2.notfallkonzept",
    );
    for (const title of [
      "Kritische Risiken aus Risikobehandlungsplan ausgeräumt",
      "Neue Kollaborationsplattform etabliert",
      "SOLL-Prozesse freigegeben",
      "Notfallmanagementplan freigegeben",
      "Schulungsplattform und -inhalte nutzbar",
      "Produktivnahme DMS",
      "Terminmanagement für Bürger nutzbar",
      "Partizipationsplattform nutzbar",
      "eAkte und Datendrehscheibe produktiv",
      "E-Payment für Onlinedienste",
      "IT-Governance definiert (Rollen, Gremien, Prozesse)",
      "Projektmanagement-Standards und PM-Handbuch eingeführt",
      "Lern-/Wissensplattform redaktionell gepflegt",
      "Workflow-Management eingeführt",
    ]) {
      expect(byTitle(title), title).toBeDefined();
    }
    expect(criteria.some((c) => c.title.includes("WLAN in städtischen"))).toBe(true);
  });

  it("does not treat single products like energy management software as maturity", () => {
    expect(criteria.filter((c) => /energie/i.test(`${c.title} ${c.explanation}`))).toEqual([]);
  });

  it("asks for yearly renewal of checks that go stale", () => {
    expect(byTitle("IT-Notfallkonzept jährlich geprüft")?.validityMonths).toBe(12);
    expect(byTitle("Awareness-Schulung jährlich absolviert")?.validityMonths).toBe(12);
    for (const criterion of criteria.filter((c) => c.title.includes("jährlich"))) {
      expect(criterion.validityMonths, criterion.key).toBe(12);
    }
    // One-off results (a decision, a platform going live) do not expire.
    expect(
      byTitle("Digitalisierungsstrategie durch Verwaltungsführung beschlossen")?.validityMonths,
    ).toBeNull();
  });
});
