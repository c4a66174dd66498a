import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../src/catalogue.ts";
import { readCsv } from "../src/csv.ts";
import { parseLeikaTypes } from "../src/leika-types.ts";
import { catalogueSources } from "./seed.ts";

describe("parseCatalogue with the real KDN extract", () => {
  const sources = catalogueSources();
  const { catalogue, problems } = parseCatalogue(sources);

  it("reads 14 Themenfelder, 55 Lagen, 557 OZG-Leistungen and 5,249 LeiKa rows without problems", () => {
    expect(problems).toEqual([]);
    expect(catalogue.themenfelder).toHaveLength(14);
    expect(catalogue.lagen).toHaveLength(55);
    expect(catalogue.services).toHaveLength(557);
    expect(catalogue.leika).toHaveLength(5249);
  });

  it("keeps every data line of every file (counted independently as non-empty lines minus the header)", () => {
    const dataLines = (text: string) => text.split("\n").filter((l) => l.trim() !== "").length - 1;
    expect(catalogue.themenfelder).toHaveLength(dataLines(sources.themenfelder!));
    expect(catalogue.lagen).toHaveLength(dataLines(sources.lebenslagen!));
    expect(catalogue.services).toHaveLength(dataLines(sources.ozgLeistungen!));
    expect(catalogue.leika).toHaveLength(dataLines(sources.leikaLeistungen!));
  });

  it("maps 'nicht im LeiKa' to a null id (436 rows, as SOURCE.md says)", () => {
    expect(catalogue.leika.filter((r) => r.id === null)).toHaveLength(436);
    expect(catalogue.leika.filter((r) => r.id !== null).length).toBeGreaterThan(0);
    expect(catalogue.leika.filter((r) => r.id !== null).every((r) => /^\d{14}$/.test(r.id!))).toBe(true);
  });

  it("resolves Lage and Themenfeld of a service", () => {
    expect(catalogue.services.find((s) => s.id === "10124")).toEqual({
      id: "10124",
      name: "Wohnsitzmeldungen",
      lageId: "55",
      lage: "Wohnen & Umzug",
      themenfeldId: "2",
      themenfeld: "Bauen & Wohnen",
    });
  });

  it("parses combined LeiKa types and keeps rows without OZG assignment", () => {
    const alg2 = catalogue.leika.find((r) => r.id === "99107002000000");
    expect(alg2).toMatchObject({ type: "1, 2/3", types: ["1", "2/3"], ozgId: "10082" });
    const unassigned = catalogue.leika.filter((r) => r.ozgId === null);
    expect(unassigned).toHaveLength(26);
    expect(catalogue.leika.filter((r) => r.type === null)).toHaveLength(8);
  });
});

