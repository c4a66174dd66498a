import { describe, expect, it } from "vitest";
import {
  type ColumnMapping,
  columnMappingSchema,
  emptyMapping,
  normalizeHeader,
  projectFields,
  suggestMapping,
  validateMapping,
} from "../src/index.ts";

describe("suggestMapping", () => {
  it("maps the Halle headers", () => {
    const mapping = suggestMapping([
      "GB",
      "R",
      "Projektname",
      "Projektbeschreibung",
      "Start",
      "Dauer",
      "Ende",
    ]);
    expect(mapping).toEqual({
      ...emptyMapping(),
      gb: 0,
      r: 1,
      name: 2,
      description: 3,
      start: 4,
      declaredDuration: 5,
      end: 6,
    });
  });

  it("recognises varied headers, insensitive to case, umlauts, whitespace and punctuation", () => {
    const headers = [
      "  Geschäftsbereich ",
      "RESSORT",
      "Projekt-Name",
      "Beginn",
      "Enddatum",
      "Kurzbeschreibung",
      "Projektleiter/in",
      "Budget in €",
      "Aufwand (Personentage)",
      "Prio",
      "Vorgehensmodell",
      "Projektstatus",
      "Anmerkungen",
      "Projekt-Nr.",
      "Laufzeit",
    ];
    expect(suggestMapping(headers)).toEqual({
      gb: 0,
      r: 1,
      name: 2,
      start: 3,
      end: 4,
      description: 5,
      lead: 6,
      budgetEur: 7,
      effortDays: 8,
      priority: 9,
      method: 10,
      status: 11,
      notes: 12,
      externalId: 13,
      declaredDuration: 14,
    });
    expect(
      suggestMapping(["Geschaeftsbereich", "fach bereich", "PROJEKTNAME", "start datum", "ENDE"]),
    ).toMatchObject({
      gb: 0,
      r: 1,
      name: 2,
      start: 3,
      end: 4,
    });
  });

  it("leaves unknown or ambiguous headers unmapped and lets the first of two equal columns win", () => {
    const mapping = suggestMapping(["Budget (Tsd. €)", "Kostenstelle", "Start", "Beginn", "Bemerkung"]);
    expect(mapping.budgetEur).toBeNull();
    expect(mapping.start).toBe(2);
    expect(mapping.notes).toBe(4);
    expect(Object.values(mapping).filter((index) => index !== null)).toHaveLength(2);
  });

  it("recognises every export header as its own field", () => {
    const mapping = suggestMapping(projectFields.map((definition) => definition.label));
    projectFields.forEach((definition, index) => {
      expect(mapping[definition.field]).toBe(index);
    });
  });

  it("normalizes headers for comparison", () => {
    expect(normalizeHeader("Projekt-Name")).toBe("projektname");
    expect(normalizeHeader(" Geschäfts­bereich ")).toBe("geschaeftsbereich"); // with soft hyphen
    expect(normalizeHeader("Budget (€)")).toBe("budgeteur");
    expect(normalizeHeader("Priorita\u0308t")).toBe("prioritaet"); // decomposed ä
  });
});

describe("validateMapping", () => {
  const headers = ["GB", "R", "Projektname", "Start", "Ende"];
  const complete: ColumnMapping = { ...emptyMapping(), gb: 0, r: 1, name: 2, start: 3, end: 4 };

  it("accepts a complete mapping", () => {
    expect(validateMapping(complete, headers)).toEqual([]);
  });

  it("names each unmapped required field", () => {
    const messages = validateMapping({ ...complete, start: null, gb: null }, headers);
    expect(messages).toEqual([
      "Das Pflichtfeld „GB“ (Geschäftsbereich, z. B. OB oder ALL) ist keiner Spalte zugeordnet. Bitte wählen Sie " +
        "die Spalte der Datei aus, die diese Angabe enthält.",
      "Das Pflichtfeld „Start“ (Projektbeginn im Format TT.MM.JJJJ) ist keiner Spalte zugeordnet. Bitte wählen " +
        "Sie die Spalte der Datei aus, die diese Angabe enthält.",
    ]);
  });

  it("reports a column mapped to two fields, and columns the file does not have", () => {
    expect(validateMapping({ ...complete, end: 3 }, headers)).toEqual([
      "Die Spalte „Start“ ist mehreren Feldern zugeordnet („Start“ und „Ende“). Jede Spalte darf nur einem Feld " +
        "zugeordnet werden.",
    ]);
    expect(validateMapping({ ...complete, notes: 9 }, headers)).toEqual([
      "Das Feld „Bemerkungen“ ist der Spalte 10 zugeordnet, die es in der Datei nicht gibt (die Datei hat 5 Spalten).",
    ]);
  });

  it("has a zod schema for mappings sent by a client", () => {
    expect(columnMappingSchema.parse(complete)).toEqual(complete);
    expect(columnMappingSchema.safeParse({ ...complete, gb: -1 }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ ...complete, gb: 1.5 }).success).toBe(false);
  });
});
