/**
 * The real Halle (Saale) Projektliste 2023 (15 projects), as TSV and converted into the other formats people
 * will upload: semicolon CSV in Windows-1252 (German Excel "CSV (Trennzeichen-getrennt)"), CSV UTF-8 with BOM
 * ("CSV UTF-8"), and XLSX.
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  type ImportedProject,
  type ImportTable,
  readTable,
  suggestMapping,
  type ValidationResult,
  validateRows,
} from "../src/index.ts";
import {
  buildXlsx,
  encodeWindows1252,
  excelDate,
  fixtureBytes,
  HALLE_FILE,
  halleRows,
  utf8,
  type XlsxCell,
} from "./helpers.ts";

/** Line in the file, GB, R, Projektname, Start, Ende (ISO, converted by hand from the dd.mm.yyyy values). */
const EXPECTED: [number, string, string, string, string, string][] = [
  [2, "ALL", "Quer", "WLAN in städtischen Gebäuden", "2023-04-01", "2023-12-31"],
  [3, "ALL", "Quer", "Lern-/Wissensplattform (Aufbau)", "2023-01-01", "2023-12-31"],
  [4, "ALL", "Quer", "Payment", "2023-02-01", "2023-04-30"],
  [5, "ALL", "Quer", "Modernisierung Druckzentrum", "2023-01-01", "2023-12-31"],
  [
    6,
    "ALL",
    "Quer",
    "Erneuerung MS Office i. V. m. Umstellung auf Win10 (Anforderungen durch Fachverfahren)",
    "2023-01-01",
    "2023-12-31",
  ],
  [7, "ALL", "Quer", "Workflow-Management (DoRIS, Onboarding)", "2023-03-01", "2023-09-30"],
  [8, "OB", "201", "Energie Management Software", "2023-06-01", "2023-12-31"],
  [9, "OB", "30", "Einführung Kanzlei-SW", "2022-07-01", "2023-12-31"],
  [10, "OB", "30", "AI-Vergabemanager - Archivierungsschnittstelle", "2023-05-01", "2023-09-30"],
  [11, "OB", "37", "Neubau 3. Feuerwache - Teilprojekt IT", "2022-06-01", "2023-02-01"],
  [12, "OB", "37", "Anpassung OVVISIO - KBA-Meldungen", "2022-10-01", "2023-06-30"],
  [13, "OB", "37", "Ablösung OVVISIO", "2022-09-01", "2024-04-01"],
  [14, "OB", "37", "Ablösung eldis", "2020-01-01", "2023-06-01"],
  [15, "OB", "Quer", "neues Stadtportal (Halle.de)", "2023-01-01", "2023-03-31"],
  [16, "OB", "Quer", "Veranstaltungsmanagementsoftware", "2023-05-01", "2023-12-31"],
];

/**
 * Dauer warnings, computed by hand with the inclusive end (duration = start up to the day after the end):
 *  2: 01.04.2023–31.12.2023 → up to 01.01.2024 = 9 Monate (file: 8 Monate)
 *  3: 01.01.2023–31.12.2023 → up to 01.01.2024 = 1 Jahr (file: 11 Monate)
 *  4: 01.02.2023–30.04.2023 → up to 01.05.2023 = 3 Monate (file: 2 Monate)
 *  5: 01.01.2023–31.12.2023 → 1 Jahr (file: 11 Monate)
 *  6: 01.01.2023–31.12.2023 → 1 Jahr (file: 11 Monate)
 *  7: 01.03.2023–30.09.2023 → up to 01.10.2023 = 7 Monate (file: 6 Monate)
 *  8: 01.06.2023–31.12.2023 → up to 01.01.2024 = 7 Monate (file: 6 Monate)
 *  9: 01.07.2022–31.12.2023 → up to 01.01.2024 = 1 Jahr 6 Monate (file: 1 Jahr 5 Monate)
 * 10: 01.05.2023–30.09.2023 → up to 01.10.2023 = 5 Monate (file: 4 Monate)
 * 11: 01.06.2022–01.02.2023 → up to 02.02.2023 = 8 Monate 1 Tag (file: same → no warning)
 * 12: 01.10.2022–30.06.2023 → up to 01.07.2023 = 9 Monate (file: 8 Monate)
 * 13: 01.09.2022–01.04.2024 → up to 02.04.2024 = 1 Jahr 7 Monate 1 Tag (file: same → no warning)
 * 14: 01.01.2020–01.06.2023 → up to 02.06.2023 = 3 Jahre 5 Monate 1 Tag (file: same → no warning)
 * 15: 01.01.2023–31.03.2023 → up to 01.04.2023 = 3 Monate (file: 2 Monate)
 * 16: 01.05.2023–31.12.2023 → up to 01.01.2024 = 8 Monate (file: 7 Monate)
 */