describe("parseCatalogue reports and rejects bad rows", () => {
  const base = {
    themenfelder: "themenfeld_id,themenfeld\n1,Arbeit\n2,Bauen\n",
    lebenslagen: "lebenslage_id,lebenslage,themenfeld_id,themenfeld\n10,Umzug,2,Bauen\n11,Rente,1,Arbeit\n",
    ozgLeistungen: "ozg_id,ozg_leistung,lebenslage,themenfeld\n10124,Wohnsitz,Umzug,Bauen\n",
    leikaLeistungen: "leika_id,leika_leistung,leika_typ,ozg_id\n99115001000000,Anmeldung,2/3,10124\n",
  };

  it("accepts a clean minimal catalogue", () => {
    const r = parseCatalogue(base);
    expect(r.problems).toEqual([]);
    expect(r.catalogue.services.map((s) => s.id)).toEqual(["10124"]);
  });

  it("rejects a Themenfeld without id and a duplicate, with line numbers", () => {
    const r = parseCatalogue({
      ...base,
      themenfelder: "themenfeld_id,themenfeld\n1,Arbeit\n,Ohne\n1,Nochmal\n2,Bauen\n",
    });
    expect(r.catalogue.themenfelder.map((t) => t.id)).toEqual(["1", "2"]);
    expect(r.problems).toEqual([
      { file: "themenfelder.csv", line: 3, message: "Themenfeld-ID fehlt", rejected: true },
      { file: "themenfelder.csv", line: 4, message: "Themenfeld-ID 1 ist doppelt", rejected: true },
    ]);
  });

  it("rejects a Lage with an unknown Themenfeld and one whose Themenfeld name contradicts the id", () => {
    const r = parseCatalogue({
      ...base,
      lebenslagen:
        "lebenslage_id,lebenslage,themenfeld_id,themenfeld\n10,Umzug,2,Bauen\n12,Jagd,9,Jagd\n13,Tod,1,Bauen\n",
    });
    expect(r.catalogue.lagen.map((l) => l.id)).toEqual(["10"]);
    expect(r.problems.map((p) => [p.file, p.line])).toEqual([
      ["lebenslagen.csv", 3],
      ["lebenslagen.csv", 4],
    ]);
    expect(r.problems[0]!.message).toContain("Unbekanntes Themenfeld 9");
  });

  it("rejects a service with an unknown Lage, a missing id, and a Lage from another Themenfeld", () => {
    const r = parseCatalogue({
      ...base,
      ozgLeistungen:
        "ozg_id,ozg_leistung,lebenslage,themenfeld\n10124,Wohnsitz,Umzug,Bauen\n10200,X,Gibtsnicht,Bauen\n,Ohne ID,Umzug,Bauen\n10300,Y,Umzug,Arbeit\n",
    });
    expect(r.catalogue.services.map((s) => s.id)).toEqual(["10124"]);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(r.problems[0]!.message).toBe("Unbekannte Lage »Gibtsnicht« bei OZG-Leistung 10200");
    expect(r.problems[1]!.message).toBe("OZG-ID fehlt");
  });

  it("rejects LeiKa rows with unknown OZG-ID, missing or malformed key; warns on unreadable types", () => {
    const r = parseCatalogue({
      ...base,
      leikaLeistungen: [
        "leika_id,leika_leistung,leika_typ,ozg_id",
        "99115001000000,Anmeldung,2/3,10124",
        "99115001000001,Unbekannt,2/3,99999",
        ",Ohne Schlüssel,1,10124",
        "123,Zu kurz,1,10124",
        "nicht im LeiKa,Sonderfall,1,10124",
        '99115001000002,Komisch,"2/3, ??",10124',
        "99115001000003,Ohne OZG,1,",
      ].join("\n"),
    });
    expect(r.catalogue.leika.map((l) => l.name)).toEqual(["Anmeldung", "Sonderfall", "Komisch", "Ohne OZG"]);
    expect(r.catalogue.leika[1]!.id).toBeNull();
    expect(r.catalogue.leika[2]!.types).toEqual(["2/3"]);
    expect(r.catalogue.leika[3]!.ozgId).toBeNull();
    expect(r.problems.map((p) => [p.line, p.rejected])).toEqual([
      [3, true],
      [4, true],
      [5, true],
      [7, false],
    ]);
    expect(r.problems[0]!.message).toBe("Unbekannte OZG-ID 99999 bei LeiKa-Leistung 99115001000001");
  });

  it("counts lines correctly after a quoted field spanning two lines", () => {
    const r = parseCatalogue({
      ...base,
      ozgLeistungen:
        'ozg_id,ozg_leistung,lebenslage,themenfeld\n10124,"Wohn\nsitz",Umzug,Bauen\n10200,X,Nix,Bauen\n',
    });
    expect(r.catalogue.services[0]!.name).toBe("Wohn\nsitz");
    expect(r.problems).toMatchObject([{ file: "ozg_leistungen.csv", line: 4 }]);
  });

  it("reports missing files, missing columns and rows with the wrong number of fields", () => {
    const r = parseCatalogue({
      themenfelder: base.themenfelder,
      lebenslagen: "id,name\n1,x\n",
      ozgLeistungen: "ozg_id,ozg_leistung,lebenslage,themenfeld\n10124,Wohnsitz,Umzug\n",
    });
    expect(r.problems).toEqual([
      {
        file: "lebenslagen.csv",
        line: 1,
        message: "Pflichtspalte(n) fehlen im Kopf: lebenslage_id, lebenslage, themenfeld_id",
        rejected: true,
      },
      { file: "ozg_leistungen.csv", line: 2, message: "Zeile hat 3 statt 4 Spalten", rejected: true },
      { file: "leika_leistungen.csv", line: 0, message: "Datei leika_leistungen.csv fehlt", rejected: true },
    ]);
  });

  it("ignores a byte order mark and blank lines", () => {
    const r = parseCatalogue({
      ...base,
      themenfelder: "\uFEFFthemenfeld_id,themenfeld\n1,Arbeit\n\n2,Bauen\n\n",
    });
    expect(r.problems).toEqual([]);
    expect(r.catalogue.themenfelder).toEqual([
      { id: "1", name: "Arbeit" },
      { id: "2", name: "Bauen" },
    ]);
  });
});

describe("parseLeikaTypes", () => {
  it("splits combined codes and normalizes spacing", () => {
    expect(parseLeikaTypes("1, 2/3")).toEqual(["1", "2/3"]);
    expect(parseLeikaTypes("2 / 3")).toEqual(["2/3"]);
    expect(parseLeikaTypes("4B;4b")).toEqual(["4b"]);
    expect(parseLeikaTypes("")).toEqual([]);
    expect(parseLeikaTypes(null)).toEqual([]);
  });
});

describe("catalogue file limits", () => {
  it("refuses a file with more rows than the limit as a whole, naming the limit", () => {
    const text = `themenfeld_id,themenfeld\n${"1,Arbeit\n".repeat(50_001)}`;
    const result = readCsv(text, ["themenfeld_id", "themenfeld"]);
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([{ line: 0, message: "Datei hat mehr als 50.000 Zeilen" }]);
  });
});
