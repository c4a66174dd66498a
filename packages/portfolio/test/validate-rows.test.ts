import { describe, expect, it } from "vitest";
import { type ImportTable, readTable, suggestMapping, validateRows } from "../src/index.ts";
import { utf8 } from "./helpers.ts";

const HEADER =
  "Projekt-ID;GB;R;Projektname;Projektbeschreibung;Start;Ende;Dauer;Status;Priorität;Methode;Projektleitung;" +
  "Budget (€);Aufwand (PT);Bemerkungen";

async function table(lines: readonly string[], header = HEADER): Promise<ImportTable> {
  return readTable(utf8([header, ...lines].join("\r\n")), "test.csv");
}

async function validate(lines: readonly string[], header = HEADER) {
  const t = await table(lines, header);
  return validateRows(t, suggestMapping(t.headers));
}

describe("validateRows", () => {
  it("reads a complete row with all optional fields", async () => {
    const result = await validate([
      "P-7; OB ; 37 ;  Ablösung OVVISIO ;neues Bußgeldverfahren;1.9.2022;2024-04-01;1 Jahr, 7 Monate, 1 Tag;" +
        "In Umsetzung;HOCH;agil;Erika Mustermann;12.500,00 €;12,5;läuft",
    ]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.projects).toEqual([
      {
        line: 2,
        externalId: "P-7",
        gb: "OB",
        r: "37",
        name: "Ablösung OVVISIO",
        description: "neues Bußgeldverfahren",
        start: "2022-09-01",
        end: "2024-04-01",
        declaredDuration: "1 Jahr, 7 Monate, 1 Tag",
        status: "in_progress",
        priority: "high",
        method: "agile",
        lead: "Erika Mustermann",
        budgetCents: 1_250_000,
        effortDays: 12.5,
        notes: "läuft",
      },
    ]);
  });

  it("maps every status, method and priority word and rejects unknown words listing the allowed ones", async () => {
    const statuses = [
      "angemeldet",
      "bewertet",
      "genehmigt",
      "in Umsetzung",
      "abgeschlossen",
      "abgelehnt",
      "gestoppt",
    ];
    const result = await validate(
      statuses.map(
        (status, index) => `;OB;37;P${index};;01.01.2023;31.12.2023;;${status};mittel;klassisch;;;;`,
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.projects.map((project) => project.status)).toEqual([
      "registered",
      "assessed",
      "approved",
      "in_progress",
      "completed",
      "rejected",
      "stopped",
    ]);
    expect(result.projects.length).toBeGreaterThan(0);
    expect(result.projects.every((p) => p.priority === "medium" && p.method === "classic")).toBe(true);

    const wrong = await validate([";OB;37;X;;01.01.2023;31.12.2023;;in Planung;dringend;Scrum;;;;"]);
    expect(wrong.ok).toBe(false);
    expect(wrong.errors.map((error) => error.message)).toEqual([
      "Zeile 2, Spalte „Status“: „in Planung“ ist als Status nicht zulässig. Erlaubt sind: angemeldet, bewertet, " +
        "genehmigt, in Umsetzung, abgeschlossen, abgelehnt, gestoppt.",
      "Zeile 2, Spalte „Priorität“: „dringend“ ist als Priorität nicht zulässig. Erlaubt sind: hoch, mittel, niedrig.",
      "Zeile 2, Spalte „Methode“: „Scrum“ ist als Methode nicht zulässig. Erlaubt sind: klassisch, agil, hybrid.",
    ]);
  });

  it("reports empty required fields with line and column", async () => {
    const result = await validate([";OB;;Projekt A;;01.01.2023;;;;;;;;;"]);
    expect(result.ok).toBe(false);
    expect(result.projects).toEqual([]);
    expect(result.errors.map(({ line, column, field, value }) => ({ line, column, field, value }))).toEqual([
      { line: 2, column: "R", field: "r", value: "" },
      { line: 2, column: "Ende", field: "end", value: "" },
    ]);
    expect(result.errors[0]!.message).toBe(
      "Zeile 2, Spalte „R“: Das Pflichtfeld „R“ ist leer. Bitte tragen Sie hier einen Wert ein " +
        "(Ressort / Fachbereich, z. B. 37 oder Quer).",
    );
  });

  it("rejects impossible and malformed dates and an end before the start", async () => {
    const result = await validate([
      ";OB;37;A;;31.02.2023;31.12.2023;;;;;;;;",
      ";OB;37;B;;01.04.23;31.12.2023;;;;;;;;",
      ";OB;37;C;;April 2023;31.12.2023;;;;;;;;",
      ";OB;37;D;;01.07.2023;30.06.2023;;;;;;;;",
      ";OB;37;E;;29.02.2024;2023-13-01;;;;;;;;",
    ]);
    expect(result.errors.map((error) => [error.line, error.column, error.value])).toEqual([
      [2, "Start", "31.02.2023"],
      [3, "Start", "01.04.23"],
      [4, "Start", "April 2023"],
      [5, "Ende", "30.06.2023"],
      [6, "Ende", "2023-13-01"],
    ]);
    expect(result.errors[1]!.message).toContain("Bitte das Jahr vierstellig angeben");
    expect(result.errors[3]!.message).toBe(
      "Zeile 5, Spalte „Ende“: Das Ende 30.06.2023 liegt vor dem Start 01.07.2023 (Spalte „Start“). " +
        "Bitte prüfen Sie beide Daten.",
    );
    expect(result.projects).toEqual([]);
  });

  it("parses German amounts and rejects ambiguous or invalid ones", async () => {
    const budgets = ["1.234,56", "1234,5", "1.234 €", "12.500,00 €", "1234.5", "EUR 99", ""];
    const ok = await validate(
      budgets.map((budget, i) => `;OB;37;P${i};;01.01.2023;31.12.2023;;;;;;${budget};;`),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.projects.map((project) => project.budgetCents)).toEqual([
      123_456,
      123_450,
      123_400,
      1_250_000,
      123_450,
      9_900,
      undefined,
    ]);

    const bad = await validate([
      ";OB;37;A;;01.01.2023;31.12.2023;;;;;;1,234.56;;",
      ";OB;37;B;;01.01.2023;31.12.2023;;;;;;12,345;;",
      ";OB;37;C;;01.01.2023;31.12.2023;;;;;;-5;;",
      ";OB;37;D;;01.01.2023;31.12.2023;;;;;;ca. 5000;;",
      ";OB;37;E;;01.01.2023;31.12.2023;;;;;;;viel;",
    ]);
    expect(bad.errors.map((error) => [error.line, error.column, error.value])).toEqual([
      [2, "Budget (€)", "1,234.56"],
      [3, "Budget (€)", "12,345"],
      [4, "Budget (€)", "-5"],
      [5, "Budget (€)", "ca. 5000"],
      [6, "Aufwand (PT)", "viel"],
    ]);
    expect(bad.errors[0]!.message).toContain("„1,234.56“ ist kein gültiger Betrag");
    expect(bad.errors[1]!.message).toContain("höchstens zwei Nachkommastellen");
    expect(bad.errors[2]!.message).toContain("nicht negativ");
  });

  it("reports a duplicate project (same GB, R and name, ignoring case and spaces) on the later row", async () => {
    const result = await validate([
      ";OB;37;Ablösung eldis;;01.01.2020;01.06.2023;;;;;;;;",
      ";ALL;Quer;Payment;;01.02.2023;30.04.2023;;;;;;;;",
      ";ob;37;ablösung  ELDIS ;;01.01.2021;01.06.2023;;;;;;;;",
      ";OB;30;Ablösung eldis;;01.01.2021;01.06.2023;;;;;;;;",
    ]);
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      line: 4,
      column: "Projektname",
      field: "name",
      value: "ablösung  ELDIS",
    });
    expect(result.errors[0]!.message).toContain("steht bereits in Zeile 2");
    expect(result.projects.map((project) => project.line)).toEqual([2, 3, 5]);
  });

  it("reports a duplicate Projekt-ID", async () => {
    const result = await validate([
      "p-1;OB;37;A;;01.01.2023;31.12.2023;;;;;;;;",
      "P-1;OB;37;B;;01.01.2023;31.12.2023;;;;;;;;",
    ]);
    expect(result.errors.map((error) => [error.line, error.column, error.value])).toEqual([
      [3, "Projekt-ID", "P-1"],
    ]);
  });

  it("warns once about unmapped columns that contain values, including cells without header", async () => {
    const header = "GB;R;Projektname;Start;Ende;Kostenstelle;Leer;Ansprechpartner";
    const t = await table(
      ["OB;37;A;01.01.2023;31.12.2023;4711;;Frau X;Extra", "OB;37;B;01.01.2023;31.12.2023;;;;"],
      header,
    );
    const result = validateRows(t, suggestMapping(t.headers));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        line: 1,
        column: "Kostenstelle, Ansprechpartner, Spalte 9",
        field: "",
        value: "",
        message:
          "Zeile 1: Die Spalten „Kostenstelle“, „Ansprechpartner“, „Spalte 9“ sind keinem Feld zugeordnet und " +
          "enthalten Werte. Diese Werte werden nicht importiert. Wenn sie übernommen werden sollen, ordnen Sie die " +
          "Spalten bitte einem Feld zu (z. B. „Bemerkungen“).",
      },
    ]);
    // Mapping the columns makes the warning go away.
    const mapping = { ...suggestMapping(t.headers), notes: 5, lead: 7 };
    const ignoredNine = validateRows(t, mapping);
    expect(ignoredNine.warnings.map((warning) => warning.column)).toEqual(["Spalte 9"]);
  });

  it("warns about a Dauer it cannot read, and accepts 12 Monate as 1 Jahr", async () => {
    const result = await validate([
      ";OB;37;A;;01.01.2023;31.12.2023;ein Jahr;;;;;;;",
      ";OB;37;B;;01.01.2023;31.12.2023;0 Jahre, 12 Monate, 0 Tage;;;;;;;",
      ";OB;37;C;;01.01.2023;31.12.2023;1 Jahr;;;;;;;",
    ]);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => [warning.line, warning.column, warning.value])).toEqual([
      [2, "Dauer", "ein Jahr"],
    ]);
    expect(result.warnings[0]!.message).toContain("„ein Jahr“ ist nicht lesbar");
    expect(result.projects.map((project) => project.declaredDuration)).toEqual([
      "ein Jahr",
      "0 Jahre, 12 Monate, 0 Tage",
      "1 Jahr",
    ]);
  });

  it("refuses to validate with an incomplete mapping and says why", async () => {
    const t = await table([";OB;37;A;;01.01.2023;31.12.2023;;;;;;;;"]);
    const result = validateRows(t, { ...suggestMapping(t.headers), start: null });
    expect(result.ok).toBe(false);
    expect(result.projects).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 1, field: "start", column: "" });
    expect(result.errors[0]!.message).toContain("Das Pflichtfeld „Start“");
  });

  it("keeps text exactly as given apart from surrounding whitespace", async () => {
    const result = await validate([
      ';OB;37;"  Straße   der  Einheit — „neu“ ";"Zeile 1\r\nZeile 2 ; mit ""Zitat""";01.01.2023;31.12.2023;;;;;;;;',
    ]);
    expect(result.projects[0]).toMatchObject({
      name: "Straße   der  Einheit — „neu“",
      description: 'Zeile 1\r\nZeile 2 ; mit "Zitat"',
    });
  });
});