const EXPECTED_DAUER_WARNINGS: [number, string, string][] = [
  [2, "0 Jahre, 8 Monate 0 Tage", "0 Jahre, 9 Monate, 0 Tage"],
  [3, "0 Jahre, 11 Monate 0 Tage", "1 Jahr, 0 Monate, 0 Tage"],
  [4, "0 Jahre, 2 Monate 0 Tage", "0 Jahre, 3 Monate, 0 Tage"],
  [5, "0 Jahre, 11 Monate 0 Tage", "1 Jahr, 0 Monate, 0 Tage"],
  [6, "0 Jahre, 11 Monate 0 Tage", "1 Jahr, 0 Monate, 0 Tage"],
  [7, "0 Jahre, 6 Monate 0 Tage", "0 Jahre, 7 Monate, 0 Tage"],
  [8, "0 Jahre, 6 Monate 0 Tage", "0 Jahre, 7 Monate, 0 Tage"],
  [9, "1 Jahre, 5 Monate 0 Tage", "1 Jahr, 6 Monate, 0 Tage"],
  [10, "0 Jahre, 4 Monate 0 Tage", "0 Jahre, 5 Monate, 0 Tage"],
  [12, "0 Jahre, 8 Monate 0 Tage", "0 Jahre, 9 Monate, 0 Tage"],
  [15, "0 Jahre, 2 Monate 0 Tage", "0 Jahre, 3 Monate, 0 Tage"],
  [16, "0 Jahre, 7 Monate 0 Tage", "0 Jahre, 8 Monate, 0 Tage"],
];

async function importFile(bytes: Uint8Array, fileName: string): Promise<[ImportTable, ValidationResult]> {
  const table = await readTable(bytes, fileName);
  return [table, validateRows(table, suggestMapping(table.headers))];
}

function essentials(projects: readonly ImportedProject[]) {
  return projects.map((project) => [
    project.line,
    project.gb,
    project.r,
    project.name,
    project.start,
    project.end,
  ]);
}

function expectTheHalleList(table: ImportTable, result: ValidationResult) {
  expect(table.headers).toEqual(["GB", "R", "Projektname", "Projektbeschreibung", "Start", "Dauer", "Ende"]);
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.rowCount).toBe(15);
  expect(result.projects).toHaveLength(15);
  expect(essentials(result.projects)).toEqual(EXPECTED);
  expect(result.warnings.map((warning) => [warning.line, warning.value])).toEqual(
    EXPECTED_DAUER_WARNINGS.map(([line, declared]) => [line, declared]),
  );
  for (const warning of result.warnings) {
    const [, declared, derived] = EXPECTED_DAUER_WARNINGS.find(([line]) => line === warning.line)!;
    expect(warning.column).toBe("Dauer");
    expect(warning.field).toBe("declaredDuration");
    expect(warning.message).toContain(`„${declared}“`);
    expect(warning.message).toContain(`„${derived}“`);
  }
}

describe("Projektliste 2023 (Halle)", () => {
  it("reads the TSV: 15 projects, ISO dates, GB/R, no errors, exactly the expected Dauer warnings", async () => {
    const [table, result] = await importFile(fixtureBytes(HALLE_FILE), HALLE_FILE);
    expect(table).toMatchObject({ format: "tsv", encoding: "utf-8", delimiter: "\t", headerLine: 1 });
    expectTheHalleList(table, result);

    const [first] = result.projects;
    expect(first).toEqual({
      line: 2,
      gb: "ALL",
      r: "Quer",
      name: "WLAN in städtischen Gebäuden",
      description: "Umsetzungsprojekt",
      start: "2023-04-01",
      end: "2023-12-31",
      declaredDuration: "0 Jahre, 8 Monate 0 Tage",
    });
    expect(result.projects.find((project) => project.line === 8)?.description).toBe(
      "zentrale Software, Überblick, zu vergleichen, Schwachstellen lokalisieren, Einsparungen",
    );
    expect(result.warnings.find((warning) => warning.line === 3)?.message).toBe(
      "Zeile 3, Spalte „Dauer“: Angegebene Dauer „0 Jahre, 11 Monate 0 Tage“ weicht von der aus Start und Ende " +
        "berechneten Dauer „1 Jahr, 0 Monate, 0 Tage“ (01.01.2023 bis einschließlich 31.12.2023) ab; SPATZ " +
        "verwendet die berechnete Dauer.",
    );
  });

  it("reads the same list as semicolon CSV in Windows-1252 with real umlauts", async () => {
    const csv = Papa.unparse(halleRows(), { delimiter: ";", newline: "\r\n" });
    const bytes = encodeWindows1252(csv);
    // Single bytes for umlauts (ö = 0xF6 in "Ablösung"), so the bytes are not valid UTF-8.
    expect(csv).toContain("Ablösung OVVISIO");
    expect(bytes).toContain(0xf6);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();

    const [table, result] = await importFile(bytes, "Projektliste 2023.csv");
    expect(table).toMatchObject({ format: "csv", encoding: "windows-1252", delimiter: ";" });
    expectTheHalleList(table, result);
    expect(result.projects.find((project) => project.line === 13)?.description).toBe(
      "neues Bußgeldverfahren",
    );
  });

  it("reads a hand-written Windows-1252 CSV with umlauts, € and semicolons inside quotes", async () => {
    const csv =
      "GB;R;Projektname;Projektbeschreibung;Start;Ende;Budget (€)\r\n" +
      'OB;37;Räume für Feuerwache;"Umzug; Möbel ""neu""";01.01.2024;31.12.2024;12.500,00 €\r\n';
    const [table, result] = await importFile(encodeWindows1252(csv), "räume.csv");
    expect(table.encoding).toBe("windows-1252");
    expect(result.errors).toEqual([]);
    expect(result.projects).toEqual([
      {
        line: 2,
        gb: "OB",
        r: "37",
        name: "Räume für Feuerwache",
        description: 'Umzug; Möbel "neu"',
        start: "2024-01-01",
        end: "2024-12-31",
        budgetCents: 1_250_000,
      },
    ]);
  });

  it("reads the same list as CSV UTF-8 with BOM", async () => {
    const bytes = utf8(Papa.unparse(halleRows(), { delimiter: ";", newline: "\r\n" }), true);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [table, result] = await importFile(bytes, "projektliste.csv");
    expect(table).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ";" });
    expect(table.headers[0]).toBe("GB"); // BOM is not part of the first header
    expectTheHalleList(table, result);
  });

  it("reads the same list as XLSX with date cells and numeric R values", async () => {
    const [header, ...data] = halleRows();
    const toDate = (text: string) => {
      const [day, month, year] = text.split(".").map(Number) as [number, number, number];
      return excelDate(year, month, day);
    };
    const rows: XlsxCell[][] = [
      header!,
      ...data.map(([gb, r, name, description, start, dauer, end]) => [
        gb!,
        /^\d+$/.test(r!) ? Number(r) : r!, // Excel stores 201, 30, 37 as numbers
        name!,
        description!,
        toDate(start!),
        dauer!,
        toDate(end!),
      ]),
    ];
    const [table, result] = await importFile(await buildXlsx(rows), "Projektliste 2023.xlsx");
    expect(table).toMatchObject({ format: "xlsx", encoding: null, delimiter: null, headerLine: 1 });
    expectTheHalleList(table, result);
  });

  it("keeps reading the list when the name says .csv but the content is XLSX (content decides)", async () => {
    const [header, ...data] = halleRows();
    const [table, result] = await importFile(await buildXlsx([header!, ...data]), "liste.csv");
    expect(table.format).toBe("xlsx");
    expectTheHalleList(table, result);
  });
});

describe("a list with one impossible date", () => {
  it("names line, column and value; the caller sees !ok and must commit nothing", async () => {
    // Line 7 (Workflow-Management) gets Start 31.02.2023 instead of 01.03.2023.
    const lines = new TextDecoder().decode(fixtureBytes(HALLE_FILE)).split("\n");
    expect(lines[6]).toContain("Workflow-Management");
    lines[6] = lines[6]!.replace("01.03.2023", "31.02.2023");
    const [, result] = await importFile(utf8(lines.join("\n")), "mit-fehler.tsv");

    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 7, column: "Start", field: "start", value: "31.02.2023" });
    expect(result.errors[0]!.message).toBe(
      "Zeile 7, Spalte „Start“: „31.02.2023“ ist kein gültiges Datum – diesen Tag gibt es im Kalender nicht. " +
        "Erlaubt sind Datumsangaben wie 01.04.2023, 1.4.2023 oder 2023-04-01.",
    );
    // The good rows stay available for a preview, but the import as a whole is refused.
    expect(result.projects).toHaveLength(14);
    expect(result.projects.map((project) => project.line)).not.toContain(7);
    // No duration comparison for the broken row.
    expect(result.warnings.map((warning) => warning.line)).not.toContain(7);
  });
});
